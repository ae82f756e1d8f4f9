import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { type Database, openDatabase, queryPrepared } from "./database.ts";

// The embedded database's pooled connections share one PGlite session: a named statement prepared by two of them
// under one name would collide ("prepared statement already exists"). queryPrepared names each connection's copy.
// Always on an embedded database, even when the suite runs on PostgreSQL: there each connection is its own session,
// the statement keeps its plain name, and the submission tests exercise that path.

let db: Database;
before(async () => {
  db = await openDatabase(
    { embedded: true, databaseUrl: undefined, dataDir: "", dbPoolSize: 4 },
    { pgdata: "memory://", lock: false },
  );
});
after(async () => {
  await db.close();
});

const prepared = async () =>
  (
    await db.pool.query<{ name: string }>(
      "SELECT name FROM pg_prepared_statements WHERE name LIKE 'probe.add#%' ORDER BY name",
    )
  ).rows.map((r) => r.name);

test("the same statement from several connections at once: no collision, each answer its own", async () => {
  const answers = await Promise.all(
    Array.from({ length: 24 }, (_, i) =>
      queryPrepared<{ n: number }>(db.pool, "probe.add", "SELECT $1::int + 1 AS n", [i]),
    ),
  );
  assert.deepEqual(
    answers.map((a) => a.rows[0]?.n),
    Array.from({ length: 24 }, (_, i) => i + 1),
  );
  const names = await prepared();
  assert.ok(names.length >= 1 && names.length <= 4, `one copy per pooled connection: ${names.join(", ")}`);
});

test("connections the pool drops take their copies with them", async () => {
  assert.ok((await prepared()).length > 0);
  // every pooled connection fails and is dropped
  const max = (db.pool as unknown as { options: { max: number } }).options.max;
  const clients = await Promise.all(Array.from({ length: max }, () => db.pool.connect()));
  for (const c of clients) c.release(new Error("dropped"));
  const deadline = Date.now() + 5_000;
  let left = await prepared();
  while (left.length > 0 && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 50));
    left = await prepared();
  }
  assert.deepEqual(left, []);
  // the statement still works, prepared again on a new connection
  const again = await queryPrepared<{ n: number }>(db.pool, "probe.add", "SELECT $1::int + 1 AS n", [41]);
  assert.equal(again.rows[0]?.n, 42);
  assert.equal((await prepared()).length, 1);
});
