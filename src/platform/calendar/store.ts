import type { Queryable } from "../db/database.ts";
import { buildCalendar, type Calendar, type CalendarEntryInput } from "./calendar.ts";
import { defaultHolidays } from "./holidays.ts";

/**
 * Adds the statutory holidays of these years; entries an admin already set for a date are kept.
 * With `onlyMissingYears`, a year that already has any entry is left alone (so a default an admin removed
 * is not put back at the next start).
 */
export async function seedDefaultHolidays(
  db: Queryable,
  years: number[],
  onlyMissingYears = false,
): Promise<number> {
  let wanted = years;
  if (onlyMissingYears) {
    const { rows } = await db.query<{ y: number }>(
      "SELECT DISTINCT extract(year FROM date)::int AS y FROM calendar_entries WHERE extract(year FROM date)::int = ANY($1::int[])",
      [years],
    );
    const present = new Set(rows.map((r) => r.y));
    wanted = years.filter((y) => !present.has(y));
  }
  const entries = wanted.flatMap((y) => defaultHolidays(y));
  if (entries.length === 0) return 0;
  const r = await db.query(
    `INSERT INTO calendar_entries (date, kind, name_vi, name_en, source)
     SELECT x.date, x.kind, x.name_vi, x.name_en, 'default'
       FROM jsonb_to_recordset($1::jsonb) AS x(date date, kind text, name_vi text, name_en text)
     ON CONFLICT (date) DO NOTHING`,
    [
      JSON.stringify(
        entries.map((e) => ({ date: e.date, kind: e.kind, name_vi: e.nameVi, name_en: e.nameEn })),
      ),
    ],
  );
  return r.rowCount ?? 0;
}

export async function loadCalendar(db: Queryable): Promise<Calendar> {
  const { rows } = await db.query<{ date: string; kind: string; name_vi: string; name_en: string }>(
    "SELECT to_char(date, 'YYYY-MM-DD') AS date, kind, name_vi, name_en FROM calendar_entries ORDER BY date",
  );
  return buildCalendar(
    rows.map(
      (r) => ({ date: r.date, kind: r.kind, nameVi: r.name_vi, nameEn: r.name_en }) as CalendarEntryInput,
    ),
  );
}
