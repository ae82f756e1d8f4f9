export const locales = ["vi", "en"] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = "vi";

export type Catalog = Record<string, string>;
export type Catalogs = { vi: Catalog; en: Catalog };
export type Params = Record<string, string | number>;
export type Translate = (key: string, params?: Params) => string;

export const TIME_ZONE = "Asia/Ho_Chi_Minh";

export function isLocale(v: unknown): v is Locale {
  return v === "vi" || v === "en";
}

/** Merges each module's catalog; a key defined twice is a programming error caught at start-up. */
export function mergeCatalogs(parts: Catalogs[]): Catalogs {
  const out: Catalogs = { vi: {}, en: {} };
  for (const part of parts) {
    for (const locale of locales) {
      for (const [k, v] of Object.entries(part[locale])) {
        if (k in out[locale]) throw new Error(`message key defined twice: ${k}`);
        out[locale][k] = v;
      }
    }
  }
  return out;
}

const numberFormats: Record<Locale, Intl.NumberFormat> = {
  vi: new Intl.NumberFormat("vi-VN"),
  en: new Intl.NumberFormat("en-GB"),
};

/** `{name}` placeholders; numbers are formatted for the locale (1.452 in Vietnamese, 1,452 in English). */
export function createTranslator(catalogs: Catalogs, locale: Locale): Translate {
  const primary = catalogs[locale];
  const fallback = catalogs.vi;
  return (key, params) => {
    const template = primary[key] ?? fallback[key] ?? key;
    if (!params) return template;
    return template.replace(/\{(\w+)\}/g, (m, name: string) => {
      const v = params[name];
      if (v === undefined) return m;
      return typeof v === "number" ? numberFormats[locale].format(v) : v;
    });
  };
}

// Built once: a DateTimeFormat costs far more to construct than to use, and every list page formats dozens of dates.
const dayFormat = new Intl.DateTimeFormat("en-GB", {
  timeZone: TIME_ZONE,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});
const dayTimeFormat = new Intl.DateTimeFormat("en-GB", {
  timeZone: TIME_ZONE,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

function parts(d: Date, withTime: boolean): Record<string, string> {
  const fmt = withTime ? dayTimeFormat : dayFormat;
  return Object.fromEntries(fmt.formatToParts(d).map((p) => [p.type, p.value]));
}

/** dd/mm/yyyy in Asia/Ho_Chi_Minh, whatever the server's zone. */
export function formatDate(d: Date): string {
  const p = parts(d, false);
  return `${p.day}/${p.month}/${p.year}`;
}

/** dd/mm/yyyy HH:MM in Asia/Ho_Chi_Minh. */
export function formatDateTime(d: Date): string {
  const p = parts(d, true);
  return `${p.day}/${p.month}/${p.year} ${p.hour}:${p.minute}`;
}

export function formatNumber(n: number, locale: Locale): string {
  return numberFormats[locale].format(n);
}

/** Parses a dd/mm/yyyy date typed by a person; undefined when it is not a real date. */
export function parseDate(text: string): string | undefined {
  const m = /^\s*(\d{1,2})\/(\d{1,2})\/(\d{4})\s*$/.exec(text);
  if (!m) return undefined;
  const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const dt = new Date(Date.UTC(y, mo - 1, d));
  if (dt.getUTCFullYear() !== y || dt.getUTCMonth() !== mo - 1 || dt.getUTCDate() !== d) return undefined;
  return `${y}-${String(mo).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}
