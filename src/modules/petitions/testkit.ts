import { loadConfig } from "../../config.ts";
import { manualClock } from "../../platform/clock.ts";
import type { Database } from "../../platform/db/database.ts";
import type { Actor } from "../../platform/http/types.ts";
import { seedReference } from "../../seed.ts";
import { createUser } from "../accounts/commands/manageUsers.ts";
import { loadActor } from "../accounts/queries/loadActor.ts";
import type { Role } from "../accounts/roles.ts";
import { importVillages } from "../units/commands/importVillages.ts";

/**
 * A province to test petitions in: reference data, two villages in Xã Tiên Yên and one in Xã Hải Lạng, and one
 * person per role. For integration tests of the petitions module and of modules built on it.
 */
export async function petitionWorld(database: Database, start = new Date("2026-03-02T08:00:00+07:00")) {
  const config = loadConfig({ SESSION_SECRET: "x".repeat(40), LOG_LEVEL: "silent" });
  const clock = manualClock(start);
  const ctx = { pool: database.pool, clock, actorId: null };
  await seedReference(config, database, ctx, true);
  await importVillages(
    ctx,
    [
      {
        code: "06862-001",
        communeCode: "06862",
        name: "Khe Tâm",
        type: "thon",
        headName: "Nông Văn A",
        headPhone: "0912000001",
      },
      {
        code: "06862-002",
        communeCode: "06862",
        name: "Nà Làng",
        type: "ban",
        headName: "Lò Thị B",
        headPhone: "0912000002",
      },
      {
        code: "06886-001",
        communeCode: "06886",
        name: "Đồng Cầu",
        type: "thon",
        headName: "Trần Văn C",
        headPhone: "0912000003",
      },
    ],
    "test",
  );
  const id = async (sql: string, params: unknown[]) => {
    const { rows } = await database.pool.query<{ id: number }>(sql, params);
    const v = rows[0]?.id;
    if (v === undefined) throw new Error(`not found: ${sql} ${JSON.stringify(params)}`);
    return v;
  };
  const province = await id(
    "SELECT id FROM units WHERE level = 'province' AND code = '22' AND valid_to IS NULL",
    [],
  );
  const commune = await id(
    "SELECT id FROM units WHERE level = 'commune' AND code = '06862' AND valid_to IS NULL",
    [],
  );
  const otherCommune = await id(
    "SELECT id FROM units WHERE level = 'commune' AND code = '06886' AND valid_to IS NULL",
    [],
  );
  const village = await id("SELECT id FROM units WHERE code = '06862-001'", []);
  const village2 = await id("SELECT id FROM units WHERE code = '06862-002'", []);
  const otherVillage = await id("SELECT id FROM units WHERE code = '06886-001'", []);
  const agency = await id("SELECT id FROM agencies WHERE code = 'SNNMT-22'", []);
  const otherAgency = await id("SELECT id FROM agencies WHERE code = 'SXD-22'", []);
  const central = await id("SELECT id FROM agencies WHERE code = 'BO-NNMT'", []);
  const people: Record<string, Actor> = {};
  const make = async (username: string, role: Role, scope: { unitId?: number; agencyId?: number }) => {
    const u = await createUser(ctx, {
      username,
      fullName: username,
      password: "mat-khau-1234",
      mustChangePassword: false,
      grants: [{ role, ...scope }],
    });
    const actor = await loadActor(database.pool, u.id, "session");
    if (!actor) throw new Error("actor");
    people[username] = actor;
    return actor;
  };
  const p = {
    village: await make("t-village", "village_head", { unitId: village }),
    village2: await make("t-village2", "village_head", { unitId: village2 }),
    otherVillage: await make("t-other-village", "village_head", { unitId: otherVillage }),
    commune: await make("t-commune", "commune_officer", { unitId: commune }),
    otherCommune: await make("t-other-commune", "commune_officer", { unitId: otherCommune }),
    coordinator: await make("t-coordinator", "coordinator", { unitId: province }),
    leader: await make("t-leader", "leader", { unitId: province }),
    agency: await make("t-agency", "agency_officer", { agencyId: agency }),
    otherAgency: await make("t-other-agency", "agency_officer", { agencyId: otherAgency }),
    admin: await make("t-admin", "admin", {}),
  };
  const as = (actor: Actor) => ({ pool: database.pool, clock, actorId: actor.id, actor });
  return {
    config,
    clock,
    ctx,
    people: p,
    as,
    ids: { province, commune, otherCommune, village, village2, otherVillage, agency, otherAgency, central },
  };
}
