import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { Browser, textOf } from "../../../test/support/http.ts";
import { buildApp } from "../../app.ts";
import { createLogger } from "../../logger.ts";
import { toLocalDate } from "../../platform/calendar/localDate.ts";
import { loadCalendar } from "../../platform/calendar/store.ts";
import type { Database } from "../../platform/db/database.ts";
import { openTestDatabase } from "../../platform/db/testing.ts";
import type { App } from "../../platform/http/types.ts";
import { formatDate } from "../../platform/i18n/i18n.ts";
import {
  answerPetition,
  confirmAnswer,
  handBackPetition,
  receivePetition,
  requestExtension,
  routePetition,
  startPetition,
} from "./commands/steps.ts";
import { type PetitionInput, submitPetition } from "./commands/submitPetition.ts";
import { extendDeadline } from "./deadlines.ts";
import { listAnswerTemplates } from "./queries/answerTemplates.ts";
import { fullMonths, overviewScope, petitionOverview } from "./queries/overview.ts";
import { refreshPetitionStats } from "./stats.ts";
import { petitionWorld } from "./testkit.ts";

let db: Database;
let w: Awaited<ReturnType<typeof petitionWorld>>;
let app: App;
let stop: () => void;
const browsers = new Map<string, Browser>();
const ids: Record<string, number> = {};

const as = async (who: keyof typeof w.people): Promise<Browser> => {
  const actor = w.people[who];
  const known = browsers.get(actor.username);
  if (known) return known;
  const b = new Browser(app);
  await b.login(actor.username, "mat-khau-1234");
  browsers.set(actor.username, b);
  return b;
};

const input = (over: Partial<PetitionInput> = {}): PetitionInput => ({
  villageId: w.ids.village,
  kind: "recommendation",
  categoryCode: "giao_thong",
  title: "Kiến nghị thử",
  body: "Nội dung kiến nghị của thôn, đủ dài để có thể đọc và phân loại được.",
  urgency: "normal",
  households: 10,
  residents: { names: "Nông Văn Dân", phones: "0987000111", consent: true },
  ...over,
});

const province = () => ({
  kind: "recommendation" as const,
  categoryCode: "giao_thong",
  urgency: "normal" as const,
  level: "province" as const,
});
const pastDeadline = (id: number, hoursAgo: number) =>
  db.pool.query("UPDATE petitions SET deadline_at = $2 WHERE id = $1", [
    id,
    new Date(w.clock.now().getTime() - hoursAgo * 3600_000),
  ]);

before(async () => {
  db = await openTestDatabase();
  w = await petitionWorld(db);
  const built = buildApp(w.config, db, w.clock, createLogger(w.config));
  app = built.app;
  stop = built.stop;
  const { as: ctx, people: p } = w;
  // P1: a land-certificate petition written with the abbreviation, routed to the department
  const p1 = await submitPetition(
    ctx(p.village),
    input({ title: "Đề nghị cấp GCN QSDĐ cho 12 hộ thôn Khe Tâm", categoryCode: "dat_dai" }),
  );
  await receivePetition(ctx(p.commune), p1.id, { ...province(), categoryCode: "dat_dai" });
  await routePetition(ctx(p.coordinator), p1.id, w.ids.agency, null);
  ids.p1 = p1.id;
  // P2: written out in full, waiting to be received
  const p2 = await submitPetition(
    ctx(p.village2),
    input({
      villageId: w.ids.village2,
      title: "Ủy ban nhân dân xã chậm sửa đường điện thôn Nà Làng",
      categoryCode: "dien_nuoc",
    }),
  );
  ids.p2 = p2.id;
  // P3: another commune, routed and overdue by two days
  const p3 = await submitPetition(
    ctx(p.otherVillage),
    input({ villageId: w.ids.otherVillage, title: "Đường liên thôn Đồng Cầu sạt lở" }),
  );
  await receivePetition(ctx(p.otherCommune), p3.id, province());
  await routePetition(ctx(p.coordinator), p3.id, w.ids.agency, null);
  await pastDeadline(p3.id, 48);
  ids.p3 = p3.id;
  // P4: answered on time and confirmed
  const p4 = await submitPetition(
    ctx(p.village),
    input({ title: "Trạm y tế thiếu thuốc", categoryCode: "y_te" }),
  );
  await receivePetition(ctx(p.commune), p4.id, { ...province(), categoryCode: "y_te" });
  await routePetition(ctx(p.coordinator), p4.id, w.ids.otherAgency, null);
  await answerPetition(ctx(p.otherAgency), p4.id, {
    text: "Sở đã bổ sung thuốc cho trạm y tế xã.",
    publish: false,
  });
  await confirmAnswer(ctx(p.village), p4.id, true, null);
  ids.p4 = p4.id;
  // P5: answered late, then the village was not satisfied
  const p5 = await submitPetition(ctx(p.village), input({ title: "Nước sinh hoạt nhiễm bẩn" }));
  await receivePetition(ctx(p.commune), p5.id, province());
  await routePetition(ctx(p.coordinator), p5.id, w.ids.agency, null);
  await pastDeadline(p5.id, 5);
  await startPetition(ctx(p.agency), p5.id);
  await answerPetition(ctx(p.agency), p5.id, {
    text: "Đã kiểm tra nguồn nước, đề nghị thôn đun sôi.",
    publish: false,
  });
  await confirmAnswer(ctx(p.village), p5.id, false, "Chưa xử lý nguồn nước");
  ids.p5 = p5.id;
  // P6: handed back by the agency
  const p6 = await submitPetition(ctx(p.village), input({ title: "Cầu treo xuống cấp" }));
  await receivePetition(ctx(p.commune), p6.id, province());
  await routePetition(ctx(p.coordinator), p6.id, w.ids.agency, null);
  await handBackPetition(ctx(p.agency), p6.id, "Thuộc thẩm quyền Sở Xây dựng");
  ids.p6 = p6.id;
  // P7: the agency asks for more time
  const p7 = await submitPetition(
    ctx(p.village2),
    input({ villageId: w.ids.village2, title: "Kênh mương nội đồng bồi lắng" }),
  );
  await receivePetition(ctx(p.commune), p7.id, province());
  await routePetition(ctx(p.coordinator), p7.id, w.ids.agency, null);
  await requestExtension(ctx(p.agency), p7.id, 5, "Cần khảo sát hiện trường");
  ids.p7 = p7.id;
});

after(async () => {
  stop?.();
  await db?.close();
});

const listText = async (who: keyof typeof w.people, query: string) => {
  const page = await (await as(who)).get(`/petitions${query}`);
  assert.equal(page.status, 200, `${query}: ${page.status}`);
  return textOf(page.html);
};

test("search works without diacritics and with abbreviations, in both directions", async () => {
  const noMarks = await listText("coordinator", "?q=giay+chung+nhan+quyen+su+dung+dat");
  assert.match(noMarks, /GCN QSDĐ cho 12 hộ/);
  assert.doesNotMatch(noMarks, /đường điện/);
  const abbreviated = await listText("coordinator", "?q=gcn+qsdd");
  assert.match(abbreviated, /GCN QSDĐ cho 12 hộ/);
  const ubnd = await listText("coordinator", "?q=ubnd");
  assert.match(ubnd, /Ủy ban nhân dân xã chậm sửa đường điện/);
  assert.doesNotMatch(ubnd, /GCN QSDĐ/);
  assert.match(await listText("coordinator", "?q=duong+lien+thon+dong+cau"), /Đồng Cầu sạt lở/);
});

test("filters: state, category, commune, agency, overdue, dates; a bad date is a field error, not a 500", async () => {
  const submitted = await listText("coordinator", "?state=submitted");
  assert.match(submitted, /đường điện/);
  assert.doesNotMatch(submitted, /GCN QSDĐ/);
  assert.match(submitted, /Tìm thấy 1 kiến nghị/);
  const two = await listText("coordinator", "?state=submitted&state=closed");
  assert.match(two, /Tìm thấy 2 kiến nghị/);
  assert.match(await listText("coordinator", "?category=y_te"), /Trạm y tế thiếu thuốc/);
  const otherCommune = await listText("coordinator", `?unitId=${w.ids.otherCommune}`);
  assert.match(otherCommune, /Đồng Cầu/);
  assert.doesNotMatch(otherCommune, /Khe Tâm/);
  const overdue = await listText("coordinator", "?overdue=1");
  assert.match(overdue, /Đồng Cầu sạt lở/);
  assert.match(overdue, /Tìm thấy 1 kiến nghị/);
  assert.match(overdue, /Quá hạn/);
  const byAgency = await listText("coordinator", `?agencyId=${w.ids.otherAgency}`);
  assert.match(byAgency, /Trạm y tế/);
  assert.doesNotMatch(byAgency, /Nước sinh hoạt/);
  assert.match(await listText("coordinator", "?from=01/03/2026&to=02/03/2026"), /Tìm thấy 7 kiến nghị/);
  assert.match(await listText("coordinator", "?from=03/03/2026"), /Không có kiến nghị nào phù hợp/);
  const c = await as("coordinator");
  const bad = await c.get("/petitions?from=31/02/2026&q=abc");
  assert.equal(bad.status, 422);
  assert.match(textOf(bad.html), /Ngày không hợp lệ/);
  assert.match(bad.html, /value="31\/02\/2026"/, "what was typed is kept");
  const order = await c.get("/petitions?from=05/03/2026&to=01/03/2026");
  assert.equal(order.status, 422);
  assert.equal((await c.get("/petitions?state=nonsense&kind=x&agencyId=abc&unitId=%27")).status, 200);
  assert.equal((await c.get("/petitions?after=zzz&sort=deadline")).status, 200);
});

test("scope: a commune officer never sees another commune's items, even when asking for them by unit", async () => {
  const own = await listText("commune", "");
  assert.match(own, /GCN QSDĐ/);
  assert.doesNotMatch(own, /Đồng Cầu/);
  const asked = await listText("commune", `?unitId=${w.ids.otherCommune}`);
  assert.doesNotMatch(asked, /Đồng Cầu/);
  assert.match(asked, /Không có kiến nghị nào phù hợp/);
  assert.doesNotMatch(await listText("commune", "?q=dong+cau"), /Đồng Cầu sạt lở/);
  // the commune officer's unit filter offers their villages, not the province's communes
  const page = await (await as("commune")).get("/petitions");
  assert.match(page.html, /<option value="\d+"[^>]*>Thôn Khe Tâm<\/option>/);
  assert.doesNotMatch(page.html, />Xã Hải Lạng<\/option>/);
  const village = await listText("village2", "");
  assert.match(village, /đường điện/);
  assert.doesNotMatch(village, /GCN QSDĐ/);
  // and the exports follow the same scope
  const csv = await (await as("commune")).get("/petitions/export.csv");
  assert.doesNotMatch(csv.html, /Đồng Cầu/);
  assert.equal((await (await as("commune")).get(`/petitions/${ids.p3}`)).status, 404);
});

test("keyset pages: 'Trang sau' keeps the filters and the next page continues where the first ended", async () => {
  const { as: ctx, people: p } = w;
  for (let i = 1; i <= 33; i++)
    await submitPetition(
      ctx(p.village),
      input({ title: `Đèn đường hỏng cột số ${i}`, categoryCode: "do_thi_ha_tang" }),
    );
  const c = await as("coordinator");
  const first = await c.get("/petitions?q=den+duong&category=do_thi_ha_tang");
  assert.match(textOf(first.html), /Tìm thấy 33 kiến nghị/);
  const next = /<a href="([^"]+)" rel="next">/.exec(first.html)?.[1]?.replaceAll("&amp;", "&");
  assert.ok(next, "a next link");
  assert.match(next, /q=den\+duong/);
  assert.match(next, /category=do_thi_ha_tang/);
  assert.match(next, /after=\d+/);
  const second = await c.get(next);
  const text = textOf(second.html);
  assert.match(text, /cột số 3\b/);
  assert.match(text, /cột số 1\b/);
  assert.doesNotMatch(text, /cột số 33\b/);
  assert.doesNotMatch(second.html, /rel="next"/);
  assert.match(text, /Về trang đầu/);
  // by deadline: items without a deadline are reached too (they come after every dated one)
  const byDeadline = await c.get("/petitions?sort=deadline&q=den+duong");
  const n2 = /<a href="([^"]+)" rel="next">/.exec(byDeadline.html)?.[1]?.replaceAll("&amp;", "&");
  assert.ok(n2);
  assert.match(textOf((await c.get(n2)).html), /cột số/);
});

test("a text search reads the newest rows first and gives the same pages as the full-text index, whatever the window", async () => {
  const { listPetitions, filterSql } = await import("./queries/listPetitions.ts");
  const actor = w.people.coordinator;
  const now = w.clock.now();
  for (const f of [
    { q: "den duong" },
    { q: "đèn đường", state: ["submitted"] },
    { q: "dien" },
    { q: "khong co dau" },
  ]) {
    const params: unknown[] = [];
    const where = filterSql(actor, f, params, now);
    const expected = (
      await db.pool.query<{ id: number }>(
        `SELECT p.id FROM petitions p WHERE ${where} ORDER BY p.id DESC`,
        params,
      )
    ).rows.map((r) => Number(r.id));
    for (const searchWindow of [1, 2, 3, 7, 1000]) {
      const seen: number[] = [];
      let after: string | null = null;
      let first = true;
      for (let guard = 0; guard < 100; guard++) {
        const page = await listPetitions(db.pool, actor, f, now, { after, limit: 4, searchWindow });
        seen.push(...page.items.map((i) => i.id));
        if (first) {
          assert.ok(page.total, `a first page states a total (${f.q}, window ${searchWindow})`);
          if (page.total.capped) assert.ok(page.total.n <= expected.length);
          else assert.equal(page.total.n, expected.length, `exact total (${f.q}, window ${searchWindow})`);
          first = false;
        }
        if (!page.next) break;
        after = page.next;
      }
      assert.deepEqual(seen, expected, `the same rows in the same order (${f.q}, window ${searchWindow})`);
    }
  }
});

test("the count says 'more than' beyond its cap, with a LIMIT-ed count", async () => {
  const { countPetitions } = await import("./queries/workLists.ts");
  const capped = await countPetitions(db.pool, w.people.coordinator, {}, w.clock.now(), 5);
  assert.deepEqual(capped, { n: 5, capped: true });
  const exact = await countPetitions(
    db.pool,
    w.people.coordinator,
    { state: ["submitted"], q: "dien" },
    w.clock.now(),
    5,
  );
  assert.deepEqual(exact, { n: 1, capped: false });
});

test("CSV export: UTF-8 with BOM, dd/mm/yyyy, the filtered rows, no residents' data; a note when capped", async () => {
  const c = await as("coordinator");
  const res = await c.get("/petitions/export.csv?category=dat_dai");
  assert.equal(res.status, 200);
  const raw = new Uint8Array(
    await (
      await app.request("http://localhost/petitions/export.csv?category=dat_dai", {
        headers: { cookie: [...c.cookies].map(([k, v]) => `${k}=${v}`).join("; ") },
      })
    ).arrayBuffer(),
  );
  assert.deepEqual([...raw.slice(0, 3)], [0xef, 0xbb, 0xbf], "UTF-8 with a BOM");
  assert.match(res.headers.get("content-type") ?? "", /text\/csv/);
  assert.match(
    res.headers.get("content-disposition") ?? "",
    /attachment; filename="kien-nghi-2026-03-02\.csv"/,
  );
  const rows: string[][] = parse(res.html);
  assert.equal(rows[0]?.[0], "Mã");
  assert.equal(rows.length, 2);
  const p1 = rows[1] ?? [];
  assert.match(p1[0] ?? "", /^KN-2026-\d{6}$/);
  assert.equal(p1[1], "Đề nghị cấp GCN QSDĐ cho 12 hộ thôn Khe Tâm");
  assert.equal(p1[6], "Thôn Khe Tâm");
  assert.equal(p1[10], "02/03/2026");
  assert.match(p1[11] ?? "", /^\d{2}\/\d{2}\/2026$/);
  const all = await c.get("/petitions/export.csv");
  const allRows: string[][] = parse(all.html);
  assert.ok(allRows.length > 40);
  assert.doesNotMatch(all.html, /Nông Văn Dân|0987000111/, "never residents' names or phones");
  const capped = await c.get("/petitions/export.csv?cap=3");
  const cappedRows: string[][] = parse(capped.html, { relax_column_count: true });
  assert.equal(cappedRows.length, 5);
  assert.match(cappedRows[4]?.[0] ?? "", /chỉ gồm 3 dòng đầu/);
  assert.equal((await c.get("/petitions/export.csv?from=99/99/2026")).status, 422);
});

test("XLSX export opens with exceljs and holds the right rows, dates as dates, no residents' data", async () => {
  const c = await as("coordinator");
  const res = await c.get(`/petitions/export.xlsx?agencyId=${w.ids.agency}`);
  assert.equal(res.status, 200);
  assert.match(res.headers.get("content-type") ?? "", /spreadsheetml/);
  const bytes = await (
    await app.request("http://localhost/petitions/export.xlsx", {
      headers: { cookie: [...c.cookies].map(([k, v]) => `${k}=${v}`).join("; ") },
    })
  ).arrayBuffer();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes);
  const ws = wb.worksheets[0];
  assert.ok(ws);
  assert.equal(ws.getCell("A1").value, "Mã");
  const codes: string[] = [];
  let residents = false;
  ws.eachRow((row, n) => {
    if (n === 1) return;
    codes.push(String(row.getCell(1).value));
    row.eachCell((cell) => {
      if (/Nông Văn Dân|0987000111/.test(String(cell.value))) residents = true;
    });
  });
  const { rows } = await db.pool.query<{ code: string }>("SELECT code FROM petitions ORDER BY id DESC");
  assert.deepEqual(
    codes,
    rows.map((r) => r.code),
  );
  assert.equal(residents, false);
  const submitted = ws.getRow(codes.length + 1).getCell(11).value;
  assert.ok(submitted instanceof Date, "a date cell");
  assert.equal(formatDate(submitted), "02/03/2026");
  // filtered export through the same filters
  const filtered = await app.request(`http://localhost/petitions/export.xlsx?agencyId=${w.ids.otherAgency}`, {
    headers: { cookie: [...c.cookies].map(([k, v]) => `${k}=${v}`).join("; ") },
  });
  const wb2 = new ExcelJS.Workbook();
  await wb2.xlsx.load(await filtered.arrayBuffer());
  assert.equal(wb2.worksheets[0]?.rowCount, 2);
  assert.equal(wb2.worksheets[0]?.getCell("B2").value, "Trạm y tế thiếu thuốc");
});

test("inbox: buckets with counts, the commune officer's own area only; home pages", async () => {
  const fresh = new Browser(app);
  assert.equal(
    (await fresh.login(w.people.commune.username, "mat-khau-1234")).url,
    "/petitions/inbox",
    "a commune officer lands on the inbox",
  );
  const commune = await as("commune");
  const page = await commune.get("/petitions/inbox?bucket=submitted");
  const text = textOf(page.html);
  assert.match(text, /Chờ tiếp nhận/);
  assert.match(text, /đường điện thôn Nà Làng/);
  const handed = textOf((await commune.get("/petitions/inbox?bucket=handed_back")).html);
  assert.match(handed, /Cầu treo xuống cấp/);
  assert.match(handed, /Đã bị trả lại 1 lần/);
  assert.match(
    textOf((await commune.get("/petitions/inbox?bucket=reopened")).html),
    /Nước sinh hoạt nhiễm bẩn/,
  );
  assert.match(page.html, new RegExp(`href="/petitions/${ids.p2}"`));
  const other = textOf((await (await as("otherCommune")).get("/petitions/inbox?bucket=submitted")).html);
  assert.doesNotMatch(other, /Nà Làng/);
  assert.equal((await (await as("agency")).get("/petitions/inbox")).status, 403);
  assert.equal((await (await as("village")).get("/petitions/inbox")).status, 403);
  const coordinator = new Browser(app);
  const home = await coordinator.login(w.people.coordinator.username, "mat-khau-1234");
  assert.equal(home.url, "/overview", "the coordinator keeps the province overview as home");
  assert.match(home.html, /href="\/petitions\/inbox"/);
  assert.match(home.html, /href="\/petitions\/extensions"/);
});

test("queue: overdue first, then by deadline, with working days left or overdue; filters and counts", async () => {
  const fresh = new Browser(app);
  assert.equal(
    (await fresh.login(w.people.agency.username, "mat-khau-1234")).url,
    "/petitions/queue",
    "an agency officer lands on the queue",
  );
  const agency = await as("agency");
  const page = await agency.get("/petitions/queue");
  const text = textOf(page.html);
  const order = [...page.html.matchAll(/<a href="\/petitions\/(\d+)">/g)].map((m) => Number(m[1]));
  assert.equal(order[0], ids.p3, "the overdue one first");
  const { rows } = await db.pool.query<{ id: number }>(
    "SELECT id FROM petitions WHERE agency_id = $1 AND state IN ('assigned', 'in_progress', 'reopened') ORDER BY deadline_at NULLS LAST, id",
    [w.ids.agency],
  );
  assert.deepEqual(
    order,
    rows.map((r) => r.id),
  );
  assert.match(text, /Quá hạn \d+ ngày làm việc/);
  assert.match(text, /Còn \d+ ngày làm việc/);
  assert.match(text, /1 quá hạn/);
  assert.doesNotMatch(text, /Trạm y tế/, "another agency's item is not in this queue");
  const overdue = textOf((await agency.get("/petitions/queue?due=overdue")).html);
  assert.match(overdue, /Đồng Cầu/);
  assert.doesNotMatch(overdue, /GCN QSDĐ/);
  const filtered = textOf((await agency.get(`/petitions/queue?unitId=${w.ids.commune}&q=gcn`)).html);
  assert.match(filtered, /GCN QSDĐ/);
  assert.doesNotMatch(filtered, /Đồng Cầu/);
  assert.equal((await agency.get("/petitions/queue?state=bogus&after=1_2_3&due=x")).status, 200);
  assert.equal((await (await as("coordinator")).get("/petitions/queue")).status, 403);
});

test("extensions: the coordinator approves, and the deadline moves by the working days asked", async () => {
  const c = await as("coordinator");
  const page = await c.get("/petitions/extensions");
  assert.match(textOf(page.html), /Kênh mương nội đồng bồi lắng/);
  assert.match(textOf(page.html), /Cần khảo sát hiện trường/);
  const requestId = Number(/action="\/petitions\/extensions\/(\d+)"/.exec(page.html)?.[1]);
  const before = (
    await db.pool.query<{ deadline_at: Date }>("SELECT deadline_at FROM petitions WHERE id = $1", [ids.p7])
  ).rows[0]?.deadline_at;
  assert.ok(before);
  const bad = await c.post(`/petitions/extensions/${requestId}`, { decision: "maybe" });
  assert.equal(bad.status, 422);
  const other = await as("commune");
  await other.get("/petitions/inbox");
  assert.equal((await other.post(`/petitions/extensions/${requestId}`, { decision: "approve" })).status, 403);
  await c.get("/petitions/extensions");
  const ok = await c.post(`/petitions/extensions/${requestId}`, { decision: "approve", note: "Đồng ý" });
  assert.equal(ok.status, 200);
  assert.match(textOf(ok.html), /Đã đồng ý gia hạn/);
  assert.doesNotMatch(textOf(ok.html), /Kênh mương/);
  const afterRow = (
    await db.pool.query<{ deadline_at: Date }>("SELECT deadline_at FROM petitions WHERE id = $1", [ids.p7])
  ).rows[0];
  const cal = await loadCalendar(db.pool);
  assert.equal(afterRow?.deadline_at.getTime(), extendDeadline(before, 5, cal).getTime());
  const again = await c.post(`/petitions/extensions/${requestId}`, { decision: "approve" });
  assert.equal(again.status, 409, "deciding twice is a conflict, not a 500");
});

test("answer templates: the agency's officers add, edit and delete; others may not", async () => {
  const agency = await as("agency");
  const base = `/agencies/${w.ids.agency}/templates`;
  assert.equal((await agency.get(base)).status, 200);
  const bad = await agency.post(base, { title: "", body: "ngắn" });
  assert.equal(bad.status, 422);
  assert.match(textOf(bad.html), /Vui lòng nhập tên mẫu/);
  const created = await agency.post(base, {
    title: "Đã chuyển xã xử lý",
    body: "Cơ quan đã chuyển kiến nghị tới UBND xã để xử lý theo thẩm quyền.",
  });
  assert.equal(created.status, 200);
  assert.match(textOf(created.html), /Đã thêm mẫu trả lời/);
  const [tpl] = await listAnswerTemplates(db.pool, w.ids.agency);
  assert.ok(tpl);
  assert.equal(tpl.title, "Đã chuyển xã xử lý");
  const edited = await agency.post(`${base}/${tpl.id}`, { title: "Chuyển UBND xã", body: tpl.body });
  assert.equal(edited.status, 200);
  assert.equal((await listAnswerTemplates(db.pool, w.ids.agency))[0]?.title, "Chuyển UBND xã");
  const other = await as("otherAgency");
  assert.equal((await other.get(base)).status, 403);
  await other.get(`/agencies/${w.ids.otherAgency}/templates`);
  assert.equal((await other.post(`${base}/${tpl.id}/delete`, {})).status, 403);
  assert.equal((await agency.post(`${base}/${tpl.id}/delete`, {})).status, 200);
  assert.equal((await listAnswerTemplates(db.pool, w.ids.agency)).length, 0);
  assert.equal((await agency.post(`${base}/${tpl.id}/delete`, {})).status, 404);
  const audit = await db.pool.query("SELECT 1 FROM audit_events WHERE action LIKE 'petition.template_%'");
  assert.equal(audit.rowCount, 3);
});

/** What the overview must say, counted by hand from the petitions themselves. */
async function handCount(from: string, to: string) {
  const q = async (sql: string, params: unknown[] = []) =>
    (await db.pool.query<{ n: number }>(sql, params)).rows[0]?.n ?? 0;
  const day = (col: string) => `(${col} AT TIME ZONE 'Asia/Ho_Chi_Minh')::date BETWEEN $1::date AND $2::date`;
  return {
    received: await q(
      `SELECT count(*)::int n FROM petitions WHERE state <> 'draft' AND ${day("submitted_at")}`,
      [from, to],
    ),
    answered: await q(`SELECT count(*)::int n FROM petitions WHERE ${day("answered_at")}`, [from, to]),
    on_time: await q(
      `SELECT count(*)::int n FROM petitions WHERE answered_on_time AND ${day("answered_at")}`,
      [from, to],
    ),
    overdue: await q(
      "SELECT count(*)::int n FROM petitions WHERE state IN ('assigned', 'in_progress') AND deadline_at < $1",
      [w.clock.now()],
    ),
    open: await q("SELECT count(*)::int n FROM petitions WHERE state IN ('assigned', 'in_progress')"),
  };
}

test("overview: the figures match a hand count, by agency and commune, and stay right as things change", async () => {
  await refreshPetitionStats(db.pool, w.clock.now());
  const leader = w.people.leader;
  const o = await petitionOverview(
    db.pool,
    overviewScope(leader),
    { from: "2026-03-01", to: "2026-03-31" },
    w.clock.now(),
  );
  const hand = await handCount("2026-03-01", "2026-03-31");
  assert.equal(o.totals.received, hand.received);
  assert.equal(o.totals.answered, hand.answered);
  assert.equal(o.totals.answered, 2);
  assert.equal(o.totals.on_time, hand.on_time);
  assert.equal(o.totals.on_time, 1);
  assert.equal(o.totals.overdue, hand.overdue);
  assert.equal(o.totals.overdue, 1);
  assert.equal(o.totals.open, hand.open);
  assert.equal(o.totals.satisfied, 1);
  assert.equal(o.totals.not_satisfied, 1);
  const dept = o.byAgency.find((a) => a.agency_id === w.ids.agency);
  assert.equal(dept?.overdue, 1);
  assert.equal(dept?.answered, 1);
  assert.equal(dept?.on_time, 0);
  const other = o.byCommune.find((c) => c.commune_id === w.ids.otherCommune);
  assert.equal(other?.received, 1);
  // nothing counted twice when the sweep runs again with nothing new
  await refreshPetitionStats(db.pool, w.clock.now());
  const again = await petitionOverview(
    db.pool,
    overviewScope(leader),
    { from: "2026-03-01", to: "2026-03-31" },
    w.clock.now(),
  );
  assert.deepEqual(again.totals, o.totals);
  // a step later: P1 answered on time; P3 answered late. The next sweep moves the sums by exactly that.
  await answerPetition(w.as(w.people.agency), Number(ids.p1), {
    text: "Đã cấp giấy chứng nhận cho các hộ.",
    publish: true,
  });
  await answerPetition(w.as(w.people.agency), Number(ids.p3), {
    text: "Đã khắc phục sạt lở tuyến đường.",
    publish: true,
  });
  await refreshPetitionStats(db.pool, w.clock.now());
  const later = await petitionOverview(
    db.pool,
    overviewScope(leader),
    { from: "2026-03-01", to: "2026-03-31" },
    w.clock.now(),
  );
  const hand2 = await handCount("2026-03-01", "2026-03-31");
  assert.equal(later.totals.answered, 4);
  assert.equal(later.totals.answered, hand2.answered);
  assert.equal(later.totals.on_time, hand2.on_time);
  assert.equal(later.totals.overdue, 0);
  assert.equal(later.totals.open, hand2.open);
  // a period across months (daily edges + monthly middle) agrees with the hand count too
  const wide = await petitionOverview(
    db.pool,
    overviewScope(leader),
    { from: "2026-02-15", to: "2026-04-10" },
    w.clock.now(),
  );
  const handWide = await handCount("2026-02-15", "2026-04-10");
  assert.equal(wide.totals.received, handWide.received);
  assert.equal(wide.totals.answered, handWide.answered);
  // a period ending today reads today's month from its monthly sum: still the hand count
  const today = toLocalDate(w.clock.now());
  for (const from of [`${today.slice(0, 7)}-01`, "2026-02-15", today]) {
    const upToToday = await petitionOverview(
      db.pool,
      overviewScope(leader),
      { from, to: today },
      w.clock.now(),
    );
    const handToday = await handCount(from, today);
    assert.equal(upToToday.totals.received, handToday.received, `received ${from}..${today}`);
    assert.equal(upToToday.totals.answered, handToday.answered, `answered ${from}..${today}`);
  }
  // a period with nothing in it
  const empty = await petitionOverview(
    db.pool,
    overviewScope(leader),
    { from: "2025-01-01", to: "2025-01-31" },
    w.clock.now(),
  );
  assert.equal(empty.totals.received, 0);
  // a rebuild from scratch gives the same sums as the incremental path
  await db.pool.query("DELETE FROM petition_stats_state");
  await db.pool.query(
    "TRUNCATE petition_stat_facts, petition_daily_stats, petition_monthly_stats, petition_open_due",
  );
  await refreshPetitionStats(db.pool, w.clock.now());
  const rebuilt = await petitionOverview(
    db.pool,
    overviewScope(leader),
    { from: "2026-03-01", to: "2026-03-31" },
    w.clock.now(),
  );
  assert.deepEqual(rebuilt, later);
});

test("overview periods: whole months come from the monthly sums, the edges from the daily ones", () => {
  assert.deepEqual(fullMonths("2026-03-01", "2026-03-31"), {
    monthFrom: "2026-03-01",
    monthTo: "2026-04-01",
  });
  assert.deepEqual(fullMonths("2026-03-15", "2026-05-20"), {
    monthFrom: "2026-04-01",
    monthTo: "2026-05-01",
  });
  assert.deepEqual(fullMonths("2025-12-01", "2026-02-28"), {
    monthFrom: "2025-12-01",
    monthTo: "2026-03-01",
  });
  assert.deepEqual(
    fullMonths("2024-02-01", "2024-02-28"),
    { monthFrom: "2024-02-29", monthTo: "2024-02-29" },
    "no whole month (leap year)",
  );
  assert.deepEqual(fullMonths("2024-02-01", "2024-02-29"), {
    monthFrom: "2024-02-01",
    monthTo: "2024-03-01",
  });
  assert.deepEqual(fullMonths("2026-03-01", "2026-03-02"), {
    monthFrom: "2026-03-03",
    monthTo: "2026-03-03",
  });
  assert.deepEqual(fullMonths("2026-12-31", "2026-12-31"), {
    monthFrom: "2027-01-01",
    monthTo: "2027-01-01",
  });
});

test("overview page: leaders see the period's figures; a bad date is a field error; others may not", async () => {
  await refreshPetitionStats(db.pool, w.clock.now());
  const leader = await as("leader");
  const page = await leader.get("/petitions/overview");
  assert.equal(page.status, 200);
  const text = textOf(page.html);
  assert.match(text, /Từ 01\/03\/2026 đến 02\/03\/2026/);
  const hand = await handCount("2026-03-01", "2026-03-02");
  assert.match(text, new RegExp(`Tiếp nhận ${hand.received}\\b`));
  assert.match(text, new RegExp(`Đã trả lời ${hand.answered}\\b`));
  assert.match(text, /Theo cơ quan giải quyết/);
  assert.match(text, /Sở Nông nghiệp và Môi trường/);
  assert.match(text, /Xã Hải Lạng/);
  assert.match(page.html, /<svg[^>]*role="img"/);
  const bad = await leader.get("/petitions/overview?from=1/13/2026");
  assert.equal(bad.status, 422);
  assert.match(textOf(bad.html), /Ngày không hợp lệ/);
  assert.equal((await leader.get("/petitions/overview?from=01/02/2026&to=28/02/2026")).status, 200);
  assert.equal((await (await as("agency")).get("/petitions/overview")).status, 403);
  assert.equal((await (await as("commune")).get("/petitions/overview")).status, 403);
});

test("every page of this file answers without a 500 for an anonymous visitor (login first)", async () => {
  const anon = new Browser(app);
  for (const path of [
    "/petitions",
    "/petitions/inbox",
    "/petitions/queue",
    "/petitions/extensions",
    "/petitions/overview",
    "/petitions/export.csv",
  ]) {
    const res = await anon.get(path, { redirect: "manual" });
    assert.equal(res.status, 303, path);
    assert.match(res.location ?? "", /^\/login\?next=/);
  }
});
