import assert from "node:assert/strict";
import { describe, test } from "node:test";
import fc from "fast-check";
import { DEFAULT_EXPANDER } from "./abbreviations.ts";
import { foldLower } from "./chars.ts";
import {
  canonicalTones,
  foldDiacritics,
  normalizeForDisplayMatch,
  normalizeForSearch,
  punctuationToSpaces,
  toNfc,
} from "./normalize.ts";
import { retyped, spell, stripDiacritics, syllableParts, vnText } from "./testkit.ts";

const anyString = fc.oneof(fc.string({ unit: "grapheme" }), fc.string({ unit: "binary" }), vnText);

describe("toNfc", () => {
  test("composes decomposed text", () => {
    assert.equal(toNfc("Ha\u0323 Long"), "Hạ Long");
    assert.equal(toNfc("Hạ Long"), "Hạ Long");
  });
});

describe("canonicalTones", () => {
  test("new style: hoà, thuỷ, uỷ, khoẻ", () => {
    assert.equal(canonicalTones("hòa"), "hoà");
    assert.equal(canonicalTones("hoà"), "hoà");
    assert.equal(canonicalTones("thủy"), "thuỷ");
    assert.equal(canonicalTones("ủy ban"), "uỷ ban");
    assert.equal(canonicalTones("khỏe"), "khoẻ");
    assert.equal(canonicalTones("Xã Hòa Bình, tỉnh Khánh Hòa"), "Xã Hoà Bình, tỉnh Khánh Hoà");
    assert.equal(canonicalTones("HÒA THỦY"), "HOÀ THUỶ");
  });

  test("old style: hòa, thủy, ủy, khỏe", () => {
    assert.equal(canonicalTones("hoà", "old"), "hòa");
    assert.equal(canonicalTones("thuỷ", "old"), "thủy");
    assert.equal(canonicalTones("uỷ", "old"), "ủy");
    assert.equal(canonicalTones("khoẻ", "old"), "khỏe");
  });

  test("syllables with one correct placement are the same in both styles", () => {
    const words = "hoàn thuyết người quý quả giữ già gìn giếng khuỷu ngoài thuở mùa mía tài muốn toán xoong";
    assert.equal(canonicalTones(words), words);
    assert.equal(canonicalTones(words, "old"), words);
  });

  test("fixes misplaced marks", () => {
    assert.equal(canonicalTones("qúa"), "quá");
    assert.equal(canonicalTones("gìa"), "già");
    assert.equal(canonicalTones("mưà"), "mừa");
    assert.equal(canonicalTones("ngòai"), "ngoài");
    assert.equal(canonicalTones("tuỷên"), "tuyển");
  });

  test("output is NFC; non-syllables are left alone", () => {
    assert.equal(canonicalTones("ho\u0300a"), "hoà");
    assert.equal(canonicalTones("café 4G Zalo"), "café 4G Zalo");
    assert.equal(canonicalTones("ááá"), "ááá");
  });

  test("property: idempotent, both styles", () => {
    fc.assert(
      fc.property(anyString, fc.constantFrom("new" as const, "old" as const), (s, style) => {
        const once = canonicalTones(s, style);
        assert.equal(canonicalTones(once, style), once);
      }),
      { numRuns: 500 },
    );
  });

  test("property: the tone mark on any vowel of a syllable gives the same canonical spelling", () => {
    fc.assert(
      fc.property(
        syllableParts,
        fc.nat(),
        fc.nat(),
        fc.constantFrom("new" as const, "old" as const),
        (p, i, j, st) => {
          assert.equal(canonicalTones(spell(p, i), st), canonicalTones(spell(p, j), st));
        },
      ),
      { numRuns: 1000 },
    );
  });

  test("property: only the placement changes (same letters and marks once folded)", () => {
    fc.assert(
      fc.property(vnText, (s) => {
        assert.equal(foldDiacritics(canonicalTones(s)), foldDiacritics(toNfc(s)));
      }),
    );
  });
});

describe("foldDiacritics", () => {
  test("removes every mark, đ → d", () => {
    assert.equal(foldDiacritics("Đường Hạ Long, Quảng Ninh"), "Duong Ha Long, Quang Ninh");
    assert.equal(foldDiacritics("đĐ ưƯ ơ ă â ê ô"), "dD uU o a a e o");
    assert.equal(foldDiacritics("hòa hoà"), "hoa hoa");
  });

  test("property: diacritic variants fold to the same text; folding is idempotent", () => {
    fc.assert(
      fc.property(vnText, (s) => {
        const folded = foldDiacritics(s);
        assert.equal(foldDiacritics(stripDiacritics(s)), folded);
        assert.equal(foldDiacritics(folded), folded);
        assert.doesNotMatch(folded, /[\p{M}đĐ]/u);
      }),
    );
  });

  test("property: foldLower (fast path) = foldDiacritics then lower case", () => {
    fc.assert(
      fc.property(anyString, (s) => {
        assert.equal(foldLower(s), foldDiacritics(s).toLowerCase());
      }),
      { numRuns: 500 },
    );
  });
});

describe("normalizeForSearch", () => {
  test("unaccented, lower case, abbreviations expanded, punctuation to spaces", () => {
    assert.equal(normalizeForSearch("  Hạ Long!!  "), "ha long");
    assert.equal(normalizeForSearch("ha-long"), "ha long");
    assert.equal(normalizeForSearch("UBND xã Hòa Bình"), "uy ban nhan dan xa hoa binh");
    assert.equal(
      normalizeForSearch("Cấp GCN QSDĐ (QL18)"),
      "cap giay chung nhan quyen su dung dat quoc lo 18",
    );
    assert.equal(normalizeForSearch(""), "");
  });

  test("text typed without diacritics matches text with them", () => {
    assert.equal(
      normalizeForSearch("Đường liên thôn bị sạt lở"),
      normalizeForSearch("Duong lien thon bi sat lo"),
    );
    assert.equal(normalizeForSearch("Xã Hòa Bình"), normalizeForSearch("xa hoa binh"));
    assert.equal(normalizeForSearch("Thủy lợi"), normalizeForSearch("thuỷ lợi"));
  });

  test("property: idempotent", () => {
    fc.assert(
      fc.property(anyString, (s) => {
        const once = normalizeForSearch(s);
        assert.equal(normalizeForSearch(once), once);
      }),
      { numRuns: 500 },
    );
  });

  test("property: insensitive to diacritics, case and punctuation", () => {
    fc.assert(
      fc.property(
        vnText.chain((s) => fc.tuple(fc.constant(s), retyped(s))),
        ([a, b]) => {
          assert.equal(normalizeForSearch(a), normalizeForSearch(b));
        },
      ),
    );
  });

  test("property: equals the pipeline step by step (NFC → tones → lower → expand → fold → spaces)", () => {
    fc.assert(
      fc.property(anyString, (s) => {
        const stepwise = punctuationToSpaces(
          foldDiacritics(DEFAULT_EXPANDER.expand(canonicalTones(toNfc(s)).toLowerCase())),
        );
        assert.equal(normalizeForSearch(s), stepwise);
      }),
      { numRuns: 500 },
    );
  });
});

describe("normalizeForDisplayMatch", () => {
  test("keeps diacritics, canonical tone placement", () => {
    assert.equal(normalizeForDisplayMatch("Xã Hòa Bình"), "xã hoà bình");
    assert.equal(normalizeForDisplayMatch("Xã Hòa Bình"), normalizeForDisplayMatch("xã  hoà-bình"));
    assert.equal(normalizeForDisplayMatch("Thủy Nguyên"), normalizeForDisplayMatch("Thuỷ Nguyên"));
    assert.notEqual(normalizeForDisplayMatch("Hòa"), normalizeForDisplayMatch("Hoa"));
    assert.equal(normalizeForDisplayMatch("UBND"), "uỷ ban nhân dân");
  });

  test("property: idempotent", () => {
    fc.assert(
      fc.property(anyString, (s) => {
        const once = normalizeForDisplayMatch(s);
        assert.equal(normalizeForDisplayMatch(once), once);
      }),
      { numRuns: 500 },
    );
  });

  test("property: old- and new-style placements match", () => {
    fc.assert(
      fc.property(vnText, (s) => {
        assert.equal(normalizeForDisplayMatch(canonicalTones(s, "old")), normalizeForDisplayMatch(s));
      }),
    );
  });
});
