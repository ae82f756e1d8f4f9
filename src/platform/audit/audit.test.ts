import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import fc from "fast-check";
import { type Database, withTransaction } from "../db/database.ts";
import { openTestDatabase } from "../db/testing.ts";
import {
  appendAudit,
  auditAppendSql,
  auditParts,
  canonicalCut,
  canonicalJson,
  verifyAudit,
} from "./audit.ts";

/** The same value with every object's keys in a shuffled order (own data properties, even "__proto__"). */
function shuffleKeys(value: unknown, seed: number): unknown {
  if (Array.isArray(value)) return value.map((v, i) => shuffleKeys(v, seed + i + 1));
  if (value === null || typeof value !== "object") return value;
  const entries = Object.entries(value).map(([k, v], i) => [k, shuffleKeys(v, seed * 31 + i)] as const);
  const shuffled = entries
    .map((entry, i) => ({ entry, rank: Math.sin(seed * 7919 + i * 104729) }))
    .sort((a, b) => a.rank - b.rank)
    .map((x) => x.entry);
  return Object.fromEntries(shuffled);
}

describe("canonicalJson", () => {
  test("sorts keys recursively, no whitespace", () => {
    assert.equal(
      canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: null } }),
      '{"a":{"c":null,"d":[3,{"y":2,"z":1}]},"b":1}',
    );
    assert.equal(canonicalJson(undefined), "null");
    assert.equal(canonicalJson({ a: undefined, b: [undefined] }), '{"b":[null]}');
    assert.equal(canonicalJson(new Date("2025-07-01T00:00:00.000Z")), '"2025-07-01T00:00:00.000Z"');
  });

  test("key order does not change it (property)", () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.integer(), (value, seed) => {
        assert.equal(canonicalJson(shuffleKeys(value, seed)), canonicalJson(value));
      }),
      { numRuns: 300 },
    );
  });

  test("equal after a JSON round trip (property)", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        assert.equal(canonicalJson(JSON.parse(JSON.stringify(value))), canonicalJson(value));
      }),
      { numRuns: 300 },
    );
  });
});

/** Text PostgreSQL can store (no NUL), in any script, with quotes, backslashes and control characters. */
const storable = fc.string({ unit: "binary", maxLength: 12 }).map((x) => x.replaceAll("\u0000", ""));
// jsonb refuses \u0000 in a string (JSON.stringify writes a NUL as that escape)
const storableJson = fc.jsonValue().filter((v) => !JSON.stringify(v).includes("\\u0000"));

describe("canonicalCut", () => {
  test("head + the subject id as JSON + tail is the canonical JSON (property)", () => {
    fc.assert(
      fc.property(
        fc.record({
          action: fc.string(),
          actorId: fc.option(fc.nat()),
          subjectType: fc.string(),
          subjectId: fc.option(fc.string()),
          before: fc.jsonValue(),
          after: fc.jsonValue(),
        }),
        fc.date({ noInvalidDate: true }),
        ({ subjectId, ...rest }, when) => {
          const content = { ...rest, at: when.toISOString() };
          const { head, tail } = canonicalCut(content);
          const id = subjectId === null ? "null" : JSON.stringify(subjectId);
          assert.equal(head + id + tail, canonicalJson({ ...content, subjectId }));
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe("audit chain hashed by the database", () => {
  let database: Database;
  before(async () => {
    database = await openTestDatabase();
  });
  after(async () => {
    await database.close();
  });

  test("events of any content, appended alone or inside another statement, verify (property)", async () => {
    let count = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          action: storable,
          actorId: fc.option(fc.nat()),
          subjectType: storable,
          subjectId: fc.option(storable),
          before: storableJson,
          after: storableJson,
        }),
        fc.boolean(),
        async (e, insideStatement) => {
          const when = new Date(Date.UTC(2026, 0, 1) + count * 1000);
          if (insideStatement) {
            // the values come from rows of the statement, as a batch of submissions' new rows do
            const parts = auditParts(e, when);
            const call = auditAppendSql({
              at: "x.at",
              actorId: "x.actor_id",
              action: "x.action",
              subjectType: "x.subject_type",
              subjectId: "x.subject_id",
              before: "x.before",
              after: "x.after",
              head: "x.head",
              tail: "x.tail",
            });
            await database.pool.query(
              `WITH x AS (SELECT $1::text AS at, $2::bigint AS actor_id, $3::text AS action, $4::text AS subject_type,
                                 $5::text AS subject_id, $6::text AS before, $7::text AS after, $8::text AS head,
                                 $9::text AS tail)
               SELECT ${call} FROM x`,
              [
                parts.at,
                parts.actorId,
                parts.action,
                parts.subjectType,
                e.subjectId,
                parts.before,
                parts.after,
                parts.head,
                parts.tail,
              ],
            );
          } else {
            await appendAudit(database.pool, e, when);
          }
          count++;
          assert.deepEqual(await verifyAudit(database.pool), { ok: true, count });
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe("audit chain", () => {
  let database: Database;
  before(async () => {
    database = await openTestDatabase();
  });
  after(async () => {
    await database.close();
  });

  const base = new Date("2026-03-01T01:02:03.456Z");
  const at = (i: number) => new Date(base.getTime() + i * 1000);

  test("an empty log verifies", async () => {
    assert.deepEqual(await verifyAudit(database.pool), { ok: true, count: 0 });
  });

  test("events appended one by one and concurrently verify, in id order", async () => {
    await withTransaction(database.pool, (c) =>
      appendAudit(c, { actorId: null, action: "system.start", subjectType: "system" }, at(0)),
    );
    await withTransaction(database.pool, (c) =>
      appendAudit(
        c,
        {
          actorId: 7,
          action: "petition.submit",
          subjectType: "petition",
          subjectId: 42,
          before: null,
          // numbers that jsonb normalises, keys jsonb reorders, Vietnamese text
          after: {
            title: "Đường thôn Đồng Tâm hư hỏng",
            households: 37,
            ratio: 0.1,
            big: 1e21,
            z: 1,
            a: [1.5, true],
          },
        },
        at(1),
      ),
    );
    await withTransaction(database.pool, (c) =>
      appendAudit(
        c,
        {
          actorId: 7,
          action: "petition.edit",
          subjectType: "petition",
          subjectId: "42",
          before: { x: 1 },
          after: { x: 2 },
        },
        at(2),
      ),
    );
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        withTransaction(database.pool, (c) =>
          appendAudit(
            c,
            {
              actorId: i,
              action: "unit.rename",
              subjectType: "unit",
              subjectId: i,
              after: { name: `Thôn ${i}` },
            },
            at(10 + i),
          ),
        ),
      ),
    );
    // a rolled-back append leaves a gap in the ids, not a break in the chain
    await assert.rejects(
      withTransaction(database.pool, async (c) => {
        await appendAudit(c, { actorId: 1, action: "x", subjectType: "y" }, at(50));
        throw new Error("rollback");
      }),
    );
    await withTransaction(database.pool, (c) =>
      appendAudit(c, { actorId: 1, action: "z", subjectType: "y" }, at(51)),
    );
    assert.deepEqual(await verifyAudit(database.pool), { ok: true, count: 24 });
    // across keyset batches, including a batch that ends exactly at the last row
    assert.deepEqual(await verifyAudit(database.pool, { batchSize: 5 }), { ok: true, count: 24 });
    assert.deepEqual(await verifyAudit(database.pool, { batchSize: 4 }), { ok: true, count: 24 });
  });

  test("refuses a REPEATABLE READ transaction", async () => {
    await assert.rejects(
      withTransaction(database.pool, async (c) => {
        await c.query("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ");
        await appendAudit(c, { actorId: 1, action: "x", subjectType: "y" }, at(60));
      }),
      /READ COMMITTED/,
    );
  });

  test("an edited `after` is reported at that row", async () => {
    const { rows } = await database.pool.query<{ id: number }>(
      "SELECT id FROM audit_events ORDER BY id OFFSET 5 LIMIT 1",
    );
    const id = rows[0]?.id;
    assert.ok(id);
    await database.pool.query(`UPDATE audit_events SET after = '{"name": "Thôn giả"}' WHERE id = $1`, [id]);
    const result = await verifyAudit(database.pool, { batchSize: 2 });
    assert.equal(result.ok, false);
    assert.ok(!result.ok);
    assert.equal(result.brokenAt, id);
    assert.equal(result.count, 5);
    assert.match(result.reason, /edited/);
  });

  test("a microsecond edit of `at` is reported", async () => {
    const { rows } = await database.pool.query<{ id: number }>(
      "SELECT id FROM audit_events ORDER BY id LIMIT 1",
    );
    const id = rows[0]?.id;
    await database.pool.query("UPDATE audit_events SET at = at + interval '1 microsecond' WHERE id = $1", [
      id,
    ]);
    const result = await verifyAudit(database.pool);
    assert.ok(!result.ok);
    assert.equal(result.brokenAt, id);
  });

  test("a deleted middle row is reported at the row after it", async () => {
    await database.pool.query("TRUNCATE audit_events");
    for (let i = 0; i < 5; i++) {
      await withTransaction(database.pool, (c) =>
        appendAudit(c, { actorId: 1, action: "a", subjectType: "s", subjectId: i, after: { i } }, at(i)),
      );
    }
    assert.deepEqual(await verifyAudit(database.pool), { ok: true, count: 5 });
    const { rows } = await database.pool.query<{ id: number }>("SELECT id FROM audit_events ORDER BY id");
    const ids = rows.map((r) => r.id);
    await database.pool.query("DELETE FROM audit_events WHERE id = $1", [ids[2]]);
    const result = await verifyAudit(database.pool);
    assert.ok(!result.ok);
    assert.equal(result.brokenAt, ids[3]);
    assert.equal(result.count, 2);
    assert.match(result.reason, /deleted/);
  });

  test("a swapped pair of rows is reported", async () => {
    const { rows } = await database.pool.query<{ id: number }>("SELECT id FROM audit_events ORDER BY id");
    const [a, b] = [rows[0]?.id, rows[1]?.id];
    // swap the two rows' ids: their contents and hashes are intact, the order is not
    await database.pool.query("UPDATE audit_events SET id = -id WHERE id IN ($1, $2)", [a, b]);
    await database.pool.query(
      "UPDATE audit_events SET id = CASE WHEN id = -$1::bigint THEN $2::bigint ELSE $1::bigint END WHERE id < 0",
      [a, b],
    );
    const result = await verifyAudit(database.pool);
    assert.ok(!result.ok);
    assert.equal(result.brokenAt, a);
  });
});
