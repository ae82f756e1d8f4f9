import assert from "node:assert/strict";
import { test } from "node:test";
import type { Actor, Grant } from "../../platform/http/types.ts";
import { agenciesModule } from "../agencies/manifest.ts";
import { unitsModule } from "./manifest.ts";

const actor = (...grants: Grant[]): Actor => ({
  id: 1,
  username: "u",
  fullName: "U",
  locale: "vi",
  grants,
  mustChangePassword: false,
  via: "session",
});
const g = (role: string, unitId: number | null, agencyId: number | null = null): Grant => ({
  role,
  unitId,
  unitPath: unitId === null ? null : `/1/${unitId}/`,
  agencyId,
});

test("a commune officer's and a village head's page is their unit; others get none from units", () => {
  const home = unitsModule.home;
  assert.ok(home);
  assert.equal(home.for(actor(g("commune_officer", 57))), "/units/57");
  assert.equal(home.for(actor(g("village_head", 1234))), "/units/1234");
  assert.equal(home.for(actor(g("leader", 1), g("village_head", 9), g("commune_officer", 8))), "/units/9");
  assert.equal(home.for(actor(g("admin", null))), null);
  assert.equal(home.for(actor(g("agency_officer", null, 4))), null);
});

test("an agency officer's page is their agency", () => {
  const home = agenciesModule.home;
  assert.ok(home);
  assert.equal(home.for(actor(g("agency_officer", null, 4))), "/agencies/4");
  assert.equal(home.for(actor(g("commune_officer", 57))), null);
});

test("the nav shows Địa bàn and Cơ quan to people logged in only", () => {
  assert.deepEqual(unitsModule.nav?.(null), []);
  assert.deepEqual(
    unitsModule.nav?.(actor(g("village_head", 9))).map((n) => n.href),
    ["/units"],
  );
  assert.deepEqual(
    agenciesModule.nav?.(actor(g("village_head", 9))).map((n) => n.href),
    ["/agencies"],
  );
});
