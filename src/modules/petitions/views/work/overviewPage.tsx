import type { FC } from "hono/jsx";
import { BarChart } from "../../../../platform/charts/barChart.tsx";
import { ErrorSummary, type PageContext } from "../../../../platform/http/layout.tsx";
import { formatDateTime, formatNumber } from "../../../../platform/i18n/i18n.ts";
import { type Figures, type PetitionOverview, rates } from "../../queries/overview.ts";

export type Period = { from: string; to: string; label: string; href: string; current: boolean };

type Props = {
  ctx: PageContext;
  values: { from: string; to: string };
  errors: Record<string, string>;
  periods: Period[];
  data: PetitionOverview | null;
  refreshedAt: Date | null;
  /** yyyy-mm-dd of the period shown, for links to the list. */
  range: { from: string; to: string } | null;
};

/** Chart labels stay inside the chart's label column. */
const short = (name: string | null) => (!name ? "—" : name.length > 28 ? `${name.slice(0, 27)}…` : name);

const pct = (ctx: PageContext, v: number | null) => (v === null ? "—" : `${formatNumber(v, ctx.locale)}%`);

/** The leader's first overview of a period: received, answered, on time, overdue now, satisfaction; by agency and commune. */
export const OverviewPage: FC<Props> = ({ ctx, values, errors, periods, data, refreshedAt, range }) => {
  const { t } = ctx;
  const fmt = (n: number) => formatNumber(n, ctx.locale);
  const toList = (extra: Record<string, string>) => {
    const s = new URLSearchParams(extra);
    return `/petitions?${s.toString()}`;
  };
  const dd = (iso: string) => iso.split("-").reverse().join("/");
  const dateField = (name: "from" | "to", label: string) => (
    <div class={errors[name] ? "field invalid" : "field"}>
      <label for={`f-${name}`}>{label}</label>
      {errors[name] ? (
        <p class="err" id={`f-${name}-err`}>
          {t(errors[name])}
        </p>
      ) : null}
      <input
        id={`f-${name}`}
        name={name}
        value={values[name]}
        inputmode="numeric"
        placeholder="dd/mm/yyyy"
        aria-invalid={errors[name] ? "true" : undefined}
        aria-describedby={errors[name] ? `f-${name}-err` : undefined}
      />
    </div>
  );
  const card = (label: string, value: string, note?: string, href?: string) => (
    <li class="card">
      <h2>{label}</h2>
      <p class="stat">{href ? <a href={href}>{value}</a> : value}</p>
      {note ? <p class="muted">{note}</p> : null}
    </li>
  );
  const totals: Figures | null = data?.totals ?? null;
  const r = totals ? rates(totals) : null;
  const agencies = (data?.byAgency ?? []).filter((a) => a.agency_id !== 0);
  return (
    <section>
      <h1>{t("petitions.work.overview.title")}</h1>
      <ErrorSummary ctx={ctx} errors={errors} />
      <form method="get" action="/petitions/overview" class="period">
        <fieldset>
          <legend>{t("petitions.work.overview.period")}</legend>
          <div class="period-fields">
            {dateField("from", t("petitions.work.field.from"))}
            {dateField("to", t("petitions.work.field.to"))}
            <button type="submit">{t("petitions.work.overview.show")}</button>
          </div>
        </fieldset>
        <p class="quick">
          {periods.map((p, i) => (
            <>
              {i > 0 ? " · " : null}
              <a href={p.href} aria-current={p.current ? "true" : undefined}>
                {p.label}
              </a>
            </>
          ))}
        </p>
      </form>
      {!data || !totals || !range || !r ? null : (
        <>
          <p class="muted">
            {t("petitions.work.overview.range", { from: dd(range.from), to: dd(range.to) })}{" "}
            {refreshedAt
              ? t("petitions.work.overview.asOf", { at: formatDateTime(refreshedAt) })
              : t("petitions.work.overview.notYet")}
          </p>
          <ul class="cards ov-cards">
            {card(
              t("petitions.work.overview.received"),
              fmt(totals.received),
              undefined,
              toList({ from: dd(range.from), to: dd(range.to) }),
            )}
            {card(t("petitions.work.overview.answered"), fmt(totals.answered))}
            {card(
              t("petitions.work.overview.onTime"),
              pct(ctx, r.onTime),
              t("petitions.work.overview.onTimeNote", { n: fmt(totals.on_time), of: fmt(totals.answered) }),
            )}
            {card(
              t("petitions.work.overview.overdue"),
              fmt(totals.overdue),
              t("petitions.work.overview.openNote", { n: fmt(totals.open) }),
              toList({ overdue: "1", sort: "deadline" }),
            )}
            {card(
              t("petitions.work.overview.satisfied"),
              pct(ctx, r.satisfied),
              t("petitions.work.overview.satisfiedNote", {
                n: fmt(totals.satisfied),
                of: fmt(totals.satisfied + totals.not_satisfied),
                auto: fmt(totals.auto_closed),
              }),
            )}
          </ul>
          <h2>{t("petitions.work.overview.byAgency")}</h2>
          {agencies.length === 0 ? (
            <p>{t("petitions.work.overview.nothing")}</p>
          ) : (
            <>
              <div class="charts">
                <BarChart
                  title={t("petitions.work.overview.chartOverdue")}
                  bars={agencies
                    .filter((a) => a.overdue > 0)
                    .slice(0, 12)
                    .map((a) => ({ label: short(a.name), value: a.overdue }))}
                  format={fmt}
                  width={560}
                />
                <BarChart
                  title={t("petitions.work.overview.chartAnswered")}
                  bars={[...agencies]
                    .sort((x, y) => y.answered - x.answered)
                    .filter((a) => a.answered > 0)
                    .slice(0, 12)
                    .map((a) => ({ label: short(a.name), value: a.answered }))}
                  format={fmt}
                  width={560}
                />
              </div>
              <div class="scroll">
                <table class="ov-table cardlist">
                  <caption class="sr-only">{t("petitions.work.overview.byAgency")}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t("petitions.work.col.holder")}</th>
                      <th scope="col" class="num">
                        {t("petitions.work.overview.answered")}
                      </th>
                      <th scope="col" class="num">
                        {t("petitions.work.overview.onTime")}
                      </th>
                      <th scope="col" class="num">
                        {t("petitions.work.overview.holding")}
                      </th>
                      <th scope="col" class="num">
                        {t("petitions.work.overview.overdue")}
                      </th>
                      <th scope="col" class="num">
                        {t("petitions.work.overview.satisfied")}
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {agencies.map((a) => {
                      const ar = rates(a);
                      return (
                        <tr>
                          <th scope="row">
                            <a href={toList({ agencyId: String(a.agency_id) })}>{a.name ?? "—"}</a>
                          </th>
                          <td class="num" data-label={t("petitions.work.overview.answered")}>
                            {fmt(a.answered)}
                          </td>
                          <td class="num" data-label={t("petitions.work.overview.onTime")}>
                            {pct(ctx, ar.onTime)}
                          </td>
                          <td class="num" data-label={t("petitions.work.overview.holding")}>
                            {fmt(a.open)}
                          </td>
                          <td class="num" data-label={t("petitions.work.overview.overdue")}>
                            {a.overdue > 0 ? (
                              <a
                                href={toList({
                                  agencyId: String(a.agency_id),
                                  overdue: "1",
                                  sort: "deadline",
                                })}
                              >
                                {fmt(a.overdue)}
                              </a>
                            ) : (
                              "0"
                            )}
                          </td>
                          <td class="num" data-label={t("petitions.work.overview.satisfied")}>
                            {pct(ctx, ar.satisfied)}
                          </td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              </div>
            </>
          )}
          <h2>{t("petitions.work.overview.byCommune")}</h2>
          {data.byCommune.length === 0 ? (
            <p>{t("petitions.work.overview.nothing")}</p>
          ) : (
            <div class="scroll">
              <table class="ov-table cardlist">
                <caption class="sr-only">{t("petitions.work.overview.byCommune")}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("petitions.work.field.commune")}</th>
                    <th scope="col" class="num">
                      {t("petitions.work.overview.received")}
                    </th>
                    <th scope="col" class="num">
                      {t("petitions.work.overview.answered")}
                    </th>
                    <th scope="col" class="num">
                      {t("petitions.work.overview.onTime")}
                    </th>
                    <th scope="col" class="num">
                      {t("petitions.work.overview.overdue")}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {data.byCommune.map((c) => (
                    <tr>
                      <th scope="row">
                        {c.commune_id ? (
                          <a
                            href={toList({
                              unitId: String(c.commune_id),
                              from: dd(range.from),
                              to: dd(range.to),
                            })}
                          >
                            {c.name ?? "—"}
                          </a>
                        ) : (
                          t("petitions.work.overview.noCommune")
                        )}
                      </th>
                      <td class="num" data-label={t("petitions.work.overview.received")}>
                        {fmt(c.received)}
                      </td>
                      <td class="num" data-label={t("petitions.work.overview.answered")}>
                        {fmt(c.answered)}
                      </td>
                      <td class="num" data-label={t("petitions.work.overview.onTime")}>
                        {pct(ctx, rates(c).onTime)}
                      </td>
                      <td class="num" data-label={t("petitions.work.overview.overdue")}>
                        {fmt(c.overdue)}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </section>
  );
};
