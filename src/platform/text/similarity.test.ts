import assert from "node:assert/strict";
import { describe, test } from "node:test";
import fc from "fast-check";
import { THRESHOLD } from "./detector.ts";
import { CONCEPT_SHARE, placeNamesOfUnit, prepare, score } from "./similarity.ts";
import { retyped, stripDiacritics, vnText } from "./testkit.ts";

describe("placeNamesOfUnit", () => {
  test("drops the kind words", () => {
    assert.deepEqual(placeNamesOfUnit("Thôn Khe Tâm, xã Đạp Thanh"), ["Khe Tâm", "Đạp Thanh"]);
    assert.deepEqual(placeNamesOfUnit("Khu phố 2, phường Hà Khẩu"), ["2", "Hà Khẩu"]);
    assert.deepEqual(placeNamesOfUnit("Bản Pắc Pò"), ["Pắc Pò"]);
    assert.deepEqual(placeNamesOfUnit("Đạp Thanh"), ["Đạp Thanh"]);
  });
});

describe("prepare", () => {
  test("is plain JSON: stored and read back, it scores the same", () => {
    const a = prepare("Đường liên thôn bị sạt lở sau mưa lớn, đề nghị sửa chữa");
    const b = prepare("Duong lien thon sat lo nghiem trong");
    const back = JSON.parse(JSON.stringify(a));
    assert.equal(score(back, b), score(a, b));
  });

  test("terms ascending, unique, signed 32-bit; weights aligned", () => {
    const p = prepare("Tuyến đường liên thôn bị sạt lở, sạt lở nghiêm trọng; sổ đỏ và GCN");
    for (let i = 1; i < p.terms.length; i++) assert.ok((p.terms[i - 1] as number) < (p.terms[i] as number));
    for (const t of p.terms) assert.ok(Number.isInteger(t) && t >= -(2 ** 31) && t < 2 ** 31);
    assert.equal(p.weights.length, p.terms.length);
    assert.deepEqual(p.concepts, ["land-certificate", "landslide"]);
  });
});

describe("score", () => {
  test("identical texts 1, empty or noise-only 0", () => {
    const t = "Bụi than từ xe tải gây ô nhiễm";
    assert.equal(score(prepare(t), prepare(t)), 1);
    assert.equal(score(prepare(""), prepare(t)), 0);
    assert.equal(score(prepare("Đề nghị cấp trên xem xét"), prepare("Đề nghị cấp trên xem xét")), 0);
  });

  test("paraphrases of one issue score above the threshold, different issues below", () => {
    const a = prepare("Đề nghị đẩy nhanh việc cấp sổ đỏ cho các hộ đã nộp hồ sơ từ năm ngoái");
    const b = prepare("Hồ sơ cấp GCN QSDĐ của nhiều hộ dân nộp đã lâu vẫn chưa được giải quyết");
    const c = prepare("Đường vào thôn bị sạt lở sau mưa lũ, xe máy không đi được");
    assert.ok(score(a, b) >= THRESHOLD, `same issue ${score(a, b)}`);
    assert.ok(score(a, c) < THRESHOLD, `different issues ${score(a, c)}`);
  });

  test("the petitioner's own place names do not make two petitions alike", () => {
    const ctx = { placeNames: ["Thôn Khe Tâm, xã Đạp Thanh"] };
    const a = prepare("Thôn Khe Tâm xã Đạp Thanh đề nghị lắp camera an ninh", ctx);
    const b = prepare("Thôn Khe Tâm xã Đạp Thanh đề nghị hỗ trợ giống lúa", ctx);
    const aNoCtx = prepare("Thôn Khe Tâm xã Đạp Thanh đề nghị lắp camera an ninh");
    const bNoCtx = prepare("Thôn Khe Tâm xã Đạp Thanh đề nghị hỗ trợ giống lúa");
    assert.ok(score(a, b) < score(aNoCtx, bNoCtx));
    assert.ok(score(a, b) < THRESHOLD);
  });

  test("a shared concept alone is not enough", () => {
    assert.ok(CONCEPT_SHARE < THRESHOLD);
    const a = prepare("mất sóng điện thoại di động");
    const b = prepare("chưa có internet");
    assert.deepEqual(a.concepts, b.concepts);
    assert.ok(score(a, b) < THRESHOLD);
  });

  test("property: symmetric, in [0, 1]", () => {
    fc.assert(
      fc.property(vnText, vnText, (x, y) => {
        const a = prepare(x);
        const b = prepare(y);
        const s = score(a, b);
        assert.equal(score(b, a), s);
        assert.ok(s >= 0 && s <= 1, String(s));
      }),
    );
  });

  test("property: 1 between a text and itself typed otherwise (diacritics, case, punctuation)", () => {
    fc.assert(
      fc.property(
        vnText.chain((s) => fc.tuple(fc.constant(s), retyped(s))),
        ([x, y]) => {
          const a = prepare(x);
          if (a.terms.length === 0) return;
          assert.ok(Math.abs(score(a, prepare(y)) - 1) < 1e-12);
          assert.ok(Math.abs(score(a, prepare(stripDiacritics(x))) - 1) < 1e-12);
        },
      ),
    );
  });
});
