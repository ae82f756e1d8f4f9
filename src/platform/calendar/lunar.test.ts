import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import lunarJs from "lunar-javascript";
import { addDays, type LocalDate, localDate, parseLocalDate } from "./localDate.ts";
import { lunarMonthLength, lunarNewYear, lunarToSolar, solarToLunar } from "./lunar.ts";

const d = parseLocalDate;

/** lunar-javascript's (Chinese, UTC+08:00) civil date for a lunar date. */
function chinese(year: number, month: number, day: number): string {
  return lunarJs.Lunar.fromYmd(year, month, day).getSolar().toYmd();
}

describe("Vietnamese lunar calendar: known dates", () => {
  it("Tết 2026: mùng 1 is 17/02/2026, the last day of Ất Tỵ (29 tháng Chạp) 16/02/2026", () => {
    assert.equal(lunarNewYear(2026), "2026-02-17");
    assert.deepEqual(solarToLunar(d("2026-02-16")), { year: 2025, month: 12, day: 29, leap: false });
    assert.equal(lunarMonthLength(2025, 12), 29);
  });

  it("Giỗ Tổ Hùng Vương 2026 is 26/04/2026", () => {
    assert.equal(lunarToSolar(2026, 3, 10), "2026-04-26");
  });

  it("Tết 2027: mùng 1 is 06/02/2027, the previous day the last of Bính Ngọ", () => {
    assert.equal(lunarNewYear(2027), "2027-02-06");
    const eve = solarToLunar(d("2027-02-05"));
    assert.equal(eve.year, 2026);
    assert.equal(eve.month, 12);
    assert.equal(eve.day, lunarMonthLength(2026, 12));
  });

  it("lunar-javascript agrees for 2026 and 2027", () => {
    assert.equal(chinese(2026, 1, 1), "2026-02-17");
    assert.equal(chinese(2026, 3, 10), "2026-04-26");
    assert.equal(chinese(2027, 1, 1), "2027-02-06");
    assert.equal(lunarJs.Solar.fromYmd(2026, 2, 16).getLunar().getDay(), 29);
  });

  it("has the known leap months (2023: month 2, 2025: month 6)", () => {
    assert.equal(lunarToSolar(2023, 2, 1, true), "2023-03-22");
    assert.equal(lunarToSolar(2025, 6, 1, true), "2025-07-25");
    assert.throws(() => lunarToSolar(2026, 6, 1, true), RangeError);
  });

  it("reckons days at UTC+07:00, unlike lunar-javascript (UTC+08:00)", () => {
    // Years in which Vietnam's Tết differed from China's.
    assert.equal(lunarNewYear(1968), "1968-01-29");
    assert.equal(chinese(1968, 1, 1), "1968-01-30");
    assert.equal(lunarNewYear(1985), "1985-01-21");
    assert.equal(chinese(1985, 1, 1), "1985-02-20");
    assert.equal(lunarNewYear(2007), "2007-02-17");
    assert.equal(chinese(2007, 1, 1), "2007-02-18");
    // The next one: new moon at 23:07 in Hà Nội, 00:07 in Beijing.
    assert.equal(lunarNewYear(2030), "2030-02-02");
    assert.equal(chinese(2030, 1, 1), "2030-02-03");
    // Hùng Kings a day earlier than the Chinese 10/3 (2009 was observed on Saturday 04/04/2009).
    assert.equal(lunarToSolar(2009, 3, 10), "2009-04-04");
    assert.equal(chinese(2009, 3, 10), "2009-04-05");
  });

  it("differs from lunar-javascript on Tết or 10/3 only in the expected years (1950–2100)", () => {
    const differing: number[] = [];
    for (let y = 1950; y <= 2100; y++) {
      if (lunarNewYear(y) !== chinese(y, 1, 1) || lunarToSolar(y, 3, 10) !== chinese(y, 3, 10))
        differing.push(y);
    }
    assert.deepEqual(
      differing,
      [1965, 1968, 1969, 1975, 1985, 2007, 2009, 2030, 2037, 2038, 2053, 2085, 2086, 2095, 2100],
    );
  });

  it("differs from lunar-javascript day by day (2020–2040) only in the expected months", () => {
    const months = new Set<string>();
    for (let day: LocalDate = localDate(2020, 1, 1); day < "2041-01-01"; day = addDays(day, 1)) {
      const v = solarToLunar(day);
      const [y, m, dd] = day.split("-").map(Number) as [number, number, number];
      const c = lunarJs.Solar.fromYmd(y, m, dd).getLunar();
      const same =
        c.getYear() === v.year &&
        Math.abs(c.getMonth()) === v.month &&
        c.getMonth() < 0 === v.leap &&
        c.getDay() === v.day;
      if (!same) months.add(`${v.year}-${v.leap ? "leap" : ""}${v.month}`);
    }
    assert.deepEqual(
      [...months],
      ["2020-11", "2030-1", "2031-leap3", "2032-2", "2034-8", "2037-3", "2038-3", "2039-11"],
    );
  });
});

describe("Vietnamese lunar calendar: properties", () => {
  const yearArb = fc.integer({ min: 1901, max: 2198 });
  const dateArb = fc.integer({ min: -25000, max: 84000 }).map((n) => addDays(localDate(1970, 1, 1), n));

  it("lunarToSolar and solarToLunar are inverse", () => {
    fc.assert(
      fc.property(dateArb, (day) => {
        const l = solarToLunar(day);
        assert.equal(lunarToSolar(l.year, l.month, l.day, l.leap), day);
      }),
    );
  });

  it("days advance by one, months have 29 or 30 days", () => {
    fc.assert(
      fc.property(dateArb, (day) => {
        const a = solarToLunar(day);
        const b = solarToLunar(addDays(day, 1));
        const length = lunarMonthLength(a.year, a.month, a.leap);
        assert.ok(length === 29 || length === 30);
        if (a.day < length) assert.deepEqual(b, { ...a, day: a.day + 1 });
        else {
          assert.equal(b.day, 1);
          if (b.leap) assert.equal(b.month, a.month);
          else assert.equal(b.month, a.month === 12 ? 1 : a.month + 1);
          assert.equal(b.year, b.month === 1 && !b.leap ? a.year + 1 : a.year);
        }
      }),
    );
  });

  it("Tết falls between 21/01 and 20/02", () => {
    fc.assert(
      fc.property(yearArb, (y) => {
        const tet = lunarNewYear(y);
        assert.ok(tet >= `${y}-01-21` && tet <= `${y}-02-20`, tet);
      }),
    );
  });

  it("rejects out-of-range input", () => {
    assert.throws(() => lunarNewYear(1899), RangeError);
    assert.throws(() => lunarNewYear(2200), RangeError);
    assert.throws(() => lunarToSolar(2026, 13, 1), RangeError);
    assert.throws(() => lunarToSolar(2026, 1, 31), RangeError);
    assert.throws(() => lunarToSolar(2025, 12, 30), RangeError); // month 12 of Ất Tỵ has 29 days
  });
});
