import assert from "node:assert/strict";
import { describe, test } from "node:test";
import fc from "fast-check";
import {
  applyPlan,
  availableActions,
  DIALOGUE_ACTIONS,
  DIALOGUE_STATES,
  type DialogueState,
  nextState,
  planMove,
  type QueueItem,
  type QueueMove,
} from "./states.ts";

describe("dialogue states", () => {
  test("the happy path goes planned → open → live → closed → minutes published", () => {
    let s: DialogueState = "planned";
    for (const a of ["open_questions", "go_live", "close", "publish_minutes"] as const) {
      const n = nextState(s, a);
      assert.ok(n, `${a} from ${s}`);
      s = n;
    }
    assert.equal(s, "minutes_published");
  });

  test("a dialogue never goes back, and nothing follows published minutes", () => {
    fc.assert(
      fc.property(fc.constantFrom(...DIALOGUE_STATES), fc.constantFrom(...DIALOGUE_ACTIONS), (s, a) => {
        const n = nextState(s, a);
        if (n !== null) assert.ok(DIALOGUE_STATES.indexOf(n) > DIALOGUE_STATES.indexOf(s));
      }),
    );
    assert.deepEqual(availableActions("minutes_published"), []);
    assert.equal(nextState("planned", "close"), null);
    assert.equal(nextState("closed", "go_live"), null);
  });
});

const itemsArb = fc
  .uniqueArray(fc.integer({ min: 1, max: 40 }), { minLength: 0, maxLength: 12 })
  .chain((ids) =>
    fc.tuple(
      fc.constant(ids),
      fc.array(fc.constantFrom("queued", "answered", "skipped") as fc.Arbitrary<QueueItem["state"]>, {
        minLength: ids.length,
        maxLength: ids.length,
      }),
      fc.option(fc.nat({ max: Math.max(0, ids.length - 1) }), { nil: null }),
    ),
  )
  .map(([ids, states, cur]) => {
    const items: QueueItem[] = ids.map((id, i) => ({ id, state: states[i] ?? "queued" }));
    let currentId: number | null = null;
    const pick = cur === null ? undefined : items[cur];
    if (pick) {
      pick.state = "current";
      currentId = pick.id;
    }
    return { items, currentId };
  });

const moveArb: fc.Arbitrary<QueueMove> = fc.oneof(
  fc.constant({ kind: "next" } as QueueMove),
  fc.constant({ kind: "skip" } as QueueMove),
  fc.integer({ min: 1, max: 40 }).map((id) => ({ kind: "call", id }) as QueueMove),
);

describe("the moderator's queue", () => {
  test("next takes the first queued question and leaves the unanswered one skipped", () => {
    const items: QueueItem[] = [
      { id: 5, state: "current" },
      { id: 3, state: "answered" },
      { id: 9, state: "queued" },
      { id: 2, state: "queued" },
    ];
    const plan = planMove(items, 5, { kind: "next" });
    assert.deepEqual(plan, {
      currentId: 9,
      changes: [
        { id: 5, state: "skipped" },
        { id: 9, state: "current" },
      ],
    });
  });

  test("calling a skipped question back puts the current one back in the queue", () => {
    const items: QueueItem[] = [
      { id: 1, state: "skipped" },
      { id: 2, state: "current" },
    ];
    assert.deepEqual(
      applyPlan(items, planMove(items, 2, { kind: "call", id: 1 }) ?? { currentId: null, changes: [] }),
      [
        { id: 1, state: "current" },
        { id: 2, state: "queued" },
      ],
    );
    assert.equal(planMove(items, 2, { kind: "call", id: 7 }), null);
  });

  test("any move: at most one current, answered ones untouched, no question lost", () => {
    fc.assert(
      fc.property(itemsArb, moveArb, ({ items, currentId }, move) => {
        const plan = planMove(items, currentId, move);
        if (!plan) return;
        const after = applyPlan(items, plan);
        assert.equal(after.length, items.length);
        const currents = after.filter((i) => i.state === "current");
        assert.ok(currents.length <= 1);
        assert.equal(currents[0]?.id ?? null, plan.currentId);
        for (const [i, before] of items.entries())
          if (before.state === "answered") assert.equal(after[i]?.state, "answered");
        if (move.kind === "next" && plan.currentId !== null) {
          const firstQueued = items.find((i) => i.state === "queued");
          assert.equal(plan.currentId, firstQueued?.id);
        }
      }),
    );
  });
});
