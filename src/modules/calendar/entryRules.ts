import {
  CALENDAR_ENTRY_KINDS,
  type CalendarEntryKind,
  validateEntries,
} from "../../platform/calendar/index.ts";
import { parseDate } from "../../platform/i18n/i18n.ts";

export const MIN_YEAR = 2000;
export const MAX_YEAR = 2100;

export type EntryForm = { date: string; kind: string; nameVi: string; nameEn: string };
export type CleanEntry = { date: string; kind: CalendarEntryKind; nameVi: string; nameEn: string };

const ISSUE_KEYS: Record<string, { field: string; key: string }> = {
  swap_workday_on_weekday: { field: "kind", key: "calendar.error.swapWorkdayOnWeekday" },
  swap_dayoff_on_weekend: { field: "kind", key: "calendar.error.swapDayoffOnWeekend" },
  compensatory_on_weekend: { field: "kind", key: "calendar.error.compensatoryOnWeekend" },
};

function isKind(v: string): v is CalendarEntryKind {
  return (CALENDAR_ENTRY_KINDS as readonly string[]).includes(v);
}

export function yearInRange(year: number): boolean {
  return Number.isInteger(year) && year >= MIN_YEAR && year <= MAX_YEAR;
}

/**
 * Checks a calendar entry typed by an admin (pure): the date as dd/mm/yyyy, a known kind, a Vietnamese name,
 * and none of the mistakes the calendar would silently ignore (a swapped working day on a weekday …).
 */
export function checkEntry(
  form: EntryForm,
): { ok: true; data: CleanEntry } | { ok: false; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const date = parseDate(form.date);
  if (!date) errors.date = "calendar.error.date";
  else if (!yearInRange(Number(date.slice(0, 4)))) errors.date = "calendar.error.yearRange";
  const kind = form.kind;
  if (!isKind(kind)) errors.kind = "calendar.error.kind";
  const nameVi = form.nameVi.trim().replace(/\s+/g, " ");
  const nameEn = form.nameEn.trim().replace(/\s+/g, " ") || nameVi;
  if (nameVi === "") errors.nameVi = "calendar.error.nameRequired";
  else if (nameVi.length > 200) errors.nameVi = "calendar.error.nameTooLong";
  if (nameEn.length > 200) errors.nameEn = "calendar.error.nameTooLong";
  if (date && !errors.date && isKind(kind)) {
    for (const issue of validateEntries([{ date, kind, nameVi: nameVi || "-", nameEn: nameEn || "-" }])) {
      const mapped = ISSUE_KEYS[issue.code];
      if (mapped && !errors[mapped.field]) errors[mapped.field] = mapped.key;
    }
  }
  if (Object.keys(errors).length > 0 || !date || !isKind(kind)) return { ok: false, errors };
  return { ok: true, data: { date, kind, nameVi, nameEn } };
}
