import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { Database } from "../../platform/db/database.ts";
import { openTestDatabase } from "../../platform/db/testing.ts";
import { createUser } from "../accounts/commands/manageUsers.ts";
import { seedDirectivesDemo } from "./demo.ts";
import { directiveWorld } from "./testkit.ts";

let db: Database;
let w: Awaited<ReturnType<typeof directiveWorld>>;

before(async () => {
  db = await openTestDatabase();
  w = await directiveWorld(db);
  for (const [username, role] of [
    ["demo-coordinator", "coordinator"],
    ["demo-leader", "leader"],
  ] as const)
    await createUser(w.ctx, {
      username,
      fullName: username,
      password: "mat-khau-1234",
      mustChangePassword: false,
      grants: [{ role, unitId: w.ids.province }],
    });
});
after(async () => {
  await db.close();
});

test("demo directives: one published away from the demo commune with acknowledgements, one approved, one draft; once", async () => {
  const { ids } = w;
  assert.ok((await seedDirectivesDemo(w.ctx, "06862")) >= 1);
  const states = await db.pool.query<{ state: string; villages: number }>(
    "SELECT state, villages FROM directives ORDER BY id",
  );
  assert.deepEqual(
    states.rows.map((r) => r.state),
    ["published", "approved", "draft"],
  );
  const counters = await db.pool.query<{ commune_id: string; acknowledged: number; disseminated: number }>(
    "SELECT commune_id, acknowledged, disseminated FROM directive_commune_stats",
  );
  // the demo commune (Tiên Yên) is left to the journeys; the other commune with villages got it
  assert.deepEqual(
    counters.rows.map((r) => [Number(r.commune_id), r.acknowledged, r.disseminated]),
    [[ids.otherCommune, 1, 1]],
  );
  const opinions = await db.pool.query("SELECT 1 FROM directive_opinions");
  assert.equal(opinions.rowCount, 2);
  assert.equal(await seedDirectivesDemo(w.ctx, "06862"), 0, "runs once");
});
