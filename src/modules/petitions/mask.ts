/**
 * Residents' identities out of a text that the public will read (Luật 91/2025): phone numbers, e-mail
 * addresses, identity-card numbers (CMND 9 digits, CCCD 12) and the names the petition knows of. Pure.
 */

export const MASK = "***";

const SEP = "[\\s.\\-()]";
/**
 * A Vietnamese phone number: 0 or +84/84, then 8–10 digits (mobile 0xx xxx xxxx, landline 02xx xxx xxxx),
 * spaces, dots, dashes or brackets between them. Not glued to digits before or after (nor the tail of an
 * amount like 12.000.000.000).
 */
export const PHONE_RE = new RegExp(
  `(?<!\\d[.,]?)(?<!\\+)(?:\\+\\s?84|84|\\(?0)(?:${SEP}{0,2}\\d){8,10}(?!\\d)`,
  "g",
);
const EMAIL_RE = /[\p{L}\p{N}._%+-]*@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu;
/** Nine digits or more in a row: a CMND/CCCD number, or a phone typed without a leading zero. */
const LONG_DIGITS_RE = /\d{9,}/g;
/** Groups of digits separated by the same space, dot or dash (an ID typed "001 234 567 890"). */
const GROUPED_DIGITS_RE = /(?<!\d)(?<!\p{L}-)\d+([ .-])\d+(?:\1\d+)*(?!\d)/gu;
/** 1.500.000 or 150,000,000: an amount of money, not an identity (it never starts with 0). */
const MONEY_RE = /^[1-9]\d{0,2}(?:([.,])\d{3})(?:\1\d{3})*$/;

/** Each NFC character folded to its bare lower-case letter, one for one, so positions still match the text. */
function foldChars(s: string): string {
  let out = "";
  for (const ch of s) {
    const base = ch.normalize("NFD").charAt(0).toLowerCase();
    const folded = base === "đ" ? "d" : base;
    // Keep one UTF-16 unit per unit of the original (astral characters stay as they are).
    out += ch.length === 1 ? folded.charAt(0) || ch : ch;
  }
  return out;
}

const isLetter = (c: string | undefined) => c !== undefined && /\p{L}/u.test(c);

/** The names worth looking for: two words at least (a lone given name like "Dân" is also an ordinary word). */
export function namesFrom(values: ReadonlyArray<string | null | undefined>): string[] {
  const out = new Set<string>();
  for (const v of values) {
    for (const part of (v ?? "").split(/[,;\n\r/]+|\s+-\s+/)) {
      const name = part
        .normalize("NFC")
        .replace(/\s+/g, " ")
        .replace(/^(ông|bà|anh|chị|cô|chú|bác|em)\s+/iu, "")
        .trim();
      if (name.split(" ").length >= 2 && /\p{L}/u.test(name)) out.add(name);
    }
  }
  return [...out].sort((a, b) => b.length - a.length);
}

function maskNames(text: string, names: readonly string[]): string {
  let result = text;
  for (const name of names) {
    const needle = foldChars(name.normalize("NFC"));
    if (needle.trim().length === 0) continue;
    let folded = foldChars(result);
    let from = 0;
    for (;;) {
      const at = folded.indexOf(needle, from);
      if (at < 0) break;
      const end = at + needle.length;
      if (!isLetter(result[at - 1]) && !isLetter(result[end])) {
        result = result.slice(0, at) + MASK + result.slice(end);
        folded = foldChars(result);
        from = at + MASK.length;
      } else {
        from = at + 1;
      }
    }
  }
  return result;
}

function digitCount(s: string): number {
  let n = 0;
  for (const c of s) if (c >= "0" && c <= "9") n++;
  return n;
}

/**
 * The text with phone numbers, e-mail addresses, identity numbers and the known names replaced by "***".
 * Names match whatever their case and diacritics ("Nong Van Dan" is "Nông Văn Dân"), as whole words.
 * Idempotent: masking a masked text changes nothing.
 */
export function maskPersonalData(
  text: string,
  knownNames: ReadonlyArray<string | null | undefined> = [],
): string {
  const names = namesFrom(knownNames);
  let out = text.normalize("NFC");
  // A mask can free what a neighbour hid ("… 000 +84 912 …"): repeat until nothing changes. Every round that
  // changes something removes characters that are never put back, so this ends.
  for (let round = 0; round < 20; round++) {
    const before = out;
    out = out.replace(EMAIL_RE, MASK);
    out = maskNames(out, names);
    out = out.replace(PHONE_RE, MASK);
    out = out.replace(GROUPED_DIGITS_RE, (m) => (digitCount(m) >= 9 && !MONEY_RE.test(m) ? MASK : m));
    out = out.replace(LONG_DIGITS_RE, MASK);
    if (out === before) break;
  }
  return out;
}
