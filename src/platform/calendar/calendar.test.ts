import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { buildCalendar, type CalendarEntryInput, dayStatus, entriesOn, validateEntries } from "./calendar.ts";
import { parseLocalDate } from "./localDate.ts";

const d = parseLocalDate;
const entry = (date: string, kind: CalendarEntryInput["kind"]): CalendarEntryInput => ({
  date,
  kind,
  nameVi: "x",
  nameEn: "x",
});

describe("buildCalendar", () => {
  it("indexes entries by date, sorted", () => {
    const cal = buildCalendar([entry("2026-09-02", "holiday"), entry("2026-01-01", "holiday")]);
    assert.deepEqual(
      cal.entries.map((e) => e.date),
      ["2026-01-01", "2026-09-02"],
    );
    assert.equal(entriesOn(d("2026-09-02"), cal).length, 1);
    assert.equal(entriesOn(d("2026-09-03"), cal).length, 0);
  });

  it("throws on a malformed date or an unknown kind", () => {
    assert.throws(() => buildCalendar([entry("2026-02-30", "holiday")]), RangeError);
    assert.throws(
      () => buildCalendar([{ ...entry("2026-02-03", "holiday"), kind: "party" as "holiday" }]),
      RangeError,
    );
  });
});

describe("dayStatus", () => {
  const cal = buildCalendar([
    entry("2026-04-30", "holiday"), // Thursday
    entry("2026-04-27", "compensatory"), // Monday
    entry("2026-02-23", "swap_dayoff"), // Monday
    entry("2026-03-07", "swap_workday"), // Saturday
    entry("2026-03-09", "swap_workday"), // Monday: no effect
    // Contradictory entries on one date: the day off wins.
    entry("2026-03-14", "swap_workday"), // Saturday
    entry("2026-03-14", "holiday"),
  ]);

  it("weekdays work, weekends do not, entries override", () => {
    assert.deepEqual(
      [
        "2026-04-29",
        "2026-04-30",
        "2026-04-27",
        "2026-02-23",
        "2026-03-07",
        "2026-03-08",
        "2026-03-09",
        "2026-03-14",
      ].map((x) => {
        const s = dayStatus(d(x), cal);
        return `${x} ${s.working} ${s.reason}`;
      }),
      [
        "2026-04-29 true weekday",
        "2026-04-30 false holiday",
        "2026-04-27 false compensatory",
        "2026-02-23 false swap_dayoff",
        "2026-03-07 true swap_workday",
        "2026-03-08 false weekend",
        "2026-03-09 true weekday",
        "2026-03-14 false holiday",
      ],
    );
  });
});

describe("validateEntries", () => {
  it("reports what an admin most likely got wrong", () => {
    const issues = validateEntries([
      entry("2026-02-30", "holiday"),
      entry("2026-03-09", "swap_workday"), // a Monday
      entry("2026-03-07", "swap_dayoff"), // a Saturday
      entry("2026-03-08", "compensatory"), // a Sunday
      entry("2026-04-30", "holiday"),
      entry("2026-04-30", "holiday"),
      { ...entry("2026-05-01", "holiday"), nameEn: " " },
      { ...entry("2026-05-04", "holiday"), kind: "party" as "holiday" },
    ]);
    assert.deepEqual(
      issues.map((i) => `${i.index} ${i.code}`),
      [
        "0 invalid_date",
        "1 swap_workday_on_weekday",
        "2 swap_dayoff_on_weekend",
        "3 compensatory_on_weekend",
        "5 duplicate_date",
        "6 missing_name",
        "7 invalid_kind",
      ],
    );
  });
});
