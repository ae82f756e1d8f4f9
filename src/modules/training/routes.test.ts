import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import ExcelJS from "exceljs";
import { PDFParse } from "pdf-parse";
import { Browser, textOf } from "../../../test/support/http.ts";
import { buildApp } from "../../app.ts";
import { createLogger } from "../../logger.ts";
import type { Database } from "../../platform/db/database.ts";
import { openTestDatabase } from "../../platform/db/testing.ts";
import type { App } from "../../platform/http/types.ts";
import { createUser } from "../accounts/commands/manageUsers.ts";
import { petitionWorld } from "../petitions/testkit.ts";

// Integration: the real app on a real database (PGlite, or PostgreSQL with TEST_DATABASE_URL), driven through
// its pages. The world: Xã Tiên Yên with two villages (heads t-village, t-village2), Xã Hải Lạng with one.
let db: Database;
let w: Awaited<ReturnType<typeof petitionWorld>>;
let app: App;
let stop: () => void;
const PASSWORD = "mat-khau-1234";

const login = async (username: string) => {
  const b = new Browser(app);
  await b.login(username, PASSWORD);
  return b;
};

/** A binary download with the browser's cookies (the tiny browser keeps only text bodies). */
async function fetchBytes(b: Browser, path: string) {
  const cookie = [...b.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  const res = await app.request(`http://localhost${path}`, { headers: { cookie } });
  return {
    status: res.status,
    type: res.headers.get("content-type") ?? "",
    bytes: Buffer.from(await res.arrayBuffer()),
  };
}

const q1 = async <T>(sql: string, params: unknown[] = []) => (await db.pool.query(sql, params)).rows[0] as T;

let trainer: Browser;
let otherTrainer: Browser;

before(async () => {
  db = await openTestDatabase();
  w = await petitionWorld(db);
  for (const username of ["t-trainer", "t-trainer2"])
    await createUser(w.ctx, {
      username,
      fullName: `Giảng viên ${username}`,
      password: PASSWORD,
      mustChangePassword: false,
      grants: [{ role: "trainer", unitId: w.ids.province }],
    });
  // Real Vietnamese names, to search for them without diacritics.
  await db.pool.query("UPDATE users SET full_name = 'Nông Văn Thắng' WHERE username = 't-village'");
  await db.pool.query("UPDATE users SET full_name = 'Lò Thị Bình' WHERE username = 't-village2'");
  const built = buildApp(w.config, db, w.clock, createLogger(w.config));
  app = built.app;
  stop = built.stop;
  trainer = await login("t-trainer");
  otherTrainer = await login("t-trainer2");
});

after(async () => {
  stop?.();
  await db?.close();
});

async function createCourse(b: Browser, fields: Record<string, string>, targets: number[]) {
  const form = await b.get("/training/courses/new");
  assert.equal(form.status, 200);
  const key = /name="idempotencyKey" value="([0-9a-f]+)"/.exec(form.html)?.[1] ?? "";
  const body = new URLSearchParams({
    _csrf: b.csrf(),
    idempotencyKey: key,
    title: "Kỹ năng tiếp nhận phản ánh",
    topicCode: "phan_anh_kien_nghi",
    format: "in_person",
    targetRole: "village_head",
    date: "02/03/2026",
    startTime: "08:00",
    endTime: "11:00",
    place: "Hội trường UBND xã Tiên Yên",
    required: "1",
    requiredShown: "1",
    certificate: "1",
    ...fields,
  });
  for (const id of targets) body.append("targetUnitIds", String(id));
  const cookie = [...b.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  const send = () =>
    app.request("http://localhost/training/courses/new", {
      method: "POST",
      headers: { cookie, "content-type": "application/x-www-form-urlencoded" },
      body: body.toString(),
      redirect: "manual",
    });
  const res = await send();
  const location = res.headers.get("location") ?? "";
  const id = Number(/\/training\/courses\/(\d+)/.exec(location)?.[1]);
  return { res, id, retry: send };
}

test("a trainer creates a course for a commune; a retried submission does not make a second one", async () => {
  const { res, id, retry } = await createCourse(trainer, { capacity: "1" }, [w.ids.commune]);
  assert.equal(res.status, 303);
  assert.ok(id > 0);
  const again = await retry();
  assert.equal(again.headers.get("location"), res.headers.get("location"), "same course on retry");
  const n = await q1<{ n: number }>("SELECT count(*)::int AS n FROM training_courses");
  assert.equal(n.n, 1);
  const sessions = await q1<{ n: number }>(
    "SELECT count(*)::int AS n FROM training_sessions WHERE course_id = $1",
    [id],
  );
  assert.equal(sessions.n, 1, "the first session is not added twice either");
  const page = textOf((await trainer.get(`/training/courses/${id}`)).html);
  assert.match(page, /Kỹ năng tiếp nhận phản ánh/);
  assert.match(page, /Xã Tiên Yên/);
  assert.match(page, /02\/03\/2026 08:00–11:00/);
});

test("bad course forms keep what was typed and say what to fix; nothing makes a 500", async () => {
  await trainer.get("/training/courses/new");
  const bad = await trainer.post("/training/courses/new", {
    title: "Lớp thử",
    topicCode: "khong_co",
    format: "x",
    date: "31/02/2026",
    startTime: "25:00",
    endTime: "08:00",
    place: "",
    capacity: "-3",
    targetUnitIds: "abc",
  });
  assert.equal(bad.status, 422);
  const text = textOf(bad.html);
  assert.match(text, /Vui lòng chọn hình thức/);
  assert.match(text, /Vui lòng nhập ngày theo dạng dd\/mm\/yyyy/);
  assert.match(text, /Vui lòng chọn ít nhất một xã/);
  assert.match(text, /Số chỗ là số nguyên dương/);
  assert.match(bad.html, /value="Lớp thử"/, "the title is kept");
  const unknownTopic = await trainer.post("/training/courses/new", {
    title: "Lớp thử",
    topicCode: "khong_co",
    format: "online",
    date: "02/03/2026",
    startTime: "08:00",
    endTime: "09:00",
    place: "Trực tuyến",
    targetUnitIds: String(w.ids.commune),
  });
  assert.equal(unknownTopic.status, 422);
  assert.match(textOf(unknownTopic.html), /Vui lòng chọn chủ đề/);
  for (const path of [
    "/training/courses/999999",
    "/training/courses/1/sessions/999999",
    "/training/verify/%27%3B--",
    "/training/people/abc",
  ]) {
    const r = await trainer.get(path);
    assert.ok(r.status >= 400 && r.status < 500, `${path} → ${r.status}`);
  }
  const village = await login("t-village");
  assert.equal(
    (await village.get("/training/courses/new")).status,
    403,
    "village heads do not create courses",
  );
});

test("the trainer adds a multiple-choice test; bad questions are refused beside the field", async () => {
  const course = await q1<{ id: number }>("SELECT id FROM training_courses ORDER BY id LIMIT 1");
  await trainer.get(`/training/courses/${course.id}`);
  const badQ = await trainer.post(`/training/courses/${course.id}/questions`, {
    prompt: "Câu?",
    choices: "Chỉ một",
    answer: "3",
  });
  assert.equal(badQ.status, 422);
  assert.match(textOf(badQ.html), /từ 2 đến 6 phương án/);
  await trainer.post(`/training/courses/${course.id}/questions`, {
    prompt: "Thời hạn giải quyết kiến nghị thông thường?",
    choices: "5 ngày làm việc\n15 ngày làm việc\n60 ngày",
    answer: "2",
  });
  await trainer.post(`/training/courses/${course.id}/questions`, {
    prompt: "Ai ghi nhận kiến nghị của cử tri ở thôn?",
    choices: "Trưởng thôn\nCông an tỉnh",
    answer: "1",
  });
});

test("enrolling the whole target: capacity fills in one statement, the rest wait; cancelling promotes the first waiting", async () => {
  const course = await q1<{ id: number }>("SELECT id FROM training_courses ORDER BY id LIMIT 1");
  await otherTrainer.get("/training");
  assert.equal(
    (await otherTrainer.post(`/training/courses/${course.id}/enrol-target`)).status,
    403,
    "another trainer's course",
  );
  await trainer.get(`/training/courses/${course.id}`);
  const people = await trainer.post(`/training/courses/${course.id}/enrol-target`);
  assert.equal(people.status, 200);
  assert.match(textOf(people.html), /Đã ghi danh thêm 1 người; 1 người vào danh sách chờ/);
  const rows = (
    await db.pool.query<{ username: string; status: string }>(
      `SELECT u.username, e.status FROM training_enrolments e JOIN users u ON u.id = e.user_id WHERE e.course_id = $1 ORDER BY u.username`,
      [course.id],
    )
  ).rows;
  assert.deepEqual(
    rows.map((r) => r.status).sort(),
    ["enrolled", "waitlisted"],
    "the two heads of Xã Tiên Yên, nobody from Hải Lạng",
  );
  assert.ok(rows.every((r) => r.username.startsWith("t-village")));
  const notices = await q1<{ n: number }>(
    "SELECT count(*)::int AS n FROM outbox WHERE topic = 'notifications.deliver' AND payload->>'kind' IN ('training.enrolled', 'training.waitlisted')",
  );
  assert.equal(notices.n, 2, "one notice each, through the outbox");
  const again = await trainer.post(`/training/courses/${course.id}/enrol-target`);
  assert.match(textOf(again.html), /Đã ghi danh thêm 0 người; 0 người/, "running it again adds nobody");

  const enrolledUser = rows.find((r) => r.status === "enrolled")?.username ?? "";
  const waitingUser = rows.find((r) => r.status === "waitlisted")?.username ?? "";
  const first = await login(enrolledUser);
  const mine = await first.get(`/training/courses/${course.id}`);
  assert.match(textOf(mine.html), /Đã ghi danh/);
  const e = await q1<{ id: number }>(
    "SELECT e.id FROM training_enrolments e JOIN users u ON u.id = e.user_id WHERE u.username = $1",
    [enrolledUser],
  );
  const waiting = await login(waitingUser);
  await waiting.get(`/training/courses/${course.id}`);
  assert.equal(
    (await waiting.post(`/training/enrolments/${e.id}/cancel`)).status,
    403,
    "nobody cancels someone else's place",
  );
  await first.post(`/training/enrolments/${e.id}/cancel`);
  const after = (
    await db.pool.query<{ username: string; status: string }>(
      `SELECT u.username, e.status FROM training_enrolments e JOIN users u ON u.id = e.user_id WHERE e.course_id = $1`,
      [course.id],
    )
  ).rows;
  assert.equal(
    after.find((r) => r.username === waitingUser)?.status,
    "enrolled",
    "promoted from the waiting list",
  );
  assert.equal(after.find((r) => r.username === enrolledUser)?.status, "cancelled");
  const promoted = await q1<{ n: number }>(
    "SELECT count(*)::int AS n FROM outbox WHERE payload->>'kind' = 'training.promoted'",
  );
  assert.equal(promoted.n, 1);
});

test("open courses: a village head in the target enrols themselves; one outside cannot", async () => {
  const { id } = await createCourse(
    trainer,
    { title: "Kỹ năng số cho trưởng thôn", topicCode: "ky_nang_so", openEnrolment: "1", capacity: "" },
    [w.ids.otherCommune],
  );
  const inside = await login("t-other-village");
  const page = await inside.get(`/training/courses/${id}`);
  assert.match(textOf(page.html), /Đăng ký tham gia/);
  const enrolled = await inside.post(`/training/courses/${id}/enrol`);
  assert.match(textOf(enrolled.html), /Bạn đã được ghi danh/);
  assert.match(enrolled.html, /\/training\/enrolments\/\d+\/qr\.svg/, "the QR code is shown");
  const qr = await fetchBytes(inside, /\/training\/enrolments\/\d+\/qr\.svg/.exec(enrolled.html)?.[0] ?? "");
  assert.equal(qr.type, "image/svg+xml");
  assert.match(qr.bytes.toString(), /^<svg/);
  const outside = await login("t-village");
  assert.equal((await outside.get(`/training/courses/${id}`)).status, 403);
  await outside.get("/training");
  assert.equal((await outside.post(`/training/courses/${id}/enrol`)).status, 403);
});

test("attendance: name search without diacritics, QR check-in by the course's trainer only, for the session running now", async () => {
  const course = await q1<{ id: number }>("SELECT id FROM training_courses ORDER BY id LIMIT 1");
  const session = await q1<{ id: number }>("SELECT id FROM training_sessions WHERE course_id = $1", [
    course.id,
  ]);
  const base = `/training/courses/${course.id}/sessions/${session.id}`;
  assert.equal((await otherTrainer.get(base)).status, 403);
  // Only the enrolled one (t-village2 after the promotion) is listed for attendance.
  const found = await trainer.get(`${base}?q=${encodeURIComponent("lo thi")}`);
  assert.equal(found.status, 200);
  assert.match(textOf(found.html), /Lò Thị Bình/);
  assert.doesNotMatch(
    textOf(found.html),
    /Nông Văn Thắng/,
    "cancelled people are not on the attendance list",
  );
  const e2 = await q1<{ id: number; qr_token: string }>(
    "SELECT e.id, e.qr_token FROM training_enrolments e JOIN users u ON u.id = e.user_id WHERE u.username = 't-village2' AND e.course_id = $1",
    [course.id],
  );
  const marked = await trainer.post(base, { enrolmentId: String(e2.id), q: "lo thi" });
  assert.match(textOf(marked.html), /Đã ghi có mặt/);
  assert.match(textOf(marked.html), /Có mặt 1\/1/);

  // The QR code: re-enrol t-village (cancelled earlier) by hand to have a second person to check in.
  await db.pool.query(
    "UPDATE training_enrolments SET status = 'enrolled', cancelled_at = NULL WHERE course_id = $1",
    [course.id],
  );
  const e1 = await q1<{ qr_token: string }>(
    "SELECT e.qr_token FROM training_enrolments e JOIN users u ON u.id = e.user_id WHERE u.username = 't-village' AND e.course_id = $1",
    [course.id],
  );
  assert.match(e1.qr_token, /^[0-9a-f]{64}$/);
  assert.equal(
    (await otherTrainer.get(`/training/checkin/${e1.qr_token}`)).status,
    403,
    "only the course's trainer",
  );
  const village = await login("t-village2");
  assert.equal((await village.get(`/training/checkin/${e1.qr_token}`)).status, 403);
  w.clock.set(new Date("2026-03-05T09:00:00+07:00"));
  const tooLate = await trainer.get(`/training/checkin/${e1.qr_token}`);
  assert.equal(tooLate.status, 409);
  assert.match(textOf(tooLate.html), /không có buổi học nào đang diễn ra/);
  w.clock.set(new Date("2026-03-02T07:30:00+07:00"));
  const ok = await trainer.get(`/training/checkin/${e1.qr_token}`);
  assert.equal(ok.status, 200);
  assert.match(textOf(ok.html), /Nông Văn Thắng/);
  assert.match(textOf(ok.html), /Đã ghi có mặt/);
  const twice = await trainer.get(`/training/checkin/${e1.qr_token}`);
  assert.match(textOf(twice.html), /Đã có mặt từ trước/);
  const n = await q1<{ n: number }>("SELECT count(*)::int AS n FROM training_attendance");
  assert.equal(n.n, 2);
  const unknown = await trainer.get(`/training/checkin/${"0".repeat(64)}`);
  assert.equal(unknown.status, 404);
});

test("the test: one fails, one passes and completes with a certificate whose PDF and public check agree", async () => {
  const course = await q1<{ id: number }>("SELECT id FROM training_courses ORDER BY id LIMIT 1");
  const qs = (
    await db.pool.query<{ id: number }>(
      "SELECT id FROM training_questions WHERE course_id = $1 ORDER BY id",
      [course.id],
    )
  ).rows;
  assert.equal(qs.length, 2);
  const [qa, qb] = qs.map((q) => `q${q.id}`) as [string, string];

  const failer = await login("t-village2");
  const form = await failer.get(`/training/courses/${course.id}/test`);
  assert.equal(form.status, 200);
  assert.doesNotMatch(form.html, /answer/i, "the key is not on the page");
  const missing = await failer.post(`/training/courses/${course.id}/test`, { [qa]: "0" });
  assert.equal(missing.status, 422);
  const failed = await failer.post(`/training/courses/${course.id}/test`, { [qa]: "0", [qb]: "0" });
  assert.match(textOf(failed.html), /Điểm: 50% \(1\/2 câu đúng\)/);
  assert.match(textOf(failed.html), /Chưa đạt/);
  assert.match(textOf(failed.html), /còn 2 lần làm lại/);

  const passer = await login("t-village");
  const passed = await passer.post(`/training/courses/${course.id}/test`, { [qa]: "1", [qb]: "0" });
  assert.match(textOf(passed.html), /Điểm: 100%/);
  assert.match(textOf(passed.html), /Đạt\./);
  const code = /\/training\/certificates\/([0-9A-Z-]{19})\.pdf/.exec(passed.html)?.[1];
  assert.ok(code, "present at the required session and passed: a certificate");
  const retake = await passer.post(`/training/courses/${course.id}/test`, { [qa]: "1", [qb]: "0" });
  assert.equal(retake.status, 409, "no retake after passing");

  const pdf = await fetchBytes(passer, `/training/certificates/${code}.pdf`);
  assert.equal(pdf.status, 200);
  assert.equal(pdf.type, "application/pdf");
  const text = (await new PDFParse({ data: new Uint8Array(pdf.bytes) }).getText()).text;
  for (const s of [
    "GIẤY CHỨNG NHẬN",
    "Nông Văn Thắng",
    "Kỹ năng tiếp nhận phản ánh",
    code ?? "",
    "02/03/2026",
  ])
    assert.ok(text.includes(s), `the certificate says "${s}"`);
  assert.equal(
    (await fetchBytes(failer, `/training/certificates/${code}.pdf`)).status,
    403,
    "not someone else's",
  );

  const anonymous = new Browser(app);
  const ok = await anonymous.get(`/training/verify/${code}`);
  assert.equal(ok.status, 200);
  assert.match(textOf(ok.html), /Giấy chứng nhận hợp lệ/);
  assert.match(textOf(ok.html), /Nông Văn Thắng/);
  const typed = await anonymous.get(
    `/training/verify?code=${encodeURIComponent((code ?? "").toLowerCase().replace(/-/g, " "))}`,
  );
  assert.match(textOf(typed.html), /Giấy chứng nhận hợp lệ/, "typed in lower case with spaces");
  const unknown = await anonymous.get("/training/verify/ABCD-EFGH-JKMN-PQRS");
  assert.equal(unknown.status, 404);
  assert.match(textOf(unknown.html), /Không tìm thấy giấy chứng nhận nào có mã ABCD-EFGH-JKMN-PQRS/);
  const malformed = await anonymous.get("/training/verify?code=123");
  assert.match(textOf(malformed.html), /16 chữ và số/);
});

test("records: a village head sees only their own; the export opens; overseers see anyone's", async () => {
  const me = await login("t-village");
  const own = await me.get("/training/me");
  assert.equal(own.status, 200);
  assert.match(textOf(own.html), /Kỹ năng tiếp nhận phản ánh/);
  assert.match(textOf(own.html), /Hoàn thành 02\/03\/2026/);
  const other = await q1<{ id: number }>("SELECT id FROM users WHERE username = 't-village2'");
  const self = await q1<{ id: number }>("SELECT id FROM users WHERE username = 't-village'");
  assert.equal((await me.get(`/training/people/${other.id}`)).status, 403);
  assert.equal((await me.get(`/training/people/${self.id}`)).status, 200);
  assert.equal((await fetchBytes(me, `/training/people/${other.id}.xlsx`)).status, 403);
  const xlsx = await fetchBytes(me, "/training/me.xlsx");
  assert.equal(xlsx.status, 200);
  const wb = new ExcelJS.Workbook();
  // exceljs declares its own `Buffer` (an ArrayBuffer); it reads Node buffers at runtime.
  await wb.xlsx.load(xlsx.bytes as unknown as ArrayBuffer);
  const values = wb.worksheets[0]?.getRow(3).values as unknown[];
  assert.ok(values.includes("Kỹ năng tiếp nhận phản ánh"));
  const coordinator = await login("t-coordinator");
  assert.equal((await coordinator.get(`/training/people/${other.id}`)).status, 200);
  assert.equal((await (await login("t-commune")).get(`/training/people/${other.id}`)).status, 403);
});

test("coverage: trained share by commune, topics, never trained; XLSX; village heads may not see it", async () => {
  const coordinator = await login("t-coordinator");
  const page = await coordinator.get("/training/coverage");
  assert.equal(page.status, 200);
  const row = (code: string) => {
    const m = new RegExp(`<tr data-commune="${code}">([\\s\\S]*?)</tr>`).exec(page.html);
    return textOf(m?.[1] ?? "");
  };
  assert.match(row("06862"), /Xã Tiên Yên 1 2 50%/, "one of the two heads of Tiên Yên is trained");
  assert.match(row("06886"), /0 1 0%/);
  assert.match(textOf(page.html), /Toàn tỉnh: 1\/3 trưởng thôn/);
  assert.match(textOf(page.html), /Tiếp nhận và xử lý phản ánh, kiến nghị: 1 lớp, 1 lượt hoàn thành/);
  assert.match(page.html, /<svg[^>]*role="img"/);
  const never = textOf(page.html.slice(page.html.indexOf('id="never"')));
  assert.match(never, /Lò Thị Bình/);
  assert.doesNotMatch(never, /Nông Văn Thắng/);
  const xlsx = await fetchBytes(coordinator, "/training/coverage.xlsx");
  assert.equal(xlsx.status, 200);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(xlsx.bytes as unknown as ArrayBuffer);
  assert.equal(wb.worksheets.length, 3);
  assert.equal(wb.worksheets[2]?.rowCount, 2 + 2, "title, header and the two never trained");
  // a year later, the completion no longer counts as recent
  w.clock.set(new Date("2027-03-03T09:00:00+07:00"));
  const later = await login("t-coordinator");
  assert.match(textOf((await later.get("/training/coverage")).html), /Toàn tỉnh: 0\/3/);
  w.clock.set(new Date("2026-03-02T12:00:00+07:00"));
  trainer = await login("t-trainer");
  assert.equal((await (await login("t-village")).get("/training/coverage")).status, 403);
});

test("topics are an editable list for trainers and admins", async () => {
  const page = await trainer.get("/training/topics");
  assert.match(textOf(page.html), /Pháp luật đất đai/);
  const bad = await trainer.post("/training/topics", { code: "Sai Mã", nameVi: "", active: "1" });
  assert.equal(bad.status, 422);
  await trainer.post("/training/topics", {
    code: "an_ninh_trat_tu",
    nameVi: "An ninh trật tự ở cơ sở",
    nameEn: "Public order",
    sort: "70",
    active: "1",
  });
  assert.match(textOf((await trainer.get("/training/courses/new")).html), /An ninh trật tự ở cơ sở/);
  await trainer.post("/training/topics", {
    code: "an_ninh_trat_tu",
    nameVi: "An ninh trật tự ở cơ sở",
    nameEn: "Public order",
    sort: "70",
  });
  assert.doesNotMatch(
    textOf((await trainer.get("/training/courses/new")).html),
    /An ninh trật tự ở cơ sở/,
    "retired",
  );
  assert.equal((await (await login("t-coordinator")).get("/training/topics")).status, 403);
});

test("materials: files checked by content, links only http(s)", async () => {
  const course = await q1<{ id: number }>("SELECT id FROM training_courses ORDER BY id LIMIT 1");
  await trainer.get(`/training/courses/${course.id}`);
  const fd = new FormData();
  fd.append("title", "Tài liệu hướng dẫn");
  fd.append(
    "file",
    new Blob([Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n")], { type: "text/plain" }),
    "hd.txt",
  );
  const ok = await trainer.post(`/training/courses/${course.id}/materials`, fd);
  assert.match(textOf(ok.html), /Đã thêm tài liệu/);
  const fake = new FormData();
  fake.append("title", "Giả PDF");
  fake.append(
    "file",
    new Blob([Buffer.from("this is not a pdf at all")], { type: "application/pdf" }),
    "x.pdf",
  );
  assert.equal((await trainer.post(`/training/courses/${course.id}/materials`, fake)).status, 422);
  const js = await trainer.post(`/training/courses/${course.id}/materials`, {
    title: "Link",
    url: "javascript:alert(1)",
  });
  assert.equal(js.status, 422);
  await trainer.post(`/training/courses/${course.id}/materials`, {
    title: "Luật Đất đai 2024",
    url: "https://vanban.chinhphu.vn/",
  });
  // hostile input: a NUL character (PostgreSQL text cannot hold one) is no reason for a 500
  const nul = await trainer.post(`/training/courses/${course.id}/materials`, {
    title: "Tài liệu\u0000 có NUL",
    url: "https://vanban.chinhphu.vn/nul",
  });
  assert.equal(nul.status, 400, "a NUL in the title is the client's error");
  assert.equal(
    (await db.pool.query("SELECT 1 FROM training_materials WHERE url = 'https://vanban.chinhphu.vn/nul'"))
      .rowCount,
    0,
  );
  const m = await q1<{ id: number }>("SELECT id FROM training_materials WHERE file_key IS NOT NULL");
  const village = await login("t-village");
  const file = await fetchBytes(village, `/training/materials/${m.id}`);
  assert.equal(file.status, 200);
  assert.equal(file.type, "application/pdf");
  assert.equal((await fetchBytes(await login("t-other-village"), `/training/materials/${m.id}`)).status, 403);
});
