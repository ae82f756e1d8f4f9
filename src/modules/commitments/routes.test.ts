import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { openTestApp, type TestApp } from "../../../test/support/app.ts";
import { Browser, textOf } from "../../../test/support/http.ts";
import { createCommitment } from "./commands/createCommitment.ts";

let t: TestApp;
let agencyId: number;
let otherAgencyId: number;
let officer: Browser;
let otherOfficer: Browser;
let coordinator: Browser;
let communeOfficer: Browser;
let villageHead: Browser;
let commitmentId: number;
let dialogueId: number;

const PNG = Uint8Array.from([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82, 9, 9, 9,
]);

const idOf = async (sql: string, params: unknown[]) =>
  Number((await t.database.pool.query<{ id: string }>(sql, params)).rows[0]?.id);

before(async () => {
  t = await openTestApp();
  agencyId = await idOf("SELECT id FROM agencies WHERE code = 'SNNMT-22'", []);
  otherAgencyId = await idOf("SELECT id FROM agencies WHERE code = 'SXD-22'", []);
  const province = await t.unitId("province", "22");
  const commune = await t.unitId("commune", "06862");
  officer = await t.userWith("r-agency", { role: "agency_officer", agencyId });
  otherOfficer = await t.userWith("r-other-agency", { role: "agency_officer", agencyId: otherAgencyId });
  coordinator = await t.userWith("r-coordinator", { role: "coordinator", unitId: province });
  communeOfficer = await t.userWith("r-commune", { role: "commune_officer", unitId: commune });
  villageHead = await t.userWith("r-village-head", { role: "village_head", unitId: commune });
  // A dialogue row, as the dialogues module writes it, so the public page can show its title.
  dialogueId = await idOf(
    "INSERT INTO dialogues (code, title, starts_at, state) VALUES ('DT-2026-0001', 'Đối thoại với trưởng thôn Tiên Yên', now(), 'closed') RETURNING id",
    [],
  );
  const made = await createCommitment(
    { ...t.ctx, actorId: null },
    { text: "Sửa đường vào bản Khe Tâm", agencyId, deadlineWorkingDays: 10, dialogueId },
  );
  commitmentId = made.id;
});
after(async () => t.close());

test("the agency's officer finds the commitment in 'my commitments' and reports 50% with a photo, then done", async () => {
  const mine = await officer.get("/commitments/mine");
  assert.equal(mine.status, 200);
  assert.match(textOf(mine.html), /Sửa đường vào bản Khe Tâm/);
  assert.match(textOf(mine.html), /Chưa thực hiện/);

  await officer.get(`/commitments/${commitmentId}`);
  const form = new FormData();
  form.append("version", /name="version" value="(\d+)"/.exec(officer.last?.html ?? "")?.[1] ?? "");
  form.append("percent", "50");
  form.append("note", "Đã đổ xong nửa tuyến đường");
  form.append("evidence", new Blob([PNG], { type: "image/png" }), "duong.png");
  const half = await officer.post(`/commitments/${commitmentId}/progress`, form);
  assert.equal(half.status, 200);
  assert.equal(half.url, `/commitments/${commitmentId}?ok=progress`);
  const text = textOf(half.html);
  assert.match(text, /Đã ghi nhận tiến độ/);
  assert.match(text, /Đang thực hiện/);
  assert.match(text, /Báo cáo tiến độ 50%/);
  assert.match(text, /Đã đổ xong nửa tuyến đường/);
  assert.match(half.html, /<progress[^>]*value="50"/);
  const link = /href="(\/commitments\/\d+\/evidence\/[0-9a-f]{64})"/.exec(half.html)?.[1];
  assert.ok(link, "the evidence is linked on the timeline");
  const file = await officer.get(link);
  assert.equal(file.status, 200);
  assert.equal(file.headers.get("content-type"), "image/png");

  const done = await officer.post(`/commitments/${commitmentId}/done`, {
    version: /name="version" value="(\d+)"/.exec(half.html)?.[1] ?? "",
    note: "Đã hoàn thành toàn tuyến",
  });
  assert.equal(done.url, `/commitments/${commitmentId}?ok=done`);
  assert.match(textOf(done.html), /Hoàn thành/);
  assert.match(done.html, /<progress[^>]*value="100"/);
  assert.doesNotMatch(done.html, /action="\/commitments\/\d+\/progress"/, "no more forms once done");
});

test("the public page needs no login, shows progress grouped under the dialogue's title, and no personal data", async () => {
  const anon = new Browser(t.app);
  const pub = await anon.get("/cong-khai/cam-ket");
  assert.equal(pub.status, 200);
  const text = textOf(pub.html);
  assert.match(text, /Sửa đường vào bản Khe Tâm/);
  assert.match(text, /Đối thoại với trưởng thôn Tiên Yên/);
  assert.match(pub.html, new RegExp(`href="/cong-khai/doi-thoai/${dialogueId}"`));
  assert.match(pub.html, /<progress[^>]*value="100"/);
  assert.match(text, /Hoàn thành/);
  // no officer's name, no working note, no evidence file
  assert.doesNotMatch(text, /Người thử/);
  assert.doesNotMatch(text, /Đã đổ xong nửa tuyến đường/);
  assert.doesNotMatch(pub.html, /\/evidence\//);
  // anonymous visitors cannot open the working pages or the evidence
  const detail = await anon.get(`/commitments/${commitmentId}`, { redirect: "manual" });
  assert.equal(detail.status, 303);
  assert.match(detail.location ?? "", /^\/login/);
});

test("public filters by agency and state", async () => {
  await createCommitment(
    { ...t.ctx, actorId: null },
    { text: "Xây nhà văn hóa", agencyId: otherAgencyId, deadlineWorkingDays: 20 },
  );
  const anon = new Browser(t.app);
  const byAgency = textOf((await anon.get(`/cong-khai/cam-ket?agency=${otherAgencyId}`)).html);
  assert.match(byAgency, /Xây nhà văn hóa/);
  assert.doesNotMatch(byAgency, /Sửa đường vào bản Khe Tâm/);
  const byState = textOf((await anon.get("/cong-khai/cam-ket?state=done")).html);
  assert.match(byState, /Sửa đường vào bản Khe Tâm/);
  assert.doesNotMatch(byState, /Xây nhà văn hóa/);
  // nonsense filters are ignored, never a 500
  const junk = await anon.get("/cong-khai/cam-ket?agency=abc&state=%3Cscript%3E");
  assert.equal(junk.status, 200);
});

test("a wrong percent is explained beside the field and what was typed is kept", async () => {
  const { id } = await createCommitment(
    { ...t.ctx, actorId: null },
    { text: "Kè bờ suối", agencyId, deadlineWorkingDays: 10 },
  );
  const pg = await officer.get(`/commitments/${id}`);
  const version = /name="version" value="(\d+)"/.exec(pg.html)?.[1] ?? "";
  const bad = await officer.post(`/commitments/${id}/progress`, {
    version,
    percent: "năm mươi",
    note: "Ghi chú giữ lại",
  });
  assert.equal(bad.status, 422);
  assert.match(bad.html, /id="p-percent-err"[^>]*>Tiến độ là số nguyên từ 0 đến 100/);
  assert.match(bad.html, /Ghi chú giữ lại<\/textarea>/);
  const noProof = await officer.post(`/commitments/${id}/done`, { version, note: "" });
  assert.equal(noProof.status, 422);
  assert.match(textOf(noProof.html), /Ghi kết quả đã làm hoặc gửi minh chứng/);
});

test("only the responsible agency and the coordinator update; commune officers and village heads read; only the coordinator cancels", async () => {
  const { id } = await createCommitment(
    { ...t.ctx, actorId: null },
    { text: "Cấp điện lưới", agencyId, deadlineWorkingDays: 10 },
  );
  const other = await otherOfficer.get(`/commitments/${id}`);
  assert.equal(other.status, 200);
  assert.doesNotMatch(other.html, /action="\/commitments\/\d+\/progress"/);
  const refused = await otherOfficer.post(`/commitments/${id}/progress`, {
    version: "1",
    percent: "30",
    note: "x",
  });
  assert.equal(refused.status, 403);
  for (const reader of [communeOfficer, villageHead]) {
    const seen = await reader.get(`/commitments/${id}`);
    assert.equal(seen.status, 200);
    assert.match(textOf(seen.html), /Cấp điện lưới/);
    assert.doesNotMatch(seen.html, /action="\/commitments\/\d+\/(progress|done|cancel)"/);
    assert.equal(
      (await reader.post(`/commitments/${id}/progress`, { version: "1", percent: "30", note: "x" })).status,
      403,
    );
  }
  assert.match(
    (await villageHead.get("/cong-khai/cam-ket")).html,
    /href="\/cong-khai\/cam-ket"[^>]*>Cam kết công khai/,
  );
  assert.equal(
    (await officer.post(`/commitments/${id}/cancel`, { version: "1", reason: "không làm" })).status,
    403,
  );
  assert.equal((await officer.get("/commitments")).status, 403);
  const page = await coordinator.get(`/commitments/${id}`);
  assert.match(page.html, /action="\/commitments\/\d+\/cancel"/);
  const cancelled = await coordinator.post(`/commitments/${id}/cancel`, {
    version: "1",
    reason: "Trùng với cam kết khác",
  });
  assert.equal(cancelled.url, `/commitments/${id}?ok=cancel`);
  assert.match(textOf(cancelled.html), /Đã hủy vì: Trùng với cam kết khác/);
});

test("the coordinator assigns a commitment through the form; a resubmitted form does not duplicate it", async () => {
  const form = await coordinator.get("/commitments/new");
  assert.equal(form.status, 200);
  const key = /name="idempotencyKey" value="([^"]+)"/.exec(form.html)?.[1] ?? "";
  assert.ok(key);
  const empty = await coordinator.post("/commitments", {
    idempotencyKey: key,
    text: "",
    agencyId: "",
    deadlineWorkingDays: "",
  });
  assert.equal(empty.status, 422);
  assert.match(textOf(empty.html), /Chọn cơ quan thực hiện/);
  const body = {
    idempotencyKey: key,
    text: "Hỗ trợ giống cây trồng",
    agencyId: String(agencyId),
    deadlineWorkingDays: "7",
  };
  const first = await coordinator.post("/commitments", body);
  assert.match(first.url, /^\/commitments\/\d+\?ok=created$/);
  const second = await coordinator.post("/commitments", body);
  assert.equal(second.url, first.url);
  const n = await t.database.pool.query(
    "SELECT count(*)::int AS n FROM commitments WHERE text = 'Hỗ trợ giống cây trồng'",
  );
  assert.equal(n.rows[0].n, 1);
  const all = await coordinator.get(`/commitments?agency=${agencyId}`);
  assert.match(textOf(all.html), /Hỗ trợ giống cây trồng/);
  assert.doesNotMatch(textOf(all.html), /Xây nhà văn hóa/);
});

test("the agency's list puts overdue commitments first", async () => {
  await t.database.pool.query(
    "UPDATE commitments SET state = 'overdue', deadline = now() - interval '3 days' WHERE text = 'Kè bờ suối'",
  );
  const mine = textOf((await officer.get("/commitments/mine")).html);
  const first = mine.indexOf("Kè bờ suối");
  const later = mine.indexOf("Hỗ trợ giống cây trồng");
  assert.ok(first > 0 && later > 0 && first < later, "overdue listed before the others");
});
