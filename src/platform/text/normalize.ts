/**
 * Vietnamese text normalisation: pure functions, no I/O.
 *
 * Two pipelines:
 * - `normalizeForSearch`: NFC → canonical tones → lower → abbreviation expansion → fold diacritics
 *   (đ → d) → punctuation to spaces → collapse spaces. "Hạ Long", "ha long", "HA-LONG" all give
 *   "ha long"; "UBND" gives "uy ban nhan dan".
 * - `normalizeForDisplayMatch`: the same but diacritics are kept (tone placement made canonical), for
 *   matching names that differ only in tone-mark placement ("Hòa"/"Hoà", "Thủy"/"Thuỷ").
 */

import { DEFAULT_EXPANDER, type Expander } from "./abbreviations.ts";
import { foldDiacritics, punctuationToSpaces, toNfc } from "./chars.ts";

export { foldDiacritics, punctuationToSpaces, toNfc };

/**
 * "new": tone mark on the main vowel of oa/oe/uy (hoà, khoẻ, thuỷ, uỷ). This is the placement of the
 * official 2025 catalogue of administrative units (Quyết định 19/2025/QĐ-TTg: "Hoà", "Thuỷ") and of the
 * Ministry of Education's spelling rules for textbooks (Quyết định 1989/QĐ-BGDĐT, 2018), so it is the
 * default. "old": the traditional placement (hòa, khỏe, thủy), still common in typed text.
 * Both differ only for open syllables in oa, oe, uy; every other syllable has a single correct placement.
 */
export type ToneStyle = "new" | "old";

// Combining marks (NFD). Tone marks: grave, acute, tilde, hook above, dot below.
const TONE_MARKS = new Set(["\u0300", "\u0301", "\u0303", "\u0309", "\u0323"]);
// Vowel-quality marks: circumflex (â ê ô), breve (ă), horn (ơ ư).
const QUALITY_MARKS = new Set(["\u0302", "\u0306", "\u031B"]);
const VOWELS = new Set(["a", "e", "i", "o", "u", "y"]);

interface Letter {
  base: string;
  lower: string;
  quality: string;
  tone: string;
}

const WORD_RE = /[\p{L}\p{M}]+/gu;
const HAS_TONE_RE = /[\u0300\u0301\u0303\u0309\u0323]/;

/** Parses one NFD word into letters; null when it carries marks a Vietnamese syllable cannot have. */
function parseLetters(nfdWord: string): Letter[] | null {
  const letters: Letter[] = [];
  for (const ch of nfdWord) {
    const last = letters[letters.length - 1];
    if (TONE_MARKS.has(ch)) {
      if (last === undefined || last.tone !== "") return null;
      last.tone = ch;
    } else if (QUALITY_MARKS.has(ch)) {
      if (last === undefined || last.quality !== "") return null;
      last.quality = ch;
    } else if (/\p{M}/u.test(ch)) {
      return null;
    } else {
      letters.push({ base: ch, lower: ch.toLowerCase(), quality: "", tone: "" });
    }
  }
  return letters;
}

function isVowel(l: Letter): boolean {
  return VOWELS.has(l.lower);
}

/** Index of the letter that must carry the tone, or -1 when the word is not a Vietnamese syllable. */
function tonePosition(letters: readonly Letter[], style: ToneStyle): number {
  let start = 0;
  while (start < letters.length && !isVowel(letters[start] as Letter)) start++;
  if (start >= letters.length) return -1;
  const first = letters[start] as Letter;
  const prev = letters[start - 1];
  const next = letters[start + 1];
  // "qu": the u belongs to the initial consonant (quả, quý). "gi" + vowel: the i does (già, giữ, giếng).
  if (prev !== undefined && first.quality === "" && next !== undefined && isVowel(next)) {
    if ((prev.lower === "q" && first.lower === "u") || (prev.lower === "g" && first.lower === "i")) start++;
  }
  let end = start;
  while (end < letters.length && isVowel(letters[end] as Letter)) end++;
  for (let i = end; i < letters.length; i++) if (isVowel(letters[i] as Letter)) return -1;
  const nucleus = letters.slice(start, end);
  const hasCoda = end < letters.length;
  // 1. A vowel with a quality mark carries the tone (the last one: ươ → ơ, uyê → ê, ưu → ư).
  for (let i = nucleus.length - 1; i >= 0; i--) if ((nucleus[i] as Letter).quality !== "") return start + i;
  const pair = nucleus.length >= 2 ? `${(nucleus[0] as Letter).lower}${(nucleus[1] as Letter).lower}` : "";
  const isOaOeUy = pair === "oa" || pair === "oe" || pair === "uy";
  // 2. oa, oe, uy: the second vowel (hoàn, khoẻ, thuỷ, ngoài, khuỷu); old style keeps hòa/khỏe/thủy open.
  if (isOaOeUy && (style === "new" || hasCoda || nucleus.length > 2)) return start + 1;
  // 3. With a final consonant: the last vowel (muốn handled by 1; toán by 2; "xoong" → second o).
  if (hasCoda) return end - 1;
  // 4. Open syllable: first of two vowels (mùa, mía, tài), middle of three.
  return nucleus.length >= 3 ? start + 1 : start;
}

function placeTone(nfdWord: string, style: ToneStyle): string {
  if (!HAS_TONE_RE.test(nfdWord)) return nfdWord;
  const letters = parseLetters(nfdWord);
  if (letters === null) return nfdWord;
  let tone = "";
  for (const l of letters) {
    if (l.tone === "") continue;
    if (tone !== "") return nfdWord; // two tone marks: not one Vietnamese syllable
    tone = l.tone;
  }
  const pos = tonePosition(letters, style);
  if (pos < 0) return nfdWord;
  let out = "";
  for (let i = 0; i < letters.length; i++) {
    const l = letters[i] as Letter;
    out += l.base + l.quality + (i === pos ? tone : "");
  }
  return out;
}

/**
 * Moves every tone mark to its canonical letter ("hòa" → "hoà", "thủy" → "thuỷ", "qúa" → "quá").
 * Words that cannot be Vietnamese syllables (two tones, vowels after the final consonant…) are left alone.
 * Output is NFC; the function is idempotent.
 */
export function canonicalTones(text: string, style: ToneStyle = "new"): string {
  const nfd = text.normalize("NFD");
  if (!HAS_TONE_RE.test(nfd)) return nfd.normalize("NFC");
  return nfd.replace(WORD_RE, (w) => placeTone(w, style)).normalize("NFC");
}

/**
 * Search form: unaccented, lower case, abbreviations expanded, words separated by single spaces.
 * Canonical tone placement is implied: folding removes every tone mark, so the placement cannot matter.
 */
export function normalizeForSearch(text: string, expander: Expander = DEFAULT_EXPANDER): string {
  return punctuationToSpaces(expander.expandFolded(toNfc(text)));
}

/** Display-match form: like `normalizeForSearch` but diacritics kept, tone placement canonical. */
export function normalizeForDisplayMatch(
  text: string,
  expander: Expander = DEFAULT_EXPANDER,
  style: ToneStyle = "new",
): string {
  return punctuationToSpaces(
    canonicalTones(expander.expand(toNfc(text)), style)
      .toLowerCase()
      .normalize("NFC"),
  );
}
