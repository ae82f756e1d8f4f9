import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { verifyAudit } from "../../platform/audit/audit.ts";
import { CommandError } from "../../platform/commands.ts";
import type { Database } from "../../platform/db/database.ts";
import { openTestDatabase } from "../../platform/db/testing.ts";
import { closeCentralReport, recordCentralReply } from "./commands/central.ts";
import {
  answerPetition,
  confirmAnswer,
  decideExtension,
  escalatePetition,
  handBackPetition,
  receivePetition,
  redirectPetition,
  requestExtension,
  resubmitPetition,
  returnPetition,
  routePetition,
  startPetition,
} from "./commands/steps.ts";
import { type PetitionInput, submitPetition } from "./commands/submitPetition.ts";
import { getPetition } from "./queries/getPetition.ts";
import { listPetitions } from "./queries/listPetitions.ts";
import { sweepAutoClose, sweepOverdue } from "./sweeps.ts";
import { petitionWorld } from "./testkit.ts";

let db: Database;
let w: Awaited<ReturnType<typeof petitionWorld>>;

before(async () => {
  db = await openTestDatabase();
  w = await petitionWorld(db);
});
after(async () => {
  await db.close();
});

const input = (over: Partial<PetitionInput> = {}): PetitionInput => ({
  villageId: w.ids.village,
  kind: "recommendation",
  categoryCode: "giao_thong",
  title: "Đường liên thôn Khe Tâm sạt lở",
  body: "Sau mưa lớn, tuyến đường liên thôn bị sạt lở taluy, xe máy không qua được, học sinh phải đi vòng xa.",
  urgency: "pressing",
  households: 120,
  residents: { names: "Nông Văn Dân", phones: "0987000111", consent: true },
  photos: [
    { bytes: Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, ...new Array(40).fill(1)]), name: "sat-lo.jpg" },
  ],
  ...over,
});

const rejects = async (p: Promise<unknown>, status: number, key?: string) => {
  await assert.rejects(p, (err: unknown) => {
    assert.ok(err instanceof CommandError, String(err));
    assert.equal(err.status, status, err.messageKey);
    if (key) assert.equal(err.messageKey, key);
    return true;
  });
};

test("submit → receive → route → start → answer → confirm, with a timeline of every step", async () => {
  const { people: p, as, ids } = w;
  const s = await submitPetition(as(p.village), input(), { idempotencyKey: "k-1" });
  assert.match(s.code, /^KN-2026-\d{6}$/);
  const again = await submitPetition(as(p.village), input(), { idempotencyKey: "k-1" });
  assert.deepEqual(
    again,
    { id: s.id, code: s.code, replayed: true },
    "a retried submission returns the same petition",
  );
  assert.equal(
    s.view,
    undefined,
    "with photos, the caller reads the filing back (its files are in the view)",
  );
  await receivePetition(as(p.commune), s.id, {
    kind: "recommendation",
    categoryCode: "giao_thong",
    urgency: "pressing",
    level: "province",
  });
  const routed = await routePetition(as(p.coordinator), s.id, ids.agency, "Đề nghị Sở kiểm tra, khắc phục");
  assert.equal(routed.state, "assigned");
  assert.ok(routed.deadline_at && routed.deadline_at > w.clock.now());
  await startPetition(as(p.agency), s.id);
  await answerPetition(as(p.agency), s.id, {
    text: "Sở đã bố trí kinh phí khắc phục sạt lở, thi công xong trước 30/4.",
    publish: true,
    files: [{ bytes: Buffer.from("%PDF-1.4 evidence document"), name: "bien-ban.pdf" }],
  });
  const closed = await confirmAnswer(as(p.village), s.id, true, null);
  assert.equal(closed.state, "closed");
  const view = await getPetition(db.pool, p.village, s.id);
  assert.ok(view);
  assert.deepEqual(
    view.timeline.map((e) => e.action),
    ["submit", "receive", "route", "start", "answer", "confirm"],
  );
  assert.equal(view.petition.answered_on_time, true);
  assert.equal(view.attachments.filter((a) => a.purpose === "evidence").length, 1);
  assert.equal(view.residents?.names, "Nông Văn Dân");
  const count = await db.pool.query<{ n: number }>(
    "SELECT count(*)::int n FROM petitions WHERE idempotency_key = 'k-1'",
  );
  assert.equal(count.rows[0]?.n, 1);
});

test("residents' personal data: the village head and commune officer see it; coordinator, agency and leader do not", async () => {
  const { people: p, as } = w;
  const s = await submitPetition(as(p.village), input({ title: "Nước sinh hoạt nhiễm bẩn" }));
  assert.ok((await getPetition(db.pool, p.commune, s.id))?.residents);
  for (const who of [p.coordinator, p.leader, p.admin]) {
    const v = await getPetition(db.pool, who, s.id);
    assert.ok(v, "may see the petition");
    assert.equal(v.residents, null, `${who.username} must not see residents`);
  }
  assert.equal(await getPetition(db.pool, p.otherVillage, s.id), null, "another village's head sees nothing");
  assert.equal(await getPetition(db.pool, p.otherCommune, s.id), null);
  assert.equal(await getPetition(db.pool, p.agency, s.id), null, "the agency sees it only once it is theirs");
});

test("steps in the wrong state are 409, by the wrong person 403", async () => {
  const { people: p, as, ids } = w;
  const s = await submitPetition(as(p.village), input({ title: "Đèn đường hỏng" }));
  await rejects(
    answerPetition(as(p.agency), s.id, { text: "Đã sửa xong đèn đường rồi nhé.", publish: false }),
    403,
  );
  await rejects(
    routePetition(as(p.coordinator), s.id, ids.agency, null),
    409,
    "petitions.error.notAllowedNow",
  );
  await rejects(
    receivePetition(as(p.otherCommune), s.id, {
      kind: "report",
      categoryCode: null,
      urgency: "normal",
      level: "commune",
    }),
    403,
  );
  await rejects(submitPetition(as(p.village), input({ villageId: ids.otherVillage })), 403);
  await receivePetition(as(p.commune), s.id, {
    kind: "report",
    categoryCode: "dien_nuoc",
    urgency: "normal",
    level: "commune",
  });
  await rejects(
    receivePetition(as(p.commune), s.id, {
      kind: "report",
      categoryCode: null,
      urgency: "normal",
      level: "commune",
    }),
    409,
  );
  const stale = (await getPetition(db.pool, p.commune, s.id))?.petition.version ?? 0;
  await routePetition(as(p.commune), s.id, ids.agency, null, stale);
  await rejects(
    routePetition(as(p.coordinator), s.id, ids.otherAgency, null, stale),
    409,
    "petitions.error.stale",
  );
});

test("return and resubmit; hand back; reopen; extension approved moves the deadline", async () => {
  const { people: p, as, ids } = w;
  const s = await submitPetition(as(p.village), input({ title: "Thiếu thông tin" }));
  await receivePetition(as(p.commune), s.id, {
    kind: "recommendation",
    categoryCode: "giao_thong",
    urgency: "normal",
    level: "province",
  });
  await returnPetition(as(p.commune), s.id, "Bổ sung vị trí cụ thể");
  await rejects(
    resubmitPetition(as(p.otherVillage), s.id, { title: "x", body: "y", households: 1, categoryCode: null }),
    403,
  );
  const re = await resubmitPetition(as(p.village), s.id, {
    title: "Đường sạt lở tại km3",
    body: "Vị trí km3 đường liên thôn",
    households: 80,
    categoryCode: "giao_thong",
  });
  assert.equal(re.state, "submitted");
  await receivePetition(as(p.commune), s.id, {
    kind: "recommendation",
    categoryCode: "giao_thong",
    urgency: "normal",
    level: "province",
  });
  await routePetition(as(p.coordinator), s.id, ids.otherAgency, null);
  await handBackPetition(as(p.otherAgency), s.id, "Không thuộc lĩnh vực xây dựng");
  const back = await getPetition(db.pool, p.coordinator, s.id);
  assert.equal(back?.petition.state, "received");
  assert.equal(back?.petition.hand_backs, 1);
  assert.ok(await getPetition(db.pool, p.otherAgency, s.id), "a former holder still reads what it held");
  const routed = await routePetition(as(p.coordinator), s.id, ids.agency, null);
  await requestExtension(as(p.agency), s.id, 5, "Chờ khảo sát hiện trường");
  await rejects(requestExtension(as(p.agency), s.id, 5, "lần nữa"), 409, "petitions.error.extensionPending");
  const req = (await getPetition(db.pool, p.coordinator, s.id))?.pendingExtension;
  assert.ok(req);
  await assert.rejects(decideExtension(as(p.agency), req.id, true, null));
  const { deadline } = await decideExtension(as(p.coordinator), req.id, true, "Đồng ý");
  assert.ok(deadline && routed.deadline_at && deadline > routed.deadline_at);
  await answerPetition(as(p.agency), s.id, {
    text: "Đã khảo sát, sẽ khắc phục trong quý II.",
    publish: false,
  });
  await rejects(confirmAnswer(as(p.village), s.id, false, ""), 422, "petitions.error.reasonRequired");
  const reopened = await confirmAnswer(as(p.village), s.id, false, "Chưa có thời gian cụ thể");
  assert.equal(reopened.state, "reopened");
});

test("complaints are redirected with their legal clock, never routed", async () => {
  const { people: p, as, ids } = w;
  const s = await submitPetition(as(p.village), input({ title: "Khiếu nại quyết định thu hồi đất" }));
  await receivePetition(as(p.commune), s.id, {
    kind: "complaint",
    categoryCode: "dat_dai",
    urgency: "normal",
    level: "province",
  });
  await rejects(
    routePetition(as(p.coordinator), s.id, ids.agency, null),
    409,
    "petitions.error.statutoryMustRedirect",
  );
  await redirectPetition(as(p.commune), s.id, "complaint", "Hướng dẫn gửi đơn theo Luật Khiếu nại");
  const v = await getPetition(db.pool, p.village, s.id);
  assert.equal(v?.petition.state, "redirected");
  assert.ok(v?.petition.redirect_due_at);
});

test("central competence: escalate → close the period → central reply → village confirms", async () => {
  const { people: p, as, ids } = w;
  const s = await submitPetition(as(p.village), input({ title: "Sửa quy định hỗ trợ tái định cư" }));
  await receivePetition(as(p.coordinator), s.id, {
    kind: "recommendation",
    categoryCode: "dat_dai",
    urgency: "normal",
    level: "central",
  });
  await rejects(escalatePetition(as(p.commune), s.id, ids.central, null), 403);
  await rejects(
    escalatePetition(as(p.coordinator), s.id, ids.agency, null),
    422,
    "petitions.error.centralAgencyRequired",
  );
  const e = await escalatePetition(as(p.coordinator), s.id, ids.central, "Thuộc thẩm quyền Bộ");
  assert.equal(e.state, "escalated_central");
  const reportId = (await getPetition(db.pool, p.coordinator, s.id))?.petition.central_report_id;
  assert.ok(reportId);
  assert.equal(await closeCentralReport(as(p.coordinator), reportId), 1);
  assert.equal((await getPetition(db.pool, p.coordinator, s.id))?.petition.state, "in_central_report");
  await recordCentralReply(as(p.coordinator), [s.id], {
    text: "Bộ sẽ nghiên cứu sửa đổi trong năm 2027.",
    reference: "CV 123/BNNMT",
  });
  const done = await confirmAnswer(as(p.village), s.id, true, null);
  assert.equal(done.state, "closed");
});

test("the sweeps: overdue marked once and notified; unanswered confirmations close by themselves", async () => {
  const { people: p, as, ids, clock } = w;
  const s = await submitPetition(as(p.village), input({ title: "Cống thoát nước tắc", urgency: "urgent" }));
  await receivePetition(as(p.commune), s.id, {
    kind: "report",
    categoryCode: "giao_thong",
    urgency: "urgent",
    level: "commune",
  });
  await routePetition(as(p.commune), s.id, ids.agency, null);
  clock.advance(5 * 24 * 3600_000);
  const first = await sweepOverdue({ pool: db.pool, clock });
  assert.ok(first.marked >= 1);
  const second = await sweepOverdue({ pool: db.pool, clock });
  assert.equal(second.marked, 0, "marked once");
  const notices = await db.pool.query<{ n: number }>(
    "SELECT count(*)::int n FROM outbox WHERE topic = 'notifications.deliver' AND payload->>'kind' = 'petition_overdue' AND payload->>'userId' = $1",
    [String(p.agency.id)],
  );
  assert.ok((notices.rows[0]?.n ?? 0) >= 1);
  const overdueList = await listPetitions(db.pool, p.agency, { overdue: true }, clock.now());
  assert.ok(overdueList.items.some((i) => i.id === s.id));
  await answerPetition(as(p.agency), s.id, { text: "Đã nạo vét cống thoát nước xong.", publish: true });
  assert.equal((await getPetition(db.pool, p.agency, s.id))?.petition.answered_on_time, false);
  clock.advance(11 * 24 * 3600_000);
  assert.ok((await sweepAutoClose({ pool: db.pool, clock })) >= 1);
  assert.equal((await getPetition(db.pool, p.village, s.id))?.petition.state, "closed");
});

test("lists: scope by grant, search without diacritics and with abbreviations, keyset pages", async () => {
  const { people: p, as, clock } = w;
  await submitPetition(
    as(p.village2),
    input({
      villageId: w.ids.village2,
      title: "Cấp GCN QSDĐ cho hộ dân tái định cư",
      body: "Nhiều hộ chưa được cấp giấy chứng nhận quyền sử dụng đất.",
    }),
  );
  const found = await listPetitions(
    db.pool,
    p.commune,
    { q: "giay chung nhan quyen su dung dat" },
    clock.now(),
  );
  assert.ok(
    found.items.some((i) => i.title.startsWith("Cấp GCN")),
    "folded words find the abbreviation",
  );
  const found2 = await listPetitions(db.pool, p.commune, { q: "gcn qsdd" }, clock.now());
  assert.ok(found2.items.some((i) => i.title.startsWith("Cấp GCN")));
  const mine = await listPetitions(db.pool, p.village2, {}, clock.now());
  assert.ok(mine.items.length >= 1 && mine.items.every((i) => i.village_name.includes("Nà Làng")));
  assert.equal((await listPetitions(db.pool, p.otherCommune, {}, clock.now())).items.length, 0);
  const page1 = await listPetitions(db.pool, p.coordinator, {}, clock.now(), { limit: 2 });
  assert.equal(page1.items.length, 2);
  assert.ok(page1.next);
  const page2 = await listPetitions(db.pool, p.coordinator, {}, clock.now(), { limit: 2, after: page1.next });
  assert.ok(page2.items.every((i) => !page1.items.some((j) => j.id === i.id)));
  assert.ok((page2.items[0]?.id ?? 0) < (page1.items[1]?.id ?? 0));
});

test("every step left an intact audit chain", async () => {
  const r = await verifyAudit(db.pool);
  assert.equal(r.ok, true);
});
