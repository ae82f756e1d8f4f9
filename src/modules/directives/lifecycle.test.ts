import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { Database } from "../../platform/db/database.ts";
import { openTestDatabase } from "../../platform/db/testing.ts";
import { normalizeForSearch } from "../../platform/text/normalize.ts";
import { writeNotices } from "./commands/fanout.ts";
import { chaseVillages, sendReminders } from "./commands/reminders.ts";
import { acknowledge, opinionToPetition, recordResponse, reportDissemination } from "./commands/report.ts";
import { createDirective } from "./commands/saveDirective.ts";
import {
  approveDirective,
  correctDirective,
  publishDirective,
  revokeDirective,
} from "./commands/transitions.ts";
import { coverageBelow, overdueVillages, searchOpinions, unitRef } from "./queries/coverage.ts";
import { getDirective, versionsOf } from "./queries/getDirective.ts";
import { listDirectives, villageInbox } from "./queries/lists.ts";
import { directiveWorld } from "./testkit.ts";

let db: Database;
let w: Awaited<ReturnType<typeof directiveWorld>>;

before(async () => {
  db = await openTestDatabase();
  w = await directiveWorld(db);
});
after(async () => {
  await db.close();
});

const count = async (sql: string, params: unknown[] = []) =>
  Number((await db.pool.query<{ n: string }>(sql, params)).rows[0]?.n ?? 0);
const outboxFor = (userId: number, kind: string) =>
  count(
    "SELECT count(*) AS n FROM outbox WHERE topic = 'notifications.deliver' AND (payload->>'userId')::bigint = $1 AND payload->>'kind' = $2",
    [userId, kind],
  );
const rejects = async (p: Promise<unknown>, key: string) =>
  assert.rejects(p, (e: Error) => e.message === key);

test("drafted by the office, approved and published only by a leader, one delivery per target village", async () => {
  const { people, ids, as } = w;
  await rejects(createDirective(as(people.village), w.draft([ids.commune])), "error.403");
  const { id } = await createDirective(as(people.coordinator), w.draft([ids.commune, ids.otherCommune]));
  await rejects(approveDirective(as(people.coordinator), id), "error.403");
  await rejects(publishDirective(as(people.leader), id), "directives.error.wrongState");
  await approveDirective(as(people.leader), id);
  await rejects(publishDirective(as(people.coordinator), id), "error.403");
  const r = await publishDirective(as(people.leader), id);
  assert.equal(r.villages, 3, "Khe Tâm, Nà Làng (Tiên Yên) and Đồng Cầu (Hải Lạng)");
  assert.equal(
    await count("SELECT count(*) AS n FROM directive_deliveries WHERE directive_id = $1", [id]),
    3,
  );
  assert.equal(
    await count("SELECT sum(villages) AS n FROM directive_commune_stats WHERE directive_id = $1", [id]),
    3,
  );
  assert.equal((await getDirective(db.pool, id))?.state, "published");

  // the notices: one job, which writes one notice per village head; run twice (at-least-once), no duplicates
  const job = await db.pool.query<{ payload: unknown }>(
    "SELECT payload FROM outbox WHERE topic = 'directives.notify'",
  );
  assert.equal(job.rows.length, 1);
  await writeNotices(db.pool, job.rows[0]?.payload, 1);
  await writeNotices(db.pool, job.rows[0]?.payload, 1);
  assert.equal(await outboxFor(people.village.id, "directive_published"), 1);
  assert.equal(await outboxFor(people.village2.id, "directive_published"), 1);
  assert.equal(await outboxFor(people.otherVillage.id, "directive_published"), 1);
  assert.equal(
    await outboxFor(people.commune.id, "directive_published"),
    1,
    "commune officers were named too",
  );

  // inboxes: the village head sees it for their village only
  const inbox = await villageInbox(db.pool, people.village, w.clock.now(), 1);
  assert.deepEqual(
    inbox.items.map((i) => [i.directive_id, i.village_id]),
    [[id, ids.village]],
  );
  // the other commune officer lists it, counted over their own commune only
  const theirs = await listDirectives(db.pool, people.otherCommune, 1);
  assert.equal(theirs.items[0]?.villages, 1);
});

test("a directive to one commune never reaches another commune's village head", async () => {
  const { people, ids, as } = w;
  const { id } = await createDirective(
    as(people.leader),
    w.draft([ids.otherCommune], { docNumber: "13/CT-UBND" }),
  );
  await approveDirective(as(people.leader), id);
  await publishDirective(as(people.leader), id);
  const inbox = await villageInbox(db.pool, people.village, w.clock.now(), 1);
  assert.ok(!inbox.items.some((i) => i.directive_id === id));
  await rejects(acknowledge(as(people.village), id, ids.otherVillage), "error.404");
  await rejects(acknowledge(as(people.village), id, ids.village), "error.404");
  await acknowledge(as(people.otherVillage), id, ids.otherVillage);
});

test("acknowledge, report dissemination, residents' response: counters move once; an opinion becomes a petition", async () => {
  const { people, ids, as, clock } = w;
  const d = (await listDirectives(db.pool, people.leader, 1)).items.find(
    (x) => x.doc_number === "12/CT-UBND",
  );
  assert.ok(d);
  const id = d.id;
  clock.set(new Date("2026-03-03T09:00:00+07:00"));
  await acknowledge(as(people.village), id, ids.village);
  await acknowledge(as(people.village), id, ids.village);
  await rejects(acknowledge(as(people.village2), id, ids.village), "error.403");
  await rejects(
    reportDissemination(as(people.village), id, ids.village, {
      on: "2026-03-09",
      form: "village_meeting",
      households: 80,
    }),
    "directives.error.future",
  );
  await reportDissemination(as(people.village), id, ids.village, {
    on: "2026-03-03",
    form: "village_meeting",
    households: 80,
  });
  // a corrected report replaces the households, not adds to them
  await reportDissemination(as(people.village), id, ids.village, {
    on: "2026-03-03",
    form: "village_meeting",
    households: 85,
  });
  // reporting dissemination also acknowledges
  await reportDissemination(as(people.village2), id, ids.village2, {
    on: "2026-03-03",
    form: "loudspeaker",
    households: 40,
  });
  await recordResponse(as(people.village), id, ids.village, {
    agree: 70,
    disagree: 5,
    opinions: "Đề nghị hỗ trợ kinh phí tuần tra rừng\nCần thêm biển cấm đốt lửa ở cửa rừng",
  });
  // the same form sent again (a retry) adds no opinion twice
  await recordResponse(as(people.village), id, ids.village, {
    agree: 70,
    disagree: 5,
    opinions: "Đề nghị hỗ trợ kinh phí tuần tra rừng",
  });
  const province = await unitRef(db.pool, ids.province);
  const cov = await coverageBelow(db.pool, id, province ?? null, null);
  assert.deepEqual(
    {
      villages: cov.total.villages,
      ack: cov.total.acknowledged,
      dis: cov.total.disseminated,
      hh: cov.total.households,
    },
    { villages: 3, ack: 2, dis: 2, hh: 125 },
  );
  assert.deepEqual([cov.total.agree, cov.total.disagree, cov.total.opinions], [70, 5, 2]);
  const tienYen = cov.rows.find((r) => r.unit_id === ids.commune);
  assert.deepEqual([tienYen?.villages, tienYen?.acknowledged, tienYen?.disseminated], [2, 2, 2]);
  // the counters agree with the deliveries themselves
  assert.equal(
    await count(
      "SELECT count(*) AS n FROM directive_deliveries WHERE directive_id = $1 AND acknowledged_at IS NOT NULL",
      [id],
    ),
    cov.total.acknowledged,
  );

  const hits = await searchOpinions(db.pool, id, normalizeForSearch("bien cam dot lua"), null, 1);
  assert.equal(hits.rows.length, 1);
  assert.match(hits.rows[0]?.text ?? "", /biển cấm đốt lửa/);
  // a commune officer of the other commune finds none of Tiên Yên's opinions
  const otherScope = (await unitRef(db.pool, ids.otherCommune))?.path ?? "";
  assert.equal((await searchOpinions(db.pool, id, "", [otherScope], 1)).rows.length, 0);

  const opinionId = hits.rows[0]?.id ?? 0;
  await rejects(opinionToPetition(as(people.village2), opinionId, "x"), "error.403");
  const p1 = await opinionToPetition(as(people.village), opinionId, "Ý kiến cử tri về văn bản 12/CT-UBND");
  const p2 = await opinionToPetition(as(people.village), opinionId, "Ý kiến cử tri về văn bản 12/CT-UBND");
  assert.equal(p2.petitionId, p1.petitionId, "a second click gives the same petition");
  const petition = await db.pool.query<{ body: string; village_id: number; state: string }>(
    "SELECT body, village_id, state FROM petitions WHERE id = $1",
    [p1.petitionId],
  );
  assert.equal(petition.rows[0]?.state, "submitted");
  assert.equal(Number(petition.rows[0]?.village_id), ids.village);
  assert.match(petition.rows[0]?.body ?? "", /biển cấm/);
});

test("reminders before and after each deadline, once per delivery; overdue villages listed; chasing", async () => {
  const { people, ids, clock } = w;
  const d = (await listDirectives(db.pool, people.leader, 1)).items.find(
    (x) => x.doc_number === "12/CT-UBND",
  );
  assert.ok(d);
  // 4 March: the acknowledgement (due 5 March) is due soon for Đồng Cầu, the only village that has not acknowledged
  clock.set(new Date("2026-03-04T09:00:00+07:00"));
  await sendReminders(db.pool, clock.now());
  await sendReminders(db.pool, clock.now());
  assert.equal(await outboxFor(people.otherVillage.id, "directive_ack_soon"), 1);
  assert.equal(await outboxFor(people.village.id, "directive_ack_soon"), 0);
  // 6 March: overdue
  clock.set(new Date("2026-03-06T00:30:00+07:00"));
  await sendReminders(db.pool, clock.now());
  await sendReminders(db.pool, clock.now());
  assert.equal(await outboxFor(people.otherVillage.id, "directive_ack_overdue"), 1);
  assert.equal(await outboxFor(people.village.id, "directive_ack_overdue"), 0);
  const late = await overdueVillages(db.pool, d.id, clock.now(), null, null);
  assert.deepEqual(
    late.rows.map((r) => r.name),
    ["Thôn Đồng Cầu"],
  );
  const province = await unitRef(db.pool, ids.province);
  assert.equal((await overdueVillages(db.pool, d.id, clock.now(), province ?? null, null)).rows.length, 1);
  const otherCommune = await unitRef(db.pool, ids.otherCommune);
  const tienYenOnly = await overdueVillages(db.pool, d.id, clock.now(), null, [
    (await unitRef(db.pool, ids.commune))?.path ?? "",
  ]);
  assert.equal(tienYenOnly.rows.length, 0, "a Tiên Yên officer sees none of Hải Lạng's late villages");
  assert.equal(await chaseVillages(db.pool, d.id, otherCommune?.id ?? 0, clock.now()), 1);
  assert.equal(await chaseVillages(db.pool, d.id, otherCommune?.id ?? 0, clock.now()), 0, "once a day");
});

test("a correction is a new version that notifies again; revocation ends reporting", async () => {
  const { people, ids, as, clock } = w;
  const d = (await listDirectives(db.pool, people.leader, 1)).items.find(
    (x) => x.doc_number === "12/CT-UBND",
  );
  assert.ok(d);
  await rejects(correctDirective(as(people.coordinator), d.id, w.draft([]), "x"), "error.403");
  const r = await correctDirective(
    as(people.leader),
    d.id,
    w.draft([], { title: "Về tăng cường phòng chống cháy rừng mùa khô (đính chính)" }),
    "Sửa trích yếu",
  );
  assert.equal(r.version, 2);
  const versions = await versionsOf(db.pool, d.id);
  assert.deepEqual(
    versions.map((v) => v.version),
    [2, 1],
  );
  assert.match(String(versions[1]?.content.title), /mùa khô$/, "the first version is kept as it was");
  const jobs = await db.pool.query<{ payload: unknown }>(
    "SELECT payload FROM outbox WHERE topic = 'directives.notify' AND payload->>'kind' = 'corrected'",
  );
  await writeNotices(db.pool, jobs.rows[0]?.payload);
  assert.equal(await outboxFor(people.village.id, "directive_corrected"), 1);
  assert.equal((await getDirective(db.pool, d.id))?.villages, 3, "no village delivered twice");
  await revokeDirective(as(people.leader), d.id, "Đã có văn bản thay thế");
  clock.set(new Date("2026-03-07T09:00:00+07:00"));
  await rejects(
    acknowledge(as(people.otherVillage), d.id, ids.otherVillage),
    "directives.error.notPublished",
  );
});

test("a correction that adds a commune reaches its villages once and adds them to the counters", async () => {
  const { people, ids, as } = w;
  const draft = w.draft([ids.otherCommune], { docNumber: "14/CT-UBND" });
  const { id } = await createDirective(as(people.leader), draft);
  await approveDirective(as(people.leader), id);
  assert.equal((await publishDirective(as(people.leader), id)).villages, 1);
  await acknowledge(as(people.otherVillage), id, ids.otherVillage);
  await correctDirective(as(people.leader), id, { ...draft, targetUnitIds: [ids.commune] }, "Thêm xã");
  await correctDirective(as(people.leader), id, { ...draft, targetUnitIds: [ids.province] }, "Cả tỉnh");
  assert.equal((await getDirective(db.pool, id))?.villages, 3);
  const counters = await db.pool.query<{ commune_id: string; villages: number; acknowledged: number }>(
    "SELECT commune_id, villages, acknowledged FROM directive_commune_stats WHERE directive_id = $1 ORDER BY commune_id",
    [id],
  );
  assert.deepEqual(
    counters.rows.map((r) => [Number(r.commune_id), r.villages, r.acknowledged]),
    [
      [ids.commune, 2, 0],
      [ids.otherCommune, 1, 1],
    ].sort((a, b) => Number(a[0]) - Number(b[0])),
  );
  assert.equal(
    await count("SELECT count(*) AS n FROM directive_deliveries WHERE directive_id = $1", [id]),
    3,
  );
  const inbox = await villageInbox(db.pool, people.village, w.clock.now(), 1);
  assert.ok(inbox.items.some((i) => i.directive_id === id));
});
