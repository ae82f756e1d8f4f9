/**
 * The Vietnamese lunisolar calendar (âm lịch), reckoned at UTC+07:00.
 *
 * Why not lunar-javascript's `Lunar`/`Solar` directly: that library implements the Chinese
 * calendar, whose days are reckoned at UTC+08:00 (its `ONE_THIRD` constant). When a new moon
 * falls between 00:00 and 01:00 Beijing time, China and Vietnam start the month on different
 * days; this changed Tết in 1968, 1985 and 2007 (Vietnam: 29/01/1968, 21/01/1985, 17/02/2007)
 * and will again in 2030 (02/02/2030 in Vietnam, 03/02 in China) and 2053, and moves Giỗ Tổ
 * Hùng Vương in e.g. 2009, 2037 and 2038. So we borrow only the library's astronomy
 * (`ShouXingUtil`: new moons and solar longitudes) and apply the calendar rules ourselves at
 * UTC+07:00:
 *
 * - a month starts on the local day of the new moon;
 * - month 11 is the month containing the December solstice;
 * - if 13 months separate two months 11, the first of them (after the first month 11) that
 *   contains no major solar term (trung khí, a multiple of 30° of solar longitude) is a leap
 *   month and repeats the previous month's number.
 *
 * Cross-checked while writing this module against Hồ Ngọc Đức's published algorithm for the
 * Vietnamese calendar (Meeus, UTC+07:00): the same leap months and the same month starts for all
 * but 7 of the 3,600 months of 1900–2199, those 7 being new moons within minutes of midnight,
 * where this library's higher-precision astronomy is the better one (first Tết affected: 2175).
 */
import lunarJs from "lunar-javascript";
import { fromEpochDay, type LocalDate, toEpochDay } from "./localDate.ts";

const { ShouXingUtil } = lunarJs;

/** Lunar years this module will compute (the astronomy is good far beyond; this keeps inputs sane). */
export const MIN_LUNAR_YEAR = 1900;
export const MAX_LUNAR_YEAR = 2199;

export interface LunarDate {
  /** The lunar year, named by the Gregorian year in which its month 1 begins. */
  year: number;
  /** 1–12. */
  month: number;
  /** 1–30. */
  day: number;
  /** True for a leap month (tháng nhuận), which repeats the number of the month before it. */
  leap: boolean;
}

interface MonthSpan {
  year: number;
  month: number;
  leap: boolean;
  /** Epoch day (days since 1970-01-01) of day 1. */
  start: number;
  /** 29 or 30. */
  length: number;
}

const DAYS_PER_CENTURY = 36525;
const VN_OFFSET_DAYS = 7 / 24;
/** Epoch day of 2000-01-01, the civil day of J2000.0. */
const J2000_EPOCH_DAY = 10957;
const SYNODIC_MONTH = 29.530588853;
/** Epoch day of the new moon of 2000-01-06, lunation k = 0 for `newMoonDay`. */
const FIRST_NEW_MOON_EPOCH_DAY = 10962;

/** Local (UTC+07:00) epoch day of an event `tt` days after J2000.0 in Terrestrial Time. */
function localDayOfTT(ttDays: number): number {
  const ut = ttDays - ShouXingUtil.dtT(ttDays);
  // J2000.0 is 12:00 on 2000-01-01, hence the half day.
  return Math.floor(ut + VN_OFFSET_DAYS + 0.5) + J2000_EPOCH_DAY;
}

/** Local day of the k-th new moon counted from the one of 2000-01-06. */
function newMoonDay(k: number): number {
  return localDayOfTT(ShouXingUtil.msaLonT(k * 2 * Math.PI) * DAYS_PER_CENTURY);
}

/**
 * Local day on which the Sun's apparent longitude reaches `n` × 30°, counted continuously from
 * the March equinox of 1999 (n = 0); n = 9 is the December solstice of 1999.
 */
function majorTermDay(n: number): number {
  return localDayOfTT(ShouXingUtil.saLonT((n * Math.PI) / 6) * DAYS_PER_CENTURY);
}

/** `n` for the December solstice of Gregorian year `y`. */
const decemberSolsticeTerm = (y: number): number => 12 * (y - 1999) + 9;

/** The lunation index k of month 11 of the lunar year ending in Gregorian year `y` (it holds that December's solstice). */
function month11Lunation(y: number): number {
  const solstice = majorTermDay(decemberSolsticeTerm(y));
  let k = Math.floor((solstice - FIRST_NEW_MOON_EPOCH_DAY) / SYNODIC_MONTH);
  while (newMoonDay(k) > solstice) k--;
  while (newMoonDay(k + 1) <= solstice) k++;
  return k;
}

const cache = new Map<number, readonly MonthSpan[]>();

/**
 * The months from month 11 of lunar year y−1 (which holds the December solstice of Gregorian
 * year y−1) up to, not including, the next month 11. Months 11 and 12 (and a leap 11 or 12)
 * belong to lunar year y−1, months 1–10 to lunar year y.
 */
function monthsOfSolarYear(y: number): readonly MonthSpan[] {
  const cached = cache.get(y);
  if (cached) return cached;
  if (!Number.isInteger(y) || y < MIN_LUNAR_YEAR || y > MAX_LUNAR_YEAR + 1) {
    throw new RangeError(`Lunar calendar supports years ${MIN_LUNAR_YEAR}–${MAX_LUNAR_YEAR}, got ${y}`);
  }
  const ka = month11Lunation(y - 1);
  const kb = month11Lunation(y);
  const starts: number[] = [];
  for (let k = ka; k <= kb; k++) starts.push(newMoonDay(k));
  const count = kb - ka;

  let leapIndex = -1;
  if (count === 13) {
    const first = decemberSolsticeTerm(y - 1);
    const terms: number[] = [];
    for (let n = first; n <= first + 12; n++) terms.push(majorTermDay(n));
    for (let i = 1; i < 13; i++) {
      const from = at(starts, i);
      const to = at(starts, i + 1);
      if (!terms.some((d) => d >= from && d < to)) {
        leapIndex = i;
        break;
      }
    }
  } else if (count !== 12) {
    throw new Error(`Unexpected ${count} lunar months in solar year ${y}`);
  }

  const months: MonthSpan[] = [];
  let month = 11;
  let year = y - 1;
  for (let i = 0; i < count; i++) {
    const leap = i === leapIndex;
    if (i > 0 && !leap) {
      month = month === 12 ? 1 : month + 1;
      if (month === 1) year = y;
    }
    const start = at(starts, i);
    months.push({ year, month, leap, start, length: at(starts, i + 1) - start });
  }
  cache.set(y, months);
  return months;
}

function at(xs: readonly number[], i: number): number {
  const x = xs[i];
  if (x === undefined) throw new Error(`index ${i} out of range`);
  return x;
}

function findMonth(year: number, month: number, leap: boolean): MonthSpan {
  if (!Number.isInteger(year) || year < MIN_LUNAR_YEAR || year > MAX_LUNAR_YEAR) {
    throw new RangeError(`Lunar calendar supports years ${MIN_LUNAR_YEAR}–${MAX_LUNAR_YEAR}, got ${year}`);
  }
  if (!Number.isInteger(month) || month < 1 || month > 12) {
    throw new RangeError(`Lunar month must be 1–12, got ${month}`);
  }
  const span = monthsOfSolarYear(month >= 11 ? year + 1 : year).find(
    (m) => m.year === year && m.month === month && m.leap === leap,
  );
  if (!span) throw new RangeError(`Lunar year ${year} has no leap month ${month}`);
  return span;
}

/** Number of days (29 or 30) in a lunar month. */
export function lunarMonthLength(year: number, month: number, leap = false): number {
  return findMonth(year, month, leap).length;
}

/** The civil date of a Vietnamese lunar date; `leap` selects the leap month (tháng nhuận). */
export function lunarToSolar(year: number, month: number, day: number, leap = false): LocalDate {
  const span = findMonth(year, month, leap);
  if (!Number.isInteger(day) || day < 1 || day > span.length) {
    throw new RangeError(
      `Lunar month ${month}${leap ? " (leap)" : ""} of ${year} has ${span.length} days, got ${day}`,
    );
  }
  return fromEpochDay(span.start + day - 1);
}

/** The Vietnamese lunar date of a civil date. */
export function solarToLunar(date: LocalDate): LunarDate {
  const day = toEpochDay(date);
  const gregorianYear = Number(date.slice(0, 4));
  // The solar year starting at month 11 of `gregorianYear` begins in late November or December.
  const next = monthsOfSolarYear(gregorianYear + 1);
  const nextStart = next[0]?.start ?? Number.POSITIVE_INFINITY;
  const months = day >= nextStart ? next : monthsOfSolarYear(gregorianYear);
  const span = months.find((m) => day >= m.start && day < m.start + m.length);
  if (!span) throw new Error(`No lunar month found for ${date}`);
  return { year: span.year, month: span.month, day: day - span.start + 1, leap: span.leap };
}

/** Mùng 1 Tết: day 1 of month 1 of lunar year `year` (always in Gregorian `year`, 21 Jan–20 Feb). */
export function lunarNewYear(year: number): LocalDate {
  return lunarToSolar(year, 1, 1);
}
