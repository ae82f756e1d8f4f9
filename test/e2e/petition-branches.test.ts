// The petition's other roads, in Debian's Chromium through the real pages, each step as its demo user:
// returned for more information and sent again; answered, not satisfied, reopened and answered again; a
// statutory complaint redirected to its procedure with the legal clock; escalated to central competence, into
// the open central report of the month, the period closed and the report downloaded as DOCX and XLSX.
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import ExcelJS from "exceljs";
import type { Browser, Download, Page } from "playwright-core";
import { type RunningApp, startApp } from "./support/app.ts";
import { expectNoAxeViolations } from "./support/axe.ts";
import { DESKTOP, launchBrowser, resultsDir } from "./support/browser.ts";
import {
  filePetition,
  filingVillage,
  logInAs,
  mainText,
  offeredSteps,
  PDF,
  type Session,
  seen,
  selectByLabel,
  stateShown,
  step,
  timeline,
} from "./support/journey.ts";
import { unzipText, wordText } from "./support/zip.ts";

const mode = process.env.E2E_DATABASE_URL ? "postgres" : "embedded";
const AGENCY = "Sở Nông nghiệp và Môi trường"; // demo-agency's (SNNMT-22)
let app: RunningApp;
let browser: Browser;
let closeBrowser: () => Promise<void>;
const shots = resultsDir(`e2e-branches-${mode}`);

const as = (username: string, opts: { desktop?: boolean } = {}): Promise<Session> =>
  logInAs(browser, app.url, username, opts.desktop ? { viewport: DESKTOP } : {});

/** The value shown beside a label in the petition's facts (dt/dd). */
async function fact(page: Page, label: string): Promise<string> {
  const dd = page
    .locator("article.petition > dl.facts dt", { hasText: label })
    .first()
    .locator("xpath=following-sibling::dd[1]");
  return seen(dd);
}

/** A dd/mm/yyyy date in Việt Nam, as a Date at noon there. */
function vnDate(text: string): Date {
  const m = /(\d{2})\/(\d{2})\/(\d{4})/.exec(text);
  assert.ok(m, `a dd/mm/yyyy date in "${text}"`);
  return new Date(`${m[3]}-${m[2]}-${m[1]}T12:00:00+07:00`);
}

async function downloaded(page: Page, linkText: string): Promise<{ name: string; bytes: Buffer }> {
  const [download] = (await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: linkText, exact: true }).click(),
  ])) as [Download, unknown];
  const path = await download.path();
  assert.ok(path, `${linkText} was downloaded`);
  return { name: download.suggestedFilename(), bytes: await readFile(path) };
}

describe(`the petition's other roads (${mode} database)`, () => {
  before(async () => {
    app = await startApp({ serverDatabaseUrl: process.env.E2E_DATABASE_URL });
    ({ browser, close: closeBrowser } = await launchBrowser());
  });
  after(async () => {
    await closeBrowser?.();
    await app?.stop();
  });

  test("returned with a reason → the village head reads it, edits and sends again → the commune receives it", async () => {
    const village = await as("demo-village");
    const filed = await filePetition(village.page, app.url, {
      categoryCode: "giao_thong",
      title: "Cầu tràn qua suối bị hư hỏng",
      body: "Cầu tràn qua suối đầu thôn bị nước cuốn trôi một phần mặt cầu, xe máy đi lại rất nguy hiểm.",
      households: 12,
    });
    await village.done();

    const commune = await as("demo-commune");
    await commune.page.goto(`${app.url}/petitions/inbox?bucket=submitted`);
    await expectNoAxeViolations(commune.page, "the commune's inbox at 360×740");
    assert.ok((await mainText(commune.page)).includes(filed.code), "the new item is in the commune's inbox");
    await commune.page.goto(filed.url);
    // Received and read first: then it turns out the village must say more.
    await step(commune.page, "receive", async (form) => {
      await commune.page.selectOption(`${form} [name="level"]`, "commune");
    });
    const reason = "Đề nghị ghi rõ vị trí cầu tràn (gần nhà văn hoá hay cuối thôn) và số hộ phải đi qua cầu.";
    await step(commune.page, "return", async (form) => {
      await commune.page.fill(`${form} [name="reason"]`, reason);
    });
    assert.ok((await mainText(commune.page)).includes("Đã trả lại thôn để bổ sung."));
    assert.equal(await stateShown(commune.page), "Trả lại để bổ sung");
    await commune.done();

    const back = await as("demo-village");
    await back.page.goto(`${app.url}/petitions/mine`);
    const card = back.page.locator("li.petition-card", { hasText: filed.code });
    const cardText = await seen(card);
    assert.ok(cardText.includes("Trả lại để bổ sung"), `the list shows it returned: ${cardText}`);
    assert.ok(cardText.includes("Trưởng thôn"), "and that the village head holds it now");
    await back.page.goto(filed.url);
    assert.ok((await mainText(back.page)).includes(`Xã đề nghị bổ sung: ${reason}`), "the reason is shown");
    await expectNoAxeViolations(back.page, "a returned petition at 360×740");
    await back.page.screenshot({ path: join(shots, "return-1-returned.png"), fullPage: true });
    await step(back.page, "submit", async (form) => {
      await back.page.fill(`${form} [name="location"]`, "Cầu tràn cuối thôn, gần nhà văn hoá");
      await back.page.fill(`${form} [name="households"]`, "46");
    });
    assert.ok((await mainText(back.page)).includes("Đã gửi kiến nghị."));
    assert.equal(await stateShown(back.page), "Đã gửi");
    assert.equal(await fact(back.page, "Vị trí trong thôn"), "Cầu tràn cuối thôn, gần nhà văn hoá");
    await back.done();

    const again = await as("demo-commune");
    await again.page.goto(`${app.url}/petitions/inbox?bucket=submitted`);
    assert.ok((await mainText(again.page)).includes(filed.code), "the resubmitted item is back in the inbox");
    await again.page.goto(filed.url);
    assert.equal(await fact(again.page, "Số hộ liên quan"), "46");
    await step(again.page, "receive", async (form) => {
      await again.page.selectOption(`${form} [name="level"]`, "commune");
    });
    assert.equal(await stateShown(again.page), "Đã tiếp nhận");
    const events = await timeline(again.page);
    assert.equal(events.filter((e) => e.what === "Gửi kiến nghị").length, 2, "sent twice");
    assert.equal(events.filter((e) => e.what === "Tiếp nhận, phân loại").length, 2, "received twice");
    const returned = events.find((e) => e.what === "Trả lại để bổ sung");
    assert.ok(returned?.text.includes(reason), `the timeline keeps the reason: ${returned?.text}`);
    assert.equal(returned?.state, "Trả lại để bổ sung");
    assert.equal(events.at(-1)?.what, "Tiếp nhận, phân loại", "received last");
    await again.done();
  });

  test("answered → not satisfied with a reason → reopened back to the agency → answered again → closed", async () => {
    const village = await as("demo-village");
    const filed = await filePetition(village.page, app.url, {
      categoryCode: "moi_truong",
      title: "Bãi rác tự phát gây ô nhiễm nguồn nước",
      body: "Bãi rác tự phát cạnh suối đầu nguồn bốc mùi, nước giếng của các hộ ven suối có màu vàng.",
      households: 30,
    });
    await village.done();

    const commune = await as("demo-commune");
    await commune.page.goto(filed.url);
    await step(commune.page, "receive", async (form) => {
      await commune.page.selectOption(`${form} [name="level"]`, "province");
    });
    await commune.done();
    const coordinator = await as("demo-coordinator");
    await coordinator.page.goto(filed.url);
    await step(coordinator.page, "route", (form) =>
      selectByLabel(coordinator.page, `${form} select[name="agencyId"]`, AGENCY),
    );
    await coordinator.done();

    const agency = await as("demo-agency");
    await agency.page.goto(filed.url);
    await step(agency.page, "answer", async (form) => {
      await agency.page.fill(`${form} [name="answer"]`, "Sở đã chỉ đạo xã thu gom rác trong tháng này.");
    });
    await agency.done();

    const unhappy = await as("demo-village");
    await unhappy.page.goto(filed.url);
    assert.equal(await stateShown(unhappy.page), "Đã trả lời");
    const why = "Rác vẫn chưa được thu gom, chưa có ai lấy mẫu nước giếng để kiểm tra.";
    await step(unhappy.page, "confirm", async (form) => {
      await unhappy.page.check(`${form} [name="satisfied"][value="no"]`);
      await unhappy.page.fill(`${form} [name="reason"]`, why);
    });
    assert.ok((await mainText(unhappy.page)).includes("Đã đề nghị xem xét lại."));
    assert.equal(await stateShown(unhappy.page), "Mở lại (chưa hài lòng)");
    assert.ok((await fact(unhappy.page, "Đang xử lý")).includes(AGENCY), "the agency holds it again");
    const reopened = (await timeline(unhappy.page)).at(-1);
    assert.equal(reopened?.what, "Chưa hài lòng, đề nghị xem xét lại");
    assert.equal(reopened?.state, "Mở lại (chưa hài lòng)");
    assert.ok(reopened?.text.includes(why), `the last step keeps the reason: ${reopened?.text}`);
    assert.ok((await mainText(unhappy.page)).includes("Ý kiến của thôn: Chưa hài lòng"));
    assert.deepEqual(await offeredSteps(unhappy.page), [], "nothing more for the village to do now");
    await expectNoAxeViolations(unhappy.page, "a reopened petition at 360×740");
    await unhappy.page.screenshot({ path: join(shots, "reopen-1-reopened.png"), fullPage: true });
    await unhappy.done();

    const again = await as("demo-coordinator");
    await again.page.goto(`${app.url}/petitions/inbox?bucket=reopened`);
    await expectNoAxeViolations(again.page, "the coordinator's inbox, not satisfied at 360×740");
    assert.ok(
      (await mainText(again.page)).includes(filed.code),
      "in the coordinator's 'not satisfied' bucket",
    );
    await again.page.goto(filed.url);
    await step(again.page, "route", (form) =>
      selectByLabel(again.page, `${form} select[name="agencyId"]`, AGENCY),
    );
    assert.equal(await stateShown(again.page), "Đã chuyển cơ quan giải quyết");
    await again.done();

    const agency2 = await as("demo-agency");
    await agency2.page.goto(`${app.url}/petitions/queue`);
    assert.ok((await mainText(agency2.page)).includes(filed.code), "back in the agency's queue");
    await agency2.page.goto(filed.url);
    assert.ok(
      (await mainText(agency2.page)).includes(why),
      "the agency reads why the village was not satisfied",
    );
    await step(agency2.page, "start");
    await step(agency2.page, "answer", async (form) => {
      await agency2.page.fill(
        `${form} [name="answer"]`,
        "Đã thu gom xong bãi rác, Trung tâm Quan trắc lấy mẫu nước 5 giếng: đạt quy chuẩn (kết quả kèm theo).",
      );
      await agency2.page.setInputFiles(`${form} [name="files"]`, [
        { name: "ket-qua-quan-trac.pdf", mimeType: "application/pdf", buffer: PDF },
      ]);
    });
    await agency2.done();

    const done = await as("demo-village");
    await done.page.goto(filed.url);
    assert.ok((await mainText(done.page)).includes("Đã thu gom xong bãi rác"), "the new answer is shown");
    await step(done.page, "confirm", async (form) => {
      await done.page.check(`${form} [name="satisfied"][value="yes"]`);
    });
    assert.equal(await stateShown(done.page), "Đã kết thúc");
    const events = await timeline(done.page);
    assert.equal(
      events.filter((e) => e.what === "Trả lời" && e.state === "Đã trả lời").length,
      2,
      "answered twice",
    );
    assert.equal(events.filter((e) => e.what === "Chuyển cơ quan giải quyết").length, 2, "routed twice");
    assert.equal(events.filter((e) => e.what === "Chưa hài lòng, đề nghị xem xét lại").length, 1);
    assert.equal(events.at(-1)?.what, "Hài lòng với câu trả lời");
    await done.done();
  });

  test("a statutory complaint is redirected to its procedure, with the legal clock shown", async () => {
    const village = await as("demo-village");
    const filed = await filePetition(village.page, app.url, {
      categoryCode: "dat_dai",
      title: "Khiếu nại quyết định thu hồi đất làm đường",
      body: "Gia đình ông Sáu khiếu nại quyết định thu hồi đất của UBND xã vì chưa được bồi thường phần đất vườn.",
    });
    await village.done();

    const commune = await as("demo-commune");
    await commune.page.goto(filed.url);
    await step(commune.page, "receive", async (form) => {
      await commune.page.selectOption(`${form} [name="kind"]`, "complaint");
      await commune.page.selectOption(`${form} [name="level"]`, "commune");
    });
    assert.ok((await offeredSteps(commune.page)).includes("redirect"), "redirect is offered");
    const today = new Date();
    await step(commune.page, "redirect", async (form) => {
      await commune.page.selectOption(`${form} [name="procedure"]`, "complaint");
      await commune.page.fill(
        `${form} [name="note"]`,
        "Chuyển bộ phận tiếp công dân xã thụ lý theo Luật Khiếu nại.",
      );
    });
    assert.equal(await stateShown(commune.page), "Chuyển theo thủ tục luật định");
    const procedure = await fact(commune.page, "Thủ tục luật định");
    assert.match(procedure, /^Khiếu nại · thụ lý trước \d{2}\/\d{2}\/\d{4}$/);
    // Ten working days: at least two weekends away, never more than a month and a half (Tết included).
    const due = vnDate(procedure);
    const days = (due.getTime() - today.getTime()) / 86_400_000;
    assert.ok(days >= 11 && days <= 45, `accept by ${procedure}: ${days.toFixed(1)} days from now`);
    assert.ok(due.getUTCDay() !== 0 && due.getUTCDay() !== 6, "the last day to accept is a working day");
    const last = (await timeline(commune.page)).at(-1);
    assert.equal(last?.what, "Chuyển theo thủ tục khiếu nại, tố cáo");
    assert.equal(last?.state, "Chuyển theo thủ tục luật định");
    assert.ok(last?.text.includes("Khiếu nại"), `the procedure is named: ${last?.text}`);
    await commune.done();

    const back = await as("demo-village");
    await back.page.goto(filed.url);
    assert.equal(await stateShown(back.page), "Chuyển theo thủ tục luật định");
    assert.equal(await fact(back.page, "Thủ tục luật định"), procedure, "the village sees the same clock");
    assert.ok((await mainText(back.page)).includes("Luật Khiếu nại"), "and the note");
    await expectNoAxeViolations(back.page, "a redirected petition at 360×740");
    await back.page.screenshot({ path: join(shots, "redirect-1.png"), fullPage: true });
    await back.done();
  });

  test("escalated to central competence → in the open central report → period closed → DOCX and XLSX", async () => {
    const names = "Nguyễn Văn Thắng, Hoàng Thị Mận";
    const phones = "0987 654 321, 0912 000 111";
    const village = await as("demo-village");
    const place = await filingVillage(village.page, app.url);
    const filed = await filePetition(village.page, app.url, {
      categoryCode: "dat_dai",
      title: "Đề nghị sửa quy định cấp GCN QSDĐ cho đất rừng sản xuất",
      body: "Nhiều hộ đồng bào đang sử dụng đất rừng sản xuất ổn định nhưng chưa được cấp giấy chứng nhận vì vướng quy định chung của Trung ương.",
      households: 64,
      residentNames: names,
      residentPhones: phones,
    });
    const category = await fact(village.page, "Lĩnh vực");
    await village.done();

    const commune = await as("demo-commune");
    await commune.page.goto(filed.url);
    await step(commune.page, "receive", async (form) => {
      await commune.page.selectOption(`${form} [name="level"]`, "central");
    });
    await commune.done();

    const coordinator = await as("demo-coordinator", { desktop: true });
    const c = coordinator.page;
    await c.goto(filed.url);
    const central = "Bộ Nông nghiệp và Môi trường";
    await step(c, "escalate", async (form) => {
      await selectByLabel(c, `${form} select[name="centralAgencyId"]`, central);
      await c.fill(`${form} [name="note"]`, "Vướng quy định của Luật Đất đai, đề nghị Bộ hướng dẫn.");
    });
    assert.equal(await stateShown(c), "Thuộc thẩm quyền Trung ương");
    assert.equal(await fact(c, "Đang xử lý"), central, "the central agency is named as holder");

    // The open report of the month, found from the list as a coordinator would.
    await c.goto(`${app.url}/central-reports`);
    await expectNoAxeViolations(c, "the central reports list at 1280×800");
    const month = Number(
      new Intl.DateTimeFormat("en-GB", { timeZone: "Asia/Ho_Chi_Minh", month: "numeric" }).format(new Date()),
    );
    const row = c.locator("tr", { has: c.getByRole("link", { name: `Tháng ${month}`, exact: true }) });
    const rowText = await seen(row);
    assert.ok(
      rowText.includes("Đang mở") && /\b1\b/.test(rowText),
      `this month is open with one item: ${rowText}`,
    );
    await Promise.all([c.waitForNavigation(), row.getByRole("link").first().click()]);
    let text = await mainText(c);
    assert.ok(text.includes("Đang mở: kiến nghị chuyển thẩm quyền Trung ương"), "the period is open");
    for (const s of [filed.title, category, central, `${place.commune}: ${place.village}`])
      assert.ok(text.includes(s), `the open report shows "${s}"`);
    for (const s of [names, phones, "Nguyễn Văn Thắng", "0987 654 321"])
      assert.ok(!text.includes(s), `the report page has no "${s}"`);
    await expectNoAxeViolations(c, "the open central report at 1280×800");

    await Promise.all([c.waitForNavigation(), c.getByRole("link", { name: "Đóng kỳ báo cáo" }).click()]);
    assert.ok((await mainText(c)).includes("Không thể mở lại kỳ đã đóng."), "closing asks first");
    await expectNoAxeViolations(c, "closing the period at 1280×800");
    await Promise.all([
      c.waitForNavigation(),
      c.getByRole("button", { name: "Đóng kỳ và gửi báo cáo" }).click(),
    ]);
    text = await mainText(c);
    assert.ok(text.includes("Đã đóng kỳ báo cáo."), "closed");
    assert.match(text, /Đã đóng kỳ ngày \d{2}\/\d{2}\/\d{4}\./);
    assert.equal(await c.getByRole("link", { name: "Đóng kỳ báo cáo" }).count(), 0, "no second closing");
    await c.screenshot({ path: join(shots, "central-1-closed.png"), fullPage: true });

    const docx = await downloaded(c, "Báo cáo (DOCX) — UBND tỉnh ban hành");
    assert.match(docx.name, /\.docx$/);
    const parts = unzipText(docx.bytes);
    const xml = parts.get("word/document.xml");
    assert.ok(xml, "the DOCX has its document part");
    const words = wordText(xml);
    for (const s of [
      "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM",
      "Độc lập - Tự do - Hạnh phúc",
      "BÁO CÁO",
      filed.title,
      category,
      central,
      `${place.commune}: ${place.village}`,
    ])
      assert.ok(words.includes(s), `the DOCX says "${s}"`);
    assert.ok(xml.includes('w:ascii="Times New Roman"'), "in Times New Roman");
    for (const [name, content] of parts)
      for (const s of ["Nguyễn Văn Thắng", "Hoàng Thị Mận", "0987 654 321", "0987654321", "0912 000 111"])
        assert.ok(!content.includes(s), `${name} has no "${s}"`);

    const xlsx = await downloaded(c, "Bảng tổng hợp (XLSX)");
    assert.match(xlsx.name, /\.xlsx$/);
    const wb = new ExcelJS.Workbook();
    // exceljs declares its own `Buffer` (an ArrayBuffer); it reads Node buffers at runtime.
    await wb.xlsx.load(xlsx.bytes as unknown as ExcelJS.Buffer);
    const cells: string[] = [];
    wb.eachSheet((ws) =>
      ws.eachRow((r) =>
        r.eachCell((cell) => {
          cells.push(cell.text);
        }),
      ),
    );
    const sheet = cells.join(" | ");
    for (const s of [filed.title, category, place.village, place.commune, filed.code])
      assert.ok(sheet.includes(s), `the XLSX has "${s}"`);
    for (const s of ["Nguyễn Văn Thắng", "Hoàng Thị Mận", "0987 654 321", "0987654321", "0912 000 111"])
      assert.ok(!sheet.includes(s), `the XLSX has no "${s}"`);
    await coordinator.done();

    const back = await as("demo-village");
    await back.page.goto(filed.url);
    assert.equal(await stateShown(back.page), "Đã đưa vào báo cáo gửi Trung ương");
    const events = await timeline(back.page);
    assert.ok(events.some((e) => e.what === "Chuyển thẩm quyền Trung ương"));
    assert.equal(events.at(-1)?.what, "Gửi trong báo cáo Trung ương");
    await back.done();
  });
});
