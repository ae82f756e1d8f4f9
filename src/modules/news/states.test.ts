import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { ARTICLE_STATES, type ArticleAction, actionsFrom, decidePublish, nextState } from "./states.ts";

const ACTIONS: ArticleAction[] = ["publish", "schedule", "unschedule", "unpublish", "to_draft"];

test("the life of an article: draft → scheduled → published → unpublished → draft", () => {
  assert.equal(nextState("draft", "schedule"), "scheduled");
  assert.equal(nextState("scheduled", "publish"), "published");
  assert.equal(nextState("published", "unpublish"), "unpublished");
  assert.equal(nextState("unpublished", "to_draft"), "draft");
  assert.equal(nextState("published", "publish"), null);
  assert.equal(nextState("draft", "unpublish"), null);
  assert.deepEqual(actionsFrom("published"), ["unpublish"]);
});

test("every action leads to a known state, and only 'publish' reaches published", () => {
  fc.assert(
    fc.property(fc.constantFrom(...ARTICLE_STATES), fc.constantFrom(...ACTIONS), (s, a) => {
      const to = nextState(s, a);
      if (to === null) return;
      assert.ok((ARTICLE_STATES as readonly string[]).includes(to));
      assert.equal(to === "published", a === "publish");
    }),
  );
});

test("four eyes: with the flag on, nobody publishes their own request; with it off, one click does", () => {
  fc.assert(
    fc.property(
      fc.boolean(),
      fc.option(fc.integer({ min: 1, max: 5 }), { nil: null }),
      fc.integer({ min: 1, max: 5 }),
      (flag, requested, actor) => {
        const d = decidePublish(flag, requested, actor);
        if (!flag) assert.equal(d, "go");
        else if (requested === null) assert.equal(d, "request");
        else assert.equal(d, requested === actor ? "needs_other_editor" : "go");
      },
    ),
  );
});
