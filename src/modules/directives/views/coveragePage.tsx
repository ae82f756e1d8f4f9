import type { FC } from "hono/jsx";
import { BarChart } from "../../../platform/charts/barChart.tsx";
import { CsrfField, Flash, type PageContext } from "../../../platform/http/layout.tsx";
import { formatNumber } from "../../../platform/i18n/i18n.ts";
import type { Counts, CoverageRow, UnitRef, VillageRow } from "../queries/coverage.ts";
import type { DirectiveRow } from "../queries/getDirective.ts";
import { percent } from "../rules.ts";
import { Share, showDay } from "./parts.tsx";

/** The chart shows the units furthest behind first: that is who needs chasing. */
const CHART_BARS = 25;

const Totals: FC<{ ctx: PageContext; c: Counts }> = ({ ctx, c }) => {
  const { t, locale } = ctx;
  return (
    <dl class="facts dir-totals">
      <dt>{t("directives.cov.villages")}</dt>
      <dd>{formatNumber(c.villages, locale)}</dd>
      <dt>{t("directives.cov.acknowledged")}</dt>
      <dd>
        <Share part={c.acknowledged} whole={c.villages} />
      </dd>
      <dt>{t("directives.cov.disseminated")}</dt>
      <dd>
        <Share part={c.disseminated} whole={c.villages} />
      </dd>
      <dt>{t("directives.cov.households")}</dt>
      <dd>{formatNumber(c.households, locale)}</dd>
    </dl>
  );
};

const VillageTable: FC<{ ctx: PageContext; id: number; rows: VillageRow[]; commune: boolean }> = ({
  ctx,
  id,
  rows,
  commune,
}) => {
  const { t } = ctx;
  return (
    <div class="table-wrap">
      <table>
        <thead>
          <tr>
            <th scope="col">{t("directives.cov.village")}</th>
            {commune ? null : <th scope="col">{t("directives.cov.commune")}</th>}
            <th scope="col">{t("directives.cov.acknowledged")}</th>
            <th scope="col">{t("directives.cov.disseminated")}</th>
            <th scope="col">{t("directives.cov.households")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((v) => (
            <tr class={v.overdue ? "late-row" : undefined}>
              <th scope="row">
                <a href={`/directives/${id}/village/${v.village_id}`}>{v.name}</a>
                {v.overdue ? (
                  <>
                    {" "}
                    <strong class="late">{t("directives.inbox.overdue")}</strong>
                  </>
                ) : null}
              </th>
              {commune ? null : <td>{v.commune_name}</td>}
              <td>{v.acknowledged_at ? t("directives.yes") : t("directives.no")}</td>
              <td>
                {v.disseminated_at
                  ? `${showDay(v.disseminated_on)} · ${t(`directives.form.${v.dissemination_form ?? "village_meeting"}`)}`
                  : t("directives.no")}
              </td>
              <td>{v.households ?? "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
};

export const CoveragePage: FC<{
  ctx: PageContext;
  d: DirectiveRow;
  under: UnitRef | null;
  trail: UnitRef[];
  total: Counts;
  rows: CoverageRow[];
  villages: VillageRow[] | null;
  overdue: { rows: VillageRow[]; more: boolean };
  canChase: boolean;
  flash: string | null;
}> = ({ ctx, d, under, trail, total, rows, villages, overdue, canChase, flash }) => {
  const { t } = ctx;
  const bars = [...rows]
    .sort(
      (a, b) =>
        percent(a.disseminated, a.villages) - percent(b.disseminated, b.villages) ||
        a.name.localeCompare(b.name),
    )
    .slice(0, CHART_BARS)
    .map((r) => ({
      label: r.name,
      value: percent(r.disseminated, r.villages),
      href: `/directives/${d.id}/coverage?unit=${r.unit_id}`,
    }));
  return (
    <>
      <p class="crumbs">
        <a href={`/directives/${d.id}`}>{d.doc_number}</a>
        {" › "}
        <a href={`/directives/${d.id}/coverage`}>{t("directives.cov.all")}</a>
        {trail.map((u) => (
          <>
            {" › "}
            <a href={`/directives/${d.id}/coverage?unit=${u.id}`}>{u.name}</a>
          </>
        ))}
      </p>
      <h1>
        {t("directives.cov.title")}: {under ? under.name : t("directives.cov.all")}
      </h1>
      <p class="meta">{d.title}</p>
      <p class="meta">
        {t("directives.field.ackDue")}: {showDay(d.ack_due)} · {t("directives.field.disseminateDue")}:{" "}
        {showDay(d.disseminate_due)}
      </p>
      <Flash ctx={ctx} messageKey={flash} />
      <Totals ctx={ctx} c={total} />
      <p>
        <a
          class="button secondary"
          href={`/directives/${d.id}/coverage.xlsx${under ? `?unit=${under.id}` : ""}`}
        >
          {t("directives.cov.export")}
        </a>{" "}
        <a class="button secondary" href={`/directives/${d.id}/responses${under ? `?unit=${under.id}` : ""}`}>
          {t("directives.resp.title")}
        </a>
      </p>
      {canChase && under?.level === "commune" ? (
        <form method="post" action={`/directives/${d.id}/chase`}>
          <CsrfField ctx={ctx} />
          <input type="hidden" name="unit" value={String(under.id)} />
          <button type="submit">{t("directives.action.chase")}</button>
        </form>
      ) : null}
      {rows.length > 0 ? (
        <>
          <BarChart
            title={t(rows.length > CHART_BARS ? "directives.cov.chartBehind" : "directives.cov.chart", {
              n: CHART_BARS,
            })}
            bars={bars}
            format={(n) => `${n}%`}
          />
          <div class="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("directives.cov.unit")}</th>
                  <th scope="col">{t("directives.cov.villages")}</th>
                  <th scope="col">{t("directives.cov.acknowledged")}</th>
                  <th scope="col">{t("directives.cov.disseminated")}</th>
                  <th scope="col">{t("directives.cov.households")}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr>
                    <th scope="row">
                      <a href={`/directives/${d.id}/coverage?unit=${r.unit_id}`}>{r.name}</a>
                    </th>
                    <td>{r.villages}</td>
                    <td>{percent(r.acknowledged, r.villages)}%</td>
                    <td>{percent(r.disseminated, r.villages)}%</td>
                    <td>{r.households}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : null}
      {villages ? (
        <section>
          <h2>{t("directives.cov.villagesOf", { name: under?.name ?? "" })}</h2>
          <VillageTable ctx={ctx} id={d.id} rows={villages} commune />
        </section>
      ) : (
        <section aria-labelledby="late-h">
          <h2 id="late-h">{t("directives.cov.overdue")}</h2>
          {overdue.rows.length === 0 ? (
            <p class="muted">{t("directives.cov.noOverdue")}</p>
          ) : (
            <VillageTable ctx={ctx} id={d.id} rows={overdue.rows} commune={false} />
          )}
          {overdue.more ? <p class="hint">{t("directives.cov.moreOverdue")}</p> : null}
        </section>
      )}
    </>
  );
};
