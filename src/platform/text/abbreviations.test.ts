import assert from "node:assert/strict";
import { describe, test } from "node:test";
import fc from "fast-check";
import { ABBREVIATIONS, buildExpander, DEFAULT_EXPANDER } from "./abbreviations.ts";
import { foldLower } from "./chars.ts";
import { normalizeForSearch } from "./normalize.ts";
import { stripDiacritics, vnText } from "./testkit.ts";

const e = DEFAULT_EXPANDER;

describe("abbreviation data", () => {
  test("covers the abbreviations of the issue", () => {
    for (const abbr of [
      "UBND",
      "HĐND",
      "BHYT",
      "BHXH",
      "GPMB",
      "GCN QSDĐ",
      "TĐC",
      "THCS",
      "THPT",
      "NTM",
      "MTTQ",
      "CSGT",
      "ATGT",
      "VSMT",
      "KCN",
      "QL",
      "TL",
    ]) {
      assert.notEqual(normalizeForSearch(abbr), foldLower(abbr), abbr);
    }
    assert.equal(normalizeForSearch("QL"), "quoc lo");
    assert.equal(normalizeForSearch("TL"), "tinh lo");
  });

  test("no expansion contains a form (expanding twice changes nothing)", () => {
    for (const entry of ABBREVIATIONS) {
      assert.equal(e.expand(entry.expansion), entry.expansion.toLowerCase(), entry.expansion);
    }
  });

  test("every form expands to its own expansion", () => {
    for (const entry of ABBREVIATIONS) {
      for (const form of entry.forms) assert.equal(e.expand(form), entry.expansion, form);
    }
  });
});

describe("expander", () => {
  test("case- and diacritic-insensitive", () => {
    for (const t of ["UBND", "ubnd", "Ubnd", "uBnD"]) assert.equal(e.expand(t), "ủy ban nhân dân");
    for (const t of ["HĐND", "HDND", "hđnd", "hdnd"]) assert.equal(e.expand(t), "hội đồng nhân dân");
  });

  test("GCN QSDD == GCN QSDĐ == giấy chứng nhận quyền sử dụng đất", () => {
    const full = normalizeForSearch("giấy chứng nhận quyền sử dụng đất");
    for (const t of [
      "GCN QSDĐ",
      "GCN QSDD",
      "gcn qsdđ",
      "GCN-QSDĐ",
      "GCNQSDĐ",
      "GCN QSD đất",
      "GCN QSD dat",
    ]) {
      assert.equal(normalizeForSearch(t), full, t);
    }
  });

  test("only on word boundaries", () => {
    assert.equal(e.expand("UBNDX"), "UBNDX");
    assert.equal(e.expand("xUBND"), "xUBND");
    assert.equal(e.expand("tplink"), "tplink");
    assert.equal(e.expand("Đường QL18, TL.5"), "Đường quốc lộ 18, tỉnh lộ.5");
    assert.equal(e.expand("ql 18a"), "quốc lộ 18a");
  });

  test("longest form wins; a digit between words breaks a form", () => {
    assert.equal(e.expand("GCN QSDĐ"), "giấy chứng nhận quyền sử dụng đất");
    assert.equal(e.expand("GCN 2 QSDĐ"), "giấy chứng nhận 2 quyền sử dụng đất");
  });

  test("a custom dictionary (as an administrator would edit it)", () => {
    const custom = buildExpander([
      ...ABBREVIATIONS,
      { forms: ["TDTT", "TD-TT"], expansion: "thể dục thể thao" },
      { forms: ["CA xã"], expansion: "công an xã" },
    ]);
    assert.equal(custom.expand("Sân TDTT"), "Sân thể dục thể thao");
    assert.equal(custom.expand("td-tt"), "thể dục thể thao");
    assert.equal(custom.expand("CA xa Hoành Mô"), "công an xã Hoành Mô");
    assert.equal(custom.expand("ca sĩ"), "ca sĩ");
    assert.equal(DEFAULT_EXPANDER.expand("TDTT"), "TDTT");
  });

  test("rejects a form without letters and a form with two expansions", () => {
    assert.throws(() => buildExpander([{ forms: ["123"], expansion: "x" }]));
    assert.throws(() =>
      buildExpander([
        { forms: ["AB"], expansion: "một" },
        { forms: ["ab"], expansion: "hai" },
      ]),
    );
  });

  test("property: expansion is the same with or without diacritics, in any case", () => {
    const forms = ABBREVIATIONS.flatMap((a) => a.forms);
    fc.assert(
      fc.property(
        fc.constantFrom(...forms),
        fc.boolean(),
        fc.constantFrom("upper", "lower", "keep"),
        fc.constantFrom("", "Đề nghị ", "cấp "),
        (form, strip, kase, prefix) => {
          let variant = strip ? stripDiacritics(form) : form;
          if (kase === "upper") variant = variant.toUpperCase();
          if (kase === "lower") variant = variant.toLowerCase();
          assert.equal(normalizeForSearch(prefix + variant), normalizeForSearch(prefix + form));
        },
      ),
    );
  });

  test("property: expandFolded = foldLower(expand)", () => {
    fc.assert(
      fc.property(fc.oneof(vnText, fc.string({ unit: "grapheme" })), (s) => {
        assert.equal(e.expandFolded(s), foldLower(e.expand(s)));
      }),
      { numRuns: 500 },
    );
  });
});
