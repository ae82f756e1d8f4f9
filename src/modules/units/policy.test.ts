import assert from "node:assert/strict";
import { test } from "node:test";
import type { Actor, Grant } from "../../platform/http/types.ts";
import { canBrowseUnits, canManageUnits, canSeeHeadContact } from "./policy.ts";

const actor = (...grants: Grant[]): Actor => ({
  id: 1,
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

test("only admins manage units; anyone logged in may browse", () => {
  assert.equal(canManageUnits(actor(g("admin"))), true);
  for (const role of [
    "coordinator",
    "leader",
    "commune_officer",
    "village_head",
    "agency_officer",
    "editor",
  ]) {
    assert.equal(canManageUnits(actor(g(role, "/1/"))), false, role);
  }
  assert.equal(canBrowseUnits(null), false);
  assert.equal(canBrowseUnits(actor(g("village_head", "/1/2/3/"))), true);
});

test("a village head's phone is seen by the commune officer over that village, not by a neighbouring commune", () => {
  const village = "/1/20/300/";
  assert.equal(canSeeHeadContact(actor(g("commune_officer", "/1/20/")), village), true);
  assert.equal(canSeeHeadContact(actor(g("commune_officer", "/1/21/")), village), false);
  assert.equal(canSeeHeadContact(actor(g("leader", "/1/")), village), false);
  assert.equal(canSeeHeadContact(actor(g("agency_officer", null, 4)), village), false);
  assert.equal(canSeeHeadContact(actor(g("coordinator", "/1/")), village), true);
  assert.equal(canSeeHeadContact(null, village), false);
});
