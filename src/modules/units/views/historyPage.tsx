import type { FC } from "hono/jsx";
import type { PageContext } from "../../../platform/http/layout.tsx";
import type { HistoryDistrict } from "../queries/history.ts";
import type { UnitSummary } from "../queries/provinceOverview.ts";
import { reorganisationDate, typeLabel } from "./common.tsx";

export const HistoryPage: FC<{
  ctx: PageContext;
  province: UnitSummary;
  districts: HistoryDistrict[];
  direct: UnitSummary[];
}> = ({ ctx, province, districts, direct }) => {
  const { t } = ctx;
  const date = reorganisationDate();
  return (
    <section>
      <nav aria-label={t("units.crumbs")}>
        <ol class="crumbs">
          <li>
            <a href="/units">{t("units.title")}</a>
          </li>
          <li>
            <a href={`/units/${province.id}`}>{province.full_name}</a>
          </li>
        </ol>
      </nav>
      <h1>{t("units.history.title", { date })}</h1>
      <p>{t("units.history.lead", { date })}</p>
      <h2 id="districts">{t("units.history.districts", { n: districts.length })}</h2>
      <div class="scroll">
        <table aria-labelledby="districts">
          <thead>
            <tr>
              <th scope="col">{t("units.col.name")}</th>
              <th scope="col">{t("units.fact.type")}</th>
              <th scope="col">{t("units.col.code")}</th>
              <th scope="col" class="num">
                {t("units.col.communes")}
              </th>
            </tr>
          </thead>
          <tbody>
            {districts.map((d) => (
              <tr>
                <td>
                  <a href={`/units/${d.id}`}>{d.full_name}</a>
                </td>
                <td>{typeLabel(t, d.type)}</td>
                <td>{d.code}</td>
                <td class="num">{d.communes}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {direct.length > 0 ? (
        <>
          <h2>{t("units.history.direct", { n: direct.length })}</h2>
          <ul>
            {direct.map((c) => (
              <li>
                <a href={`/units/${c.id}`}>{c.full_name}</a> <span class="muted">{c.code}</span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
};
