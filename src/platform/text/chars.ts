/** Character-level primitives shared by the normaliser and the abbreviation expander (no imports). */

/** Unicode NFC (composed) form: what the database and every comparison expect. */
export function toNfc(text: string): string {
  return text.normalize("NFC");
}

const COMBINING_RE = /\p{M}/gu;

/** Removes all diacritics (tone and quality marks) and maps đ/Đ to d/D: "Đường Hạ Long" → "Duong Ha Long". */
export function foldDiacritics(text: string): string {
  return text
    .normalize("NFD")
    .replace(COMBINING_RE, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .normalize("NFC");
}

// Anything that is not a letter, a combining mark or a digit separates words.
const NON_WORD_RE = /[^\p{L}\p{M}\p{N}]+/gu;

/** Punctuation and symbols to single spaces, trimmed. */
export function punctuationToSpaces(text: string): string {
  return text.replace(NON_WORD_RE, " ").trim();
}

// Fast path of `foldLower` for the Latin ranges Vietnamese text lives in: one table lookup per character.
const FAST_LIMIT = 0x1f00;
const FOLD_LOWER_TABLE: (string | undefined)[] = (() => {
  const table: (string | undefined)[] = new Array(FAST_LIMIT);
  const mark = /\p{M}/u;
  for (let c = 0; c < FAST_LIMIT; c++) {
    const ch = String.fromCharCode(c);
    if (mark.test(ch) || (c >= 0xd800 && c <= 0xdfff)) continue;
    table[c] = foldDiacritics(ch).toLowerCase();
  }
  return table;
})();

/**
 * `foldDiacritics(text).toLowerCase()`, fast: "Đường GCN" → "duong gcn". Text made only of characters below
 * U+1F00 with no combining mark (NFC Vietnamese) is folded character by character; anything else takes the
 * general path. Both give the same result.
 */
export function foldLower(text: string): string {
  return foldLowerAligned(text) ?? foldDiacritics(text).toLowerCase();
}

/**
 * The fast path of `foldLower` when it applies and keeps every character at its index (so positions
 * found in the folded text are positions in the original), else null.
 */
export function foldLowerAligned(text: string): string | null {
  let out = "";
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const f = c < FAST_LIMIT ? FOLD_LOWER_TABLE[c] : undefined;
    if (f === undefined || f.length !== 1) return null;
    out += f;
  }
  return out;
}
