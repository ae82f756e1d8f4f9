import type { Queryable } from "../../../platform/db/database.ts";

export type EntryRow = {
  date: string;
  kind: string;
  name_vi: string;
  name_en: string;
  source: "default" | "admin";
};

/** The calendar entries of one Gregorian year, by date. */
export async function yearEntries(db: Queryable, year: number): Promise<EntryRow[]> {
  const { rows } = await db.query<EntryRow>(
    `SELECT to_char(date, 'YYYY-MM-DD') AS date, kind, name_vi, name_en, source
       FROM calendar_entries WHERE date >= make_date($1, 1, 1) AND date < make_date($1 + 1, 1, 1)
      ORDER BY date`,
    [year],
  );
  return rows;
}

export async function findEntry(db: Queryable, date: string): Promise<EntryRow | null> {
  const { rows } = await db.query<EntryRow>(
    `SELECT to_char(date, 'YYYY-MM-DD') AS date, kind, name_vi, name_en, source
       FROM calendar_entries WHERE date = $1::date`,
    [date],
  );
  return rows[0] ?? null;
}
