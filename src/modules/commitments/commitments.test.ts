import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { CommandError } from "../../platform/commands.ts";
import type { Database } from "../../platform/db/database.ts";
import { openTestDatabase } from "../../platform/db/testing.ts";
import { submitPetition } from "../petitions/commands/submitPetition.ts";
import { petitionWorld } from "../petitions/testkit.ts";
import { createCommitment } from "./commands/createCommitment.ts";
import { updateCommitment } from "./commands/updateCommitment.ts";
import { getCommitment } from "./queries/getCommitment.ts";
import { listCommitments } from "./queries/listCommitments.ts";
import { countByState } from "./queries/summary.ts";
import { sweepOverdueCommitments } from "./sweeps.ts";

let db: Database;
let w: Awaited<ReturnType<typeof petitionWorld>>;

before(async () => {
  db = await openTestDatabase();
  w = await petitionWorld(db); // Monday 2 March 2026, 08:00 in Hà Nội time
});
after(async () => db.close());

const PNG = Uint8Array.from([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82, 1, 2, 3,
]);

async function outbox(kind: string): Promise<{ userId: number; params: Record<string, string | number> }[]> {
  const { rows } = await db.pool.query<{
    payload: { userId: number; kind: string; params: Record<string, string> };
  }>("SELECT payload FROM outbox WHERE payload->>'kind' = $1 ORDER BY id", [kind]);
  return rows.map((r) => ({ userId: Number(r.payload.userId), params: r.payload.params }));
}

async function refused(p: Promise<unknown>, key: string): Promise<void> {
  await assert.rejects(p, (err: unknown) => err instanceof CommandError && err.messageKey === key);
}

test("a commitment gets a code, a deadline counted in working days, and its agency's officers are notified", async () => {
  w.clock.set(new Date("2026-03-02T08:00:00+07:00"));
  const made = await createCommitment(w.as(w.people.coordinator), {
    text: "Sửa cầu treo bản Khe Tâm trước mùa mưa",
    agencyId: w.ids.agency,
    deadlineWorkingDays: 5,
    dialogueId: 41,
    questionId: 9,
  });
  assert.match(made.code, /^CK-2026-\d{6}$/);
  const c = await getCommitment(db.pool, made.id);
  assert.ok(c);
  // Tue 3 … Mon 9 March are the five working days; due at the end of the fifth (17:00 local).
  assert.equal(c.deadline.toISOString(), new Date("2026-03-09T17:00:00+07:00").toISOString());
  assert.equal(c.state, "not_started");
  assert.equal(c.percent, 0);
  assert.equal(c.dialogueId, 41);
  assert.equal(c.questionId, 9);
  assert.equal(c.agencyName.length > 0, true);
  const notes = await outbox("commitment_assigned");
  assert.deepEqual(
    notes.map((n) => n.userId),
    [w.people.agency.id],
  );
  assert.equal(notes[0]?.params.deadline, "09/03/2026");
});

test("the deadline skips public holidays (30/4 and 1/5)", async () => {
  w.clock.set(new Date("2026-04-29T09:00:00+07:00"));
  const made = await createCommitment(w.as(w.people.coordinator), {
    text: "Lắp đèn đường",
    agencyId: w.ids.agency,
    deadlineWorkingDays: 1,
  });
  const c = await getCommitment(db.pool, made.id);
  assert.equal(c?.deadline.toISOString(), new Date("2026-05-04T17:00:00+07:00").toISOString());
  w.clock.set(new Date("2026-03-02T08:00:00+07:00"));
});

test("bad input is refused with the field to fix, and nothing is written", async () => {
  const before = (await db.pool.query("SELECT count(*)::int AS n FROM commitments")).rows[0].n;
  const ctx = w.as(w.people.coordinator);
  await refused(
    createCommitment(ctx, { text: "  ", agencyId: w.ids.agency, deadlineWorkingDays: 5 }),
    "commitments.error.text",
  );
  await refused(
    createCommitment(ctx, { text: "x", agencyId: 999999, deadlineWorkingDays: 5 }),
    "commitments.error.agency",
  );
  await refused(
    createCommitment(ctx, { text: "x", agencyId: w.ids.agency, deadlineWorkingDays: 0 }),
    "commitments.error.days",
  );
  await refused(
    createCommitment(ctx, { text: "x", agencyId: w.ids.agency, deadlineWorkingDays: 2.5 }),
    "commitments.error.days",
  );
  await refused(
    createCommitment(ctx, {
      text: "x",
      agencyId: w.ids.agency,
      deadlineWorkingDays: 5,
      petitionIds: [987654],
    }),
    "commitments.error.petitions",
  );
  const after = (await db.pool.query("SELECT count(*)::int AS n FROM commitments")).rows[0].n;
  assert.equal(after, before);
});

test("linked petitions are stored and shown; a retried creation with the same key makes one commitment", async () => {
  const pet = await submitPetition(w.as(w.people.village), {
    villageId: w.ids.village,
    kind: "recommendation",
    categoryCode: null,
    title: "Cầu treo hỏng",
    body: "Cầu treo qua suối bị hỏng, học sinh đi lại nguy hiểm",
    urgency: "normal",
    households: 40,
  });
  const input = {
    text: "Khảo sát, sửa cầu treo",
    agencyId: w.ids.agency,
    deadlineWorkingDays: 10,
    petitionIds: [pet.id],
    idempotencyKey: "k-1",
  };
  const [a, b] = await Promise.all([
    createCommitment(w.as(w.people.coordinator), input),
    createCommitment(w.as(w.people.coordinator), input),
  ]);
  assert.deepEqual(a, b);
  const c = await getCommitment(db.pool, a.id);
  assert.deepEqual(
    c?.petitions.map((p) => p.code),
    [pet.code],
  );
  const n = await db.pool.query("SELECT count(*)::int AS n FROM commitments WHERE idempotency_key = 'k-1'");
  assert.equal(n.rows[0].n, 1);
});

test("the agency reports 50% with evidence, then done; the coordinator is told; the timeline has every step", async () => {
  const { id } = await createCommitment(w.as(w.people.coordinator), {
    text: "Nạo vét kênh mương",
    agencyId: w.ids.agency,
    deadlineWorkingDays: 15,
  });
  const officer = w.as(w.people.agency);
  w.clock.advance(86_400_000);
  assert.deepEqual(
    await updateCommitment(officer, id, {
      action: "progress",
      percent: 50,
      note: "Đã nạo vét 2 km",
      evidence: [{ bytes: PNG, name: "kenh.png" }],
    }),
    { state: "in_progress", percent: 50 },
  );
  await refused(
    updateCommitment(officer, id, { action: "progress", percent: 40, note: "lùi" }),
    "commitments.error.percentDown",
  );
  await refused(
    updateCommitment(officer, id, { action: "done", percent: 100, note: "" }),
    "commitments.error.doneNeedsProof",
  );
  await refused(
    updateCommitment(officer, id, {
      action: "progress",
      percent: 60,
      evidence: [{ bytes: new TextEncoder().encode("<html>not an image</html>"), name: "x.png" }],
    }),
    "files.error.type",
  );
  w.clock.advance(86_400_000);
  assert.deepEqual(
    await updateCommitment(officer, id, { action: "done", percent: 100, note: "Đã xong 4 km" }),
    {
      state: "done",
      percent: 100,
    },
  );
  const c = await getCommitment(db.pool, id);
  assert.ok(c);
  assert.deepEqual(
    c.updates.map((u) => [u.action, u.toState, u.percent]),
    [
      ["create", "not_started", 0],
      ["progress", "in_progress", 50],
      ["done", "done", 100],
    ],
  );
  assert.equal(c.updates[1]?.evidence[0]?.name, "kenh.png");
  assert.equal(c.updates[1]?.evidence[0]?.mime, "image/png");
  assert.equal(c.updates[1]?.byName, "t-agency");
  assert.equal(c.lastUpdateNote, "Đã xong 4 km");
  const stored = await db.pool.query("SELECT mime FROM files WHERE key = $1", [
    c.updates[1]?.evidence[0]?.key,
  ]);
  assert.equal(stored.rows[0]?.mime, "image/png");
  assert.ok((await outbox("commitment_done")).some((n) => n.userId === w.people.coordinator.id));
  // done is final: neither progress nor cancel
  await refused(
    updateCommitment(officer, id, { action: "progress", percent: 100, note: "thêm" }),
    "commitments.error.final",
  );
  await refused(
    updateCommitment(w.as(w.people.coordinator), id, { action: "cancel", reason: "x" }),
    "commitments.error.final",
  );
});

test("policy in the command: another agency, a village head or a leader cannot update; only the coordinator cancels", async () => {
  const { id } = await createCommitment(w.as(w.people.coordinator), {
    text: "Cấp nước sạch",
    agencyId: w.ids.agency,
    deadlineWorkingDays: 15,
  });
  for (const who of [
    w.people.otherAgency,
    w.people.village,
    w.people.leader,
    w.people.commune,
    w.people.admin,
  ])
    await refused(
      updateCommitment(w.as(who), id, { action: "progress", percent: 10, note: "x" }),
      "error.403",
    );
  await refused(
    updateCommitment(w.as(w.people.agency), id, { action: "cancel", reason: "không phải việc của tôi" }),
    "error.403",
  );
  // the coordinator may report progress too (following up by phone)
  await updateCommitment(w.as(w.people.coordinator), id, {
    action: "progress",
    percent: 5,
    note: "Đã gọi sở",
  });
  await refused(
    updateCommitment(w.as(w.people.coordinator), id, { action: "cancel", reason: " " }),
    "commitments.error.reason",
  );
  await updateCommitment(w.as(w.people.coordinator), id, {
    action: "cancel",
    reason: "Đã gộp vào cam kết khác",
  });
  const c = await getCommitment(db.pool, id);
  assert.equal(c?.state, "cancelled");
  assert.equal(c?.cancelReason, "Đã gộp vào cam kết khác");
  assert.ok((await outbox("commitment_cancelled")).some((n) => n.userId === w.people.agency.id));
});

test("a stale form (version moved on) is refused with 409", async () => {
  const { id } = await createCommitment(w.as(w.people.coordinator), {
    text: "Làm đường",
    agencyId: w.ids.agency,
    deadlineWorkingDays: 15,
  });
  const v = (await getCommitment(db.pool, id))?.version;
  await updateCommitment(w.as(w.people.agency), id, { action: "progress", percent: 10, note: "a" }, v);
  await assert.rejects(
    updateCommitment(w.as(w.people.agency), id, { action: "progress", percent: 20, note: "b" }, v),
    (err: unknown) =>
      err instanceof CommandError && err.status === 409 && err.messageKey === "commitments.error.stale",
  );
});

test("the sweep flags overdue commitments once, tells the agency and the coordinator, and ignores done ones", async () => {
  w.clock.set(new Date("2026-06-01T08:00:00+07:00"));
  const late = await createCommitment(w.as(w.people.coordinator), {
    text: "Trả lời về đất rừng",
    agencyId: w.ids.otherAgency,
    deadlineWorkingDays: 2,
  });
  const finished = await createCommitment(w.as(w.people.coordinator), {
    text: "Hoàn thành sớm",
    agencyId: w.ids.otherAgency,
    deadlineWorkingDays: 2,
  });
  await updateCommitment(w.as(w.people.otherAgency), finished.id, {
    action: "done",
    percent: 100,
    note: "xong",
  });
  const notYet = await createCommitment(w.as(w.people.coordinator), {
    text: "Còn hạn",
    agencyId: w.ids.otherAgency,
    deadlineWorkingDays: 30,
  });
  // the deadline of `late` is Wed 3 June 17:00; one minute before it nothing happens
  w.clock.set(new Date("2026-06-03T16:59:00+07:00"));
  await sweepOverdueCommitments({ pool: db.pool, clock: w.clock });
  assert.equal((await getCommitment(db.pool, late.id))?.state, "not_started");
  w.clock.set(new Date("2026-06-03T17:01:00+07:00"));
  await sweepOverdueCommitments({ pool: db.pool, clock: w.clock });
  const again = await sweepOverdueCommitments({ pool: db.pool, clock: w.clock });
  assert.equal(again, 0, "a second run finds nothing");
  const c = await getCommitment(db.pool, late.id);
  assert.equal(c?.state, "overdue");
  assert.equal(c?.updates.filter((u) => u.action === "overdue").length, 1);
  assert.equal((await getCommitment(db.pool, finished.id))?.state, "done");
  assert.equal((await getCommitment(db.pool, notYet.id))?.state, "not_started");
  const told = (await outbox("commitment_overdue"))
    .filter((n) => n.params.code === c?.code)
    .map((n) => n.userId);
  assert.deepEqual(new Set(told), new Set([w.people.otherAgency.id, w.people.coordinator.id]));
  assert.equal(told.length, 2);
  // an overdue commitment can still be reported and completed, late
  await updateCommitment(w.as(w.people.otherAgency), late.id, {
    action: "progress",
    percent: 80,
    note: "gần xong",
  });
  assert.equal((await getCommitment(db.pool, late.id))?.state, "overdue");
});

test("lists: by dialogue, by agency, by state; the agency's list puts overdue first then nearest deadline", async () => {
  const byDialogue = await listCommitments(db.pool, { dialogueId: 41 });
  assert.deepEqual(
    byDialogue.map((r) => r.text),
    ["Sửa cầu treo bản Khe Tâm trước mùa mưa"],
  );
  const mine = await listCommitments(db.pool, { agencyIds: [w.ids.otherAgency], order: "deadline" });
  assert.equal(mine[0]?.state, "overdue");
  const deadlines = mine
    .filter((r) => r.state === "not_started" || r.state === "in_progress")
    .map((r) => r.deadline.getTime());
  assert.deepEqual(
    deadlines,
    [...deadlines].sort((a, b) => a - b),
  );
  const done = await listCommitments(db.pool, { state: "done" });
  assert.ok(done.length >= 2 && done.every((r) => r.state === "done" && r.percent === 100));
  assert.deepEqual(await listCommitments(db.pool, { state: "nonsense" }), []);
  const limited = await listCommitments(db.pool, { limit: 2 });
  assert.equal(limited.length, 2);
  // odd limits from a caller never reach SQL as "NaN" or a fraction
  assert.equal((await listCommitments(db.pool, { limit: Number.NaN })).length > 2, true);
  assert.equal((await listCommitments(db.pool, { limit: 1.7, offset: -3 })).length, 1);
  const counts = await countByState(db.pool);
  const total = (await db.pool.query("SELECT count(*)::int AS n FROM commitments")).rows[0].n;
  assert.equal(
    Object.values(counts).reduce((a, b) => a + b, 0),
    total,
  );
  const withUpdate = (await listCommitments(db.pool, { state: "done" })).find(
    (r) => r.text === "Nạo vét kênh mương",
  );
  assert.ok(withUpdate?.lastUpdateAt);
});
