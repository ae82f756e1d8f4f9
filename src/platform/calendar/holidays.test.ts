import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { buildCalendar, validateEntries } from "./calendar.ts";
import { defaultHolidays } from "./holidays.ts";
import { addDays, isWeekend } from "./localDate.ts";
import { lunarNewYear } from "./lunar.ts";
import { isWorkingDay } from "./workingDays.ts";

const summary = (year: number) => defaultHolidays(year).map((e) => `${e.date} ${e.kind}`);

describe("defaultHolidays: known years", () => {
  it("2026", () => {
    assert.deepEqual(summary(2026), [
      "2026-01-01 holiday",
      "2026-02-16 holiday", // 29 tháng Chạp, the last day of Ất Tỵ
      "2026-02-17 holiday",
      "2026-02-18 holiday",
      "2026-02-19 holiday",
      "2026-02-20 holiday",
      "2026-04-26 holiday", // Hùng Kings, a Sunday
      "2026-04-27 compensatory", // Monday in lieu
      "2026-04-30 holiday",
      "2026-05-01 holiday",
      "2026-09-01 holiday",
      "2026-09-02 holiday",
    ]);
    const eve = defaultHolidays(2026).find((e) => e.date === "2026-02-16");
    assert.equal(eve?.nameVi, "Tết Nguyên đán (29 tháng Chạp)");
  });

  it("2027: Tết 05–09/02, 1/5 on a Saturday gives Monday 3/5", () => {
    const s = summary(2027);
    for (const day of ["05", "06", "07", "08", "09"]) assert.ok(s.includes(`2027-02-${day} holiday`));
    assert.ok(s.includes("2027-04-16 holiday"));
    assert.ok(s.includes("2027-05-03 compensatory"));
    assert.equal(s.filter((x) => x.endsWith("compensatory")).length, 1);
  });

  it("2022: 30/4 Saturday and 1/5 Sunday give Monday 2/5 and Tuesday 3/5; 1/1 Saturday gives 3/1", () => {
    const s = summary(2022);
    assert.ok(s.includes("2022-05-02 compensatory"));
    assert.ok(s.includes("2022-05-03 compensatory"));
    assert.ok(s.includes("2022-01-03 compensatory"));
    assert.ok(s.includes("2022-04-11 compensatory")); // Hùng Kings on Sunday 10/4/2022
  });

  it("2029: 1/9 Saturday and 2/9 Sunday give Monday 3/9 and Tuesday 4/9", () => {
    const s = summary(2029);
    assert.ok(s.includes("2029-09-03 compensatory"));
    assert.ok(s.includes("2029-09-04 compensatory"));
  });

  it("Tết days get no day in lieu (2027: mùng 1 and 2 on the weekend)", () => {
    assert.ok(!summary(2027).some((x) => x.startsWith("2027-02-1") && x.endsWith("compensatory")));
  });
});

describe("defaultHolidays: properties", () => {
  const yearArb = fc.integer({ min: 1990, max: 2150 });

  it("always has 1/1, 30/4, 1/5, 2/9, 1/9, exactly 5 consecutive Tết days and Hùng Kings in March/April", () => {
    fc.assert(
      fc.property(yearArb, (y) => {
        const entries = defaultHolidays(y);
        const holidays = entries.filter((e) => e.kind === "holiday");
        const dates = new Set<string>(holidays.map((e) => e.date));
        for (const md of ["01-01", "04-30", "05-01", "09-01", "09-02"])
          assert.ok(dates.has(`${y}-${md}`), md);

        const tet = holidays.filter((e) => e.nameVi.startsWith("Tết Nguyên đán"));
        assert.equal(tet.length, 5);
        const first = lunarNewYear(y);
        assert.deepEqual(
          tet.map((e) => e.date),
          [-1, 0, 1, 2, 3].map((n) => addDays(first, n)),
        );

        const hung = holidays.filter((e) => e.nameVi.startsWith("Giỗ Tổ"));
        assert.equal(hung.length, 1);
        assert.match(hung[0]?.date ?? "", new RegExp(`^${y}-0[34]-`));
        assert.equal(holidays.length, 11);
      }),
    );
  });

  it("gives one day in lieu per non-Tết holiday on a weekend, on a free weekday, one entry per date", () => {
    fc.assert(
      fc.property(yearArb, (y) => {
        const entries = defaultHolidays(y);
        const dates = entries.map((e) => e.date);
        assert.equal(new Set(dates).size, dates.length, "the table's primary key is the date");
        assert.deepEqual([...dates].sort(), dates, "sorted");
        const weekendHolidays = entries.filter(
          (e) => e.kind === "holiday" && !e.nameVi.startsWith("Tết Nguyên đán") && isWeekend(e.date),
        );
        const compensatory = entries.filter((e) => e.kind === "compensatory");
        assert.equal(compensatory.length, weekendHolidays.length);
        for (const c of compensatory) {
          assert.ok(!isWeekend(c.date));
          assert.ok(c.date.startsWith(`${y}-`));
        }
        assert.deepEqual(validateEntries(entries), []);
      }),
    );
  });

  it("no holiday or day in lieu is a working day", () => {
    fc.assert(
      fc.property(yearArb, (y) => {
        const entries = defaultHolidays(y);
        const cal = buildCalendar(entries);
        for (const e of entries) assert.equal(isWorkingDay(e.date, cal), false, e.date);
      }),
      { numRuns: 50 },
    );
  });
});
