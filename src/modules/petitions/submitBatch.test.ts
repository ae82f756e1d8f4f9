import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { verifyAudit } from "../../platform/audit/audit.ts";
import type { Database } from "../../platform/db/database.ts";
import { openTestDatabase } from "../../platform/db/testing.ts";
import { type PetitionInput, submitPetition } from "./commands/submitPetition.ts";
import { petitionWorld } from "./testkit.ts";

// Submissions that arrive together are filed by one statement (group commit): each must still be its own
// petition, with its own event, notices, audit event and answer, and one bad submission must fail alone.

let db: Database;
let w: Awaited<ReturnType<typeof petitionWorld>>;

before(async () => {
  db = await openTestDatabase();
  w = await petitionWorld(db);
});
after(async () => {
  await db.close();
});

const input = (i: number, over: Partial<PetitionInput> = {}): PetitionInput => ({
  villageId: w.ids.village,
  kind: "report",
  categoryCode: "giao_thong",
  title: `Cống thoát nước số ${i} bị tắc`,
  body: `Cống thoát nước số ${i} đầu thôn bị tắc sau mưa, nước tràn vào nhà dân, đề nghị UBND xã nạo vét.`,
  urgency: "normal",
  households: i + 1,
  residents: i % 2 === 0 ? { names: `Hộ ông Số ${i}`, phones: null, consent: true } : null,
  ...over,
});

test("20 submissions at once: 20 petitions, each with its event, notices, audit event and own answer", async () => {
  const { rows: before } = await db.pool.query<{ n: number }>("SELECT count(*)::int AS n FROM audit_events");
  const as = w.as(w.people.village);
  const filed = await Promise.all(
    Array.from({ length: 20 }, (_, i) => submitPetition(as, input(i), { idempotencyKey: `batch-${i}` })),
  );
  assert.equal(new Set(filed.map((f) => f.id)).size, 20);
  assert.equal(new Set(filed.map((f) => f.code)).size, 20);
  for (const [i, f] of filed.entries()) {
    assert.equal(f.replayed, false);
    // each caller gets its own petition back, not a neighbour's from the same batch
    assert.equal(f.view?.petition.title, `Cống thoát nước số ${i} bị tắc`);
    assert.equal(f.view?.petition.households, i + 1);
    assert.equal(f.view?.timeline.length, 1);
  }
  const { rows } = await db.pool.query<{
    id: number;
    title: string;
    events: number;
    residents: number;
    notices: number;
  }>(
    `SELECT p.id, p.title,
            (SELECT count(*)::int FROM petition_events e WHERE e.petition_id = p.id) AS events,
            (SELECT count(*)::int FROM petition_residents r WHERE r.petition_id = p.id) AS residents,
            (SELECT count(*)::int FROM outbox o WHERE o.dedupe_key LIKE 'petition:' || p.id || ':submitted:%') AS notices
       FROM petitions p WHERE p.idempotency_key LIKE 'batch-%' ORDER BY p.id`,
  );
  assert.equal(rows.length, 20);
  for (const r of rows) {
    const i = Number(/số (\d+)/.exec(r.title)?.[1]);
    assert.equal(r.events, 1);
    assert.equal(r.residents, i % 2 === 0 ? 1 : 0, r.title);
    assert.ok(r.notices >= 1, `the commune officer is told of ${r.title}`);
  }
  const { rows: audited } = await db.pool.query<{ n: number }>(
    "SELECT count(*)::int AS n FROM audit_events WHERE action = 'petition.submit' AND subject_id = ANY($1::text[])",
    [filed.map((f) => String(f.id))],
  );
  assert.equal(audited[0]?.n, 20);
  const { rows: after } = await db.pool.query<{ n: number }>("SELECT count(*)::int AS n FROM audit_events");
  assert.equal(after[0]?.n, (before[0]?.n ?? 0) + 20);
  assert.deepEqual(await verifyAudit(db.pool), { ok: true, count: after[0]?.n });
});

// One statement is in flight at most: the first submission of a burst goes alone, the rest wait and form a
// batch. The cases below are placed after fillers so that they are filed by one statement.
const fillers = (as: ReturnType<typeof w.as>, tag: string) =>
  [0, 1].map((i) => submitPetition(as, input(300 + i), { idempotencyKey: `${tag}-filler-${i}` }));

test("the same request sent twice in one batch files one petition; both answers name it", async () => {
  const as = w.as(w.people.village);
  const [, , a, b, c] = await Promise.all([
    ...fillers(as, "twice"),
    submitPetition(as, input(100), { idempotencyKey: "twice-1" }),
    submitPetition(as, input(100), { idempotencyKey: "twice-1" }),
    submitPetition(as, input(101), { idempotencyKey: "other-1" }),
  ]);
  assert.equal(a?.id, b?.id);
  assert.notEqual(c?.id, a?.id);
  assert.deepEqual([a?.replayed, b?.replayed].sort(), [false, true]);
  const { rows } = await db.pool.query<{ n: number }>(
    "SELECT count(*)::int AS n FROM petitions WHERE idempotency_key = 'twice-1'",
  );
  assert.equal(rows[0]?.n, 1);
});

test("a submission the database refuses fails alone; the others of its batch are filed", async () => {
  const as = w.as(w.people.village);
  const results = await Promise.allSettled([
    ...fillers(as, "mixed"),
    submitPetition(as, input(200), { idempotencyKey: "mixed-1" }),
    // a NUL cannot be stored in PostgreSQL text: the statement carrying it fails
    submitPetition(as, input(201, { body: "có ký tự \u0000 lạ" }), { idempotencyKey: "mixed-2" }),
    submitPetition(as, input(202), { idempotencyKey: "mixed-3" }),
  ]);
  assert.deepEqual(
    results.map((r) => r.status),
    ["fulfilled", "fulfilled", "fulfilled", "rejected", "fulfilled"],
  );
  const { rows } = await db.pool.query<{ key: string }>(
    "SELECT idempotency_key AS key FROM petitions WHERE idempotency_key LIKE 'mixed-_' ORDER BY 1",
  );
  assert.deepEqual(
    rows.map((r) => r.key),
    ["mixed-1", "mixed-3"],
  );
  assert.equal((await verifyAudit(db.pool)).ok, true);
});

test("a village retired after it was cached is refused, and nothing is filed for it", async () => {
  const as = w.as(w.people.village);
  await submitPetition(as, input(400), { idempotencyKey: "cached-1" }); // the village is now cached
  await db.pool.query("UPDATE units SET retired_at = now() WHERE id = $1", [w.ids.village]);
  try {
    await assert.rejects(submitPetition(as, input(401), { idempotencyKey: "cached-2" }), (err: unknown) => {
      assert.equal((err as { messageKey?: string }).messageKey, "petitions.error.villageUnknown");
      return true;
    });
    const { rows } = await db.pool.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM petitions WHERE idempotency_key = 'cached-2'",
    );
    assert.equal(rows[0]?.n, 0);
  } finally {
    await db.pool.query("UPDATE units SET retired_at = NULL WHERE id = $1", [w.ids.village]);
  }
});
