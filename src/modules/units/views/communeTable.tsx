import type { FC } from "hono/jsx";
import type { PageContext } from "../../../platform/http/layout.tsx";
import { formatNumber } from "../../../platform/i18n/i18n.ts";
import type { CommuneRow } from "../queries/provinceOverview.ts";
import { UnitTags } from "./common.tsx";

/** The current communes of a province with their number of villages: name, code, villages. */
export const CommuneTable: FC<{ ctx: PageContext; communes: CommuneRow[]; headingId: string }> = ({
  ctx,
  communes,
  headingId,
}) => {
  const { t, locale } = ctx;
  const total = communes.reduce((n, c) => n + (c.retired_at ? 0 : c.villages), 0);
  return (
    <>
      <div class="scroll">
        <table aria-labelledby={headingId}>
          <thead>
            <tr>
              <th scope="col">{t("units.col.name")}</th>
              <th scope="col">{t("units.col.code")}</th>
              <th scope="col" class="num">
                {t("units.col.villages")}
              </th>
            </tr>
          </thead>
          <tbody>
            {communes.map((c) => (
              <tr>
                <td>
                  <a href={`/units/${c.id}`}>{c.full_name}</a>
                  <UnitTags ctx={ctx} unit={c} />
                </td>
                <td>{c.code}</td>
                <td class="num">{formatNumber(c.villages, locale)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p class="muted">{t("units.communes.total", { villages: total })}</p>
    </>
  );
};
