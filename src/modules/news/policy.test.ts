import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import type { Actor } from "../../platform/http/types.ts";
import { ROLES } from "../accounts/roles.ts";
import { canEditNews, canModerateFeedback, canSeeArticle } from "./policy.ts";

const actor = (...roles: string[]): Actor => ({
  id: 1,
  username: "u",
  fullName: "U",
  locale: "vi",
  grants: roles.map((role) => ({ role, unitId: null, unitPath: null, agencyId: null })),
  mustChangePassword: false,
  via: "session",
});

test("role × action: editors write, moderators moderate, admins both, nobody else", () => {
  for (const role of ROLES) {
    const a = actor(role);
    assert.equal(canEditNews(a), role === "editor" || role === "admin", `edit ${role}`);
    assert.equal(canModerateFeedback(a), role === "moderator" || role === "admin", `moderate ${role}`);
  }
  assert.equal(canEditNews(null), false);
  assert.equal(canModerateFeedback(null), false);
  assert.equal(canModerateFeedback(actor("editor")), false);
  assert.equal(canEditNews(actor("moderator")), false);
});

test("a non-published article is seen only by those who may edit it; a published one by everyone", () => {
  fc.assert(
    fc.property(
      fc.subarray([...ROLES]),
      fc.constantFrom("draft", "scheduled", "published", "unpublished"),
      fc.boolean(),
      (roles, state, anonymous) => {
        const a = anonymous ? null : actor(...roles);
        assert.equal(canSeeArticle(a, state), state === "published" || canEditNews(a));
      },
    ),
  );
});
