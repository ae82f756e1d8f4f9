import type { FC } from "hono/jsx";
import {
  buildCalendar,
  CALENDAR_ENTRY_KINDS,
  type CalendarEntryInput,
  dayStatus,
  isWeekend,
  parseLocalDate,
  weekday,
} from "../../../platform/calendar/index.ts";
import { CsrfField, ErrorSummary, Field, type PageContext } from "../../../platform/http/layout.tsx";
import type { Params } from "../../../platform/i18n/i18n.ts";
import { formatIsoDate, Notice, SelectField } from "../../units/views/common.tsx";
import type { EntryRow } from "../queries/yearEntries.ts";

export type CalendarPageProps = {
  ctx: PageContext;
  year: number;
  entries: EntryRow[];
  values: Record<string, string>;
  errors: Record<string, string>;
  done: { key: string; params: Params } | null;
};

function summary(entries: EntryRow[]): { off: number; work: number } {
  const cal = buildCalendar(
    entries.map(
      (e) => ({ date: e.date, kind: e.kind, nameVi: e.name_vi, nameEn: e.name_en }) as CalendarEntryInput,
    ),
  );
  let off = 0;
  let work = 0;
  for (const e of cal.entries) {
    const s = dayStatus(e.date, cal);
    if (!s.working && !isWeekend(e.date)) off++;
    if (s.working && s.reason === "swap_workday") work++;
  }
  return { off, work };
}

const EntryTable: FC<{ ctx: PageContext; year: number; entries: EntryRow[] }> = ({ ctx, year, entries }) => {
  const { t } = ctx;
  return (
    <div class="scroll">
      <table aria-labelledby="cal-title">
        <thead>
          <tr>
            <th scope="col">{t("calendar.col.date")}</th>
            <th scope="col">{t("calendar.col.kindSource")}</th>
            <th scope="col">{t("calendar.col.name")}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => {
            const shown = formatIsoDate(e.date);
            return (
              <tr>
                <td>
                  {shown}
                  <br />
                  <span class="muted">{t(`calendar.weekday.${weekday(parseLocalDate(e.date))}`)}</span>
                </td>
                <td>
                  {t(`calendar.kind.${e.kind}`)}
                  <br />
                  <span class="muted">{t(`calendar.source.${e.source}`)}</span>
                </td>
                <td>
                  {e.name_vi}
                  {e.name_en && e.name_en !== e.name_vi ? (
                    <>
                      <br />
                      <span class="muted" lang="en">
                        {e.name_en}
                      </span>
                    </>
                  ) : null}
                  <br />
                  <a
                    href={`/admin/calendar?year=${year}&date=${e.date}#entry-form`}
                    aria-label={t("calendar.editLabel", { date: shown })}
                  >
                    {t("calendar.edit")}
                  </a>
                  {" · "}
                  <form method="post" action={`/admin/calendar/${e.date}/delete`} class="inline">
                    <CsrfField ctx={ctx} />
                    <button
                      type="submit"
                      class="link"
                      aria-label={t("calendar.deleteLabel", { date: shown })}
                    >
                      {t("calendar.delete")}
                    </button>
                  </form>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
};

export const CalendarPage: FC<CalendarPageProps> = ({ ctx, year, entries, values, errors, done }) => {
  const { t } = ctx;
  const { off, work } = summary(entries);
  return (
    <section>
      <h1 id="cal-title">{t("calendar.title", { year: String(year) })}</h1>
      <p class="muted">{t("calendar.lead")}</p>
      <nav class="pager" aria-label={t("calendar.years")}>
        <a href={`/admin/calendar?year=${year - 1}`}>{t("calendar.prevYear", { year: String(year - 1) })}</a>
        <a href={`/admin/calendar?year=${year + 1}`}>{t("calendar.nextYear", { year: String(year + 1) })}</a>
      </nav>
      {done ? <Notice ctx={ctx} messageKey={done.key} params={done.params} /> : null}
      {entries.length === 0 ? (
        <p>{t("calendar.empty")}</p>
      ) : (
        <>
          <p>{t("calendar.summary", { year: String(year), off, work })}</p>
          <EntryTable ctx={ctx} year={year} entries={entries} />
        </>
      )}

      <h2 id="entry-form">{t("calendar.form.title")}</h2>
      <p class="muted">{t("calendar.form.lead")}</p>
      <ErrorSummary ctx={ctx} errors={errors} />
      <form method="post" action={`/admin/calendar?year=${year}`} novalidate>
        <CsrfField ctx={ctx} />
        <Field
          ctx={ctx}
          name="date"
          label={t("calendar.field.date")}
          hint={t("calendar.field.dateHint")}
          values={values}
          errors={errors}
          required
          autocomplete="off"
        />
        <SelectField
          ctx={ctx}
          name="kind"
          label={t("calendar.field.kind")}
          hint={t("calendar.field.kindHint")}
          options={CALENDAR_ENTRY_KINDS.map((k) => ({ value: k, label: t(`calendar.kind.${k}`) }))}
          values={values}
          errors={errors}
          required
        />
        <Field
          ctx={ctx}
          name="nameVi"
          label={t("calendar.field.nameVi")}
          values={values}
          errors={errors}
          required
        />
        <Field
          ctx={ctx}
          name="nameEn"
          label={t("calendar.field.nameEn")}
          hint={t("calendar.field.nameEnHint")}
          values={values}
          errors={errors}
        />
        <button type="submit">{t("calendar.form.submit")}</button>
      </form>

      <h2>{t("calendar.defaults.title")}</h2>
      <p>{t("calendar.defaults.lead", { year: String(year) })}</p>
      <form method="post" action={`/admin/calendar/defaults?year=${year}`}>
        <CsrfField ctx={ctx} />
        <button type="submit" class="secondary">
          {t("calendar.defaults.submit", { year: String(year) })}
        </button>
      </form>
    </section>
  );
};
