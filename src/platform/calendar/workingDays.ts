/**
 * Working days, office hours and deadlines, all in Asia/Ho_Chi_Minh. Pure functions: the caller
 * passes the instants (e.g. the time a petition was received) and the {@link Calendar}.
 *
 * The calendar must hold the entries of every year a computation can reach (in practice the
 * current and the next year); a year without entries has no holidays.
 */
import { type Calendar, dayStatus } from "./calendar.ts";
import {
  addDays,
  instantAtMinute,
  type LocalDate,
  localDateTimeToInstant,
  parseTimeOfDay,
  toLocalDate,
} from "./localDate.ts";

/** Office hours of state agencies, local time: a morning and an afternoon session (7.5 hours a day). */
export const OFFICE_HOURS = [
  { start: "07:30", end: "11:30" },
  { start: "13:30", end: "17:00" },
] as const;

/** The end of a working day: deadlines counted in days fall due at this local time. */
export const END_OF_WORKING_DAY = "17:00";

const MS_PER_HOUR = 3_600_000;
const PERIODS = OFFICE_HOURS.map((p) => ({ start: parseTimeOfDay(p.start), end: parseTimeOfDay(p.end) }));

export type DeadlineUnit = "working_days" | "working_hours" | "calendar_days";

export interface DeadlineRule {
  unit: DeadlineUnit;
  /** A whole number for the day units; hours may be fractional. */
  amount: number;
}

/**
 * Monday to Friday unless a holiday, compensatory day or swap_dayoff; Saturday and Sunday only
 * when made a working day by a swap_workday. See {@link dayStatus} for the reason.
 */
export function isWorkingDay(date: LocalDate, cal: Calendar): boolean {
  return dayStatus(date, cal).working;
}

/** The first working day strictly after `date`. */
export function nextWorkingDay(date: LocalDate, cal: Calendar): LocalDate {
  let day = addDays(date, 1);
  while (!isWorkingDay(day, cal)) day = addDays(day, 1);
  return day;
}

/** `date` itself if it is a working day, otherwise the next one. */
export function workingDayOnOrAfter(date: LocalDate, cal: Calendar): LocalDate {
  return isWorkingDay(date, cal) ? date : nextWorkingDay(date, cal);
}

function endOfDay(date: LocalDate): Date {
  return localDateTimeToInstant(date, END_OF_WORKING_DAY);
}

function assertWholeDays(n: number): void {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`Days must be a whole number ≥ 0, got ${n}`);
}

/**
 * The deadline `n` working days after `start`.
 *
 * Convention (as for statutory time limits, Civil Code 2015 arts. 147–148): the day of `start`
 * is not counted, whatever the hour; day 1 is the next working day after it, and the deadline is
 * the END of the n-th working day, taken as {@link END_OF_WORKING_DAY} (17:00 local). So a
 * petition received on Friday at 16:59 or on Saturday, with n = 1, is due Monday 17:00 (if Monday
 * is a working day).
 *
 * n = 0 means "by the end of the day of `start`": 17:00 that day if it is a working day (even if
 * `start` is later that evening), otherwise 17:00 on the next working day (the same as n = 1).
 */
export function addWorkingDays(start: Date, n: number, cal: Calendar): Date {
  assertWholeDays(n);
  let day = toLocalDate(start);
  if (n === 0) return endOfDay(workingDayOnOrAfter(day, cal));
  for (let counted = 0; counted < n; counted++) day = nextWorkingDay(day, cal);
  return endOfDay(day);
}

/** −x, but never −0. */
const negate = (x: number): number => (x === 0 ? 0 : -x);

function asLocalDate(x: Date | LocalDate): LocalDate {
  return typeof x === "string" ? x : toLocalDate(x);
}

/**
 * The number of working days d with day(a) < d ≤ day(b), where day() is the local date; negative
 * (the same count, negated) when b is before a. Matches {@link addWorkingDays}: for n ≥ 1,
 * `workingDaysBetween(s, addWorkingDays(s, n, cal), cal) === n`. Useful for "open for k working
 * days" and "k working days overdue".
 */
export function workingDaysBetween(a: Date | LocalDate, b: Date | LocalDate, cal: Calendar): number {
  const from = asLocalDate(a);
  const to = asLocalDate(b);
  if (from > to) return negate(workingDaysBetween(to, from, cal));
  let count = 0;
  for (let day = addDays(from, 1); day <= to; day = addDays(day, 1)) {
    if (isWorkingDay(day, cal)) count++;
  }
  return count;
}

/**
 * `hours` of office time after `start`, for urgent items. Office time is {@link OFFICE_HOURS}
 * (07:30–11:30 and 13:30–17:00) on working days; the clock is stopped outside it, so a start
 * outside office hours counts from the next session. The result always lies within a session,
 * its end included: 4 hours from 07:30 gives 11:30 the same day, not 13:30. Adding 0 hours
 * returns `start` if it is within office hours, else the start of the next session.
 */
export function addWorkingHours(start: Date, hours: number, cal: Calendar): Date {
  if (!Number.isFinite(hours) || hours < 0)
    throw new RangeError(`Hours must be a finite number ≥ 0, got ${hours}`);
  let remaining = Math.round(hours * MS_PER_HOUR);
  let day = toLocalDate(start);
  let t = start.getTime();
  for (;;) {
    if (isWorkingDay(day, cal)) {
      for (const p of PERIODS) {
        const periodStart = instantAtMinute(day, p.start).getTime();
        const periodEnd = instantAtMinute(day, p.end).getTime();
        if (t > periodEnd) continue;
        if (t < periodStart) t = periodStart;
        const available = periodEnd - t;
        if (remaining <= available) return new Date(t + remaining);
        remaining -= available;
        t = periodEnd;
      }
    }
    day = addDays(day, 1);
    t = instantAtMinute(day, 0).getTime();
  }
}

/**
 * Office hours (as in {@link addWorkingHours}) between two instants, as a fractional number of
 * hours; negative when b is before a. The inverse of addWorkingHours: for an in-hours `s`,
 * `workingHoursBetween(s, addWorkingHours(s, h, cal), cal) === h` (to the millisecond).
 */
export function workingHoursBetween(a: Date, b: Date, cal: Calendar): number {
  const ta = a.getTime();
  const tb = b.getTime();
  if (Number.isNaN(ta) || Number.isNaN(tb)) throw new RangeError("Expected valid Date instants");
  if (tb < ta) return negate(workingHoursBetween(b, a, cal));
  let ms = 0;
  const last = toLocalDate(b);
  for (let day = toLocalDate(a); day <= last; day = addDays(day, 1)) {
    if (!isWorkingDay(day, cal)) continue;
    for (const p of PERIODS) {
      const from = Math.max(ta, instantAtMinute(day, p.start).getTime());
      const to = Math.min(tb, instantAtMinute(day, p.end).getTime());
      if (to > from) ms += to - from;
    }
  }
  return ms / MS_PER_HOUR;
}

/**
 * The deadline for something started (received, accepted…) at `start` under `rule`:
 *
 * - `working_days`: {@link addWorkingDays};
 * - `working_hours`: {@link addWorkingHours};
 * - `calendar_days`: statutory clocks counted in days (e.g. complaints): the day of `start` is not
 *   counted, the period ends at the end (17:00) of the `amount`-th calendar day, and if that day is
 *   not a working day, at the end of the next working day (Civil Code 2015 art. 148).
 */
export function deadlineFor(start: Date, rule: DeadlineRule, cal: Calendar): Date {
  switch (rule.unit) {
    case "working_days":
      return addWorkingDays(start, rule.amount, cal);
    case "working_hours":
      return addWorkingHours(start, rule.amount, cal);
    case "calendar_days": {
      assertWholeDays(rule.amount);
      return endOfDay(workingDayOnOrAfter(addDays(toLocalDate(start), rule.amount), cal));
    }
    default: {
      const unit: never = rule.unit;
      throw new RangeError(`Unknown deadline unit ${JSON.stringify(unit)}`);
    }
  }
}
