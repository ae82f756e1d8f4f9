import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { buildCalendar, CALENDAR_ENTRY_KINDS, type Calendar, type CalendarEntry } from "./calendar.ts";
import { defaultHolidays } from "./holidays.ts";
import {
  addDays,
  fromEpochDay,
  instantAtMinute,
  isWeekend,
  type LocalDate,
  localDate,
  localDateTimeToInstant,
  parseLocalDate,
  toEpochDay,
  toLocalDate,
} from "./localDate.ts";
import {
  addWorkingDays,
  addWorkingHours,
  deadlineFor,
  isWorkingDay,
  workingDaysBetween,
  workingHoursBetween,
} from "./workingDays.ts";

const d = parseLocalDate;
/** An instant written in local time, e.g. at("2026-04-24 16:00"). */
const at = (s: string): Date => localDateTimeToInstant(d(s.slice(0, 10)), s.slice(11));
/** The local `YYYY-MM-DD HH:MM` of an instant. */
const show = (t: Date): string =>
  new Date(t.getTime() + 7 * 3_600_000).toISOString().slice(0, 16).replace("T", " ");

const defaultsFor = (from: number, to: number): CalendarEntry[] => {
  const entries: CalendarEntry[] = [];
  for (let y = from; y <= to; y++) entries.push(...defaultHolidays(y));
  return entries;
};

const cal2026 = buildCalendar(defaultsFor(2025, 2027));

describe("working days: examples", () => {
  it("counts from the next working day and ends at 17:00 of the n-th", () => {
    // Friday 24/04/2026; Monday 27/04 is the day in lieu of Hùng Kings (Sunday 26/04).
    assert.equal(show(addWorkingDays(at("2026-04-24 10:00"), 1, cal2026)), "2026-04-28 17:00");
    // Wednesday 29/04: 30/4 and 1/5 are holidays, then a weekend.
    assert.equal(show(addWorkingDays(at("2026-04-29 09:00"), 3, cal2026)), "2026-05-06 17:00");
    // Received late on the Sunday evening: the Sunday is day 0 whatever the hour.
    assert.equal(show(addWorkingDays(at("2026-04-26 23:59"), 1, cal2026)), "2026-04-28 17:00");
    // Just after local midnight (17:00Z the day before), it is already Monday the 27th.
    assert.equal(show(addWorkingDays(new Date("2026-04-26T17:30:00Z"), 1, cal2026)), "2026-04-28 17:00");
  });

  it("15 working days across Tết 2026", () => {
    // Friday 13/02; Tết 16–20/02; day 1 is Monday 23/02.
    const due = addWorkingDays(at("2026-02-13 15:00"), 15, cal2026);
    assert.equal(show(due), "2026-03-13 17:00");
    assert.equal(due.toISOString(), "2026-03-13T10:00:00.000Z");
    assert.equal(workingDaysBetween(at("2026-02-13 15:00"), due, cal2026), 15);
  });

  it("honours the government's swaps", () => {
    // Illustrative swap: Monday 23/02 off, worked back on Saturday 07/03.
    const cal = buildCalendar([
      ...defaultsFor(2025, 2027),
      { date: "2026-02-23", kind: "swap_dayoff", nameVi: "Nghỉ hoán đổi", nameEn: "Swapped day off" },
      { date: "2026-03-07", kind: "swap_workday", nameVi: "Làm bù", nameEn: "Swapped working day" },
    ]);
    assert.equal(show(addWorkingDays(at("2026-02-13 15:00"), 1, cal)), "2026-02-24 17:00");
    assert.equal(show(addWorkingDays(at("2026-02-13 15:00"), 15, cal)), "2026-03-13 17:00");
    assert.equal(show(addWorkingDays(at("2026-03-06 15:00"), 1, cal)), "2026-03-07 17:00");
  });

  it("n = 0 means by the end of the day (or of the next working day)", () => {
    assert.equal(show(addWorkingDays(at("2026-04-24 10:00"), 0, cal2026)), "2026-04-24 17:00");
    assert.equal(show(addWorkingDays(at("2026-04-25 10:00"), 0, cal2026)), "2026-04-28 17:00");
  });

  it("workingDaysBetween is signed and accepts dates", () => {
    assert.equal(workingDaysBetween(d("2026-02-13"), d("2026-02-23"), cal2026), 1);
    assert.equal(workingDaysBetween(d("2026-02-23"), d("2026-02-13"), cal2026), -1);
    assert.equal(workingDaysBetween(d("2026-02-23"), d("2026-02-23"), cal2026), 0);
    assert.equal(workingDaysBetween(at("2026-01-01 08:00"), at("2026-12-31 08:00"), cal2026), 250);
  });

  it("rejects negative or fractional day counts", () => {
    assert.throws(() => addWorkingDays(at("2026-04-24 10:00"), -1, cal2026), RangeError);
    assert.throws(() => addWorkingDays(at("2026-04-24 10:00"), 1.5, cal2026), RangeError);
    assert.throws(() => addWorkingDays(new Date(Number.NaN), 1, cal2026), RangeError);
  });
});

describe("working hours: examples", () => {
  it("uses 07:30–11:30 and 13:30–17:00 on working days", () => {
    const cases: [string, number, string][] = [
      ["2026-04-28 07:30", 4, "2026-04-28 11:30"], // the end of a session, not 13:30
      ["2026-04-28 07:30", 7.5, "2026-04-28 17:00"],
      ["2026-04-28 11:00", 1, "2026-04-28 14:00"],
      ["2026-04-28 12:00", 0, "2026-04-28 13:30"],
      ["2026-04-28 06:00", 0.5, "2026-04-28 08:00"],
      ["2026-04-28 17:00", 0, "2026-04-28 17:00"],
      ["2026-04-28 17:00", 1, "2026-04-29 08:30"],
      ["2026-04-24 16:00", 2, "2026-04-28 08:30"], // Friday → (weekend, day in lieu) → Tuesday
      ["2026-04-29 16:00", 24, "2026-05-07 08:00"], // 1 + 3 × 7.5 + 0.5; 30/4, 1/5, weekend
    ];
    for (const [start, hours, expected] of cases) {
      assert.equal(show(addWorkingHours(at(start), hours, cal2026)), expected, `${start} + ${hours}h`);
    }
  });

  it("workingHoursBetween measures office time", () => {
    assert.equal(workingHoursBetween(at("2026-04-24 16:00"), at("2026-04-28 08:30"), cal2026), 2);
    assert.equal(workingHoursBetween(at("2026-04-28 08:30"), at("2026-04-24 16:00"), cal2026), -2);
    assert.equal(workingHoursBetween(at("2026-04-28 12:00"), at("2026-04-28 13:00"), cal2026), 0);
  });

  it("rejects negative or non-finite hours", () => {
    assert.throws(() => addWorkingHours(at("2026-04-28 08:00"), -1, cal2026), RangeError);
    assert.throws(
      () => addWorkingHours(at("2026-04-28 08:00"), Number.POSITIVE_INFINITY, cal2026),
      RangeError,
    );
  });
});

describe("deadlineFor: examples", () => {
  it("dispatches on the unit", () => {
    const start = at("2026-04-24 10:00");
    assert.deepEqual(
      deadlineFor(start, { unit: "working_days", amount: 1 }, cal2026),
      addWorkingDays(start, 1, cal2026),
    );
    assert.deepEqual(
      deadlineFor(start, { unit: "working_hours", amount: 3 }, cal2026),
      addWorkingHours(start, 3, cal2026),
    );
  });

  it("calendar days: the last day moves to the next working day if it is a day off", () => {
    // Complaint accepted Monday 20/04/2026, 10 days → Thursday 30/04 (holiday), 1/5, weekend → Monday 04/05.
    assert.equal(
      show(deadlineFor(at("2026-04-20 09:00"), { unit: "calendar_days", amount: 10 }, cal2026)),
      "2026-05-04 17:00",
    );
    // 30 days from 17/01/2026 → 16/02 (Tết) → Monday 23/02.
    assert.equal(
      show(deadlineFor(at("2026-01-17 09:00"), { unit: "calendar_days", amount: 30 }, cal2026)),
      "2026-02-23 17:00",
    );
    // 45 days landing on a working day stays put: 01/03 + 45 = 15/04 (Wednesday).
    assert.equal(
      show(deadlineFor(at("2026-03-01 09:00"), { unit: "calendar_days", amount: 45 }, cal2026)),
      "2026-04-15 17:00",
    );
    assert.throws(
      () => deadlineFor(at("2026-03-01 09:00"), { unit: "calendar_days", amount: -1 }, cal2026),
      RangeError,
    );
  });
});

// ---------------------------------------------------------------------------------------------
// Properties, over calendars made of the defaults plus arbitrary admin entries (swaps, extra days off).

const FROM = toEpochDay(localDate(2020, 1, 1));
const TO = toEpochDay(localDate(2030, 6, 30));
const dayArb = fc.integer({ min: FROM, max: TO }).map(fromEpochDay);
const extraEntryArb = fc.record({
  date: dayArb,
  kind: fc.constantFrom(...CALENDAR_ENTRY_KINDS),
  nameVi: fc.constant("Thử"),
  nameEn: fc.constant("Test"),
});
const DEFAULTS = defaultsFor(2019, 2032);
/** The defaults plus up to 40 arbitrary entries; printed as just those entries in counterexamples. */
const calArb: fc.Arbitrary<Calendar> = fc.array(extraEntryArb, { maxLength: 40 }).map((extra) => {
  const cal = buildCalendar([...DEFAULTS, ...extra]);
  return { ...cal, [fc.toStringMethod]: () => `defaults 2019–2032 + ${fc.stringify(extra)}` };
});
const instantArb = fc.date({
  min: new Date("2020-01-01T00:00:00+07:00"),
  max: new Date("2030-06-30T23:59:59+07:00"),
  noInvalidDate: true,
});
const minutesArb = fc.integer({ min: 0, max: 40 * 60 });

const SESSIONS: [number, number][] = [
  [7 * 60 + 30, 11 * 60 + 30],
  [13 * 60 + 30, 17 * 60],
];

function inOfficeHours(t: Date, cal: Calendar): boolean {
  const day = toLocalDate(t);
  if (!isWorkingDay(day, cal)) return false;
  return SESSIONS.some(
    ([s, e]) =>
      t.getTime() >= instantAtMinute(day, s).getTime() && t.getTime() <= instantAtMinute(day, e).getTime(),
  );
}

/** An instant inside office hours: a working day on or after a random day, at a minute within a session. */
const inHoursArb = fc
  .tuple(calArb, dayArb, fc.integer({ min: 0, max: 450 }), fc.integer({ min: 0, max: 59_999 }))
  .map(([cal, day, minute, ms]) => {
    let w: LocalDate = day;
    while (!isWorkingDay(w, cal)) w = addDays(w, 1);
    const m = minute <= 240 ? 450 + minute : 810 + (minute - 240);
    const atEnd = m === 690 || m === 1020;
    return { cal, start: new Date(instantAtMinute(w, m).getTime() + (atEnd ? 0 : ms)) };
  });

describe("working days: properties", () => {
  it("no day off is ever a working day; weekends only by swap; plain weekdays always", () => {
    fc.assert(
      fc.property(calArb, dayArb, (cal, day) => {
        const kinds = new Set((cal.byDate.get(day) ?? []).map((e) => e.kind));
        const dayOff = kinds.has("holiday") || kinds.has("compensatory") || kinds.has("swap_dayoff");
        const expected = dayOff ? false : isWeekend(day) ? kinds.has("swap_workday") : true;
        assert.equal(isWorkingDay(day, cal), expected);
      }),
    );
  });

  it("addWorkingDays lands on a working day at 17:00, after the start for n ≥ 1", () => {
    fc.assert(
      fc.property(calArb, instantArb, fc.integer({ min: 0, max: 60 }), (cal, start, n) => {
        const due = addWorkingDays(start, n, cal);
        assert.ok(isWorkingDay(toLocalDate(due), cal));
        assert.equal(show(due).slice(11), "17:00");
        if (n >= 1) assert.ok(due > start);
      }),
    );
  });

  it("addWorkingDays is monotone in n (strictly from n = 1; n = 0 on a day off equals n = 1)", () => {
    fc.assert(
      fc.property(
        calArb,
        instantArb,
        fc.integer({ min: 0, max: 60 }),
        fc.integer({ min: 1, max: 30 }),
        (cal, s, n, k) => {
          const a = addWorkingDays(s, n, cal);
          const b = addWorkingDays(s, n + k, cal);
          if (n >= 1 || isWorkingDay(toLocalDate(s), cal) || k > 1) assert.ok(a < b);
          else assert.deepEqual(a, b);
        },
      ),
    );
  });

  it("workingDaysBetween(start, addWorkingDays(start, n)) = n", () => {
    fc.assert(
      fc.property(calArb, instantArb, fc.integer({ min: 0, max: 60 }), (cal, start, n) => {
        const between = workingDaysBetween(start, addWorkingDays(start, n, cal), cal);
        if (n >= 1 || isWorkingDay(toLocalDate(start), cal)) assert.equal(between, n);
        else assert.equal(between, 1); // n = 0 on a day off: due the next working day
      }),
    );
  });

  it("workingDaysBetween is antisymmetric and additive", () => {
    fc.assert(
      fc.property(calArb, dayArb, dayArb, dayArb, (cal, a, b, c) => {
        assert.equal(workingDaysBetween(a, b, cal) + workingDaysBetween(b, a, cal), 0);
        assert.equal(
          workingDaysBetween(a, b, cal) + workingDaysBetween(b, c, cal),
          workingDaysBetween(a, c, cal),
        );
      }),
      { numRuns: 50 },
    );
  });

  it("calendar_days deadlines fall on the first working day on or after the n-th day", () => {
    fc.assert(
      fc.property(calArb, instantArb, fc.integer({ min: 0, max: 60 }), (cal, start, n) => {
        const due = deadlineFor(start, { unit: "calendar_days", amount: n }, cal);
        const nth = addDays(toLocalDate(start), n);
        const dueDay = toLocalDate(due);
        assert.ok(isWorkingDay(dueDay, cal));
        assert.ok(dueDay >= nth);
        for (let x = nth; x < dueDay; x = addDays(x, 1)) assert.ok(!isWorkingDay(x, cal));
        assert.equal(show(due).slice(11), "17:00");
      }),
    );
  });
});

describe("working hours: properties", () => {
  it("never lands outside office hours, and never before the start", () => {
    fc.assert(
      fc.property(calArb, instantArb, minutesArb, (cal, start, minutes) => {
        const due = addWorkingHours(start, minutes / 60, cal);
        assert.ok(inOfficeHours(due, cal), show(due));
        assert.ok(due >= start);
      }),
    );
  });

  it("adding 0 hours to an in-hours instant is the identity", () => {
    fc.assert(
      fc.property(inHoursArb, ({ cal, start }) => {
        assert.ok(inOfficeHours(start, cal));
        assert.deepEqual(addWorkingHours(start, 0, cal), start);
      }),
    );
  });

  it("is monotone and additive in the hours", () => {
    fc.assert(
      fc.property(calArb, instantArb, minutesArb, minutesArb, (cal, start, a, b) => {
        const viaA = addWorkingHours(start, a / 60, cal);
        assert.ok(viaA <= addWorkingHours(start, (a + b) / 60, cal));
        assert.deepEqual(addWorkingHours(viaA, b / 60, cal), addWorkingHours(start, (a + b) / 60, cal));
      }),
    );
  });

  it("workingHoursBetween measures back what was added", () => {
    fc.assert(
      fc.property(calArb, instantArb, minutesArb, (cal, start, minutes) => {
        const due = addWorkingHours(start, minutes / 60, cal);
        assert.ok(Math.abs(workingHoursBetween(start, due, cal) - minutes / 60) < 1e-9);
      }),
    );
  });
});
