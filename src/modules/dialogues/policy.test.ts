import assert from "node:assert/strict";
import { describe, test } from "node:test";
import fc from "fast-check";
import type { Actor, Grant } from "../../platform/http/types.ts";
import { ROLES } from "../accounts/roles.ts";
import {
  canAsk,
  canCheckIn,
  canCreateDialogue,
  canRunQueue,
  canSupport,
  canTransition,
  canViewDialogue,
  type DialogueSubject,
} from "./policy.ts";
import { DIALOGUE_ACTIONS, DIALOGUE_STATES } from "./states.ts";

const actor = (id: number, ...grants: Partial<Grant>[]): Actor => ({
  id,
  username: `u${id}`,
  fullName: `U ${id}`,
  locale: "vi",
  mustChangePassword: false,
  via: "session",
  grants: grants.map((g) => ({ role: "village_head", unitId: null, unitPath: null, agencyId: null, ...g })),
});

const subject = (over: Partial<DialogueSubject> = {}): DialogueSubject => ({
  state: "live",
  chairIds: [7],
  agencyIds: [3],
  invited: false,
  ...over,
});

const grantArb = fc.record({
  role: fc.constantFrom(...ROLES),
  unitId: fc.constantFrom(null, 1, 57),
  unitPath: fc.constantFrom(null, "/1/", "/1/57/"),
  agencyId: fc.constantFrom(null, 3, 4),
});
const actorArb = fc
  .tuple(fc.integer({ min: 1, max: 10 }), fc.array(grantArb, { maxLength: 3 }))
  .map(([id, g]) => actor(id, ...g));
const subjectArb = fc.record({
  state: fc.constantFrom(...DIALOGUE_STATES),
  chairIds: fc.constantFrom<number[]>([7], [7, 8], []),
  agencyIds: fc.constantFrom<number[]>([3], []),
  invited: fc.boolean(),
});

describe("who changes the queue", () => {
  test("only chairs, moderators and the coordinator, and never after the dialogue ended", () => {
    fc.assert(
      fc.property(actorArb, subjectArb, (a, d) => {
        const expected =
          !["closed", "minutes_published"].includes(d.state) &&
          (d.chairIds.includes(a.id) ||
            a.grants.some((g) => g.role === "moderator" || g.role === "coordinator"));
        assert.equal(canRunQueue(a, d), expected);
      }),
    );
  });

  test("by role: an admin, a leader who is not a chair, an agency and a village head may not", () => {
    const d = subject();
    for (const role of ROLES) {
      const a = actor(1, { role, agencyId: role === "agency_officer" ? 3 : null });
      assert.equal(canRunQueue(a, d), ["moderator", "coordinator"].includes(role), role);
    }
    assert.equal(canRunQueue(actor(7, { role: "leader" }), d), true, "the chair");
    assert.equal(canRunQueue(null, d), false);
  });
});

describe("village heads and dialogues", () => {
  test("a village head sees, asks and supports only in a dialogue they are invited to", () => {
    fc.assert(
      fc.property(subjectArb, fc.integer({ min: 20, max: 30 }), (d, id) => {
        const head = actor(id, { role: "village_head", unitId: 57, unitPath: "/1/57/" });
        assert.equal(canViewDialogue(head, d), d.invited);
        if (!d.invited) {
          assert.equal(canAsk(head, d), false);
          assert.equal(canSupport(head, d), false);
        } else {
          assert.equal(canSupport(head, d), d.state === "open_for_questions" || d.state === "live");
        }
      }),
    );
  });

  test("staff who are not village heads cannot ask as one", () => {
    assert.equal(canAsk(actor(1, { role: "coordinator" }), subject({ invited: true })), false);
  });
});

describe("organising", () => {
  test("creating is the coordinator's and the admin's", () => {
    for (const role of ROLES)
      assert.equal(canCreateDialogue(actor(1, { role })), role === "coordinator" || role === "admin", role);
  });

  test("a moderator may start and end the live part only; a chair and the coordinator every step", () => {
    for (const action of DIALOGUE_ACTIONS) {
      assert.equal(
        canTransition(actor(1, { role: "moderator" }), subject(), action),
        action === "go_live" || action === "close",
      );
      assert.equal(canTransition(actor(7, { role: "leader" }), subject(), action), true);
      assert.equal(canTransition(actor(1, { role: "coordinator" }), subject(), action), true);
      assert.equal(
        canTransition(actor(1, { role: "village_head" }), subject({ invited: true }), action),
        false,
      );
    }
  });

  test("check-in desk: staff of the room, not participants", () => {
    assert.equal(canCheckIn(actor(1, { role: "moderator" }), subject()), true);
    assert.equal(canCheckIn(actor(1, { role: "village_head" }), subject({ invited: true })), false);
    assert.equal(canCheckIn(actor(1, { role: "moderator" }), subject({ state: "closed" })), false);
  });
});
