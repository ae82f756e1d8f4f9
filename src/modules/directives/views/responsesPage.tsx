import type { FC } from "hono/jsx";
import { BarChart } from "../../../platform/charts/barChart.tsx";
import { type PageContext, Pager } from "../../../platform/http/layout.tsx";
import type { Counts, CoverageRow, OpinionHit, UnitRef } from "../queries/coverage.ts";
import type { DirectiveRow } from "../queries/getDirective.ts";

export const ResponsesPage: FC<{
  ctx: PageContext;
  d: DirectiveRow;
  under: UnitRef | null;
  total: Counts;
  rows: CoverageRow[];
  q: string;
  hits: OpinionHit[];
  page: number;
  hasNext: boolean;
}> = ({ ctx, d, under, total, rows, q, hits, page, hasNext }) => {
  const { t } = ctx;
  const unitQ = under ? `unit=${under.id}` : "";
  const base = `/directives/${d.id}/responses?${[unitQ, q ? `q=${encodeURIComponent(q)}` : ""].filter(Boolean).join("&")}`;
  return (
    <>
      <p class="crumbs">
        <a href={`/directives/${d.id}`}>{d.doc_number}</a>
        {" › "}
        <a href={`/directives/${d.id}/coverage${under ? `?unit=${under.id}` : ""}`}>
          {t("directives.cov.title")}
        </a>
      </p>
      <h1>
        {t("directives.resp.title")}: {under ? under.name : t("directives.cov.all")}
      </h1>
      <p class="meta">{d.title}</p>
      <dl class="facts">
        <dt>{t("directives.resp.responded")}</dt>
        <dd>
          {total.responded}/{total.villages}
        </dd>
        <dt>{t("directives.field.agree")}</dt>
        <dd>{total.agree}</dd>
        <dt>{t("directives.field.disagree")}</dt>
        <dd>{total.disagree}</dd>
        <dt>{t("directives.resp.opinions")}</dt>
        <dd>{total.opinions}</dd>
      </dl>
      {rows.length > 0 ? (
        <>
          <BarChart
            title={t("directives.resp.chart")}
            bars={rows
              .filter((r) => r.agree + r.disagree > 0)
              .slice(0, 30)
              .map((r) => ({ label: r.name, value: r.disagree }))}
          />
          <div class="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("directives.cov.unit")}</th>
                  <th scope="col">{t("directives.resp.responded")}</th>
                  <th scope="col">{t("directives.field.agree")}</th>
                  <th scope="col">{t("directives.field.disagree")}</th>
                  <th scope="col">{t("directives.resp.opinions")}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr>
                    <th scope="row">
                      <a href={`/directives/${d.id}/responses?unit=${r.unit_id}`}>{r.name}</a>
                    </th>
                    <td>
                      {r.responded}/{r.villages}
                    </td>
                    <td>{r.agree}</td>
                    <td>{r.disagree}</td>
                    <td>{r.opinions}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : null}
      <section aria-labelledby="op-h">
        <h2 id="op-h">{t("directives.resp.opinions")}</h2>
        <form method="get" action={`/directives/${d.id}/responses`} class="search">
          {under ? <input type="hidden" name="unit" value={String(under.id)} /> : null}
          <label for="f-q">{t("directives.resp.search")}</label>
          <input id="f-q" name="q" type="search" value={q} />
          <button type="submit">{t("directives.resp.find")}</button>
        </form>
        {hits.length === 0 ? <p class="muted">{t("directives.resp.none")}</p> : null}
        <ul class="dir-opinions">
          {hits.map((h) => (
            <li>
              <p>{h.text}</p>
              <p class="meta">
                {h.village_name}, {h.commune_name}
                {h.petition_id ? (
                  <>
                    {" · "}
                    <a href={`/petitions/${h.petition_id}`}>{t("directives.resp.petition")}</a>
                  </>
                ) : null}
              </p>
            </li>
          ))}
        </ul>
        <Pager ctx={ctx} page={page} hasNext={hasNext} base={base} />
      </section>
    </>
  );
};
