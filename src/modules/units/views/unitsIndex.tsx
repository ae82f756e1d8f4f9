import type { FC } from "hono/jsx";
import { type PageContext, Pager } from "../../../platform/http/layout.tsx";
import type { CommuneRow, UnitSummary } from "../queries/provinceOverview.ts";
import type { UnitSearchHit } from "../queries/searchUnits.ts";
import { levelLabel, reorganisationDate, UnitTags } from "./common.tsx";
import { CommuneTable } from "./communeTable.tsx";

export const SearchForm: FC<{ ctx: PageContext; q: string }> = ({ ctx, q }) => (
  <form method="get" action="/units">
    <div class="field">
      <label for="f-q">{ctx.t("units.search.label")}</label>
      <p class="hint" id="f-q-hint">
        {ctx.t("units.search.hint")}
      </p>
      <div class="search">
        <input id="f-q" name="q" type="search" value={q} maxlength={100} aria-describedby="f-q-hint" />
        <button type="submit">{ctx.t("form.search")}</button>
      </div>
    </div>
  </form>
);

export const UnitsIndexPage: FC<{
  ctx: PageContext;
  province: UnitSummary | null;
  communes: CommuneRow[];
  canManage: boolean;
}> = ({ ctx, province, communes, canManage }) => {
  const { t } = ctx;
  const date = reorganisationDate();
  return (
    <section>
      <h1>{province ? province.full_name : t("units.title")}</h1>
      <p class="muted">{t("units.lead", { date })}</p>
      <SearchForm ctx={ctx} q="" />
      {province ? (
        <p>
          <a href={`/units/${province.id}`}>{t("units.details")}</a>
          {" · "}
          <a href="/units/history">{t("units.history.link", { date })}</a>
        </p>
      ) : null}
      {canManage ? (
        <p>
          <a href="/admin/units/import">{t("units.admin.import")}</a>
        </p>
      ) : null}
      <h2 id="communes">{t("units.communes.title", { n: communes.length })}</h2>
      <CommuneTable ctx={ctx} communes={communes} headingId="communes" />
    </section>
  );
};

export const SearchResultsPage: FC<{
  ctx: PageContext;
  q: string;
  hits: UnitSearchHit[];
  page: number;
  hasNext: boolean;
}> = ({ ctx, q, hits, page, hasNext }) => {
  const { t } = ctx;
  return (
    <section>
      <h1>{t("units.search.results", { q })}</h1>
      <SearchForm ctx={ctx} q={q} />
      {hits.length === 0 ? (
        <p>{t("units.search.none", { q })}</p>
      ) : (
        <>
          <div class="scroll">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("units.col.name")}</th>
                  <th scope="col">{t("units.col.level")}</th>
                  <th scope="col">{t("units.col.parent")}</th>
                </tr>
              </thead>
              <tbody>
                {hits.map((u) => (
                  <tr>
                    <td>
                      <a href={`/units/${u.id}`}>{u.full_name}</a>
                      <UnitTags ctx={ctx} unit={u} />
                    </td>
                    <td>{levelLabel(t, u.level)}</td>
                    <td>
                      {u.parent_id && u.parent_name ? (
                        <a href={`/units/${u.parent_id}`}>{u.parent_name}</a>
                      ) : (
                        "—"
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pager ctx={ctx} page={page} hasNext={hasNext} base={`/units?q=${encodeURIComponent(q)}`} />
        </>
      )}
      <p>
        <a href="/units">{t("units.search.clear")}</a>
      </p>
    </section>
  );
};
