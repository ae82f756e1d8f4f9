import { formatNumber, type Locale } from "../../platform/i18n/i18n.ts";
import { messagesEn, messagesVi } from "../units/data/importMessages.ts";
import type { ImportError } from "../units/data/importTable.ts";

// The spreadsheet import's own messages live with the file parser (units/data/importMessages.ts), keyed by
// locale; they are read from there rather than merged into the catalogs, so no key is defined twice.
const byLocale = (locale: Locale): Readonly<Record<string, string>> =>
  locale === "en" ? messagesEn : messagesVi;

/** The text of one import error in the reader's language, with its {placeholders} filled in. */
export function importErrorText(locale: Locale, e: ImportError): string {
  const template = byLocale(locale)[e.messageKey] ?? messagesVi[e.messageKey] ?? e.messageKey;
  return template.replace(/\{(\w+)\}/g, (m, name: string) => {
    const v = e.params?.[name];
    if (v === undefined) return m;
    // row numbers read as in the spreadsheet (1452), counts as numbers (1.452 in Vietnamese)
    return typeof v === "number" && !/row/i.test(name) ? formatNumber(v, locale) : String(v);
  });
}

/** "Tên đăng nhập" for `username`; the field name itself when unknown. */
export function importColumnLabel(locale: Locale, field: string): string {
  return byLocale(locale)[`import.field.${field}`] ?? field;
}
