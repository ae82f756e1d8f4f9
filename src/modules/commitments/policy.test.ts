import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import type { Actor, Grant } from "../../platform/http/types.ts";
import { agenciesOf, canCancel, canCreate, canListAll, canListMine, canUpdate, canView } from "./policy.ts";

const AGENCY = 7;
const OTHER = 8;
const actor = (...grants: Grant[]): Actor => ({
  id: 1,
  username: "u",
  fullName: "U",
  locale: "vi",
  grants,
  mustChangePassword: false,
  via: "session",
});
const g = (role: string, unitPath: string | null, agencyId: number | null = null): Grant => ({
  role,
  unitId: null,
  unitPath,
  agencyId,
});

const people = {
  coordinator: actor(g("coordinator", "/1/")),
  leader: actor(g("leader", "/1/")),
  admin: actor(g("admin", null)),
  officer: actor(g("agency_officer", null, AGENCY)),
  otherOfficer: actor(g("agency_officer", null, OTHER)),
  commune: actor(g("commune_officer", "/1/20/")),
  village: actor(g("village_head", "/1/20/300/")),
  moderator: actor(g("moderator", "/1/")),
  editor: actor(g("editor", "/1/")),
  none: actor(),
};
type Who = keyof typeof people;
const subject = { agencyId: AGENCY };

test("role × action: only the responsible agency's officers and the coordinator update; only the coordinator cancels", () => {
  const table: Record<
    Who,
    [update: boolean, cancel: boolean, create: boolean, all: boolean, mine: boolean, view: boolean]
  > = {
    coordinator: [true, true, true, true, false, true],
    leader: [false, false, true, true, false, true],
    admin: [false, false, false, true, false, true],
    officer: [true, false, false, false, true, true],
    otherOfficer: [false, false, false, false, true, true],
    commune: [false, false, false, false, false, true],
    village: [false, false, false, false, false, true],
    moderator: [false, false, false, false, false, true],
    editor: [false, false, false, false, false, true],
    none: [false, false, false, false, false, false],
  };
  for (const [who, expected] of Object.entries(table) as [Who, boolean[]][]) {
    const a = people[who];
    assert.deepEqual(
      [canUpdate(a, subject), canCancel(a), canCreate(a), canListAll(a), canListMine(a), canView(a)],
      expected,
      who,
    );
  }
  assert.equal(canView(null), false, "anonymous visitors use the public page");
  assert.equal(canUpdate(null, subject), false);
});

test("property: an agency officer may update exactly the commitments of the agencies they hold", () => {
  fc.assert(
    fc.property(
      fc.uniqueArray(fc.integer({ min: 1, max: 20 }), { maxLength: 4 }),
      fc.integer({ min: 1, max: 20 }),
      (held, target) => {
        const a = actor(...held.map((id) => g("agency_officer", null, id)));
        assert.equal(canUpdate(a, { agencyId: target }), held.includes(target));
        assert.deepEqual(agenciesOf(a).sort(), [...held].sort());
      },
    ),
  );
});

test("property: without a coordinator grant nobody can cancel, whatever else they hold", () => {
  const roles = [
    "admin",
    "leader",
    "agency_officer",
    "commune_officer",
    "village_head",
    "editor",
    "moderator",
    "trainer",
  ];
  fc.assert(
    fc.property(fc.subarray(roles), (rs) => {
      const a = actor(...rs.map((r) => g(r, "/1/", r === "agency_officer" ? AGENCY : null)));
      assert.equal(canCancel(a), false);
    }),
  );
});
