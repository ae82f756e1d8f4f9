import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { type Database, openDatabase } from "./database.ts";
import { opensBatch } from "./socketQueue.ts";

const msg = (type: string) => new Uint8Array([type.charCodeAt(0), 0, 0, 0, 4]);

test("a batch is open after Parse/Bind/Describe/Execute and closed by Sync, a simple query or a startup packet", () => {
  for (const t of ["P", "B", "D", "E", "C", "H"]) assert.equal(opensBatch(msg(t)), true, t);
  for (const t of ["S", "Q", "X"]) assert.equal(opensBatch(msg(t)), false, t);
  assert.equal(opensBatch(new Uint8Array([0, 0, 0, 8, 4, 210, 22, 47])), false, "startup/SSL request");
  fc.assert(
    fc.property(fc.uint8Array({ minLength: 1, maxLength: 8 }), (m) => {
      const expectOpen = ![0, 0x53, 0x51, 0x58].includes(m[0] as number);
      return opensBatch(m) === expectOpen;
    }),
  );
});

/** A throw-away embedded database (8 pooled connections) with a table t (id, who). */
async function withTable(fn: (database: Database) => Promise<void>): Promise<void> {
  const database: Database = await openDatabase(
    { embedded: true, databaseUrl: undefined, dataDir: "", dbPoolSize: 8 },
    { pgdata: "memory://", lock: false },
  );
  try {
    await database.pool.query("CREATE TABLE t (id int PRIMARY KEY, who int NOT NULL)");
    await fn(database);
  } finally {
    await database.close();
  }
}

test("the embedded database serves many concurrent connections mixing statements and transactions, none lost or crossed", async () => {
  await withTable(async (database) => {
    let next = 0;
    const worker = async (w: number) => {
      for (let i = 0; i < 40; i++) {
        const id = next++;
        if (i % 3 === 0) {
          const c = await database.pool.connect();
          try {
            await c.query("BEGIN");
            await c.query("INSERT INTO t (id, who) VALUES ($1, $2)", [id, w]);
            const r = await c.query<{ who: number }>("SELECT who FROM t WHERE id = $1", [id]);
            assert.equal(r.rows[0]?.who, w);
            await c.query("COMMIT");
          } finally {
            c.release();
          }
        } else {
          await database.pool.query("INSERT INTO t (id, who) VALUES ($1, $2)", [id, w]);
          // Parameterised (extended protocol): the answer must be this connection's, not a neighbour's.
          const r = await database.pool.query<{ who: number; id: number }>(
            "SELECT who, id FROM t WHERE id = $1",
            [id],
          );
          assert.deepEqual(r.rows[0], { who: w, id });
        }
      }
    };
    const done = Promise.all(Array.from({ length: 8 }, (_, w) => worker(w)));
    const timeout = new Promise((_, reject) => {
      const timer = setTimeout(() => reject(new Error("embedded database hung under concurrency")), 120_000);
      done.finally(() => clearTimeout(timer));
    });
    await Promise.race([done, timeout]);
    const n = await database.pool.query<{ n: number }>("SELECT count(*)::int AS n FROM t");
    assert.equal(n.rows[0]?.n, 320);
  });
});

test("failing statements among concurrent connections fail alone: every other statement still gets its answer", async () => {
  // pg-pool drops a client after any failed query and connects a new one at once; the embedded server must
  // accept it while the old socket is still closing, or an unrelated query dies ("Connection terminated").
  await withTable(async (database) => {
    await database.pool.query("INSERT INTO t (id, who) VALUES (0, -1)");
    let next = 1;
    const errors = new Map<string, number>();
    const worker = async (w: number) => {
      for (let i = 0; i < 40; i++) {
        const id = next++;
        try {
          if (i % 4 === 1) {
            await database.pool.query("INSERT INTO t (id, who) VALUES ($1, $2)", [0, w]);
          } else if (i % 4 === 2) {
            const c = await database.pool.connect();
            try {
              await c.query("BEGIN");
              await c.query("INSERT INTO t (id, who) VALUES ($1, $2)", [id, w]);
              await c.query("INSERT INTO t (id, who) VALUES ($1, $2)", [id, w]);
              await c.query("COMMIT");
            } catch (err) {
              await c.query("ROLLBACK");
              throw err;
            } finally {
              c.release();
            }
          } else {
            await database.pool.query("INSERT INTO t (id, who) VALUES ($1, $2)", [id, w]);
            const r = await database.pool.query<{ who: number }>("SELECT who FROM t WHERE id = $1", [id]);
            assert.equal(r.rows[0]?.who, w, "the answer of this connection's own query");
          }
        } catch (err) {
          const message = (err as Error).message;
          errors.set(message, (errors.get(message) ?? 0) + 1);
        }
      }
    };
    await Promise.all(Array.from({ length: 8 }, (_, w) => worker(w)));
    // 8 workers × 10 duplicate inserts, and 8 × 10 transactions whose second insert is a duplicate: nothing else.
    assert.deepEqual(Object.fromEntries(errors), {
      'duplicate key value violates unique constraint "t_pkey"': 160,
    });
    const n = await database.pool.query<{ n: number }>("SELECT count(*)::int AS n FROM t");
    assert.equal(n.rows[0]?.n, 1 + 8 * 20);
  });
});
