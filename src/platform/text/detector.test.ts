import assert from "node:assert/strict";
import { describe, test } from "node:test";
import fc from "fast-check";
import { bandKeys, FEATURE_SCHEME, fingerprint, SimilarityIndex, THRESHOLD } from "./detector.ts";
import { NUM_BANDS } from "./minhash.ts";
import { CONCEPT_SHARE, prepare } from "./similarity.ts";
import { retyped, vnText } from "./testkit.ts";

const isInt32 = (k: number): boolean => Number.isInteger(k) && k >= -(2 ** 31) && k < 2 ** 31;

describe("bandKeys", () => {
  test("64 band keys plus one per concept, signed 32-bit, ascending, unique", () => {
    const keys = bandKeys("Đề nghị cấp sổ đỏ cho các hộ dân, đường vào thôn bị sạt lở");
    assert.equal(keys.length, NUM_BANDS + 2);
    for (let i = 1; i < keys.length; i++) assert.ok((keys[i - 1] as number) < (keys[i] as number));
    for (const k of keys) assert.ok(isInt32(k));
  });

  test("no keys for a text with nothing but officialese", () => {
    assert.deepEqual(bandKeys(""), []);
    assert.deepEqual(bandKeys("Đề nghị cấp trên sớm xem xét, giải quyết!"), []);
  });

  test("the same for diacritics, case, punctuation and abbreviations", () => {
    const k = bandKeys("Đề nghị cấp GCN QSDĐ cho hộ dân thôn Đồng Tâm.");
    assert.deepEqual(bandKeys("de nghi cap giay chung nhan quyen su dung dat cho ho dan thon dong tam"), k);
    assert.deepEqual(bandKeys("ĐỀ NGHỊ CẤP GCN-QSDD CHO HỘ DÂN, THÔN ĐỒNG TÂM!!!"), k);
  });

  test("property: deterministic", () => {
    fc.assert(
      fc.property(vnText, (s) => {
        assert.deepEqual(bandKeys(s), bandKeys(s));
        assert.deepEqual(bandKeys(s), fingerprint(s).keys);
      }),
    );
  });

  test("property: identical for texts differing only in diacritics, case and punctuation", () => {
    fc.assert(
      fc.property(
        vnText.chain((s) => fc.tuple(fc.constant(s), retyped(s))),
        ([a, b]) => {
          assert.deepEqual(bandKeys(b), bandKeys(a));
        },
      ),
    );
  });

  test("feature scheme names the layout", () => {
    assert.match(FEATURE_SCHEME, /^v1-64x2-[0-9a-f]{8}$/);
  });
});

describe("THRESHOLD", () => {
  test("above the concept share, below any real near-duplicate", () => {
    assert.ok(THRESHOLD > CONCEPT_SHARE && THRESHOLD < 0.5);
  });
});

describe("SimilarityIndex", () => {
  const petitions: [string, string][] = [
    ["a", "Đường liên thôn bị sạt lở nghiêm trọng sau mưa lớn, xe máy không qua được"],
    ["b", "Phụ cấp của trưởng thôn quá thấp so với khối lượng công việc"],
    ["c", "Đề nghị nâng mức phụ cấp cho bí thư chi bộ kiêm trưởng thôn"],
    ["d", "Bụi than từ xe tải gây ô nhiễm khu dân cư"],
  ];
  const build = (): SimilarityIndex => {
    const index = new SimilarityIndex();
    for (const [id, text] of petitions) index.add(id, text);
    return index;
  };

  test("similar: ranked matches, best first, above the threshold when asked", () => {
    const index = build();
    assert.equal(index.size, 4);
    const q = "Mức phụ cấp trưởng thôn hiện nay thấp, kiến nghị tăng";
    const all = index.similar(q, 10);
    assert.ok(all.length >= 2);
    for (let i = 1; i < all.length; i++)
      assert.ok((all[i - 1] as { score: number }).score >= (all[i] as { score: number }).score);
    const near = index.similar(q, 10, { minScore: THRESHOLD });
    assert.deepEqual(new Set(near.map((m) => m.id)), new Set(["b", "c"]));
    assert.equal(index.similar(q, 1).length, 1);
  });

  test("candidates: petitions sharing a key, in insertion order", () => {
    const index = build();
    const c = index.candidates("Duong lien thon bi sat lo sau mua lon");
    assert.deepEqual(c, ["a"]);
    assert.deepEqual(index.candidates("Đề nghị cấp trên xem xét"), []);
  });

  test("remove and replace", () => {
    const index = build();
    assert.ok(index.remove("a"));
    assert.ok(!index.remove("a"));
    assert.deepEqual(index.candidates("Đường liên thôn bị sạt lở"), []);
    index.add("b", "Đường liên thôn bị sạt lở");
    assert.equal(index.size, 3);
    assert.deepEqual(index.candidates("Đường liên thôn bị sạt lở"), ["b"]);
  });

  test("stored fingerprints give the same answers as texts", () => {
    const index = new SimilarityIndex();
    for (const [id, text] of petitions) {
      const fp = JSON.parse(JSON.stringify(fingerprint(text)));
      index.addFingerprint(id, fp);
    }
    assert.deepEqual(
      index.similar("Phụ cấp trưởng thôn thấp", 3),
      build().similar("Phụ cấp trưởng thôn thấp", 3),
    );
  });

  test("candidates are scored with the same function as prepare + score", () => {
    const index = build();
    const q = "Phụ cấp trưởng thôn thấp";
    const best = index.similar(q, 1)[0];
    assert.ok(best !== undefined);
    assert.ok(best.score > 0);
    assert.deepEqual(prepare(q), fingerprint(q).prepared);
  });
});
