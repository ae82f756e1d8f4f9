import type { Translate } from "../../../platform/i18n/i18n.ts";

/**
 * A central-report period: one month (m1…m12) or a cumulative compilation from January — Q1 (months 1–3),
 * the first six months (h1), nine months (9m) and the year (y). Cumulative reports have no rows of their own:
 * they are compiled from the monthly reports of the same year.
 */
export type PeriodKey = `m${number}` | "q1" | "h1" | "9m" | "y";

export type Period = { key: PeriodKey; monthly: boolean; from: number; to: number };

export const CUMULATIVE: readonly PeriodKey[] = ["q1", "h1", "9m", "y"];

const ENDS = new Map<string, number>([
  ["q1", 3],
  ["h1", 6],
  ["9m", 9],
  ["y", 12],
]);

export function parsePeriod(text: string): Period | null {
  const m = /^m([1-9]|1[0-2])$/.exec(text);
  if (m) {
    const month = Number(m[1]);
    return { key: `m${month}`, monthly: true, from: month, to: month };
  }
  const end = ENDS.get(text);
  return end ? { key: text as PeriodKey, monthly: false, from: 1, to: end } : null;
}

/** A year a report may exist for (what a URL may ask for). */
export function parseYear(text: string | undefined): number | null {
  if (!text || !/^\d{4}$/.test(text)) return null;
  const y = Number(text);
  return y >= 2000 && y <= 2100 ? y : null;
}

/** "Tháng 3 năm 2026", "Quý I năm 2026", "6 tháng đầu năm 2026", "9 tháng năm 2026", "Năm 2026". */
export function periodLabel(t: Translate, year: number, p: Period): string {
  return p.monthly
    ? t("centralReport.period.month", { month: String(p.from), year: String(year) })
    : t(`centralReport.period.${p.key}`, { year: String(year) });
}

/** Lower-case form for the middle of a sentence: "(kỳ tháng 3 năm 2026)". */
export function periodPhrase(t: Translate, year: number, p: Period): string {
  return p.monthly
    ? t("centralReport.phrase.month", { month: String(p.from), year: String(year) })
    : t(`centralReport.phrase.${p.key}`, { year: String(year) });
}
