import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import {
  addDays,
  daysBetween,
  fromEpochDay,
  isLocalDate,
  localDate,
  localDateTimeToInstant,
  localMinuteOfDay,
  parseLocalDate,
  parseTimeOfDay,
  toEpochDay,
  toLocalDate,
  weekday,
} from "./localDate.ts";

const dateArb = fc
  .integer({ min: toEpochDay(localDate(1900, 1, 1)), max: toEpochDay(localDate(2200, 12, 31)) })
  .map(fromEpochDay);

describe("LocalDate", () => {
  it("accepts only real YYYY-MM-DD dates", () => {
    assert.equal(isLocalDate("2026-02-28"), true);
    assert.equal(isLocalDate("2028-02-29"), true);
    for (const bad of [
      "2026-02-29",
      "2026-13-01",
      "2026-00-10",
      "2026-1-05",
      "26-01-05",
      "2026-01-05T00:00",
      "",
    ]) {
      assert.equal(isLocalDate(bad), false, bad);
      assert.throws(() => parseLocalDate(bad), RangeError);
    }
  });

  it("knows the weekday", () => {
    assert.equal(weekday(parseLocalDate("2026-04-26")), 0); // Sunday
    assert.equal(weekday(parseLocalDate("2026-04-30")), 4); // Thursday
    assert.equal(weekday(parseLocalDate("1970-01-01")), 4);
    assert.equal(weekday(parseLocalDate("1969-12-28")), 0);
  });

  it("epoch days round-trip and addDays/daysBetween are inverse", () => {
    fc.assert(
      fc.property(dateArb, fc.integer({ min: -4000, max: 4000 }), (d, n) => {
        assert.equal(fromEpochDay(toEpochDay(d)), d);
        assert.equal(daysBetween(d, addDays(d, n)), n);
        assert.equal(weekday(addDays(d, 7)), weekday(d));
        assert.equal(weekday(addDays(d, 1)), (weekday(d) + 1) % 7);
      }),
    );
  });
});

describe("Asia/Ho_Chi_Minh instants", () => {
  it("uses the fixed +07:00 offset", () => {
    assert.equal(toLocalDate(new Date("2026-02-16T16:59:59.999Z")), "2026-02-16");
    assert.equal(toLocalDate(new Date("2026-02-16T17:00:00Z")), "2026-02-17");
    assert.equal(toLocalDate(new Date("2026-02-17T00:00:00+07:00")), "2026-02-17");
    assert.equal(
      localDateTimeToInstant(parseLocalDate("2026-04-27"), "17:00").toISOString(),
      "2026-04-27T10:00:00.000Z",
    );
    assert.equal(
      localDateTimeToInstant(parseLocalDate("2026-01-01"), "00:00").toISOString(),
      "2025-12-31T17:00:00.000Z",
    );
    assert.equal(localMinuteOfDay(new Date("2026-01-01T00:30:00Z")), 7 * 60 + 30);
  });

  it("rejects bad times and invalid dates", () => {
    for (const bad of ["7:30", "24:01", "12:60", "1230", "aa:bb"])
      assert.throws(() => parseTimeOfDay(bad), RangeError);
    assert.equal(parseTimeOfDay("24:00"), 1440);
    assert.throws(() => toLocalDate(new Date(Number.NaN)), RangeError);
  });

  it("localDateTimeToInstant and toLocalDate round-trip", () => {
    fc.assert(
      fc.property(dateArb, fc.integer({ min: 0, max: 1439 }), (d, minute) => {
        const hhmm = `${String(Math.floor(minute / 60)).padStart(2, "0")}:${String(minute % 60).padStart(2, "0")}`;
        const instant = localDateTimeToInstant(d, hhmm);
        assert.equal(toLocalDate(instant), d);
        assert.equal(localMinuteOfDay(instant), minute);
      }),
    );
  });
});
