import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { inflateRawSync } from "node:zlib";
import ExcelJS from "exceljs";
import { Browser, textOf } from "../../../../test/support/http.ts";
import { buildApp } from "../../../app.ts";
import { createLogger } from "../../../logger.ts";
import type { Database } from "../../../platform/db/database.ts";
import { openTestDatabase } from "../../../platform/db/testing.ts";
import { escalatePetition, receivePetition } from "../../petitions/commands/steps.ts";
import { submitPetition } from "../../petitions/commands/submitPetition.ts";
import { petitionWorld } from "../../petitions/testkit.ts";
import { parsePeriod } from "./period.ts";
import { loadCentralReport } from "./queries/centralReport.ts";

/** Residents' and village heads' personal data: none of it may reach a page, a document or a spreadsheet. */
const SECRETS = [
  "Nguyễn Thị Bí Mật",
  "0987654321",
  "Hoàng Văn Kín",
  "0977111222",
  "Nông Văn A",
  "0912000001",
  "Lò Thị B",
  "0912000002",
  "Trần Văn C",
  "0912000003",
];
const PASSWORD = "mat-khau-1234";
const CLUSTER = 9001;

let db: Database;
let w: Awaited<ReturnType<typeof petitionWorld>>;
let app: ReturnType<typeof buildApp>;
let bo: { nnmt: number; xd: number };
const ids: Record<string, number> = {};
const titles = {
  jan: "Sửa quy định bồi thường khi thu hồi đất rừng sản xuất",
  feb: "Nâng cấp quốc lộ 18C đoạn qua xã",
  cluster: "Cấp giấy chứng nhận quyền sử dụng đất cho hộ tái định cư",
  dup2: "Chưa được cấp sổ đỏ đất tái định cư",
  dup3: "Hộ tái định cư chờ cấp GCN QSDĐ nhiều năm",
  march: "Điều chỉnh chính sách hỗ trợ học sinh bán trú",
  merged: "Xin cấp giấy chứng nhận đất tái định cư (thôn trùng)",
  april: "Kiến nghị về giá điện sinh hoạt bậc thang",
};

async function escalate(
  key: keyof typeof titles,
  who: "village" | "village2" | "otherVillage",
  category: string,
  central: number,
) {
  const p = w.people;
  const villageId = w.ids[who];
  const s = await submitPetition(w.as(p[who]), {
    villageId,
    kind: "recommendation",
    categoryCode: category,
    title: titles[key],
    body: `Cử tri ${titles[key].toLowerCase()}, đề nghị cơ quan Trung ương xem xét giải quyết dứt điểm.`,
    urgency: "normal",
    households: 40,
    residents: { names: "Nguyễn Thị Bí Mật, Hoàng Văn Kín", phones: "0987654321, 0977111222", consent: true },
  });
  await receivePetition(w.as(p.coordinator), s.id, {
    kind: "recommendation",
    categoryCode: category,
    urgency: "normal",
    level: "central",
  });
  await escalatePetition(w.as(p.coordinator), s.id, central, "Thuộc thẩm quyền Trung ương");
  ids[key] = s.id;
  return s.id;
}

async function browserFor(username: string) {
  const b = new Browser(app.app);
  await b.login(username, PASSWORD);
  return b;
}

/** Raw bytes of a download through the app, with the browser's cookies. */
async function download(b: Browser, path: string) {
  const res = await app.app.request(`http://localhost${path}`, {
    headers: { cookie: [...b.cookies].map(([k, v]) => `${k}=${v}`).join("; ") },
  });
  return {
    status: res.status,
    type: res.headers.get("content-type") ?? "",
    bytes: Buffer.from(await res.arrayBuffer()),
  };
}

/** The files of a zip (DOCX and XLSX are zips): a small reader over the central directory. */
function unzip(buf: Buffer): Map<string, string> {
  let eocd = buf.length - 22;
  while (eocd >= 0 && buf.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  assert.ok(eocd >= 0, "a zip file");
  const count = buf.readUInt16LE(eocd + 10);
  let at = buf.readUInt32LE(eocd + 16);
  const files = new Map<string, string>();
  for (let i = 0; i < count; i++) {
    const method = buf.readUInt16LE(at + 10);
    const size = buf.readUInt32LE(at + 20);
    const nameLen = buf.readUInt16LE(at + 28);
    const extraLen = buf.readUInt16LE(at + 30);
    const commentLen = buf.readUInt16LE(at + 32);
    const local = buf.readUInt32LE(at + 42);
    const name = buf.subarray(at + 46, at + 46 + nameLen).toString("utf8");
    const dataAt = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const data = buf.subarray(dataAt, dataAt + size);
    files.set(name, (method === 8 ? inflateRawSync(data) : data).toString("utf8"));
    at += 46 + nameLen + extraLen + commentLen;
  }
  return files;
}

const wordText = (xml: string) =>
  [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)]
    .map((m) => (m[1] ?? "").replace(/&amp;/g, "&").replace(/&quot;/g, '"'))
    .join(" ");

before(async () => {
  db = await openTestDatabase();
  w = await petitionWorld(db, new Date("2026-01-12T09:00:00+07:00"));
  app = buildApp(w.config, db, w.clock, createLogger(w.config));
  const central = async (code: string) =>
    (await db.pool.query<{ id: number }>("SELECT id FROM agencies WHERE code = $1", [code])).rows[0]?.id ?? 0;
  bo = { nnmt: await central("BO-NNMT"), xd: await central("BO-XD") };
  // January, February, March (a cluster of three villages in two communes, and one more), April.
  await escalate("jan", "village", "dat_dai", bo.nnmt);
  w.clock.set(new Date("2026-02-10T09:00:00+07:00"));
  await escalate("feb", "village2", "giao_thong", bo.xd);
  w.clock.set(new Date("2026-03-09T09:00:00+07:00"));
  await escalate("cluster", "village", "dat_dai", bo.nnmt);
  await escalate("dup2", "village2", "dat_dai", bo.nnmt);
  await escalate("dup3", "otherVillage", "dat_dai", bo.nnmt);
  await escalate("march", "otherVillage", "giao_duc", bo.xd);
  // A member merged into the cluster (it follows its lead and is in no report itself).
  const m = await submitPetition(w.as(w.people.village), {
    villageId: w.ids.village,
    kind: "recommendation",
    categoryCode: "dat_dai",
    title: titles.merged,
    body: "Thôn cũng có hộ tái định cư chưa được cấp giấy chứng nhận.",
    urgency: "normal",
    households: 5,
    residents: { names: "Hoàng Văn Kín", phones: "0977111222", consent: true },
  });
  ids.merged = m.id;
  await db.pool.query("UPDATE petitions SET state = 'merged' WHERE id = $1", [m.id]);
  await db.pool.query("UPDATE petitions SET cluster_id = $1 WHERE id = ANY($2::bigint[])", [
    CLUSTER,
    [ids.cluster, ids.dup2, ids.dup3, m.id],
  ]);
  w.clock.set(new Date("2026-04-06T09:00:00+07:00"));
  await escalate("april", "village", "dien_nuoc", bo.xd);
});

after(async () => {
  app?.stop();
  await db?.close();
});

test("the month's report groups by category, central agency and cluster, and counts villages and communes", async () => {
  const period = parsePeriod("m3");
  assert.ok(period);
  const r = await loadCentralReport(db.pool, 2026, period, "vi");
  assert.equal(r.totals.items, 4, "four petitions escalated in March");
  assert.equal(r.totals.entries, 2, "the three duplicates are one issue");
  assert.deepEqual(
    r.categories.map((c) => c.code),
    ["dat_dai", "giao_duc"],
  );
  const land = r.categories[0]?.agencies[0]?.entries[0];
  assert.ok(land);
  assert.equal(land.clusterId, CLUSTER);
  assert.equal(land.lead.title, titles.cluster);
  assert.equal(land.items.length, 3);
  assert.equal(land.petitionCount, 4, "the merged member counts in the cluster's weight");
  assert.equal(land.villageCount, 3);
  assert.equal(land.communeCount, 2);
  assert.deepEqual(
    land.places.map((p) => [p.communeName, p.villages.map((v) => v.name)]),
    [
      ["Xã Hải Lạng", ["Thôn Đồng Cầu"]],
      ["Xã Tiên Yên", ["Bản Nà Làng", "Thôn Khe Tâm"]],
    ],
  );
  assert.equal(r.categories[1]?.agencies[0]?.name, "Bộ Xây dựng");
  assert.deepEqual(
    r.agencies.map((a) => a.name),
    ["Bộ Nông nghiệp và Môi trường", "Bộ Xây dựng"],
  );

  const coordinator = await browserFor("t-coordinator");
  const page = await coordinator.get("/central-reports/2026/m3");
  assert.equal(page.status, 200);
  const text = textOf(page.html);
  assert.match(text, /Nhóm kiến nghị trùng: 4 kiến nghị/);
  assert.match(text, /3 thôn, bản, khu phố thuộc 2 xã, phường kiến nghị/);
  assert.match(text, /1 thôn, bản, khu phố thuộc 1 xã, phường kiến nghị/);
  assert.ok(text.includes(titles.cluster) && text.includes(titles.march));
  assert.ok(!text.includes(titles.dup2), "a cluster is shown once, under its lead's title");
  assert.ok(!text.includes(titles.jan) && !text.includes(titles.april));
  assert.match(page.html, /name="ids" value="\d+,\d+,\d+"/, "one checkbox selects the whole cluster");
  assert.match(text, /Đóng kỳ báo cáo/);
  for (const s of SECRETS) assert.ok(!page.html.includes(s), `the page shows no personal data (${s})`);

  const list = await coordinator.get("/central-reports?year=2026");
  assert.equal(list.status, 200);
  const lt = textOf(list.html);
  assert.match(lt, /Tháng 1 Đang mở 1/);
  assert.match(lt, /Tháng 3 Đang mở 4/);
  for (const k of ["q1", "h1", "9m", "y"]) assert.ok(list.html.includes(`href="/central-reports/2026/${k}"`));
  assert.match(
    list.html,
    /href="\/central-reports"[^>]*>Báo cáo Trung ương</,
    "the nav has the central reports",
  );
});

test("cumulative Q1 holds January to March only", async () => {
  const q1 = parsePeriod("q1");
  assert.ok(q1);
  const r = await loadCentralReport(db.pool, 2026, q1, "vi");
  assert.deepEqual(
    r.months.map((m) => m.month),
    [1, 2, 3],
  );
  const shown = r.categories
    .flatMap((c) => c.agencies.flatMap((a) => a.entries.flatMap((e) => e.items.map((i) => i.id))))
    .sort((a, b) => a - b);
  assert.deepEqual(
    shown,
    [ids.jan, ids.feb, ids.cluster, ids.dup2, ids.dup3, ids.march].map(Number).sort((a, b) => a - b),
  );
  const leader = await browserFor("t-leader");
  const page = await leader.get("/central-reports/2026/q1");
  assert.equal(page.status, 200);
  const text = textOf(page.html);
  assert.ok(text.includes(titles.jan) && text.includes(titles.feb) && text.includes(titles.cluster));
  assert.ok(!text.includes(titles.april));
  assert.ok(!text.includes("Đóng kỳ báo cáo"), "a leader reads but does not close");
  assert.ok(!page.html.includes('name="ids"'), "nor records replies");
  const year = await leader.get("/central-reports/2026/y");
  assert.ok(textOf(year.html).includes(titles.april));
  assert.equal((await leader.get("/central-reports/2026/m13")).status, 404);
  assert.equal((await leader.get("/central-reports/2026/q2")).status, 404);
});

test("the DOCX is an official document with the items and their counts, and no personal data", async () => {
  const coordinator = await browserFor("t-coordinator");
  const res = await download(coordinator, "/central-reports/2026/m3.docx");
  assert.equal(res.status, 200);
  assert.match(res.type, /wordprocessingml/);
  const files = unzip(res.bytes);
  const xml = files.get("word/document.xml");
  assert.ok(xml, "document.xml");
  const text = wordText(xml);
  for (const s of [
    "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "Độc lập - Tự do - Hạnh phúc",
    "ỦY BAN NHÂN DÂN",
    "TỈNH QUẢNG NINH",
    "/BC-UBND",
    "BÁO CÁO",
    "TM. ỦY BAN NHÂN DÂN",
    "CHỦ TỊCH",
    "Nơi nhận:",
  ]) {
    assert.ok(text.includes(s), `has ${s}`);
  }
  assert.match(text, /Quảng Ninh, ngày 06 tháng 4 năm 2026/);
  assert.match(text, /tháng 3 năm 2026/);
  assert.match(text, /Kính gửi:\s+- Bộ Nông nghiệp và Môi trường;/);
  assert.match(text, /có 4 kiến nghị của cử tri, nhân dân 3 thôn, bản, khu phố thuộc 2 xã, phường/);
  assert.ok(xml.includes('w:ascii="Times New Roman"'), "Times New Roman");
  assert.ok(xml.includes('w:w="11906"') && xml.includes('w:h="16838"'), "A4");
  // Each row: the item's title and the right counts.
  const rows = xml.split("<w:tr").map(wordText);
  const row = (title: string) => rows.find((r) => r.includes(title)) ?? "";
  assert.match(row(titles.cluster), /3 thôn 2 xã/);
  assert.match(row(titles.cluster), /Gộp 4 kiến nghị trùng/);
  assert.match(row(titles.cluster), /Xã Tiên Yên: Bản Nà Làng, Thôn Khe Tâm/);
  assert.match(row(titles.march), /1 thôn 1 xã/);
  assert.match(row(titles.march), /Bộ Xây dựng/);
  for (const [name, content] of files)
    for (const s of SECRETS) assert.ok(!content.includes(s), `${name} has no ${s}`);

  const office = unzip((await download(coordinator, "/central-reports/2026/m3.docx?issuer=office")).bytes);
  const officeText = wordText(office.get("word/document.xml") ?? "");
  assert.ok(
    officeText.includes("UBND TỈNH QUẢNG NINH") &&
      officeText.includes("VĂN PHÒNG") &&
      officeText.includes("CHÁNH VĂN PHÒNG"),
  );
});

test("the XLSX has one row per issue and one per petition, with dates, and no personal data", async () => {
  const leader = await browserFor("t-leader");
  const res = await download(leader, "/central-reports/2026/q1.xlsx");
  assert.equal(res.status, 200);
  assert.match(res.type, /spreadsheetml/);
  const wb = new ExcelJS.Workbook();
  // exceljs declares its own `Buffer` (an ArrayBuffer); it reads Node buffers at runtime.
  await wb.xlsx.load(res.bytes as unknown as ExcelJS.Buffer);
  const summary = wb.getWorksheet("Tổng hợp");
  const detail = wb.getWorksheet("Chi tiết");
  assert.ok(summary && detail);
  const values = (ws: ExcelJS.Worksheet) => {
    const out: unknown[][] = [];
    ws.eachRow((r) => {
      out.push((r.values as unknown[]).slice(1));
    });
    return out;
  };
  const s = values(summary);
  assert.equal(s[1]?.[0], "STT");
  assert.equal(s.length - 2, 4, "Q1: January, February, the March cluster and the other March item");
  const cluster = s.find((r) => r[3] === titles.cluster);
  assert.ok(cluster);
  assert.deepEqual(cluster.slice(6, 9), [4, 3, 2]);
  assert.deepEqual(summary.views[0], { ...summary.views[0], state: "frozen", ySplit: 2 });
  const d = values(detail);
  assert.equal(d.length - 2, 7, "six petitions in the reports and the merged member");
  const jan = d.find((r) => r[5] === titles.jan);
  assert.ok(jan?.[2] instanceof Date);
  assert.equal((jan[2] as Date).toISOString().slice(0, 10), "2026-01-12");
  assert.equal(detail.getColumn(3).numFmt, "dd/mm/yyyy");
  assert.ok(!d.some((r) => r[5] === titles.april));
  for (const ws of [summary, detail]) {
    ws.eachRow((r) => {
      r.eachCell((c) => {
        for (const secret of SECRETS)
          assert.ok(!String(c.value ?? "").includes(secret), `no ${secret} in the spreadsheet`);
      });
    });
  }
});

test("a commune officer, a village head and an agency officer may not read central reports", async () => {
  for (const username of ["t-commune", "t-village", "t-agency"]) {
    const b = await browserFor(username);
    for (const path of [
      "/central-reports",
      "/central-reports/2026/m3",
      "/central-reports/2026/m3.docx",
      "/central-reports/2026/q1.xlsx",
      "/central-reports/2026/m3/close",
    ]) {
      assert.equal((await b.get(path)).status, 403, `${username} ${path}`);
    }
    assert.equal((await b.post("/central-reports/2026/m3/close", {})).status, 403, `${username} closes`);
    assert.equal(
      (
        await b.post("/central-reports/2026/m3/reply", {
          ids: String(ids.march),
          text: "Trả lời thử nghiệm đủ dài",
        })
      ).status,
      403,
    );
    assert.ok(!(await b.get("/")).html.includes('href="/central-reports"'), "no nav entry");
  }
  const leader = await browserFor("t-leader");
  await leader.get("/central-reports/2026/m3");
  assert.equal(
    (await leader.post("/central-reports/2026/m3/close", {})).status,
    403,
    "a leader reads, does not close",
  );
});

test("closing the period sends its items; a central reply reaches them and their villages", async () => {
  const coordinator = await browserFor("t-coordinator");
  const confirm = await coordinator.get("/central-reports/2026/m3/close");
  assert.equal(confirm.status, 200);
  assert.match(textOf(confirm.html), /Đóng kỳ báo cáo tháng 3 năm 2026\? 4 kiến nghị/);
  const closed = await coordinator.post("/central-reports/2026/m3/close", {});
  assert.equal(closed.status, 200);
  assert.equal(closed.url, "/central-reports/2026/m3?done=closed");
  assert.match(textOf(closed.html), /Đã đóng kỳ báo cáo/);
  const states = await db.pool.query<{ id: number; state: string }>(
    "SELECT id, state FROM petitions WHERE id = ANY($1::bigint[]) ORDER BY id",
    [[ids.cluster, ids.dup2, ids.dup3, ids.march, ids.jan, ids.merged]],
  );
  const state = new Map(states.rows.map((r) => [r.id, r.state]));
  for (const k of ["cluster", "dup2", "dup3", "march"] as const)
    assert.equal(state.get(ids[k] ?? 0), "in_central_report", k);
  assert.equal(state.get(ids.jan ?? 0), "escalated_central", "January's report is still open");
  assert.equal(state.get(ids.merged ?? 0), "merged");
  assert.equal((await coordinator.post("/central-reports/2026/m3/close", {})).status, 409, "closed once");
  assert.ok(
    !textOf((await coordinator.get("/central-reports/2026/m3")).html).includes("Đóng kỳ báo cáo Đóng"),
    "no close button any more",
  );

  // A reply without text or selection is refused beside its fields, keeping what was typed.
  const page = await coordinator.get("/central-reports/2026/m3");
  const box = /name="ids" value="([\d,]+)"/.exec(page.html)?.[1];
  assert.ok(box);
  const bad = await coordinator.post("/central-reports/2026/m3/reply", {
    ids: box,
    text: "ngắn",
    reference: "CV 9/BNNMT",
  });
  assert.equal(bad.status, 422);
  assert.match(textOf(bad.html), /Nội dung trả lời quá ngắn/);
  assert.match(bad.html, /value="CV 9\/BNNMT"/);
  const none = await coordinator.post("/central-reports/2026/m3/reply", {
    text: "Bộ sẽ nghiên cứu, trả lời sau.",
  });
  assert.equal(none.status, 422);
  assert.match(textOf(none.html), /Chưa chọn kiến nghị nào/);
  const foreign = await coordinator.post("/central-reports/2026/m3/reply", {
    ids: String(ids.april),
    text: "Bộ sẽ nghiên cứu, trả lời sau.",
  });
  assert.equal(foreign.status, 422, "an item of another period");

  const earlier = await db.pool.query<{ n: number }>(
    "SELECT count(*)::int n FROM outbox WHERE payload->>'kind' = 'petition_central_answered'",
  );
  const reply =
    "Bộ Nông nghiệp và Môi trường đã chỉ đạo rà soát, cấp giấy chứng nhận cho các hộ tái định cư trong quý II/2026.";
  const done = await coordinator.post("/central-reports/2026/m3/reply", {
    ids: box,
    text: reply,
    reference: "1234/BNNMT-QLĐĐ",
  });
  assert.equal(done.status, 200);
  assert.equal(done.url, "/central-reports/2026/m3?done=reply");
  const cluster = await db.pool.query<{ id: number; state: string; answer: string | null }>(
    "SELECT id, state, answer FROM petitions WHERE cluster_id = $1 ORDER BY id",
    [CLUSTER],
  );
  for (const p of cluster.rows.filter((r) => r.id !== ids.merged)) {
    assert.equal(p.state, "central_answered");
    assert.equal(p.answer, reply);
  }
  assert.equal(
    cluster.rows.find((r) => r.id === ids.march),
    undefined,
  );
  const notices = await db.pool.query<{ user_id: string }>(
    "SELECT payload->>'userId' AS user_id FROM outbox WHERE topic = 'notifications.deliver' AND payload->>'kind' = 'petition_central_answered'",
  );
  assert.equal(
    notices.rows.length - (earlier.rows[0]?.n ?? 0),
    3,
    "one notice per village head of the three items",
  );
  const heads = new Set(notices.rows.map((r) => Number(r.user_id)));
  for (const head of [w.people.village, w.people.village2, w.people.otherVillage])
    assert.ok(heads.has(head.id));
  const shown = textOf(done.html);
  assert.match(shown, /Đã ghi nhận trả lời của Trung ương/);
  assert.ok(shown.includes(reply) && shown.includes("1234/BNNMT-QLĐĐ"));
  assert.match(shown, /Trung ương đã trả lời/);
  const docx = wordText(
    unzip((await download(coordinator, "/central-reports/2026/m3.docx")).bytes).get("word/document.xml") ??
      "",
  );
  assert.match(docx, /Đã trả lời: 1234\/BNNMT-QLĐĐ \(06\/04\/2026\)/);
});
