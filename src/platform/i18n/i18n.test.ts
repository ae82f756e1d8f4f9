import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { createTranslator, formatDate, formatDateTime, mergeCatalogs, parseDate } from "./i18n.ts";

test("dates read dd/mm/yyyy in Asia/Ho_Chi_Minh, even across the UTC midnight", () => {
  // 17:30 UTC on 31/12 is already 00:30 on 01/01 in Việt Nam.
  assert.equal(formatDate(new Date("2025-12-31T17:30:00Z")), "01/01/2026");
  assert.equal(formatDateTime(new Date("2025-12-31T17:30:00Z")), "01/01/2026 00:30");
  assert.equal(formatDate(new Date("2026-07-01T00:00:00+07:00")), "01/07/2026");
});

test("a typed dd/mm/yyyy date round-trips; impossible dates are refused", () => {
  fc.assert(
    fc.property(
      fc.date({ min: new Date("1990-01-01"), max: new Date("2100-01-01"), noInvalidDate: true }),
      (d) => {
        const shown = formatDate(d);
        const iso = parseDate(shown);
        assert.ok(iso);
        assert.equal(formatDate(new Date(`${iso}T12:00:00+07:00`)), shown);
      },
    ),
  );
  assert.equal(parseDate("31/02/2026"), undefined);
  assert.equal(parseDate("2026-02-01"), undefined);
});

test("translator fills placeholders, formats numbers per locale and falls back to Vietnamese", () => {
  const c = mergeCatalogs([{ vi: { a: "{n} thôn", b: "chỉ tiếng Việt" }, en: { a: "{n} villages" } }]);
  assert.equal(createTranslator(c, "vi")("a", { n: 1452 }), "1.452 thôn");
  assert.equal(createTranslator(c, "en")("a", { n: 1452 }), "1,452 villages");
  assert.equal(createTranslator(c, "en")("b"), "chỉ tiếng Việt");
  assert.throws(() =>
    mergeCatalogs([
      { vi: { a: "1" }, en: {} },
      { vi: { a: "2" }, en: {} },
    ]),
  );
});
