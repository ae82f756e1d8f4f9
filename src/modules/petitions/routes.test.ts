import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { Browser, textOf } from "../../../test/support/http.ts";
import { buildApp } from "../../app.ts";
import { createLogger } from "../../logger.ts";
import type { Database } from "../../platform/db/database.ts";
import { openTestDatabase } from "../../platform/db/testing.ts";
import type { App } from "../../platform/http/types.ts";
import { createUser } from "../accounts/commands/manageUsers.ts";
import { petitionWorld } from "./testkit.ts";

const PASSWORD = "mat-khau-1234";
const JPEG = () => new Uint8Array([0xff, 0xd8, 0xff, 0xe0, ...Array.from({ length: 64 }, (_, i) => i)]);
const PDF = () => new TextEncoder().encode("%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n");

let db: Database;
let w: Awaited<ReturnType<typeof petitionWorld>>;
let app: App;
let stop: () => void;

before(async () => {
  db = await openTestDatabase();
  w = await petitionWorld(db);
  const built = buildApp(w.config, db, w.clock, createLogger(w.config));
  app = built.app;
  stop = built.stop;
});
after(async () => {
  stop();
  await db.close();
});

async function as(username: string): Promise<Browser> {
  const b = new Browser(app);
  await b.login(username, PASSWORD);
  return b;
}

/** The fields of the village head's form, as a browser would send them. */
function petitionForm(
  b: Browser,
  fields: Record<string, string> = {},
  files: { photos?: Blob[]; voice?: Blob } = {},
): FormData {
  const html = b.last?.html ?? "";
  const key = /name="idempotency_key" value="([^"]*)"/.exec(html)?.[1] ?? "";
  const village = /name="villageId" value="(\d+)"/.exec(html)?.[1] ?? "";
  const fd = new FormData();
  const all: Record<string, string> = {
    idempotency_key: key,
    villageId: village,
    kind: "recommendation",
    categoryCode: "giao_thong",
    title: "Đường liên thôn Khe Tâm sạt lở",
    body: "Sau mưa lớn, đường liên thôn bị sạt lở taluy, xe máy không qua được, học sinh phải đi vòng xa 5 km.",
    urgency: "pressing",
    households: "120",
    location: "Đoạn từ nhà văn hoá đến cầu tràn",
    residentNames: "",
    residentPhones: "",
    intent: "submit",
    ...fields,
  };
  for (const [k, v] of Object.entries(all)) fd.append(k, v);
  for (const p of files.photos ?? []) fd.append("photos", p, "anh.jpg");
  if (files.voice) fd.append("voice", files.voice, "ghi-am.m4a");
  return fd;
}

const idFrom = (url: string) => Number(/\/petitions\/(\d+)/.exec(url)?.[1]);
const versionOf = (html: string) => /name="version" value="(\d+)"/.exec(html)?.[1] ?? "";
const count = async (sql: string, params: unknown[] = []) =>
  (await db.pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${sql}`, params)).rows[0]?.n ?? -1;

test("the journey: village head files with a photo → commune receives → coordinator routes → agency answers with a PDF → village confirms", async () => {
  const village = await as("t-village");
  const form = await village.get("/petitions/new");
  assert.equal(form.status, 200);
  assert.match(form.html, /enctype="multipart\/form-data"/);
  assert.match(form.html, /type="file" accept="image\/\*" multiple="" capture="environment"/);
  assert.match(form.html, /accept="audio\/\*"/);
  const filed = await village.post(
    "/petitions/new",
    petitionForm(village, {}, { photos: [new Blob([JPEG()], { type: "image/jpeg" })] }),
  );
  assert.equal(filed.status, 200, textOf(filed.html).slice(0, 400));
  const id = idFrom(filed.url);
  assert.ok(id > 0, filed.url);
  assert.match(filed.html, /Đã gửi kiến nghị/);
  assert.match(filed.html, /<img src="\/petitions\/\d+\/files\/\d+"/);

  const mine = await village.get("/petitions/mine");
  assert.equal(mine.status, 200);
  assert.match(mine.html, /Đường liên thôn Khe Tâm sạt lở/);
  assert.match(mine.html, new RegExp(`href="/petitions/${id}"`));
  assert.match(textOf(mine.html), /Đã gửi/);

  const commune = await as("t-commune");
  let page = await commune.get(`/petitions/${id}`);
  assert.match(page.html, new RegExp(`action="/petitions/${id}/actions/receive"`));
  assert.doesNotMatch(page.html, /actions\/answer/, "the commune cannot answer");
  page = await commune.post(`/petitions/${id}/actions/receive`, {
    version: versionOf(page.html),
    kind: "recommendation",
    categoryCode: "giao_thong",
    urgency: "pressing",
    level: "province",
  });
  assert.equal(page.status, 200, textOf(page.html).slice(0, 300));
  assert.match(page.html, /Đã tiếp nhận và phân loại/);

  const coordinator = await as("t-coordinator");
  page = await coordinator.get(`/petitions/${id}`);
  assert.match(page.html, /actions\/route/);
  assert.match(page.html, /\(đề xuất\)/, "the routing rules' proposal is labelled");
  assert.match(page.html, /<optgroup label="Sở, ban, ngành">/);
  page = await coordinator.post(`/petitions/${id}/actions/route`, {
    version: versionOf(page.html),
    agencyId: String(w.ids.agency),
    note: "Đề nghị Sở kiểm tra",
  });
  assert.equal(page.status, 200);
  assert.match(page.html, /Đã chuyển cơ quan giải quyết/);

  // The agency's answer templates prefill the answer without JavaScript.
  const tpl = await db.pool.query<{ id: number }>(
    "INSERT INTO answer_templates (agency_id, title, body) VALUES ($1, 'Đã khắc phục', 'Sở đã bố trí kinh phí khắc phục, thi công xong trước 30/4.') RETURNING id",
    [w.ids.agency],
  );
  const agency = await as("t-agency");
  page = await agency.get(`/petitions/${id}?template=${tpl.rows[0]?.id}`);
  assert.match(page.html, /<textarea[^>]*name="answer"[^>]*>Sở đã bố trí kinh phí khắc phục/);
  assert.doesNotMatch(page.html, /Thông tin hạn chế/);
  const answer = new FormData();
  answer.append("version", versionOf(page.html));
  answer.append(
    "answer",
    "Sở đã bố trí kinh phí khắc phục sạt lở, thi công xong trước 30/4. Liên hệ 0912 345 678.",
  );
  answer.append("publish", "yes");
  answer.append("files", new Blob([PDF()], { type: "application/pdf" }), "bien-ban.pdf");
  page = await agency.post(`/petitions/${id}/actions/answer`, answer);
  assert.equal(page.status, 200, textOf(page.html).slice(0, 300));
  assert.match(page.html, /bien-ban\.pdf/);

  page = await village.get(`/petitions/${id}`);
  assert.match(page.html, /actions\/confirm/);
  page = await village.post(`/petitions/${id}/actions/confirm`, {
    version: versionOf(page.html),
    satisfied: "yes",
    reason: "",
  });
  assert.equal(page.status, 200);
  assert.match(page.html, /Kiến nghị đã kết thúc/);
  const text = textOf(page.html);
  for (const step of [
    "Gửi kiến nghị",
    "Tiếp nhận, phân loại",
    "Chuyển cơ quan giải quyết",
    "Trả lời",
    "Hài lòng với câu trả lời",
  ]) {
    assert.ok(text.includes(step), `timeline shows ${step}`);
  }
  assert.match(page.html, /class="event current" aria-current="step"/);

  // The evidence streams with its stored type, inline, never sniffed by the browser.
  const pdf = await db.pool.query<{ id: number }>(
    "SELECT id FROM petition_attachments WHERE petition_id = $1 AND purpose = 'evidence'",
    [id],
  );
  const file = await village.get(`/petitions/${id}/files/${pdf.rows[0]?.id}`);
  assert.equal(file.status, 200);
  assert.equal(file.headers.get("content-type"), "application/pdf");
  assert.match(file.headers.get("content-disposition") ?? "", /^inline; filename\*=UTF-8''bien-ban\.pdf$/);
  assert.equal(file.headers.get("x-content-type-options"), "nosniff");
});

test("a retried POST with the same idempotency_key files one petition and lands on it", async () => {
  const village = await as("t-village");
  await village.get("/petitions/new");
  const key = /name="idempotency_key" value="([^"]+)"/.exec(village.last?.html ?? "")?.[1];
  assert.ok(key);
  const fields = { title: "Mất điện kéo dài ở xóm Trong" };
  const first = await village.post("/petitions/new", petitionForm(village, fields));
  await village.get("/petitions/new"); // a fresh page, but the phone resends the old form
  const again = petitionForm(village, { ...fields, idempotency_key: key });
  const second = await village.post("/petitions/new", again);
  assert.equal(idFrom(first.url), idFrom(second.url));
  assert.equal(await count("petitions WHERE idempotency_key = $1", [key]), 1);
});

test("another village's head gets 404 on the detail and on its file; so does a stranger's guess", async () => {
  const { rows } = await db.pool.query<{ id: number; petition_id: number }>(
    "SELECT a.id, a.petition_id FROM petition_attachments a JOIN petitions p ON p.id = a.petition_id WHERE p.village_id = $1 AND a.purpose = 'submission' LIMIT 1",
    [w.ids.village],
  );
  const att = rows[0];
  assert.ok(att);
  for (const who of ["t-other-village", "t-village2", "t-other-commune"]) {
    const b = await as(who);
    const detail = await b.get(`/petitions/${att.petition_id}`);
    assert.equal(detail.status, 404, who);
    const missing = await b.get("/petitions/999999");
    assert.equal(missing.status, 404);
    assert.equal(
      textOf(detail.html).replace(/Mã tham chiếu.*$/, ""),
      textOf(missing.html).replace(/Mã tham chiếu.*$/, ""),
      "no existence leak",
    );
    assert.equal((await b.get(`/petitions/${att.petition_id}/files/${att.id}`)).status, 404, `${who} file`);
    const post = await b.post(`/petitions/${att.petition_id}/actions/receive`, {
      version: "1",
      kind: "report",
      urgency: "normal",
      level: "commune",
      categoryCode: "",
    });
    assert.equal(post.status, 404);
  }
  const village = await as("t-village");
  assert.equal((await village.get(`/petitions/${att.petition_id}/files/999999`)).status, 404);
});

test("an HTML file renamed .jpg is refused in Vietnamese, everything typed is kept, nothing is created", async () => {
  const village = await as("t-village");
  await village.get("/petitions/new");
  const before = await count("petitions");
  const html = new Blob(["<!doctype html><html><script>alert(1)</script></html>"], { type: "image/jpeg" });
  const res = await village.post(
    "/petitions/new",
    petitionForm(village, { title: "Ảnh giả mạo" }, { photos: [html] }),
  );
  assert.equal(res.status, 422);
  assert.match(res.html, /Loại tệp không được chấp nhận/);
  assert.match(res.html, /value="Ảnh giả mạo"/);
  assert.match(res.html, /vui lòng chọn lại/i);
  assert.equal(await count("petitions"), before);
  const audio = await village.post(
    "/petitions/new",
    petitionForm(village, {}, { voice: new Blob([JPEG()], { type: "audio/mp4" }) }),
  );
  assert.equal(audio.status, 422, "a photo is not a voice note");
  assert.equal(await count("petitions"), before);
});

test("a stale form (someone acted first) is 409 with a message; a step not allowed now is 409 too", async () => {
  const village = await as("t-village");
  await village.get("/petitions/new");
  const filed = await village.post("/petitions/new", petitionForm(village, { title: "Nước sinh hoạt đục" }));
  const id = idFrom(filed.url);
  const commune = await as("t-commune");
  const coordinator = await as("t-coordinator");
  const seen = await coordinator.get(`/petitions/${id}`);
  const stale = versionOf(seen.html);
  const page = await commune.get(`/petitions/${id}`);
  await commune.post(`/petitions/${id}/actions/receive`, {
    version: versionOf(page.html),
    kind: "report",
    categoryCode: "dien_nuoc",
    urgency: "normal",
    level: "commune",
  });
  const late = await coordinator.post(`/petitions/${id}/actions/return`, {
    version: stale,
    reason: "Bổ sung ảnh",
  });
  assert.equal(late.status, 409);
  assert.match(late.html, /Người khác vừa cập nhật kiến nghị này/);
  assert.match(late.html, /value="Bổ sung ảnh"|>Bổ sung ảnh</, "what was typed is kept");
  const twice = await coordinator.post(`/petitions/${id}/actions/receive`, {
    version: stale,
    kind: "report",
    categoryCode: "",
    urgency: "normal",
    level: "commune",
  });
  assert.equal(twice.status, 409);
  const noVersion = await coordinator.post(`/petitions/${id}/actions/return`, { reason: "x" });
  assert.equal(noVersion.status, 409);
  const fresh = await coordinator.get(`/petitions/${id}`);
  const empty = await coordinator.post(`/petitions/${id}/actions/return`, {
    version: versionOf(fresh.html),
    reason: "  ",
  });
  assert.equal(empty.status, 422);
  assert.match(empty.html, /id="a-return-reason-err"/, "the error is beside its field");
});

test("return → the village head edits and resubmits; drafts are listed first with «tiếp tục»; extension approved", async () => {
  const village = await as("t-village");
  await village.get("/petitions/new");
  const draft = await village.post(
    "/petitions/new",
    petitionForm(village, { title: "Bản nháp: cống thoát nước", body: "", households: "", intent: "draft" }),
  );
  assert.equal(draft.status, 200, textOf(draft.html).slice(0, 300));
  assert.match(draft.html, /Đã lưu nháp/);
  const draftId = idFrom(draft.url);
  const mine = await village.get("/petitions/mine");
  const text = textOf(mine.html);
  assert.ok(text.indexOf("Bản nháp: cống thoát nước") < text.indexOf("Đã gửi"), "drafts first");
  assert.match(mine.html, /Tiếp tục/);
  assert.equal(
    (await (await as("t-commune")).get(`/petitions/${draftId}`)).status,
    404,
    "a draft is the village's own",
  );
  const d = await village.get(`/petitions/${draftId}`);
  const sent = await village.post(`/petitions/${draftId}/actions/submit`, {
    version: versionOf(d.html),
    title: "Cống thoát nước tắc",
    body: "Cống thoát nước đầu thôn bị tắc, nước tràn vào nhà dân khi mưa.",
    households: "30",
    location: "",
    categoryCode: "do_thi_ha_tang",
  });
  assert.equal(sent.status, 200, textOf(sent.html).slice(0, 300));
  assert.match(textOf(sent.html), /Đã gửi kiến nghị/);

  const commune = await as("t-commune");
  let page = await commune.get(`/petitions/${draftId}`);
  page = await commune.post(`/petitions/${draftId}/actions/receive`, {
    version: versionOf(page.html),
    kind: "report",
    categoryCode: "do_thi_ha_tang",
    urgency: "normal",
    level: "commune",
  });
  page = await commune.post(`/petitions/${draftId}/actions/return`, {
    version: versionOf(page.html),
    reason: "Bổ sung vị trí cống",
  });
  assert.match(page.html, /Đã trả lại thôn/);
  page = await village.get(`/petitions/${draftId}`);
  assert.match(page.html, /Xã đề nghị bổ sung/);
  assert.match(page.html, /Sửa và gửi lại/);
  page = await village.post(`/petitions/${draftId}/actions/submit`, {
    version: versionOf(page.html),
    title: "Cống thoát nước tắc",
    body: "Cống thoát nước đầu thôn (cạnh nhà văn hoá) bị tắc.",
    households: "abc",
    location: "Cạnh nhà văn hoá",
    categoryCode: "do_thi_ha_tang",
  });
  assert.equal(page.status, 422);
  assert.match(page.html, /Số hộ là một số nguyên/);
  assert.match(page.html, /value="Cạnh nhà văn hoá"/);
  page = await village.post(`/petitions/${draftId}/actions/submit`, {
    version: versionOf(page.html),
    title: "Cống thoát nước tắc",
    body: "Cống thoát nước đầu thôn (cạnh nhà văn hoá) bị tắc.",
    households: "30",
    location: "Cạnh nhà văn hoá",
    categoryCode: "do_thi_ha_tang",
  });
  assert.equal(page.status, 200);

  page = await commune.get(`/petitions/${draftId}`);
  page = await commune.post(`/petitions/${draftId}/actions/receive`, {
    version: versionOf(page.html),
    kind: "report",
    categoryCode: "do_thi_ha_tang",
    urgency: "normal",
    level: "commune",
  });
  page = await commune.post(`/petitions/${draftId}/actions/route`, {
    version: versionOf(page.html),
    agencyId: String(w.ids.agency),
    note: "",
  });
  const agency = await as("t-agency");
  page = await agency.get(`/petitions/${draftId}`);
  page = await agency.post(`/petitions/${draftId}/actions/extend`, {
    version: versionOf(page.html),
    workingDays: "45",
    reason: "Khảo sát",
  });
  assert.equal(page.status, 422);
  assert.match(page.html, /từ 1 đến 30 ngày/);
  page = await agency.post(`/petitions/${draftId}/actions/extend`, {
    version: versionOf(page.html),
    workingDays: "5",
    reason: "Chờ khảo sát hiện trường",
  });
  assert.match(page.html, /Đã gửi đề nghị gia hạn/);
  assert.match(page.html, /Đang chờ điều phối viên quyết định/);
  const coordinator = await as("t-coordinator");
  page = await coordinator.get(`/petitions/${draftId}`);
  const req = /action="\/petitions\/\d+\/extension\/(\d+)"/.exec(page.html)?.[1];
  assert.ok(req, "the coordinator sees the decision form");
  page = await coordinator.post(`/petitions/${draftId}/extension/${req}`, { decision: "" });
  assert.equal(page.status, 422);
  page = await coordinator.post(`/petitions/${draftId}/extension/${req}`, {
    decision: "approve",
    note: "Đồng ý",
  });
  assert.match(page.html, /Đã đồng ý gia hạn/);
  page = await coordinator.post(`/petitions/${draftId}/extension/${req}`, { decision: "approve", note: "" });
  assert.equal(page.status, 409, "decided once");
  // Past its deadline: flagged in words on the village's list and on the detail.
  await db.pool.query("UPDATE petitions SET deadline_at = $2 WHERE id = $1", [
    draftId,
    new Date(w.clock.now().getTime() - 86_400_000),
  ]);
  const late = await village.get("/petitions/mine");
  assert.match(late.html, /class="petition-card late-card"/);
  assert.match(textOf(late.html), /Quá hạn/);
  assert.match(
    textOf((await village.get(`/petitions/${draftId}`)).html),
    /Hạn giải quyết: \d{2}\/\d{2}\/\d{4} Quá hạn/,
  );
});

test("redirect a complaint; escalate to a central agency; hand back; reopen with a reason", async () => {
  const village = await as("t-village");
  const commune = await as("t-commune");
  const coordinator = await as("t-coordinator");
  const agency = await as("t-agency");
  const file = async (title: string) => {
    await village.get("/petitions/new");
    return idFrom((await village.post("/petitions/new", petitionForm(village, { title }))).url);
  };
  const step = async (b: Browser, id: number, action: string, fields: Record<string, string>) => {
    const p = await b.get(`/petitions/${id}`);
    return b.post(`/petitions/${id}/actions/${action}`, { version: versionOf(p.html), ...fields });
  };
  const receive = (id: number, kind = "recommendation", level = "province") =>
    step(commune, id, "receive", { kind, categoryCode: "dat_dai", urgency: "normal", level });

  const complaint = await file("Khiếu nại quyết định thu hồi đất");
  await receive(complaint, "complaint");
  let page = await step(coordinator, complaint, "route", { agencyId: String(w.ids.agency), note: "" });
  assert.equal(page.status, 409);
  assert.match(page.html, /Khiếu nại, tố cáo phải chuyển theo thủ tục luật định/);
  page = await step(commune, complaint, "redirect", { procedure: "", note: "" });
  assert.equal(page.status, 422);
  assert.match(page.html, /Vui lòng chọn thủ tục/);
  page = await step(commune, complaint, "redirect", {
    procedure: "complaint",
    note: "Hướng dẫn gửi đơn theo Luật Khiếu nại",
  });
  assert.match(page.html, /Đã chuyển theo thủ tục luật định/);
  assert.match(textOf(page.html), /thụ lý trước \d{2}\/\d{2}\/\d{4}/);

  const central = await file("Sửa quy định bồi thường tái định cư");
  await receive(central, "recommendation", "central");
  page = await coordinator.get(`/petitions/${central}`);
  assert.match(page.html, /Bộ Nông nghiệp và Môi trường/);
  assert.doesNotMatch(
    (await commune.get(`/petitions/${central}`)).html,
    /actions\/escalate/,
    "escalation is the coordinator's",
  );
  page = await step(coordinator, central, "escalate", { centralAgencyId: String(w.ids.agency), note: "" });
  assert.equal(page.status, 422);
  assert.match(page.html, /id="a-escalate-centralAgencyId-err"/);
  page = await step(coordinator, central, "escalate", {
    centralAgencyId: String(w.ids.central),
    note: "Thuộc thẩm quyền Bộ",
  });
  assert.match(page.html, /Đã chuyển thẩm quyền Trung ương/);

  const back = await file("Cấp phép khai thác cát trái phép");
  await receive(back);
  await step(coordinator, back, "route", { agencyId: String(w.ids.otherAgency), note: "" });
  const other = await as("t-other-agency");
  page = await step(other, back, "hand_back", { reason: "Không thuộc lĩnh vực xây dựng" });
  assert.match(page.html, /Đã trả lại kiến nghị/);
  assert.match(textOf(page.html), /Số lần cơ quan trả lại 1/);
  await step(coordinator, back, "route", { agencyId: String(w.ids.agency), note: "" });
  const answer = new FormData();
  answer.append("version", versionOf((await agency.get(`/petitions/${back}`)).html));
  answer.append("answer", "Đã phối hợp công an xã kiểm tra, xử phạt hành vi khai thác cát trái phép.");
  await agency.post(`/petitions/${back}/actions/answer`, answer);
  page = await step(village, back, "confirm", { satisfied: "no", reason: "" });
  assert.equal(page.status, 422);
  assert.match(page.html, /id="a-confirm-reason-err"/);
  page = await step(village, back, "confirm", { satisfied: "no", reason: "Vẫn còn khai thác ban đêm" });
  assert.match(page.html, /Đã đề nghị xem xét lại/);
  assert.match(textOf(page.html), /Mở lại \(chưa hài lòng\)/);
});

test("the public page masks phones and the residents' names, and exists only for a published answer", async () => {
  const village = await as("t-village");
  await village.get("/petitions/new");
  const filed = await village.post(
    "/petitions/new",
    petitionForm(village, {
      title: "Hộ ông Nông Văn Dân bị sạt lở đất",
      body: "Nhà ông Nông Văn Dân (ĐT 0987.000.111) bị đất đá sạt vào bếp, cần di dời khẩn cấp.",
      residentNames: "Nông Văn Dân",
      residentPhones: "0987000111",
      consent: "yes",
    }),
  );
  const id = idFrom(filed.url);
  assert.match(filed.html, /Thông tin hạn chế/, "the village head sees the residents' box");
  const commune = await as("t-commune");
  let page = await commune.get(`/petitions/${id}`);
  assert.match(page.html, /Thông tin hạn chế/);
  page = await commune.post(`/petitions/${id}/actions/receive`, {
    version: versionOf(page.html),
    kind: "report",
    categoryCode: "nong_lam_thuy_san",
    urgency: "urgent",
    level: "commune",
  });
  page = await commune.post(`/petitions/${id}/actions/route`, {
    version: versionOf(page.html),
    agencyId: String(w.ids.agency),
    note: "",
  });
  const coordinator = await as("t-coordinator");
  assert.doesNotMatch((await coordinator.get(`/petitions/${id}`)).html, /Thông tin hạn chế|0987000111/);
  const agency = await as("t-agency");
  page = await agency.get(`/petitions/${id}`);
  const { rows } = await db.pool.query<{ code: string }>("SELECT code FROM petitions WHERE id = $1", [id]);
  const code = rows[0]?.code ?? "";
  const anonymous = new Browser(app);
  assert.equal((await anonymous.get(`/p/${code}`)).status, 404, "not answered yet");
  const unpublished = new FormData();
  unpublished.append("version", versionOf(page.html));
  unpublished.append("answer", "Đã bố trí cho hộ ông Nông Văn Dân ở tạm nhà văn hoá thôn.");
  page = await agency.post(`/petitions/${id}/actions/answer`, unpublished);
  assert.equal(page.status, 200);
  assert.equal((await anonymous.get(`/p/${code}`)).status, 404, "an unpublished answer is not public");
  await db.pool.query("UPDATE petitions SET answer_published = true WHERE id = $1", [id]);
  const pub = await anonymous.get(`/p/${code}`);
  assert.equal(pub.status, 200);
  const shown = textOf(pub.html);
  assert.ok(!shown.includes("Nông Văn Dân"), shown);
  assert.ok(!/0987[ .]?000[ .]?111/.test(pub.html), "no phone");
  assert.ok(!shown.includes("Khe Tâm"), "no village");
  assert.match(shown, /\*\*\*/);
  assert.match(shown, /Đã bố trí cho hộ ông \*\*\* ở tạm/);
  assert.match(pub.html, /<meta name="robots" content="index">/);
  assert.match(pub.html, /<meta property="og:title" content="Hộ ông \*\*\* bị sạt lở đất">/);
  assert.equal((await anonymous.get("/p/KN-2026-999999")).status, 404);
  assert.equal((await anonymous.get("/p/%3Cscript%3E")).status, 404);
});

test("POST without the CSRF token is refused (403), and so is one with a forged token", async () => {
  const village = await as("t-village");
  await village.get("/petitions/new");
  const before = await count("petitions");
  const fd = petitionForm(village);
  fd.append("_csrf", "forged");
  const res = await village.post("/petitions/new", fd);
  assert.equal(res.status, 403);
  const cookie = [...village.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  const bare = await app.request("http://localhost/petitions/new", {
    method: "POST",
    body: petitionForm(village),
    headers: { cookie },
  });
  assert.equal(bare.status, 403);
  assert.equal(await count("petitions"), before);
});

test("similar petitions: any village learns that one exists, only those allowed get the link and the village", async () => {
  const text = "Đường liên thôn Khe Tâm sạt lở sau mưa lớn, xe máy không qua được";
  const neighbour = await as("t-village2");
  const res = await neighbour.get(`/petitions/similar?text=${encodeURIComponent(text)}`);
  assert.equal(res.status, 200);
  assert.match(res.html, /Đường liên thôn Khe Tâm sạt lở/);
  assert.doesNotMatch(res.html, /href="\/petitions\/\d+"/, "no link to what they may not open");
  assert.doesNotMatch(res.html, /Khe Tâm, /, "no village");
  const commune = await as("t-commune");
  const json = await commune.get(`/petitions/similar?text=${encodeURIComponent(text)}`, {
    headers: { accept: "application/json" },
  });
  const body = JSON.parse(json.html) as { items: { id: number | null; village: string | null }[] };
  assert.ok(body.items.length >= 1 && body.items.every((i) => i.id !== null && i.village !== null));
  // Without JavaScript: the check button re-renders the form with the list, keeping what was typed.
  await neighbour.get("/petitions/new");
  const check = await neighbour.post(
    "/petitions/new",
    petitionForm(neighbour, { title: "Sạt lở đường liên thôn", body: text, intent: "similar" }),
  );
  assert.equal(check.status, 200);
  assert.match(check.html, /kiến nghị tương tự/);
  assert.match(check.html, /value="Sạt lở đường liên thôn"/);
});

test("a head of several villages picks one; nobody else may file", async () => {
  await createUser(w.ctx, {
    username: "t-two-villages",
    fullName: "Hai thôn",
    password: PASSWORD,
    mustChangePassword: false,
    grants: [
      { role: "village_head", unitId: w.ids.village },
      { role: "village_head", unitId: w.ids.village2 },
    ],
  });
  const two = await as("t-two-villages");
  const form = await two.get("/petitions/new");
  assert.match(form.html, /<select id="f-villageId" name="villageId"/);
  assert.match(form.html, /Khe Tâm/);
  assert.match(form.html, /Nà Làng/);
  const missing = await two.post("/petitions/new", petitionForm(two, { villageId: "" }));
  assert.equal(missing.status, 422);
  assert.match(missing.html, /Vui lòng chọn thôn/);
  const other = await two.post(
    "/petitions/new",
    petitionForm(two, { villageId: String(w.ids.otherVillage) }),
  );
  assert.equal(other.status, 403);
  const ok = await two.post(
    "/petitions/new",
    petitionForm(two, { villageId: String(w.ids.village2), title: "Nà Làng thiếu nước" }),
  );
  assert.equal(ok.status, 200);
  assert.match(ok.html, /Nà Làng/);
  assert.equal((await (await as("t-commune")).get("/petitions/new")).status, 403);
});

test("never a 500: huge text, missing fields, bad numbers, odd values and files", async () => {
  const village = await as("t-village");
  await village.get("/petitions/new");
  const before = await count("petitions");
  const cases: Record<string, string>[] = [
    { body: "x".repeat(200_000) },
    { title: "t".repeat(5_000) },
    { title: "", body: "", households: "", kind: "", urgency: "" },
    { households: "-1" },
    { households: "0" },
    { households: "1e3" },
    { households: "99999999999999999999" },
    { households: "12.5" },
    { kind: "complaint" },
    { urgency: "very" },
    { categoryCode: "khong_co" },
    { villageId: "abc" },
    { villageId: "999999999999" },
    { villageId: "1".repeat(40) },
    { residentNames: "Lò Văn Bình", consent: "" },
    { title: "NUL \u0000 byte" },
    { location: "l".repeat(1000) },
    { intent: "???", title: "" },
  ];
  for (const fields of cases) {
    const res = await village.post("/petitions/new", petitionForm(village, fields));
    assert.ok(res.status < 500, `${JSON.stringify(fields).slice(0, 80)} → ${res.status}`);
    assert.ok([200, 403, 422].includes(res.status), `${JSON.stringify(fields).slice(0, 80)} → ${res.status}`);
  }
  const files: Blob[][] = [
    [new Blob([])],
    [new Blob(["%PDF-1.4 not a photo"])],
    Array.from({ length: 6 }, () => new Blob([JPEG()])),
    [new Blob([new Uint8Array(11 * 1024 * 1024)])],
  ];
  for (const photos of files) {
    const res = await village.post("/petitions/new", petitionForm(village, {}, { photos }));
    assert.equal(res.status, 422, `photos ${photos.length} → ${res.status}`);
  }
  const nul = await db.pool.query<{ n: number }>(
    "SELECT count(*)::int AS n FROM petitions WHERE title LIKE 'NUL%'",
  );
  assert.ok((nul.rows[0]?.n ?? 0) <= 1);
  assert.ok((await count("petitions")) <= before + 1, "only the NUL-stripped title may have been filed");

  // The steps, fuzzed.
  const { rows } = await db.pool.query<{ id: number }>(
    "SELECT id FROM petitions WHERE state = 'submitted' AND village_id = $1 LIMIT 1",
    [w.ids.village],
  );
  const id = rows[0]?.id;
  assert.ok(id);
  const commune = await as("t-commune");
  const page = await commune.get(`/petitions/${id}`);
  const v = versionOf(page.html);
  const steps: [string, Record<string, string>, number[]][] = [
    ["receive", { version: v, kind: "x", urgency: "normal", level: "commune" }, [422]],
    ["receive", { version: "abc", kind: "report", urgency: "normal", level: "commune" }, [409]],
    ["receive", { version: v, kind: "report", urgency: "normal", level: "moon" }, [422]],
    [
      "receive",
      { version: v, kind: "report", urgency: "normal", level: "commune", categoryCode: "nope" },
      [422],
    ],
    ["route", { version: v, agencyId: "abc" }, [409, 422]],
    ["answer", { version: v, answer: "x" }, [403, 409, 422]],
    ["merge", { version: v }, [404]],
    ["../../x", { version: v }, [404]],
    ["confirm", { version: v, satisfied: "maybe" }, [403, 409, 422]],
    ["extend", { version: v, workingDays: "NaN", reason: "" }, [403, 409, 422]],
  ];
  for (const [action, fields, expected] of steps) {
    const res = await commune.post(`/petitions/${id}/actions/${action}`, fields);
    assert.ok(expected.includes(res.status), `${action} ${JSON.stringify(fields)} → ${res.status}`);
  }
  const odd = [
    "/petitions/mine?after=abc",
    "/petitions/mine?after=99999999999999999999",
    `/petitions/${id}?template=abc`,
    `/petitions/${id}?done=<script>`,
    "/petitions/similar?text=",
    `/petitions/similar?text=${"a ".repeat(20_000)}`,
    "/petitions/99999999999999999999",
  ];
  for (const path of odd) {
    const res = await commune.get(path);
    assert.ok(res.status < 500, `${path} → ${res.status}`);
  }
});
