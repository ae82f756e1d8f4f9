/**
 * Test helpers for the text module (imported by *.test.ts only): fast-check arbitraries of Vietnamese
 * syllables and petition-like texts, and the variants a petition is typed in (no diacritics, other case,
 * other punctuation, other tone placement).
 */

import fc from "fast-check";

const ONSETS = [
  "",
  "b",
  "c",
  "ch",
  "d",
  "đ",
  "g",
  "gh",
  "gi",
  "h",
  "k",
  "kh",
  "l",
  "m",
  "n",
  "ng",
  "ngh",
  "nh",
  "p",
  "ph",
  "qu",
  "r",
  "s",
  "t",
  "th",
  "tr",
  "v",
  "x",
];

// Rhymes without tone mark (vowel qualities included).
const RHYMES = [
  "a",
  "e",
  "ê",
  "i",
  "o",
  "ô",
  "ơ",
  "u",
  "ư",
  "y",
  "oa",
  "oe",
  "uy",
  "ua",
  "ia",
  "ưa",
  "ai",
  "oai",
  "ao",
  "au",
  "âu",
  "ay",
  "ây",
  "eo",
  "êu",
  "iu",
  "oi",
  "ôi",
  "ơi",
  "ui",
  "ưi",
  "uôi",
  "ươi",
  "ươu",
  "uya",
  "uyu",
  "oay",
  "uây",
  "an",
  "oan",
  "ăn",
  "ân",
  "uân",
  "en",
  "oen",
  "ên",
  "in",
  "on",
  "ôn",
  "ơn",
  "un",
  "ưn",
  "iên",
  "uyên",
  "uôn",
  "ươn",
  "ang",
  "oang",
  "anh",
  "oanh",
  "ong",
  "ông",
  "ung",
  "ưng",
  "iêng",
  "ương",
  "ac",
  "oac",
  "at",
  "oat",
  "ăt",
  "âc",
  "ep",
  "êt",
  "ich",
  "it",
  "op",
  "ôt",
  "ơt",
  "uc",
  "ưc",
  "uôc",
  "ươc",
  "uyt",
  "uynh",
  "oong",
];

/** Combining tone marks: huyền, sắc, hỏi, ngã, nặng. */
export const TONES = ["\u0300", "\u0301", "\u0309", "\u0303", "\u0323"];

const VOWEL_RE = /[aăâeêioôơuưy]/u;

/** Onset + rhyme pairs that spell a syllable ("qu" takes no rhyme starting in u/o, "gi" none in i/y). */
function compatible(onset: string, rhyme: string): boolean {
  if (onset === "qu") return !/^[uưoôơ]/u.test(rhyme);
  if (onset === "gi") return !/^[iy]/u.test(rhyme);
  return true;
}

export interface SyllableParts {
  readonly onset: string;
  readonly rhyme: string;
  readonly tone: string;
}

export const syllableParts: fc.Arbitrary<SyllableParts> = fc
  .record({
    onset: fc.constantFrom(...ONSETS),
    rhyme: fc.constantFrom(...RHYMES),
    tone: fc.constantFrom(...TONES),
  })
  .filter((p) => compatible(p.onset, p.rhyme));

/** The syllable with its tone mark on the `at`-th vowel letter (mod the number of vowels), NFC. */
export function spell(p: SyllableParts, at: number): string {
  const letters = Array.from(`${p.onset}${p.rhyme}`.normalize("NFD"));
  const vowelIdx: number[] = [];
  letters.forEach((ch, i) => {
    if (VOWEL_RE.test(ch)) vowelIdx.push(i);
  });
  const target = vowelIdx[at % vowelIdx.length] as number;
  // After the base letter and its quality mark, if any.
  let pos = target + 1;
  while (pos < letters.length && /\p{M}/u.test(letters[pos] as string)) pos++;
  letters.splice(pos, 0, p.tone);
  return letters.join("").normalize("NFC");
}

/** Common words of petitions (my own list), with diacritics. */
const WORDS = [
  "đường",
  "nước",
  "sinh hoạt",
  "trường học",
  "điện",
  "rác thải",
  "ô nhiễm",
  "hỗ trợ",
  "người dân",
  "đề nghị",
  "kiến nghị",
  "cấp trên",
  "xem xét",
  "thôn",
  "bản",
  "xã",
  "phường",
  "hòa",
  "hoà",
  "thủy",
  "thuỷ",
  "ủy ban",
  "khỏe",
  "khoẻ",
  "sạt lở",
  "mưa lũ",
  "đất đai",
  "bồi thường",
  "sổ đỏ",
  "phủ sóng",
  "giấy chứng nhận",
  "quyền sử dụng đất",
  "trạm y tế",
  "học sinh",
  "cầu treo",
  "kênh mương",
  "phụ cấp",
  "trưởng thôn",
  "nghiêm trọng",
  "bức xúc",
  "UBND",
  "HĐND",
  "GCN QSDĐ",
  "BHYT",
  "QL18",
  "TĐC",
  "GPMB",
  "Hạ Long",
  "Quảng Ninh",
  "khu 5",
  "năm 2025",
];

const SEPARATORS = [" ", " ", " ", ", ", ". ", "; ", " - ", "\n", " (", ") ", ": ", "… ", "! ", "? "];

/** Petition-like text: known words and random syllables, separated by spaces and punctuation. */
export const vnText: fc.Arbitrary<string> = fc
  .array(
    fc.tuple(
      fc.oneof(
        { weight: 3, arbitrary: fc.constantFrom(...WORDS) },
        { weight: 2, arbitrary: fc.tuple(syllableParts, fc.nat()).map(([p, at]) => spell(p, at)) },
      ),
      fc.constantFrom(...SEPARATORS),
    ),
    { minLength: 1, maxLength: 40 },
  )
  .map((parts) => parts.map(([w, sep]) => w + sep).join(""));

const COMBINING_RE = /\p{M}/gu;

/** Removes diacritics the way a phone keyboard without Vietnamese input does. */
export function stripDiacritics(s: string): string {
  return s.normalize("NFD").replace(COMBINING_RE, "").replace(/đ/g, "d").replace(/Đ/g, "D");
}

/**
 * How else the same text may be typed: per word, diacritics kept or dropped and case changed; every run
 * of separators replaced by another.
 */
export const retyped = (text: string): fc.Arbitrary<string> => {
  const tokens = text.split(/([^\p{L}\p{M}\p{N}]+)/u);
  return fc
    .array(
      fc.tuple(
        fc.boolean(),
        fc.constantFrom("keep", "lower", "upper", "title"),
        fc.constantFrom(...SEPARATORS),
      ),
      {
        minLength: tokens.length,
        maxLength: tokens.length,
      },
    )
    .map((choices) =>
      tokens
        .map((tok, i) => {
          const [strip, kase, sep] = choices[i] as [boolean, string, string];
          if (i % 2 === 1) return sep;
          let w = strip ? stripDiacritics(tok) : tok;
          if (kase === "lower") w = w.toLowerCase();
          else if (kase === "upper") w = w.toUpperCase();
          else if (kase === "title") w = w.charAt(0).toUpperCase() + w.slice(1).toLowerCase();
          return w;
        })
        .join(""),
    );
};
