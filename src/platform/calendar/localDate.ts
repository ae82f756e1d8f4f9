/**
 * Civil dates and times in Asia/Ho_Chi_Minh.
 *
 * Vietnam has used UTC+07:00 all year round since 1975 (no daylight saving), so a fixed
 * offset is exact for every date this platform deals with. A civil date is an ISO string
 * `YYYY-MM-DD` carrying a brand, so that an arbitrary string cannot be passed where a
 * validated date is expected; an instant is a JS `Date`.
 */

declare const localDateBrand: unique symbol;

/** A civil date in Asia/Ho_Chi_Minh, formatted `YYYY-MM-DD`. Build one with {@link parseLocalDate}. */
export type LocalDate = string & { readonly [localDateBrand]: true };

/** The fixed offset of Asia/Ho_Chi_Minh, in minutes east of UTC. */
export const VN_UTC_OFFSET_MINUTES = 7 * 60;

/** Day of the week, as `Date.prototype.getUTCDay`: 0 = Sunday … 6 = Saturday. */
export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6;

const MS_PER_MINUTE = 60_000;
const MS_PER_DAY = 86_400_000;
const OFFSET_MS = VN_UTC_OFFSET_MINUTES * MS_PER_MINUTE;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_RE = /^(\d{2}):(\d{2})$/;

const pad2 = (n: number): string => String(n).padStart(2, "0");

/** True if `s` is a real calendar date written `YYYY-MM-DD` (years 0001–9999). */
export function isLocalDate(s: string): s is LocalDate {
  const m = DATE_RE.exec(s);
  if (!m) return false;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (y < 1 || mo < 1 || mo > 12 || d < 1) return false;
  return d <= daysInMonth(y, mo);
}

/** Validates `s` and returns it as a {@link LocalDate}; throws a RangeError if it is not a real `YYYY-MM-DD` date. */
export function parseLocalDate(s: string): LocalDate {
  if (!isLocalDate(s)) throw new RangeError(`Not a valid date (YYYY-MM-DD): ${JSON.stringify(s)}`);
  return s;
}

/** Builds a {@link LocalDate} from a year, a month (1–12) and a day (1–31); throws a RangeError if it does not exist. */
export function localDate(year: number, month: number, day: number): LocalDate {
  return parseLocalDate(`${String(year).padStart(4, "0")}-${pad2(month)}-${pad2(day)}`);
}

/** The year, month (1–12) and day of a {@link LocalDate}. */
export function dateParts(date: LocalDate): { year: number; month: number; day: number } {
  return { year: Number(date.slice(0, 4)), month: Number(date.slice(5, 7)), day: Number(date.slice(8, 10)) };
}

export function daysInMonth(year: number, month: number): number {
  // Day 0 of the next month is the last day of this one.
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Days since 1970-01-01 (the "epoch day"); handy for arithmetic and for ordering. */
export function toEpochDay(date: LocalDate): number {
  const { year, month, day } = dateParts(date);
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  return Math.round(d.getTime() / MS_PER_DAY);
}

/** The {@link LocalDate} of an epoch day (days since 1970-01-01). */
export function fromEpochDay(epochDay: number): LocalDate {
  if (!Number.isInteger(epochDay)) throw new RangeError(`Epoch day must be an integer: ${epochDay}`);
  const d = new Date(epochDay * MS_PER_DAY);
  return localDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/** `date` moved by `days` (which may be negative). */
export function addDays(date: LocalDate, days: number): LocalDate {
  return fromEpochDay(toEpochDay(date) + days);
}

/** Whole days from `a` to `b` (positive when `b` is later). */
export function daysBetween(a: LocalDate, b: LocalDate): number {
  return toEpochDay(b) - toEpochDay(a);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(date: LocalDate): Weekday {
  // 1970-01-01 was a Thursday (4).
  return ((((toEpochDay(date) + 4) % 7) + 7) % 7) as Weekday;
}

export function isWeekend(date: LocalDate): boolean {
  const w = weekday(date);
  return w === 0 || w === 6;
}

function assertInstant(instant: Date): void {
  if (!(instant instanceof Date) || Number.isNaN(instant.getTime())) {
    throw new RangeError("Expected a valid Date instant");
  }
}

/** The civil date in Asia/Ho_Chi_Minh at `instant`. */
export function toLocalDate(instant: Date): LocalDate {
  assertInstant(instant);
  return fromEpochDay(Math.floor((instant.getTime() + OFFSET_MS) / MS_PER_DAY));
}

/** Minutes since local midnight (Asia/Ho_Chi_Minh) at `instant`, 0–1439. */
export function localMinuteOfDay(instant: Date): number {
  assertInstant(instant);
  const msIntoDay = (((instant.getTime() + OFFSET_MS) % MS_PER_DAY) + MS_PER_DAY) % MS_PER_DAY;
  return Math.floor(msIntoDay / MS_PER_MINUTE);
}

/** Parses `HH:MM` (00:00–23:59, or 24:00 for the end of the day) into minutes since midnight. */
export function parseTimeOfDay(time: string): number {
  const m = TIME_RE.exec(time);
  const h = Number(m?.[1]);
  const min = Number(m?.[2]);
  if (!m || min > 59 || h > 24 || (h === 24 && min !== 0)) {
    throw new RangeError(`Not a valid time of day (HH:MM): ${JSON.stringify(time)}`);
  }
  return h * 60 + min;
}

/** The instant at local time `time` (`HH:MM`) on civil date `date` in Asia/Ho_Chi_Minh (UTC+07:00). */
export function localDateTimeToInstant(date: LocalDate, time: string): Date {
  return instantAtMinute(date, parseTimeOfDay(time));
}

/** The instant `minuteOfDay` minutes after local midnight of `date`. */
export function instantAtMinute(date: LocalDate, minuteOfDay: number): Date {
  return new Date(toEpochDay(date) * MS_PER_DAY + minuteOfDay * MS_PER_MINUTE - OFFSET_MS);
}
