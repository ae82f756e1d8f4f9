import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import {
  ACTIONS,
  dueEnd,
  isOverdue,
  nextState,
  percent,
  reminderDue,
  STATES,
  splitOpinions,
  subtreeRanges,
} from "./rules.ts";

test("states: draft → approved → published → revoked; a correction stays published; editing sends back to draft", () => {
  assert.equal(nextState("draft", "approve"), "approved");
  assert.equal(nextState("approved", "publish"), "published");
  assert.equal(nextState("draft", "publish"), undefined, "no publishing without approval");
  assert.equal(nextState("published", "correct"), "published");
  assert.equal(nextState("published", "revoke"), "revoked");
  assert.equal(nextState("approved", "edit"), "draft");
  assert.equal(nextState("published", "edit"), undefined);
  for (const a of ACTIONS) assert.equal(nextState("revoked", a), undefined, `nothing after revocation: ${a}`);
});

test("property: publish is reachable only from approved", () => {
  fc.assert(
    fc.property(fc.constantFrom(...STATES), (s) => {
      assert.equal(nextState(s, "publish") !== undefined, s === "approved");
    }),
  );
});

test("a deadline day lasts until midnight in Việt Nam", () => {
  assert.equal(dueEnd("2026-04-15").toISOString(), "2026-04-15T17:00:00.000Z");
});

test("reminders: due soon in the two days before, overdue after, nothing once done", () => {
  const due = { ack: "2026-04-15", dis: "2026-04-20" };
  const none = { acknowledged: false, disseminated: false };
  assert.deepEqual(reminderDue(new Date("2026-04-12T08:00:00+07:00"), due, none), []);
  assert.deepEqual(reminderDue(new Date("2026-04-14T08:00:00+07:00"), due, none), ["ack_soon"]);
  assert.deepEqual(reminderDue(new Date("2026-04-16T00:00:00+07:00"), due, none), ["ack_overdue"]);
  assert.deepEqual(reminderDue(new Date("2026-04-19T08:00:00+07:00"), due, none), [
    "ack_overdue",
    "dis_soon",
  ]);
  assert.deepEqual(
    reminderDue(new Date("2026-04-21T08:00:00+07:00"), due, { acknowledged: true, disseminated: false }),
    ["dis_overdue"],
  );
  assert.deepEqual(
    reminderDue(new Date("2026-05-01T08:00:00+07:00"), due, { acknowledged: true, disseminated: true }),
    [],
  );
  assert.equal(isOverdue(new Date("2026-04-15T23:59:00+07:00"), due, none), false);
  assert.equal(isOverdue(new Date("2026-04-16T00:00:00+07:00"), due, none), true);
});

test("opinions: one per line, trimmed, blanks and repeats dropped", () => {
  assert.deepEqual(splitOpinions("  Đồng ý mở đường \n\n đồng ý  \r\nĐồng ý mở đường\n"), [
    "Đồng ý mở đường",
    "đồng ý",
  ]);
  assert.equal(percent(1, 3), 33.3);
  assert.equal(percent(0, 0), 0);
});

test("subtree ranges: a path is inside a range exactly when it starts with one of the roots", () => {
  assert.deepEqual(subtreeRanges(["/1/57/", "/1/", "/2/9/", "/2/9/"]), {
    lo: ["/1/", "/2/9/"],
    hi: ["/10", "/2/90"],
  });
  const seg = fc.integer({ min: 1, max: 120 });
  const path = fc.array(seg, { minLength: 1, maxLength: 4 }).map((xs) => `/${xs.join("/")}/`);
  fc.assert(
    fc.property(fc.array(path, { minLength: 1, maxLength: 5 }), path, (roots, p) => {
      const { lo, hi } = subtreeRanges(roots);
      // byte order, as text_pattern_ops compares
      const inside = lo.some((l, i) => p >= l && p < (hi[i] ?? ""));
      assert.equal(
        inside,
        roots.some((r) => p.startsWith(r)),
      );
      for (let i = 1; i < lo.length; i++)
        assert.ok((hi[i - 1] ?? "") <= (lo[i] ?? ""), "ranges are disjoint");
    }),
  );
});
