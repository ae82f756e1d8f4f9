import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import {
  COMMITMENT_ACTIONS,
  COMMITMENT_STATES,
  type CommitmentState,
  FINAL_STATES,
  type StepInput,
  step,
} from "./states.ts";

const stateArb = fc.constantFrom(...COMMITMENT_STATES);
const percentArb = fc.integer({ min: 0, max: 100 });
const inputArb: fc.Arbitrary<StepInput> = fc.record({
  action: fc.constantFrom(...COMMITMENT_ACTIONS),
  percent: fc.oneof(percentArb, fc.integer({ min: -50, max: 200 }), fc.constant(Number.NaN)),
  note: fc.oneof(fc.constant(null), fc.constant(""), fc.constant("   "), fc.string({ maxLength: 20 })),
  evidenceCount: fc.integer({ min: 0, max: 3 }),
  reason: fc.oneof(fc.constant(null), fc.constant(""), fc.string({ maxLength: 20 })),
});

test("the agency's path: not started → 50% in progress → done at 100% with a note", () => {
  const half = step(
    { state: "not_started", percent: 0 },
    { action: "progress", percent: 50, note: "Đã khảo sát" },
  );
  assert.deepEqual(half, { ok: true, state: "in_progress", percent: 50 });
  const done = step(
    { state: "in_progress", percent: 50 },
    { action: "done", percent: 100, note: "Đã làm xong" },
  );
  assert.deepEqual(done, { ok: true, state: "done", percent: 100 });
});

test("done needs 100% and either a note or evidence", () => {
  const at = { state: "in_progress" as const, percent: 60 };
  assert.deepEqual(step(at, { action: "done", percent: 90, note: "x" }), {
    ok: false,
    error: "commitments.error.doneNeeds100",
    field: "percent",
  });
  assert.equal(step(at, { action: "done", percent: 100, note: "  " }).ok, false);
  assert.equal(step(at, { action: "done", percent: 100, evidenceCount: 1 }).ok, true);
  // without a percent, done keeps the current one, which must already be 100
  assert.equal(step({ state: "in_progress", percent: 100 }, { action: "done", note: "xong" }).ok, true);
  assert.equal(step(at, { action: "done", note: "xong" }).ok, false);
});

test("cancelling needs a reason; only the sweep's overdue needs a passed deadline", () => {
  assert.equal(step({ state: "in_progress", percent: 10 }, { action: "cancel", reason: "" }).ok, false);
  assert.deepEqual(step({ state: "in_progress", percent: 10 }, { action: "cancel", reason: "Trùng" }), {
    ok: true,
    state: "cancelled",
    percent: 10,
  });
  assert.equal(step({ state: "in_progress", percent: 10 }, { action: "overdue" }).ok, false);
  assert.equal(
    step({ state: "in_progress", percent: 10, deadlinePassed: true }, { action: "overdue" }).ok,
    true,
  );
  assert.equal(
    step({ state: "overdue", percent: 10, deadlinePassed: true }, { action: "overdue" }).ok,
    false,
  );
});

test("an overdue commitment stays overdue while it progresses, and can still be done", () => {
  const r = step({ state: "overdue", percent: 20 }, { action: "progress", percent: 70, note: "đang làm" });
  assert.deepEqual(r, { ok: true, state: "overdue", percent: 70 });
  assert.equal(
    step({ state: "overdue", percent: 70 }, { action: "done", percent: 100, note: "xong" }).ok,
    true,
  );
});

test("property: done and cancelled are final — every step from them is refused", () => {
  fc.assert(
    fc.property(fc.constantFrom(...FINAL_STATES), percentArb, inputArb, (state, percent, input) => {
      const r = step({ state, percent, deadlinePassed: true }, input);
      assert.equal(r.ok, false);
    }),
  );
});

test("property: percent never goes down and always stays within 0..100", () => {
  fc.assert(
    fc.property(stateArb, percentArb, inputArb, fc.boolean(), (state, percent, input, due) => {
      const r = step({ state, percent, deadlinePassed: due }, input);
      if (r.ok) {
        assert.ok(r.percent >= percent, `${percent} → ${r.percent}`);
        assert.ok(r.percent >= 0 && r.percent <= 100);
        assert.ok(Number.isInteger(r.percent));
      }
    }),
  );
});

test("property: a run of random steps keeps percent monotonic, reaches done only at 100%, and never leaves a final state", () => {
  fc.assert(
    fc.property(
      fc.array(inputArb, { maxLength: 30 }),
      fc.array(fc.boolean(), { maxLength: 30 }),
      (inputs, dues) => {
        let cur: { state: CommitmentState; percent: number } = { state: "not_started", percent: 0 };
        let finalSeen: CommitmentState | null = null;
        inputs.forEach((input, i) => {
          const r = step({ ...cur, deadlinePassed: dues[i] ?? false }, input);
          if (!r.ok) return;
          assert.equal(finalSeen, null, "a final state changed");
          assert.ok(r.percent >= cur.percent);
          if (r.state === "done") assert.equal(r.percent, 100);
          if (r.state === "overdue" && cur.state !== "overdue") assert.equal(input.action, "overdue");
          cur = { state: r.state, percent: r.percent };
          if (FINAL_STATES.has(r.state)) finalSeen = r.state;
        });
      },
    ),
  );
});

test("property: a refusal names a catalog key (and a field when the fix is in one field)", () => {
  fc.assert(
    fc.property(stateArb, percentArb, inputArb, (state, percent, input) => {
      const r = step({ state, percent }, input);
      if (!r.ok) assert.match(r.error, /^commitments\.error\.[a-zA-Z0-9]+$/);
    }),
  );
});
