import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import ExcelJS from "exceljs";
import { Browser, textOf } from "../../../test/support/http.ts";
import { buildApp } from "../../app.ts";
import { createLogger } from "../../logger.ts";
import type { Database } from "../../platform/db/database.ts";
import { openTestDatabase } from "../../platform/db/testing.ts";
import type { App } from "../../platform/http/types.ts";
import { directiveWorld } from "./testkit.ts";

const PASSWORD = "mat-khau-1234";
let db: Database;
let w: Awaited<ReturnType<typeof directiveWorld>>;
let app: App;
let stop: () => void;

before(async () => {
  db = await openTestDatabase();
  w = await directiveWorld(db);
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

function form(b: Browser, fields: Record<string, string>, targets: number[]): FormData {
  const fd = new FormData();
  fd.append("_csrf", b.csrf());
  for (const [k, v] of Object.entries(fields)) fd.append(k, v);
  for (const t of targets) fd.append("targets", String(t));
  fd.append("targetRoles", "village_head");
  return fd;
}

const FIELDS = {
  docNumber: "15/CT-UBND",
  docDate: "01/03/2026",
  issuer: "UBND tỉnh Quảng Ninh",
  title: "Về vệ sinh môi trường phòng dịch",
  category: "health",
  summary: "Mỗi hộ dọn vệ sinh quanh nhà vào sáng thứ Bảy hằng tuần, thu gom rác đúng nơi quy định.",
  body: "Toàn văn chỉ thị về vệ sinh môi trường phòng dịch.",
  ackDue: "05/03/2026",
  disseminateDue: "10/03/2026",
  opinionsUntil: "15/03/2026",
};

let directiveId = 0;

test("a form with mistakes keeps what was typed and says beside each field what to fix", async () => {
  const b = await as("t-coordinator");
  await b.get("/directives/new");
  const page = await b.post(
    "/directives",
    form(b, { ...FIELDS, docDate: "31/02/2026", summary: "ngắn" }, []),
  );
  assert.equal(page.status, 422);
  const text = textOf(page.html);
  assert.match(text, /Nhập ngày theo dạng ngày\/tháng\/năm/);
  assert.match(text, /Nhập tóm tắt dễ hiểu/);
  assert.match(text, /Chọn ít nhất một đơn vị nhận/);
  assert.match(page.html, /value="Về vệ sinh môi trường phòng dịch"/, "the title is kept");
});

test("the coordinator drafts; only the leader approves and publishes", async () => {
  const b = await as("t-coordinator");
  await b.get("/directives/new");
  const created = await b.post("/directives", form(b, FIELDS, [w.ids.commune]));
  assert.equal(created.status, 200);
  directiveId = Number(/\/directives\/(\d+)/.exec(created.url)?.[1]);
  assert.ok(directiveId > 0);
  assert.match(textOf(created.html), /Dự thảo/);
  assert.ok(
    !created.html.includes(`action="/directives/${directiveId}/approve"`),
    "no approve button for the coordinator",
  );
  const refused = await b.post(`/directives/${directiveId}/approve`, {});
  assert.equal(refused.status, 403);
  const leader = await as("t-leader");
  await leader.get(`/directives/${directiveId}`);
  await leader.post(`/directives/${directiveId}/approve`, {});
  const published = await leader.post(`/directives/${directiveId}/publish`, {});
  assert.match(textOf(published.html), /Đã ban hành/);
  assert.match(textOf(published.html), /gửi tới 2 thôn/);
});

test("the village head's inbox holds it; another commune's head neither lists nor opens it", async () => {
  const head = await as("t-village");
  const inbox = await head.get("/directives/inbox");
  assert.match(textOf(inbox.html), /Về vệ sinh môi trường phòng dịch/);
  const own = await head.get(`/directives/${directiveId}/village/${w.ids.village}`);
  assert.equal(own.status, 200);
  assert.match(textOf(own.html), /Mỗi hộ dọn vệ sinh quanh nhà/, "the summary to read aloud");
  const notOurs = await head.get(`/directives/${directiveId}/village/${w.ids.village2}`);
  assert.equal(notOurs.status, 404);
  const other = await as("t-other-village");
  assert.doesNotMatch(textOf((await other.get("/directives/inbox")).html), /vệ sinh môi trường/);
  assert.equal((await other.get(`/directives/${directiveId}`)).status, 404);
  assert.equal((await other.get(`/directives/${directiveId}/village/${w.ids.village}`)).status, 404);
});

test("acknowledge and report dissemination from the phone form; errors stay beside the field", async () => {
  const head = await as("t-village");
  const base = `/directives/${directiveId}/village/${w.ids.village}`;
  await head.get(base);
  const acked = await head.post(`${base}/acknowledge`, {});
  assert.match(textOf(acked.html), /Đã xác nhận nhận văn bản/);
  const bad = await head.post(`${base}/dissemination`, { on: "hôm qua", form: "", households: "-3" });
  assert.equal(bad.status, 422);
  assert.match(textOf(bad.html), /Chọn hình thức phổ biến/);
  assert.match(bad.html, /value="hôm qua"/);
  const ok = await head.post(`${base}/dissemination`, {
    on: "02/03/2026",
    form: "zalo_group",
    households: "64",
  });
  assert.match(textOf(ok.html), /Đã phổ biến ngày 02\/03\/2026, hình thức Nhóm Zalo, 64 hộ/);
});

test("coverage: the leader sees the percentages and exports XLSX; a commune officer only their own commune", async () => {
  const leader = await as("t-leader");
  const cov = await leader.get(`/directives/${directiveId}/coverage`);
  assert.equal(cov.status, 200);
  const text = textOf(cov.html);
  assert.match(text, /50% \(1\/2\)/, "one of the two villages acknowledged and disseminated");
  assert.match(cov.html, /<svg/);
  const res = await app.request(`http://localhost/directives/${directiveId}/coverage.xlsx`, {
    headers: { cookie: [...leader.cookies].map(([k, v]) => `${k}=${v}`).join("; ") },
  });
  assert.equal(res.status, 200);
  const wb = new ExcelJS.Workbook();
  // exceljs declares its own Buffer type; it reads Node buffers at runtime
  await wb.xlsx.load((await res.arrayBuffer()) as unknown as Parameters<typeof wb.xlsx.load>[0]);
  const rows = wb.worksheets[0]?.getSheetValues().filter(Boolean) ?? [];
  assert.equal(rows.length, 4, "title, header and two villages");
  const other = await as("t-other-commune");
  // the directive did not reach their commune: for them it does not exist
  assert.equal((await other.get(`/directives/${directiveId}/coverage?unit=${w.ids.commune}`)).status, 404);
  const own = await as("t-commune");
  const mine = await own.get(`/directives/${directiveId}/coverage`);
  assert.equal(mine.status, 200);
  assert.match(textOf(mine.html), /Thôn Khe Tâm/);
});

test("after the acknowledgement deadline the coverage page lists the villages that are late, and only those", async () => {
  w.clock.set(new Date("2026-03-06T09:00:00+07:00"));
  const leader = await as("t-leader");
  const cov = await leader.get(`/directives/${directiveId}/coverage`);
  assert.equal(cov.status, 200);
  const late = [...cov.html.matchAll(/<tr class="late-row">[\s\S]*?<a [^>]*>([^<]+)<\/a>/g)].map((m) => m[1]);
  assert.deepEqual(late, ["Bản Nà Làng"], "Khe Tâm acknowledged and disseminated in time");
});
