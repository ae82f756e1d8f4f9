import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import {
  buildCalendar,
  defaultHolidays,
  isWorkingDay,
  toLocalDate,
  workingDaysBetween,
} from "../../platform/calendar/index.ts";
import { answerDeadline, answerRule, DEFAULT_DEADLINES, extendDeadline, isOverdue } from "./deadlines.ts";
import { KINDS, LEVELS, URGENCIES } from "./states.ts";

const cal = buildCalendar([2025, 2026, 2027, 2028].flatMap((y) => defaultHolidays(y)));
const instantArb = fc.date({
  min: new Date("2025-01-01T00:00:00Z"),
  max: new Date("2027-12-31T00:00:00Z"),
  noInvalidDate: true,
});

test("a recommendation assigned before Tết 2026 skips the five Tết days and the weekends", () => {
  // Assigned Friday 13/02/2026; Tết holidays Mon 16 – Fri 20/02/2026; 15 working days from Mon 23/02.
  const d = answerDeadline(
    new Date("2026-02-13T09:00:00+07:00"),
    "recommendation",
    "normal",
    "province",
    cal,
  );
  assert.equal(toLocalDate(d), "2026-03-13");
  assert.equal(workingDaysBetween(new Date("2026-02-13T09:00:00+07:00"), d, cal), 15);
});

test("a pressing item at the commune gets 3 working days; an urgent one 8 office hours", () => {
  const assigned = new Date("2026-04-24T10:00:00+07:00"); // Friday before Hùng Kings (Sun 26/04, off Mon 27/04), then 30/04 and 01/05
  assert.equal(toLocalDate(answerDeadline(assigned, "report", "pressing", "commune", cal)), "2026-05-04");
  const urgent = answerDeadline(assigned, "report", "urgent", "commune", cal);
  // 10:00–11:30 (1.5h) + 13:30–17:00 (3.5h) on Friday = 5h; 3h more on Tuesday 28/04 (Mon 27/04 is in lieu).
  assert.equal(urgent.toISOString(), new Date("2026-04-28T10:30:00+07:00").toISOString());
});

test("property: every answer deadline falls on a working day, after the assignment", () => {
  fc.assert(
    fc.property(
      instantArb,
      fc.constantFrom(...KINDS),
      fc.constantFrom(...URGENCIES),
      fc.constantFrom(...LEVELS),
      (at, kind, urgency, level) => {
        const d = answerDeadline(at, kind, urgency, level, cal);
        assert.ok(d.getTime() > at.getTime());
        assert.ok(isWorkingDay(toLocalDate(d), cal), `${toLocalDate(d)} is not a working day`);
      },
    ),
  );
});

test("property: pressing is never later than normal, urgent never later than pressing", () => {
  fc.assert(
    fc.property(instantArb, fc.constantFrom(...LEVELS), (at, level) => {
      const n = answerDeadline(at, "report", "normal", level, cal).getTime();
      const p = answerDeadline(at, "report", "pressing", level, cal).getTime();
      const u = answerDeadline(at, "report", "urgent", level, cal).getTime();
      assert.ok(p <= n && u <= p);
    }),
  );
});

test("property: an extension of k working days moves the deadline by exactly k working days", () => {
  fc.assert(
    fc.property(instantArb, fc.integer({ min: 1, max: 30 }), (at, k) => {
      const d = answerDeadline(at, "recommendation", "normal", "province", cal);
      const e = extendDeadline(d, k, cal);
      assert.equal(workingDaysBetween(d, e, cal), k);
      assert.ok(isWorkingDay(toLocalDate(e), cal));
    }),
  );
});

test("overdue only strictly after the deadline; proposals get longer than reports", () => {
  const d = new Date("2026-05-05T17:00:00+07:00");
  assert.equal(isOverdue(d, new Date("2026-05-05T17:00:00+07:00")), false);
  assert.equal(isOverdue(d, new Date("2026-05-05T17:00:01+07:00")), true);
  assert.equal(isOverdue(null, new Date()), false);
  assert.ok(
    answerRule(DEFAULT_DEADLINES, "proposal", "normal", "province").amount >
      answerRule(DEFAULT_DEADLINES, "report", "normal", "province").amount,
  );
});
