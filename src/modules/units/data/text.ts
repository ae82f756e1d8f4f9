// Small private text helpers for the units data layer (diacritic folding, whitespace).
// Deliberately self-contained: the shared Vietnamese text module in src/platform/text/ is
// written separately and this folder must not depend on it.

const COMBINING_MARKS = /[\u0300-\u036f]/g;

/** NFC, trimmed, inner whitespace (including no-break spaces) collapsed to one space. */
export function cleanText(value: string): string {
  return value
    .normalize("NFC")
    .replace(/[\s\u00a0\u200b\ufeff]+/g, " ")
    .trim();
}

/**
 * Lower-case, remove every diacritic (tone and vowel marks; đ → d), collapse whitespace.
 * "Hòa" and "Hoà" (tone-mark placement) and "HOÀ" all fold to "hoa".
 */
export function fold(value: string): string {
  return cleanText(value)
    .normalize("NFD")
    .replace(COMBINING_MARKS, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .normalize("NFC");
}

/** Fold and turn any run of non-alphanumerics into one space: for matching column headers. */
export function foldKey(value: string): string {
  return fold(value)
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

/** Splits "a;b; c" into trimmed non-empty parts. */
export function splitList(value: string, separator = ";"): string[] {
  return value
    .split(separator)
    .map((part) => cleanText(part))
    .filter((part) => part.length > 0);
}
