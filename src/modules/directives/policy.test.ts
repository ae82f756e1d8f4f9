import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import type { Actor, Grant } from "../../platform/http/types.ts";
import {
  canApprove,
  canChase,
  canDraft,
  canPublish,
  canReport,
  canRevoke,
  canSeeCoverage,
  canView,
  villageHeadSees,
} from "./policy.ts";
import { STATES } from "./rules.ts";

const actor = (...grants: Partial<Grant>[]): Actor => ({
  id: 1,
  username: "x",
  fullName: "x",
  locale: "vi",
  mustChangePassword: false,
  via: "session",
  grants: grants.map((g) => ({ role: "village_head", unitId: null, unitPath: null, agencyId: null, ...g })),
});

const P = "/1/";
const C1 = "/1/10/";
const C2 = "/1/20/";
const V1 = "/1/10/100/";
const V2 = "/1/20/200/";

const people = {
  admin: actor({ role: "admin" }),
  coordinator: actor({ role: "coordinator", unitPath: P }),
  leader: actor({ role: "leader", unitPath: P }),
  editor: actor({ role: "editor" }),
  agency: actor({ role: "agency_officer", agencyId: 5 }),
  commune1: actor({ role: "commune_officer", unitPath: C1 }),
  village1: actor({ role: "village_head", unitPath: V1 }),
  village2: actor({ role: "village_head", unitPath: V2 }),
};

test("role × action: the office drafts, only a leader approves, publishes and revokes", () => {
  const table: [keyof typeof people, boolean, boolean][] = [
    ["admin", false, false],
    ["coordinator", true, false],
    ["leader", true, true],
    ["editor", false, false],
    ["agency", false, false],
    ["commune1", false, false],
    ["village1", false, false],
  ];
  for (const [who, draft, lead] of table) {
    assert.equal(canDraft(people[who]), draft, `${who} drafts`);
    assert.equal(canApprove(people[who]), lead, `${who} approves`);
    assert.equal(canPublish(people[who]), lead, `${who} publishes`);
    assert.equal(canRevoke(people[who]), lead, `${who} revokes`);
  }
});

test("a village head sees a published directive only when their village is in its targets", () => {
  const toC1 = { state: "published" as const, targetPaths: [C1] };
  assert.equal(canView(people.village1, toC1), true);
  assert.equal(canView(people.village2, toC1), false);
  assert.equal(canView(people.village1, { ...toC1, state: "draft" }), false);
  assert.equal(canView(people.village1, { ...toC1, state: "approved" }), false);
  assert.equal(canView(people.agency, toC1), false);
  assert.equal(canView(people.editor, toC1), false);
  assert.equal(canReport(people.village1, toC1, V1), true);
  assert.equal(canReport(people.village1, toC1, V2), false, "not for another village");
  assert.equal(canReport(people.village1, { ...toC1, state: "revoked" }, V1), false, "not once revoked");
  assert.equal(
    canReport(people.commune1, toC1, V1),
    false,
    "the commune officer does not report for the village",
  );
});

test("a commune officer sees coverage of their own subtree only", () => {
  assert.equal(canSeeCoverage(people.commune1, C1), true);
  assert.equal(canSeeCoverage(people.commune1, V1), true);
  assert.equal(canSeeCoverage(people.commune1, C2), false);
  assert.equal(canSeeCoverage(people.commune1, P), false);
  assert.equal(canSeeCoverage(people.commune1, null), false);
  assert.equal(canSeeCoverage(people.leader, C2), true);
  assert.equal(canSeeCoverage(people.village1, V1), false);
  assert.equal(canChase(people.commune1, C1), true);
  assert.equal(canChase(people.commune1, C2), false);
  assert.equal(canView(people.commune1, { state: "published", targetPaths: [C2] }), false);
  assert.equal(canView(people.commune1, { state: "published", targetPaths: [P] }), true);
});

// Paths of a small tree: province 1, communes 10..13, villages 100..139 (village v belongs to commune 10 + v % 4).
const villagePath = (v: number) => `/1/${10 + (v % 4)}/${100 + v}/`;
const communePath = (c: number) => `/1/${10 + c}/`;
const targetArb = fc.oneof(
  fc.constant("/1/"),
  fc.integer({ min: 0, max: 3 }).map(communePath),
  fc.integer({ min: 0, max: 39 }).map(villagePath),
);

test("property: a village head sees a directive iff it is out and a target contains their village", () => {
  fc.assert(
    fc.property(
      fc.array(targetArb, { minLength: 1, maxLength: 5 }),
      fc.integer({ min: 0, max: 39 }),
      fc.constantFrom(...STATES),
      (targets, v, state) => {
        const head = actor({ role: "village_head", unitPath: villagePath(v) });
        const contains = targets.some((t) => villagePath(v).startsWith(t));
        const out = state === "published" || state === "revoked";
        assert.equal(villageHeadSees(head, { state, targetPaths: targets }), contains && out);
        assert.equal(canView(head, { state, targetPaths: targets }), contains && out);
      },
    ),
  );
});

test("property: only a leader grant lets anyone publish, whatever else they hold", () => {
  const roleArb = fc.constantFrom(
    "admin",
    "coordinator",
    "leader",
    "agency_officer",
    "commune_officer",
    "village_head",
    "editor",
    "moderator",
    "trainer",
  );
  fc.assert(
    fc.property(fc.array(roleArb, { maxLength: 4 }), (roles) => {
      const a = actor(...roles.map((role) => ({ role, unitPath: role === "admin" ? null : P })));
      assert.equal(canPublish(a), roles.includes("leader"));
    }),
  );
});

test("property: a commune officer's coverage never reaches outside their commune", () => {
  fc.assert(
    fc.property(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 39 }), (c, v) => {
      const officer = actor({ role: "commune_officer", unitPath: communePath(c) });
      assert.equal(canSeeCoverage(officer, villagePath(v)), v % 4 === c);
    }),
  );
});
