import assert from "node:assert/strict";
import { test } from "node:test";
import type { Actor, Grant } from "../../platform/http/types.ts";
import { canBrowseAgencies, canManageAgencies } from "./policy.ts";

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

test("only admins manage agencies, even the agency's own officer may not", () => {
  assert.equal(canManageAgencies(actor(g("admin"))), true);
  for (const role of ["coordinator", "leader", "commune_officer", "village_head", "editor"]) {
    assert.equal(canManageAgencies(actor(g(role, "/1/"))), false, role);
  }
  assert.equal(canManageAgencies(actor(g("agency_officer", null, 7))), false);
  assert.equal(canManageAgencies(null), false);
});

test("anyone logged in may browse agencies, nobody anonymous", () => {
  assert.equal(canBrowseAgencies(null), false);
  assert.equal(canBrowseAgencies(actor()), true);
  assert.equal(canBrowseAgencies(actor(g("village_head", "/1/2/3/"))), true);
});
