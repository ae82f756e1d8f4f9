import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import type { Actor, Grant } from "../../platform/http/types.ts";
import {
  canEditGrants,
  canGiveGrant,
  canImportUsers,
  canManageTokens,
  canManageUser,
  canOpenUserAdmin,
  canSeeAdminDashboard,
  grantableRoles,
  type SubjectGrant,
  type UserSubject,
} from "./policy.ts";
import { ROLES } from "./roles.ts";

const actor = (id: number, ...grants: Grant[]): Actor => ({
  id,
  username: "u",
  fullName: "U",
  locale: "vi",
  grants,
  mustChangePassword: false,
  via: "session",
});
const g = (role: string, unitPath: string | null = null, agencyId: number | null = null): Grant => ({
  role,
  unitId: null,
  unitPath,
  agencyId,
});
const sg = (role: string, unitPath: string | null = null, agencyId: number | null = null): SubjectGrant => ({
  role,
  unitPath,
  agencyId,
});

const COMMUNE = "/1/20/";
const officer = actor(7, g("commune_officer", COMMUNE));
const villageIn = "/1/20/300/";
const villageOut = "/1/21/301/";

test("a commune officer manages the village heads of their own commune only", () => {
  assert.equal(canManageUser(officer, { id: 9, grants: [sg("village_head", villageIn)] }), true);
  assert.equal(canManageUser(officer, { id: 9, grants: [sg("village_head", villageOut)] }), false);
  // '/1/2/' must not cover '/1/20/300/'
  assert.equal(
    canManageUser(actor(7, g("commune_officer", "/1/2/")), {
      id: 9,
      grants: [sg("village_head", villageIn)],
    }),
    false,
  );
  assert.equal(canManageUser(officer, { id: 9, grants: [sg("admin")] }), false);
  assert.equal(canManageUser(officer, { id: 9, grants: [sg("commune_officer", COMMUNE)] }), false);
  assert.equal(
    canManageUser(officer, { id: 9, grants: [sg("village_head", villageIn), sg("editor", "/1/")] }),
    false,
    "a village head who is also something else is the administrator's",
  );
  assert.equal(canManageUser(officer, { id: 9, grants: [] }), false, "an account without roles");
  assert.equal(
    canManageUser(officer, { id: 9, grants: [sg("village_head", COMMUNE)] }),
    false,
    "the commune itself",
  );
  assert.equal(
    canManageUser(officer, { id: 7, grants: [sg("village_head", villageIn)] }),
    false,
    "never oneself",
  );
  assert.equal(canManageUser(null, { id: 9, grants: [sg("village_head", villageIn)] }), false);
});

test("an administrator manages everyone and everything", () => {
  const admin = actor(1, g("admin"));
  assert.equal(canManageUser(admin, { id: 2, grants: [sg("admin")] }), true);
  assert.equal(canOpenUserAdmin(admin), true);
  assert.equal(canEditGrants(admin, { id: 2, grants: [] }), true);
  assert.equal(canManageTokens(admin, { id: 2, grants: [] }), true);
  assert.equal(canImportUsers(admin), true);
  assert.equal(canSeeAdminDashboard(admin), true);
  assert.deepEqual(grantableRoles(admin), ROLES);
  assert.equal(canGiveGrant(admin, { role: "admin", unitPath: null, unitLevel: null, agencyId: null }), true);
});

test("a commune officer creates village heads in their villages and nothing else", () => {
  const subject: UserSubject = { id: 9, grants: [sg("village_head", villageIn)] };
  assert.equal(canOpenUserAdmin(officer), true);
  assert.deepEqual(grantableRoles(officer), ["village_head"]);
  assert.equal(
    canGiveGrant(officer, {
      role: "village_head",
      unitPath: villageIn,
      unitLevel: "village",
      agencyId: null,
    }),
    true,
  );
  assert.equal(
    canGiveGrant(officer, {
      role: "village_head",
      unitPath: villageOut,
      unitLevel: "village",
      agencyId: null,
    }),
    false,
  );
  assert.equal(
    canGiveGrant(officer, { role: "village_head", unitPath: COMMUNE, unitLevel: "commune", agencyId: null }),
    false,
  );
  assert.equal(
    canGiveGrant(officer, {
      role: "commune_officer",
      unitPath: villageIn,
      unitLevel: "village",
      agencyId: null,
    }),
    false,
  );
  assert.equal(canEditGrants(officer, subject), false);
  assert.equal(canManageTokens(officer, subject), false);
  assert.equal(canImportUsers(officer), false);
  assert.equal(canSeeAdminDashboard(officer), false);
});

const pathArb = fc
  .array(fc.integer({ min: 1, max: 30 }), { minLength: 1, maxLength: 4 })
  .map((ids) => `/${ids.join("/")}/`);
const roleArb = fc.constantFrom(...ROLES);
const grantArb = fc.record({
  role: roleArb,
  unitPath: fc.option(pathArb, { nil: null }),
  agencyId: fc.option(fc.integer({ min: 1, max: 5 }), { nil: null }),
});
const subjectArb = fc.record({
  id: fc.integer({ min: 1, max: 20 }),
  grants: fc.array(grantArb, { maxLength: 4 }),
});

test("property: without an admin or commune-officer grant, nobody manages anybody", () => {
  const nonAdmin = grantArb.filter((x) => x.role !== "admin" && x.role !== "commune_officer");
  fc.assert(
    fc.property(
      fc.integer({ min: 1, max: 20 }),
      fc.array(nonAdmin, { maxLength: 4 }),
      subjectArb,
      (id, grants, subject) => {
        const a = actor(id, ...grants.map((x) => ({ ...x, unitId: null })));
        assert.equal(canManageUser(a, subject), false);
        assert.equal(canOpenUserAdmin(a), false);
        assert.deepEqual(grantableRoles(a), []);
      },
    ),
  );
});

test("property: a commune officer manages exactly the accounts whose every grant is a village head strictly inside", () => {
  fc.assert(
    fc.property(pathArb, fc.integer({ min: 1, max: 20 }), subjectArb, (scope, id, subject) => {
      const a = actor(id, g("commune_officer", scope));
      const expected =
        subject.id !== id &&
        subject.grants.length > 0 &&
        subject.grants.every(
          (x) =>
            x.role === "village_head" &&
            x.agencyId === null &&
            x.unitPath?.startsWith(scope) === true &&
            x.unitPath !== scope,
        );
      assert.equal(canManageUser(a, subject), expected);
    }),
  );
});

test("property: an administrator manages every subject", () => {
  fc.assert(
    fc.property(fc.integer({ min: 1, max: 20 }), subjectArb, (id, subject) => {
      assert.equal(canManageUser(actor(id, g("admin")), subject), true);
    }),
  );
});
