import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import type { Actor, Grant } from "../../platform/http/types.ts";
import { canAct, canSeeResidents, canView, type PetitionSubject } from "./policy.ts";
import { ACTIONS, type Action } from "./states.ts";

const PROVINCE = "/1/";
const COMMUNE = "/1/20/";
const VILLAGE = "/1/20/300/";
const OTHER_VILLAGE = "/1/20/301/";
const OTHER_COMMUNE = "/1/21/";
const AGENCY = 7;

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
  villageHead: actor(g("village_head", VILLAGE)),
  otherVillageHead: actor(g("village_head", OTHER_VILLAGE)),
  communeOfficer: actor(g("commune_officer", COMMUNE)),
  otherCommuneOfficer: actor(g("commune_officer", OTHER_COMMUNE)),
  coordinator: actor(g("coordinator", PROVINCE)),
  leader: actor(g("leader", PROVINCE)),
  agencyOfficer: actor(g("agency_officer", null, AGENCY)),
  otherAgencyOfficer: actor(g("agency_officer", null, AGENCY + 1)),
  admin: actor(g("admin", null)),
  editor: actor(g("editor", PROVINCE)),
  trainer: actor(g("trainer", PROVINCE)),
  anonymous: null,
} as const;
type Person = keyof typeof people;

const petition: PetitionSubject = { unitPath: VILLAGE, agencyId: AGENCY };

/** The whole matrix, written out: every role against every action. */
const EXPECTED: Record<Action, Person[]> = {
  submit: ["villageHead"],
  receive: ["communeOfficer", "coordinator", "admin"],
  return: ["communeOfficer", "coordinator", "admin"],
  redirect: ["communeOfficer", "coordinator", "admin"],
  route: ["communeOfficer", "coordinator", "admin"],
  escalate: ["coordinator", "admin"],
  start: ["agencyOfficer"],
  answer: ["agencyOfficer"],
  hand_back: ["agencyOfficer"],
  extend: ["agencyOfficer"],
  confirm: ["villageHead"],
  reopen: ["villageHead"],
  auto_close: [],
  report_central: ["coordinator", "admin"],
  central_answer: ["coordinator", "admin"],
  merge: ["coordinator", "admin"],
  unmerge: ["coordinator", "admin"],
  cluster_answer: [],
};

test("every role against every action", () => {
  for (const action of ACTIONS) {
    for (const [name, who] of Object.entries(people)) {
      const expected = EXPECTED[action].includes(name as Person);
      assert.equal(canAct(who, action, petition), expected, `${name} ${action}`);
    }
  }
});

test("a village head cannot see, confirm or reopen another village's petition", () => {
  const other: PetitionSubject = { unitPath: OTHER_VILLAGE, agencyId: AGENCY };
  assert.equal(canView(people.villageHead, other), false);
  assert.equal(canAct(people.villageHead, "confirm", other), false);
  assert.equal(canAct(people.villageHead, "submit", other), false);
  assert.equal(canSeeResidents(people.villageHead, other), false);
});

test("residents' names and phones: only the village head and the commune officer over the village", () => {
  const allowed: Person[] = ["villageHead", "communeOfficer"];
  for (const [name, who] of Object.entries(people)) {
    assert.equal(canSeeResidents(who, petition), allowed.includes(name as Person), name);
  }
});

test("viewing: the people of the village's chain and the holding agency; not editors, trainers, other agencies", () => {
  const allowed: Person[] = [
    "villageHead",
    "communeOfficer",
    "coordinator",
    "leader",
    "agencyOfficer",
    "admin",
  ];
  for (const [name, who] of Object.entries(people)) {
    assert.equal(canView(who, petition), allowed.includes(name as Person), name);
  }
  assert.equal(canView(people.otherAgencyOfficer, { ...petition, formerAgencyIds: [AGENCY + 1] }), true);
});

test("property: a unit-scoped grant acts only on petitions inside its subtree", () => {
  const seg = fc.integer({ min: 1, max: 30 });
  fc.assert(
    fc.property(
      fc.array(seg, { minLength: 1, maxLength: 3 }),
      fc.array(seg, { minLength: 1, maxLength: 3 }),
      fc.constantFrom(...ACTIONS),
      (a, b, action) => {
        const grantPath = `/${a.join("/")}/`;
        const villagePath = `/${b.join("/")}/`;
        const officer = actor(g("commune_officer", grantPath));
        if (canAct(officer, action, { unitPath: villagePath, agencyId: null }))
          assert.ok(villagePath.startsWith(grantPath));
        if (canSeeResidents(officer, { unitPath: villagePath, agencyId: null }))
          assert.ok(villagePath.startsWith(grantPath));
      },
    ),
  );
});
