/**
 * A working-day calendar built from a list of dated entries (holidays, compensatory days off and
 * the government's yearly swaps). The entries come from the `calendar_entries` table, which admins
 * edit; `defaultHolidays` only seeds it.
 */
import { isLocalDate, isWeekend, type LocalDate, parseLocalDate } from "./localDate.ts";

export const CALENDAR_ENTRY_KINDS = ["holiday", "compensatory", "swap_workday", "swap_dayoff"] as const;

/**
 * - `holiday`: a public holiday (ngày lễ, tết).
 * - `compensatory`: a day off in lieu of a holiday that fell on a weekend (nghỉ bù).
 * - `swap_workday`: a Saturday or Sunday made a working day (đi làm bù), part of a government swap.
 * - `swap_dayoff`: a weekday made a day off (hoán đổi ngày nghỉ), the other half of such a swap.
 */
export type CalendarEntryKind = (typeof CALENDAR_ENTRY_KINDS)[number];

export interface CalendarEntry {
  date: LocalDate;
  kind: CalendarEntryKind;
  nameVi: string;
  nameEn: string;
}

/** An entry as it comes from storage or a form: the date is validated by {@link buildCalendar}. */
export type CalendarEntryInput = Omit<CalendarEntry, "date"> & { date: string };

export interface Calendar {
  /** All entries, sorted by date. */
  readonly entries: readonly CalendarEntry[];
  /** Entries by date (normally one per date; the table's primary key is the date). */
  readonly byDate: ReadonlyMap<LocalDate, readonly CalendarEntry[]>;
}

const KIND_SET: ReadonlySet<string> = new Set(CALENDAR_ENTRY_KINDS);

function isKind(kind: string): kind is CalendarEntryKind {
  return KIND_SET.has(kind);
}

/**
 * Builds a {@link Calendar}. Throws a RangeError on a malformed date or an unknown kind, since a
 * calendar silently missing a holiday would compute wrong deadlines; use {@link validateEntries}
 * first to show an admin what is wrong.
 */
export function buildCalendar(entries: readonly CalendarEntryInput[]): Calendar {
  const parsed: CalendarEntry[] = entries.map((e) => {
    if (!isKind(e.kind))
      throw new RangeError(`Unknown calendar entry kind ${JSON.stringify(e.kind)} on ${e.date}`);
    return Object.freeze({ date: parseLocalDate(e.date), kind: e.kind, nameVi: e.nameVi, nameEn: e.nameEn });
  });
  parsed.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const byDate = new Map<LocalDate, CalendarEntry[]>();
  for (const e of parsed) {
    const list = byDate.get(e.date);
    if (list) list.push(e);
    else byDate.set(e.date, [e]);
  }
  return Object.freeze({ entries: Object.freeze(parsed), byDate });
}

/** The entries on `date` (empty if none). */
export function entriesOn(date: LocalDate, cal: Calendar): readonly CalendarEntry[] {
  return cal.byDate.get(date) ?? [];
}

export interface DayStatus {
  working: boolean;
  /**
   * Why: `weekday` / `weekend` when no entry applies, otherwise the kind of the deciding entry.
   * A day-off entry (holiday, compensatory, swap_dayoff, in that order) wins over a swap_workday
   * on the same date; a swap_workday on a weekday changes nothing and reports `weekday`.
   */
  reason: "weekday" | "weekend" | CalendarEntryKind;
  entries: readonly CalendarEntry[];
}

const DAY_OFF_KINDS = ["holiday", "compensatory", "swap_dayoff"] as const;

/** Whether `date` is a working day in `cal`, and why. */
export function dayStatus(date: LocalDate, cal: Calendar): DayStatus {
  const entries = entriesOn(date, cal);
  for (const kind of DAY_OFF_KINDS) {
    if (entries.some((e) => e.kind === kind)) return { working: false, reason: kind, entries };
  }
  if (!isWeekend(date)) return { working: true, reason: "weekday", entries };
  if (entries.some((e) => e.kind === "swap_workday"))
    return { working: true, reason: "swap_workday", entries };
  return { working: false, reason: "weekend", entries };
}

export type CalendarIssueCode =
  | "invalid_date"
  | "invalid_kind"
  | "duplicate_date"
  | "missing_name"
  | "swap_workday_on_weekday"
  | "swap_dayoff_on_weekend"
  | "compensatory_on_weekend";

export interface CalendarIssue {
  /** Index of the offending entry in the input list. */
  index: number;
  date: string;
  code: CalendarIssueCode;
}

/**
 * Problems in a list of entries, for the admin screen. `invalid_date` and `invalid_kind` make
 * {@link buildCalendar} throw; the others are accepted (with the precedence of {@link dayStatus})
 * but are almost certainly mistakes: a swap or day in lieu that has no effect, or two entries on one date.
 */
export function validateEntries(entries: readonly CalendarEntryInput[]): CalendarIssue[] {
  const issues: CalendarIssue[] = [];
  const seen = new Set<string>();
  entries.forEach((e, index) => {
    const add = (code: CalendarIssueCode) => issues.push({ index, date: e.date, code });
    if (!isKind(e.kind)) add("invalid_kind");
    if (e.nameVi.trim() === "" || e.nameEn.trim() === "") add("missing_name");
    if (!isLocalDate(e.date)) {
      add("invalid_date");
      return;
    }
    if (seen.has(e.date)) add("duplicate_date");
    seen.add(e.date);
    const weekend = isWeekend(e.date);
    if (e.kind === "swap_workday" && !weekend) add("swap_workday_on_weekday");
    if (e.kind === "swap_dayoff" && weekend) add("swap_dayoff_on_weekend");
    if (e.kind === "compensatory" && weekend) add("compensatory_on_weekend");
  });
  return issues;
}
