import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { ACTIONS, allowedActions, isOpen, OPEN_STATES, STATES, type State, transition } from "./states.ts";

const stateArb = fc.constantFrom(...STATES);
const actionArb = fc.constantFrom(...ACTIONS);

test("the path of the design: draft → submitted → received → assigned → in_progress → answered → closed", () => {
  let s: State = "draft";
  for (const a of ["submit", "receive", "route", "start", "answer", "confirm"] as const) {
    const next = transition(s, a);
    assert.ok(next, `${a} from ${s}`);
    s = next;
  }
  assert.equal(s, "closed");
  assert.equal(transition("answered", "reopen"), "reopened");
  assert.equal(transition("reopened", "route"), "assigned");
  assert.equal(transition("received", "return"), "returned");
  assert.equal(transition("returned", "submit"), "submitted");
  assert.equal(transition("received", "redirect"), "redirected");
  assert.equal(transition("received", "escalate"), "escalated_central");
  assert.equal(transition("escalated_central", "report_central"), "in_central_report");
  assert.equal(transition("in_central_report", "central_answer"), "central_answered");
  assert.equal(transition("central_answered", "confirm"), "closed");
});

test("closed, redirected and merged items accept nothing but what the table names", () => {
  assert.deepEqual(allowedActions("closed"), []);
  assert.deepEqual(allowedActions("redirected"), []);
  assert.deepEqual(allowedActions("merged"), ["unmerge", "cluster_answer"]);
  assert.equal(transition("draft", "answer"), null);
  assert.equal(transition("submitted", "answer"), null);
});

test("property: every transition leads to a known state; only open states can be merged", () => {
  fc.assert(
    fc.property(stateArb, actionArb, (s, a) => {
      const next = transition(s, a);
      if (next !== null) assert.ok((STATES as readonly string[]).includes(next));
      if (a === "merge") assert.equal(next !== null, OPEN_STATES.has(s));
    }),
  );
});

test("property: from any reachable state a sequence of allowed actions can always reach closed, redirected or merged", () => {
  const terminal = new Set<State>(["closed", "redirected", "merged"]);
  // Breadth-first over the table from draft: every reachable state has a path to a terminal state.
  const reachable = new Set<State>(["draft"]);
  const queue: State[] = ["draft"];
  while (queue.length) {
    const s = queue.shift() as State;
    for (const a of allowedActions(s)) {
      const n = transition(s, a) as State;
      if (!reachable.has(n)) {
        reachable.add(n);
        queue.push(n);
      }
    }
  }
  for (const s of reachable) {
    const seen = new Set<State>([s]);
    const q: State[] = [s];
    let ends = terminal.has(s);
    while (q.length && !ends) {
      const cur = q.shift() as State;
      for (const a of allowedActions(cur)) {
        const n = transition(cur, a) as State;
        if (terminal.has(n)) ends = true;
        if (!seen.has(n)) {
          seen.add(n);
          q.push(n);
        }
      }
    }
    assert.ok(ends, `${s} can never end`);
  }
  assert.equal(reachable.size, STATES.length, "every state is reachable from draft");
});

test("property: random walks never leave an open item without a next step", () => {
  fc.assert(
    fc.property(fc.array(actionArb, { maxLength: 40 }), (actions) => {
      let s: State = "draft";
      for (const a of actions) s = transition(s, a) ?? s;
      if (isOpen(s)) assert.ok(allowedActions(s).length > 0, s);
    }),
  );
});
