import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { MASK, maskPersonalData, namesFrom, PHONE_RE } from "./mask.ts";

const phoneRe = () => new RegExp(PHONE_RE.source, PHONE_RE.flags);

test("phones, e-mails, identity numbers and known names are masked; amounts and dates stay", () => {
  const text =
    "Ông Nông Văn Dân (0912 345 678, dan.nv@gmail.com) và bà nong thi hoa, ĐT +84 98.765.4321, CCCD 022190001234, " +
    "CMND 123456789, máy bàn (0203) 3 825 123. Hỗ trợ 150.000.000 đồng từ 05/3/2026, 120 hộ, KN-2026-000123.";
  const out = maskPersonalData(text, ["Nông Văn Dân; Nông Thị Hoa"]);
  for (const gone of [
    "Nông Văn Dân",
    "nong thi hoa",
    "0912",
    "gmail",
    "98.765",
    "022190001234",
    "123456789",
    "825 123",
  ]) {
    assert.ok(!out.includes(gone), `${gone} survived: ${out}`);
  }
  for (const kept of ["150.000.000 đồng", "05/3/2026", "120 hộ", "KN-2026-000123", "Ông", "bà"]) {
    assert.ok(out.includes(kept), `${kept} was lost: ${out}`);
  }
});

test("a lone given name is not a name to look for (it is also an ordinary word)", () => {
  assert.deepEqual(namesFrom(["Dân", "ông Lò Văn Bình, Hà"]), ["Lò Văn Bình"]);
  assert.equal(maskPersonalData("người dân thôn", ["Dân"]), "người dân thôn");
  assert.equal(maskPersonalData("gặp Lò Văn Bìnhh", ["Lò Văn Bình"]), "gặp Lò Văn Bìnhh", "whole words only");
});

const digit = fc.constantFrom(..."0123456789");
const sep = fc.constantFrom("", " ", ".", "-", "  ", ". ");
/** Digits with separators, like a number a person types. */
const digits = fc
  .array(fc.tuple(sep, fc.array(digit, { minLength: 1, maxLength: 5 })), { minLength: 1, maxLength: 5 })
  .map((groups) => groups.map(([s, d]) => s + d.join("")).join(""));
const phone = fc
  .tuple(fc.constantFrom("0", "+84 ", "84", "(0"), fc.array(digit, { minLength: 9, maxLength: 9 }), sep)
  .map(([p, d, s]) => `${p}${d.slice(0, 3).join("")}${s}${d.slice(3, 6).join("")}${s}${d.slice(6).join("")}`);
const word = fc.constantFrom(
  "đường",
  "thôn",
  "Khe Tâm",
  "hộ",
  "ĐT:",
  "số",
  "CCCD",
  "năm",
  "ha",
  "(",
  ")",
  ",",
  ":",
  "+",
  "đồng",
);
/** Names are words: whole words are masked ("Nông Văn Dânh" is someone else), so the generator keeps them apart. */
const name = fc
  .constantFrom("Nông Văn Dân", "Lò Thị Bích", "Trần Văn Công", "nong van dan")
  .map((n) => ` ${n} `);
const email = fc
  .tuple(fc.stringMatching(/^[a-z][a-z0-9.]{0,8}$/), fc.constantFrom("gmail.com", "quangninh.gov.vn"))
  .map(([u, d]) => `${u}@${d}`);
const piece = fc.oneof(
  { weight: 4, arbitrary: word },
  { weight: 3, arbitrary: digits },
  { weight: 2, arbitrary: phone },
  { weight: 1, arbitrary: name },
  { weight: 1, arbitrary: name.map((n) => n.toUpperCase()) },
  { weight: 1, arbitrary: email },
  { weight: 1, arbitrary: fc.string({ maxLength: 6 }) },
);
const text = fc
  .array(fc.tuple(piece, fc.constantFrom(" ", "", "\n", ", ")), { maxLength: 25 })
  .map((ps) => ps.map(([p, s]) => p + s).join(""));
const known = ["Nông Văn Dân", "Lò Thị Bích, Trần Văn Công"];

test("property: no run of 9+ digits, phone number, e-mail or known name survives", () => {
  fc.assert(
    fc.property(text, (t) => {
      const out = maskPersonalData(t, known);
      assert.doesNotMatch(out, /\d{9}/);
      assert.doesNotMatch(out, phoneRe());
      assert.doesNotMatch(out, /@[a-z]+\.(com|gov)/);
      const folded = out.normalize("NFD").replace(/\p{M}/gu, "").replace(/[đĐ]/g, "d").toLowerCase();
      for (const n of ["nong van dan", "lo thi bich", "tran van cong"])
        assert.ok(!folded.includes(n), `${n} in ${out}`);
    }),
    { numRuns: 2000 },
  );
});

test("property: masking is idempotent and only ever replaces with ***", () => {
  fc.assert(
    fc.property(
      fc.oneof(text, fc.string({ maxLength: 200 }), fc.string({ unit: "grapheme", maxLength: 80 })),
      (t) => {
        const once = maskPersonalData(t, known);
        assert.equal(maskPersonalData(once, known), once);
        if (!once.includes(MASK)) assert.equal(once, t.normalize("NFC"));
      },
    ),
    { numRuns: 2000 },
  );
});
