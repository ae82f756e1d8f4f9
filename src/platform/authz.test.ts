import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { coversUnit, hasRoleOver } from "./authz.ts";
import type { Actor, Grant } from "./http/types.ts";

const actor = (grants: Grant[]): Actor => ({
  id: 1,
  username: "u",
  fullName: "U",
  locale: "vi",
  grants,
  mustChangePassword: false,
  via: "session",
});

const pathArb = fc
  .array(fc.integer({ min: 1, max: 50 }), { minLength: 1, maxLength: 4 })
  .map((ids) => `/${ids.join("/")}/`);

test("a grant over a unit covers exactly its subtree", () => {
  fc.assert(
    fc.property(pathArb, pathArb, (grantPath, unitPath) => {
      const g: Grant = { role: "commune_officer", unitId: 1, unitPath: grantPath, agencyId: null };
      assert.equal(coversUnit(g, unitPath), unitPath.startsWith(grantPath));
    }),
  );
  // '/1/5/' must not cover '/1/57/' (prefix of the digits, not of the path)
  assert.equal(coversUnit({ role: "x", unitId: 5, unitPath: "/1/5/", agencyId: null }, "/1/57/"), false);
});

test("an agency-bound grant covers no unit; a role never covers for another role", () => {
  const a = actor([{ role: "agency_officer", unitId: null, unitPath: null, agencyId: 9 }]);
  assert.equal(hasRoleOver(a, "/1/2/", "agency_officer"), false);
  const b = actor([{ role: "village_head", unitId: 3, unitPath: "/1/2/3/", agencyId: null }]);
  assert.equal(hasRoleOver(b, "/1/2/3/", "commune_officer"), false);
  assert.equal(hasRoleOver(b, "/1/2/3/", "village_head"), true);
  assert.equal(hasRoleOver(b, "/1/2/4/", "village_head"), false);
  assert.equal(hasRoleOver(null, "/1/", "admin"), false);
});
