import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import {
  canAttempt,
  grade,
  isComplete,
  MAX_ATTEMPTS,
  newCertificateCode,
  normalizeCertificateCode,
  placeFor,
  promotions,
  sessionRunningAt,
} from "./rules.ts";

test("completion needs every required session attended and the test passed when there is one", () => {
  assert.equal(
    isComplete({
      requiredSessionIds: [1, 2],
      attendedSessionIds: [1, 2, 3],
      hasTest: false,
      passedTest: false,
    }),
    true,
  );
  assert.equal(
    isComplete({ requiredSessionIds: [1, 2], attendedSessionIds: [1], hasTest: false, passedTest: false }),
    false,
  );
  assert.equal(
    isComplete({ requiredSessionIds: [1], attendedSessionIds: [1], hasTest: true, passedTest: false }),
    false,
  );
  assert.equal(
    isComplete({ requiredSessionIds: [1], attendedSessionIds: [1], hasTest: true, passedTest: true }),
    true,
  );
  assert.equal(
    isComplete({ requiredSessionIds: [], attendedSessionIds: [], hasTest: false, passedTest: false }),
    true,
  );
});

test("property: attending more never undoes completion, and a missed required session always blocks it", () => {
  const ids = fc.uniqueArray(fc.integer({ min: 1, max: 40 }), { maxLength: 8 });
  fc.assert(
    fc.property(ids, ids, ids, fc.boolean(), fc.boolean(), (required, attended, extra, hasTest, passed) => {
      const base = { requiredSessionIds: required, hasTest, passedTest: passed };
      const done = isComplete({ ...base, attendedSessionIds: attended });
      if (done) assert.ok(isComplete({ ...base, attendedSessionIds: [...attended, ...extra] }));
      const missed = required.find((id) => !attended.includes(id));
      if (missed !== undefined) assert.equal(done, false);
      if (hasTest && !passed) assert.equal(done, false);
    }),
  );
});

test("grading: score in whole percent rounded down, pass at the mark", () => {
  assert.deepEqual(grade([0, 1, 2], [0, 1, 2], 70), { correct: 3, total: 3, score: 100, passed: true });
  assert.deepEqual(grade([0, 1, 0], [0, 1, 2], 70), { correct: 2, total: 3, score: 66, passed: false });
  assert.deepEqual(grade([0, null, 2], [0, 1, 2], 66), { correct: 2, total: 3, score: 66, passed: true });
  assert.equal(grade([], [], 0).passed, false, "a test with no questions passes nobody");
  fc.assert(
    fc.property(
      fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 1, maxLength: 20 }),
      fc.integer({ min: 0, max: 100 }),
      (key, mark) => {
        const all = grade(key, key, mark);
        assert.equal(all.score, 100);
        assert.equal(all.passed, true);
        const g = grade(
          key.map(() => null),
          key,
          mark,
        );
        assert.equal(g.score, 0);
        assert.equal(g.passed, mark === 0);
      },
    ),
  );
});

test("retakes: allowed until passed or the attempts are used", () => {
  assert.equal(canAttempt(0, false), true);
  assert.equal(canAttempt(MAX_ATTEMPTS - 1, false), true);
  assert.equal(canAttempt(MAX_ATTEMPTS, false), false);
  assert.equal(canAttempt(1, true), false);
});

test("property: waiting-list promotion fills free places in queue order and never overfills", () => {
  fc.assert(
    fc.property(
      fc.option(fc.integer({ min: 0, max: 30 }), { nil: null }),
      fc.integer({ min: 0, max: 40 }),
      fc.uniqueArray(fc.integer({ min: 1, max: 1000 }), { maxLength: 30 }),
      (capacity, enrolled, waitlist) => {
        const promoted = promotions(capacity, enrolled, waitlist);
        assert.deepEqual(promoted, waitlist.slice(0, promoted.length), "a prefix of the queue");
        if (capacity === null) assert.equal(promoted.length, waitlist.length);
        else {
          assert.ok(enrolled + promoted.length <= Math.max(capacity, enrolled), "never over capacity");
          const left = waitlist.length - promoted.length;
          assert.ok(
            left === 0 || enrolled + promoted.length >= capacity,
            "nobody waits while a place is free",
          );
        }
      },
    ),
  );
});

test("property: enrolling one by one up to capacity, then everyone else waits", () => {
  fc.assert(
    fc.property(fc.integer({ min: 0, max: 20 }), fc.integer({ min: 0, max: 40 }), (capacity, people) => {
      let enrolled = 0;
      let waiting = 0;
      for (let i = 0; i < people; i++) {
        if (placeFor(capacity, enrolled) === "enrolled") enrolled++;
        else waiting++;
      }
      assert.equal(enrolled, Math.min(capacity, people));
      assert.equal(waiting, people - enrolled);
    }),
  );
});

test("the session running now: within an hour of its times, nearest start first; none on another day", () => {
  const at = (s: string) => new Date(`${s}+07:00`);
  const sessions = [
    { id: 1, startsAt: at("2026-05-04T08:00:00"), endsAt: at("2026-05-04T11:00:00") },
    { id: 2, startsAt: at("2026-05-04T13:30:00"), endsAt: at("2026-05-04T16:30:00") },
    { id: 3, startsAt: at("2026-05-05T08:00:00"), endsAt: at("2026-05-05T11:00:00") },
  ];
  assert.equal(sessionRunningAt(sessions, at("2026-05-04T07:15:00"))?.id, 1);
  assert.equal(
    sessionRunningAt(sessions, at("2026-05-04T12:00:00"))?.id,
    1,
    "after 11:00, still within the hour",
  );
  assert.equal(sessionRunningAt(sessions, at("2026-05-04T12:45:00"))?.id, 2, "nearer the afternoon start");
  assert.equal(sessionRunningAt(sessions, at("2026-05-05T09:00:00"))?.id, 3);
  assert.equal(sessionRunningAt(sessions, at("2026-05-06T09:00:00")), null);
});

test("certificate codes: 80 random bits in four groups, typed back leniently", () => {
  const code = newCertificateCode();
  assert.match(code, /^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/);
  assert.notEqual(newCertificateCode(), code);
  assert.equal(newCertificateCode(new Uint8Array(10)), "0000-0000-0000-0000");
  assert.equal(normalizeCertificateCode(` ${code.toLowerCase().replace(/-/g, " ")} `), code);
  assert.equal(normalizeCertificateCode("ABCD-EFGH-0000-000O"), "ABCD-EFGH-0000-0000");
  assert.equal(normalizeCertificateCode("abc"), null);
  assert.equal(normalizeCertificateCode("UUUU-0000-0000-0000"), null);
  fc.assert(
    fc.property(fc.uint8Array({ minLength: 10, maxLength: 10 }), (bytes) => {
      const c = newCertificateCode(bytes);
      assert.equal(normalizeCertificateCode(c), c);
    }),
  );
});
