import assert from "node:assert/strict";
import { describe, test } from "node:test";
import fc from "fast-check";
import { foldLower } from "./chars.ts";
import { analyse, DEFAULT_NOISE, shingleHashes, shingles, syllables } from "./shingles.ts";
import { WEIGHTS } from "./similarity.ts";
import { STOP, WEAK } from "./stopwords.ts";
import { retyped, vnText } from "./testkit.ts";
import { THESAURUS } from "./thesaurus.ts";

const texts = (s: string): string[] => syllables(s).map((x) => x.text);

describe("syllables", () => {
  test("officialese and function words are dropped, generic words kept as weak", () => {
    const s = syllables("Đề nghị cấp trên sớm hỗ trợ kinh phí sửa chữa đường bị sạt lở");
    assert.deepEqual(
      s.map((x) => (x.weak ? `(${x.text})` : x.text)),
      ["(ho)", "(tro)", "(kinh)", "(phi)", "(sua)", "(chua)", "duong", "(bi)", "sat", "lo"],
    );
  });

  test("abbreviations are expanded and diacritics folded", () => {
    assert.deepEqual(texts("cấp GCN QSDĐ"), texts("cap giay chung nhan quyen su dung dat"));
  });

  test("the petitioner's own place names are dropped", () => {
    const names = { noiseNames: ["Khe Tâm", "Đạp Thanh", "Mới"] };
    assert.deepEqual(
      syllables("Đường thôn Khe Tâm, xã Đạp Thanh bị sạt lở", names).map((x) => x.text),
      ["duong", "thon", "xa", "bi", "sat", "lo"],
    );
    // One-syllable names only after a unit word: "xây mới" keeps "mới".
    assert.deepEqual(
      syllables("thôn Mới đề nghị xây mới", names).map((x) => x.text),
      ["thon", "xay", "moi"],
    );
  });

  test("a unit's number is dropped, other numbers kept", () => {
    assert.deepEqual(texts("khu 5 sau bão số 3"), ["khu", "sau", "bao", "so", "3"]);
  });

  test("STOP phrases cut pairs; generic words pair with content words", () => {
    const a = analyse("phụ cấp của trưởng thôn");
    assert.deepEqual(
      a.segments.map((seg) => seg.map((x) => x.text)),
      [
        ["phu", "cap"],
        ["truong", "thon"],
      ],
    );
    const pairs = shingles(a, WEIGHTS)
      .filter((s) => s.text.includes(" "))
      .map((s) => s.text);
    assert.deepEqual(pairs, ["phu cap", "truong thon"]);
  });
});

describe("concepts", () => {
  test("colloquial and official names of one thing meet", () => {
    assert.deepEqual(analyse("cấp sổ đỏ").concepts, ["land-certificate"]);
    assert.deepEqual(analyse("cấp GCN QSDĐ").concepts, ["land-certificate"]);
    assert.deepEqual(analyse("chua co song 4G").concepts, ["mobile-signal"]);
    assert.deepEqual(analyse("tiền đền bù khi thu hồi đất").concepts, ["land-compensation"]);
  });

  test("a concept term does not run across officialese", () => {
    // "thua lỗ, đề nghị" is not "lô đề" (gambling).
    assert.deepEqual(analyse("người nuôi lợn thua lỗ, đề nghị hỗ trợ").concepts, []);
  });

  test("every thesaurus term can match: no STOP word inside, not itself noise", () => {
    for (const g of THESAURUS) {
      for (const term of g.terms) {
        const words = foldLower(term).match(/[\p{L}\p{N}]+/gu) ?? [];
        assert.ok(words.length > 0, term);
        for (let i = 0; i < words.length; i++) {
          assert.notEqual(DEFAULT_NOISE.match(words, i)?.kind, "stop", `${g.concept}: "${term}"`);
        }
        assert.ok(analyse(term).concepts.includes(g.concept), `${g.concept}: "${term}"`);
      }
    }
  });

  test("concept identifiers are unique", () => {
    const ids = THESAURUS.map((g) => g.concept);
    assert.equal(new Set(ids).size, ids.length);
  });
});

describe("noise lists", () => {
  test("are not empty and hold the officialese of the issue", () => {
    assert.ok(STOP.length > 50 && WEAK.length > 50);
    for (const w of ["đề nghị", "kiến nghị", "cấp trên", "người dân"]) assert.ok(STOP.includes(w), w);
  });
});

describe("shingles", () => {
  test("hash form and readable form are the same set", () => {
    fc.assert(
      fc.property(vnText, (s) => {
        const a = analyse(s);
        const readable = shingles(a, WEIGHTS);
        const hashed = shingleHashes(a, WEIGHTS);
        assert.equal(hashed.size, readable.length);
        const wr = readable.map((x) => x.weight).sort();
        const wh = Array.from(hashed.values()).sort();
        assert.deepEqual(wh, wr);
      }),
    );
  });

  test("property: same analysis for texts differing in diacritics, case and punctuation", () => {
    fc.assert(
      fc.property(
        vnText.chain((s) => fc.tuple(fc.constant(s), retyped(s))),
        ([a, b]) => {
          assert.deepEqual(analyse(b), analyse(a));
        },
      ),
    );
  });
});
