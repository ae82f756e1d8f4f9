import type { FC } from "hono/jsx";
import { CsrfField, ErrorSummary, Flash, type PageContext } from "../../../../platform/http/layout.tsx";
import { formatDate } from "../../../../platform/i18n/i18n.ts";
import { CUMULATIVE, type Period, parsePeriod, periodLabel, periodPhrase } from "../period.ts";
import type { CentralReport, MonthReport, ReportEntry } from "../queries/centralReport.ts";

export const reportHref = (year: number, p: Period | string, suffix = "") =>
  `/central-reports/${year}/${typeof p === "string" ? p : p.key}${suffix}`;

const monthState = (ctx: PageContext, m: MonthReport) =>
  ctx.t(m.state === "open" ? "centralReport.list.open" : "centralReport.list.closed");

const Crumbs: FC<{ ctx: PageContext; year: number; here?: string }> = ({ ctx, year, here }) => (
  <nav aria-label={ctx.t("centralReport.report.crumbs")}>
    <ol class="crumbs">
      <li>
        <a href={`/central-reports?year=${year}`}>{ctx.t("centralReport.nav")}</a>
      </li>
      {here ? <li aria-current="page">{here}</li> : null}
    </ol>
  </nav>
);

/** The year's monthly reports and the cumulative compilations of that year. */
export const ListPage: FC<{ ctx: PageContext; year: number; years: number[]; months: MonthReport[] }> = ({
  ctx,
  year,
  years,
  months,
}) => {
  const { t } = ctx;
  return (
    <section>
      <h1>{t("centralReport.list.title", { year: String(year) })}</h1>
      <form method="get" action="/central-reports" class="search">
        <label for="f-year" class="cr-yearlabel">
          {t("centralReport.list.year")}
        </label>
        <select id="f-year" name="year" class="cr-year">
          {years.map((y) => (
            <option value={String(y)} selected={y === year}>
              {String(y)}
            </option>
          ))}
        </select>
        <button type="submit" class="secondary">
          {t("centralReport.list.show")}
        </button>
      </form>
      <p class="muted">{t("centralReport.list.intro")}</p>
      <h2>{t("centralReport.list.monthly")}</h2>
      {months.length === 0 ? (
        <p>{t("centralReport.list.none", { year: String(year) })}</p>
      ) : (
        <div class="scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">{t("centralReport.list.month")}</th>
                <th scope="col">{t("centralReport.list.state")}</th>
                <th scope="col" class="num">
                  {t("centralReport.list.items")}
                </th>
                <th scope="col">{t("centralReport.list.closedAt")}</th>
              </tr>
            </thead>
            <tbody>
              {months.map((m) => (
                <tr>
                  <th scope="row">
                    <a href={reportHref(year, `m${m.month}`)}>
                      {t("centralReport.monthShort", { month: String(m.month) })}
                    </a>
                  </th>
                  <td>
                    <span class={m.state === "open" ? "tag cr-open" : "tag"}>{monthState(ctx, m)}</span>
                  </td>
                  <td class="num">{m.items}</td>
                  <td>{m.closedAt ? formatDate(m.closedAt) : "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h2>{t("centralReport.list.cumulative")}</h2>
      <ul class="cr-periods">
        {CUMULATIVE.map((k) => {
          const p = parsePeriod(k);
          return p ? (
            <li>
              <a class="button secondary" href={reportHref(year, p)}>
                {periodLabel(t, year, p)}
              </a>
            </li>
          ) : null;
        })}
      </ul>
    </section>
  );
};

export type ReplyForm = {
  values: Record<string, string>;
  selected: number[];
  errors: Record<string, string>;
};

const EntryView: FC<{ ctx: PageContext; e: ReportEntry; pick: boolean; selected: number[] }> = ({
  ctx,
  e,
  pick,
  selected,
}) => {
  const { t } = ctx;
  const titleId = `e-${e.key}`;
  const codes = [...e.items, ...e.members];
  return (
    <li class="cr-entry">
      <h4 id={titleId}>{e.lead.title}</h4>
      {pick && e.answerableIds.length > 0 ? (
        <div class="cr-pick">
          <input
            type="checkbox"
            id={`pick-${e.key}`}
            name="ids"
            value={e.answerableIds.join(",")}
            checked={e.answerableIds.some((id) => selected.includes(id))}
            aria-describedby={titleId}
          />
          <label for={`pick-${e.key}`}>{t("centralReport.report.select")}</label>
        </div>
      ) : null}
      {e.clusterId !== null && e.petitionCount > 1 ? (
        <p>
          <span class="tag">{t("centralReport.report.cluster", { n: e.petitionCount })}</span>
        </p>
      ) : null}
      <p class="cr-raised">
        {t("centralReport.report.raisedBy", { villages: e.villageCount, communes: e.communeCount })}
      </p>
      <dl class="facts cr-facts">
        <dt>{t("centralReport.report.places")}</dt>
        <dd>
          <ul class="cr-places">
            {e.places.map((p) => (
              <li>
                <strong>{p.communeName ?? "—"}</strong>: {p.villages.map((v) => v.name).join(", ")}
              </li>
            ))}
          </ul>
        </dd>
        <dt>{t("centralReport.report.codes")}</dt>
        <dd>
          {codes.map((i, n) => (
            <>
              {n > 0 ? ", " : null}
              <a href={`/petitions/${i.id}`}>{i.code}</a>
            </>
          ))}
        </dd>
        <dt>{t("centralReport.report.stateLabel")}</dt>
        <dd>
          {e.states
            .map((s) => (e.states.length > 1 ? `${t(`state.${s.state}`)} (${s.n})` : t(`state.${s.state}`)))
            .join("; ")}
        </dd>
        {e.replies.length > 0 ? (
          <>
            <dt>{t("centralReport.report.reply")}</dt>
            <dd>
              {e.replies.map((r) => (
                <div class="cr-reply">
                  <p>{r.text}</p>
                  <p class="muted">
                    {r.reference
                      ? t("centralReport.report.replyMeta", {
                          reference: r.reference,
                          date: formatDate(r.at),
                        })
                      : t("centralReport.report.replyMetaNoRef", { date: formatDate(r.at) })}
                  </p>
                </div>
              ))}
            </dd>
          </>
        ) : null}
      </dl>
      <details>
        <summary>{t("centralReport.report.body")}</summary>
        <p class="cr-body">{e.lead.body}</p>
      </details>
    </li>
  );
};

const Sections: FC<{ ctx: PageContext; report: CentralReport; pick: boolean; selected: number[] }> = ({
  ctx,
  report,
  pick,
  selected,
}) => {
  const { t } = ctx;
  return (
    <>
      {report.categories.map((c, i) => (
        <section class="cr-category">
          <h2>
            {t("centralReport.report.category", {
              n: i + 1,
              name: c.name ?? t("centralReport.report.uncategorised"),
            })}{" "}
            <span class="muted cr-count">
              {t("centralReport.report.categoryCount", { entries: c.entryCount, items: c.itemCount })}
            </span>
          </h2>
          {c.agencies.map((a) => (
            <>
              <h3>{a.name ?? t("centralReport.report.noAgency")}</h3>
              <ul class="cr-entries">
                {a.entries.map((e) => (
                  <EntryView ctx={ctx} e={e} pick={pick} selected={selected} />
                ))}
              </ul>
            </>
          ))}
        </section>
      ))}
    </>
  );
};

export const ReportPage: FC<{
  ctx: PageContext;
  report: CentralReport;
  canManage: boolean;
  flash: string | null;
  form: ReplyForm;
}> = ({ ctx, report, canManage, flash, form }) => {
  const { t } = ctx;
  const { year, period } = report;
  const label = periodLabel(t, year, period);
  const month = period.monthly ? report.months[0] : undefined;
  const answerable = report.categories.some((c) =>
    c.agencies.some((a) => a.entries.some((e) => e.answerableIds.length > 0)),
  );
  const pick = canManage && answerable;
  const sections = <Sections ctx={ctx} report={report} pick={pick} selected={form.selected} />;
  const err = (name: string) =>
    form.errors[name] ? (
      <p class="err" id={`f-${name}-err`}>
        {t(form.errors[name] ?? "")}
      </p>
    ) : null;
  return (
    <section>
      <Crumbs ctx={ctx} year={year} here={label} />
      <h1>{t("centralReport.report.title", { period: label })}</h1>
      <Flash ctx={ctx} messageKey={flash} />
      <ErrorSummary ctx={ctx} errors={form.errors} />
      {period.monthly ? (
        <p>
          {month
            ? month.state === "open"
              ? t("centralReport.report.open")
              : t("centralReport.report.closed", { date: month.closedAt ? formatDate(month.closedAt) : "—" })
            : t("centralReport.report.noRow")}
        </p>
      ) : (
        <>
          <h2 class="cr-sub">{t("centralReport.report.compiledFrom")}</h2>
          {report.months.length === 0 ? (
            <p>{t("centralReport.report.noRow")}</p>
          ) : (
            <ul class="cr-months">
              {report.months.map((m) => (
                <li>
                  <a href={reportHref(year, `m${m.month}`)}>
                    {t("centralReport.report.monthState", {
                      month: t("centralReport.monthShort", { month: String(m.month) }),
                      state: monthState(ctx, m),
                      n: m.items,
                    })}
                  </a>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
      <h2 class="cr-sub">{t("centralReport.report.summary")}</h2>
      <ul class="cards cr-cards">
        <li class="card">
          <p class="stat">{report.totals.items}</p>
          <p>{t("centralReport.report.items")}</p>
        </li>
        <li class="card">
          <p class="stat">{report.totals.entries}</p>
          <p>{t("centralReport.report.entries")}</p>
        </li>
        <li class="card">
          <p class="stat">{report.totals.villages}</p>
          <p>{t("centralReport.report.villages")}</p>
        </li>
        <li class="card">
          <p class="stat">{report.totals.communes}</p>
          <p>{t("centralReport.report.communes")}</p>
        </li>
        <li class="card">
          <p class="stat">{report.agencies.length}</p>
          <p>{t("centralReport.report.agencies")}</p>
        </li>
      </ul>
      <h2 class="cr-sub">{t("centralReport.report.downloads")}</h2>
      <ul class="cr-downloads">
        <li>
          <a href={reportHref(year, period, ".docx")}>{t("centralReport.report.docx")}</a>
        </li>
        <li>
          <a href={reportHref(year, period, ".docx?issuer=office")}>{t("centralReport.report.docxOffice")}</a>
        </li>
        <li>
          <a href={reportHref(year, period, ".xlsx")}>{t("centralReport.report.xlsx")}</a>
        </li>
      </ul>
      {canManage && month?.state === "open" ? (
        <p class="actions">
          <a class="button" href={reportHref(year, period, "/close")}>
            {t("centralReport.close.button")}
          </a>
        </p>
      ) : null}
      {report.totals.items === 0 ? (
        <p>{t("centralReport.report.empty")}</p>
      ) : pick ? (
        <form method="post" action={reportHref(year, period, "/reply")} novalidate>
          <CsrfField ctx={ctx} />
          {sections}
          <section class="cr-replyform">
            <h2>{t("centralReport.reply.title")}</h2>
            <p class="hint" id="f-ids">
              {t("centralReport.reply.hint")}
            </p>
            {err("ids")}
            <div class={form.errors.text ? "field invalid" : "field"}>
              <label for="f-text">
                {t("centralReport.reply.text")}
                <span class="req"> *</span>
              </label>
              {err("text")}
              <textarea
                id="f-text"
                name="text"
                rows={6}
                required
                aria-invalid={form.errors.text ? "true" : undefined}
                aria-describedby={form.errors.text ? "f-text-err" : undefined}
              >
                {form.values.text ?? ""}
              </textarea>
            </div>
            <div class={form.errors.reference ? "field invalid" : "field"}>
              <label for="f-reference">{t("centralReport.reply.reference")}</label>
              <p class="hint" id="f-reference-hint">
                {t("centralReport.reply.referenceHint")}
              </p>
              {err("reference")}
              <input
                id="f-reference"
                name="reference"
                type="text"
                value={form.values.reference ?? ""}
                aria-invalid={form.errors.reference ? "true" : undefined}
                aria-describedby={
                  form.errors.reference ? "f-reference-hint f-reference-err" : "f-reference-hint"
                }
              />
            </div>
            <button type="submit">{t("centralReport.reply.submit")}</button>
          </section>
        </form>
      ) : (
        <>
          {sections}
          {canManage ? <p class="muted">{t("centralReport.reply.none")}</p> : null}
        </>
      )}
    </section>
  );
};

export const CloseConfirmPage: FC<{ ctx: PageContext; year: number; period: Period; items: number }> = ({
  ctx,
  year,
  period,
  items,
}) => {
  const { t } = ctx;
  const label = periodLabel(t, year, period);
  return (
    <section>
      <Crumbs ctx={ctx} year={year} here={label} />
      <h1>{t("centralReport.close.title", { period: periodPhrase(t, year, period) })}</h1>
      <p>{t("centralReport.close.body", { n: items })}</p>
      <p>
        <strong>{t("centralReport.close.irreversible")}</strong>
      </p>
      <form method="post" action={reportHref(year, period, "/close")} class="actions">
        <CsrfField ctx={ctx} />
        <button type="submit">{t("centralReport.close.submit")}</button>
        <a href={reportHref(year, period)}>{t("form.cancel")}</a>
      </form>
    </section>
  );
};
