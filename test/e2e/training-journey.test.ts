// A training course end to end in Debian's Chromium, each step as the right demo user: the trainer creates a
// course for every village head of two communes (Xã Tiên Yên, where demo-village and demo-village2 live, and Xã
// Hải Lạng) and enrols them all; at the door, on a 360 px phone, one is found by a name typed without
// diacritics and the other checked in by opening their QR code's address; demo-village passes the test and
// demo-village2 fails it; the certificate PDF says who and what, its code verifies on the public page, and the
// coverage report counts exactly one more trained village head in Tiên Yên and none in Hải Lạng.
import assert from "node:assert/strict";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { PDFParse } from "pdf-parse";
import type { Browser, Page } from "playwright-core";
import QRCode from "qrcode";
import { formatDateTime } from "../../src/platform/i18n/i18n.ts";
import { type RunningApp, startApp } from "./support/app.ts";
import { expectNoAxeViolations } from "./support/axe.ts";
import { DESKTOP, launchBrowser, newContext, PHONE, resultsDir } from "./support/browser.ts";
import { logInAs, mainText, openAllDetails, seen } from "./support/journey.ts";

const mode = process.env.E2E_DATABASE_URL ? "postgres" : "embedded";
let app: RunningApp;
let browser: Browser;
let closeBrowser: () => Promise<void>;
const shots = resultsDir(`e2e-${mode}`);
const TIEN_YEN = "06862";
const HAI_LANG = "06886";
const TITLE = "Tiếp nhận và xử lý phản ánh, kiến nghị của Nhân dân";

/** Today and a window around now in Việt Nam, so the session is the one "running now" at check-in. */
function sessionNow(): { date: string; start: string; end: string } {
  // "dd/mm/yyyy HH:MM" in Asia/Ho_Chi_Minh, as the app itself writes it
  const [date = "", time = "00:00"] = formatDateTime(new Date()).split(" ");
  const [hour, minute] = time.split(":").map(Number) as [number, number];
  const minutes = hour * 60 + minute;
  const hhmm = (m: number) =>
    `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
  return {
    date,
    start: hhmm(Math.max(0, minutes - 30)),
    end: hhmm(Math.min(23 * 60 + 59, minutes + 120)),
  };
}

const fold = (s: string) =>
  s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .toLowerCase();

/** trained and heads of one commune's row in the coverage table. */
async function coverageRow(
  page: Page,
  code: string,
): Promise<{ name: string; trained: number; heads: number }> {
  const row = page.locator(`#coverage-communes tr[data-commune="${code}"]`);
  assert.equal(await row.count(), 1, `commune ${code} is in the coverage table`);
  const num = async (cls: string) => Number((await seen(row.locator(`td.${cls}`))).replace(/\D/g, ""));
  return {
    name: (await seen(row.locator("td.title"))).trim(),
    trained: await num("trained"),
    heads: await num("heads"),
  };
}

async function download(page: Page, href: string): Promise<Buffer> {
  const res = await page.request.get(new URL(href, app.url).toString());
  assert.equal(res.status(), 200, `GET ${href}`);
  return Buffer.from(await res.body());
}

describe(`a training course from creation to coverage (${mode} database)`, () => {
  before(async () => {
    app = await startApp({ serverDatabaseUrl: process.env.E2E_DATABASE_URL });
    ({ browser, close: closeBrowser } = await launchBrowser());
  });
  after(async () => {
    await closeBrowser?.();
    await app?.stop();
  });

  test("create → enrol two communes → attendance by name and QR → test → certificate → verify → coverage", async () => {
    // Before: the coverage report as the coordinator sees it.
    const coordinator = await logInAs(browser, app.url, "demo-coordinator", { viewport: DESKTOP });
    await coordinator.page.goto(`${app.url}/training/coverage`);
    const tyBefore = await coverageRow(coordinator.page, TIEN_YEN);
    const hlBefore = await coverageRow(coordinator.page, HAI_LANG);
    assert.match(tyBefore.name, /Tiên Yên/);
    assert.ok(tyBefore.heads >= 2 && hlBefore.heads >= 1, "both communes have village heads");
    await coordinator.done();

    // The names the village heads go by, from their own record pages.
    const names: Record<string, string> = {};
    for (const u of ["demo-village", "demo-village2"]) {
      const s = await logInAs(browser, app.url, u);
      await s.page.goto(`${app.url}/training/me`);
      names[u] = (await seen(s.page.locator("main .meta").first())).split("·")[0]?.trim() ?? "";
      assert.ok(names[u], `${u} has a name`);
      await s.done();
    }

    // The trainer creates the course for every village head of the two communes.
    const trainer = await logInAs(browser, app.url, "demo-trainer", { viewport: DESKTOP });
    const tp = trainer.page;
    await tp.goto(`${app.url}/training/courses/new`);
    const when = sessionNow();
    await tp.fill("#f-title", TITLE);
    await tp.selectOption("#f-topicCode", "phan_anh_kien_nghi");
    await tp.selectOption("#f-format", "in_person");
    const option = async (label: RegExp) => {
      const value = await tp
        .locator("#f-targetUnitIds option", { hasText: label })
        .first()
        .getAttribute("value");
      assert.ok(value, `${label} is offered`);
      return value;
    };
    await tp.selectOption("#f-targetUnitIds", [await option(/^Xã Tiên Yên$/), await option(/^Xã Hải Lạng$/)]);
    await tp.fill("#f-date", when.date);
    await tp.fill("#f-startTime", when.start);
    await tp.fill("#f-endTime", when.end);
    await tp.fill("#f-place", "Hội trường UBND xã Tiên Yên");
    await Promise.all([tp.waitForNavigation(), tp.click('main form button[type="submit"]')]);
    const courseUrl = tp.url();
    assert.match(new URL(courseUrl).pathname, /^\/training\/courses\/\d+$/, `after creating: ${courseUrl}`);
    assert.match(await mainText(tp), /Đã tạo lớp tập huấn/);

    // Two test questions.
    for (const q of [
      {
        prompt: "Kiến nghị thông thường được giải quyết trong bao lâu?",
        choices: "5 ngày làm việc\n15 ngày làm việc\n60 ngày",
        answer: "2",
      },
      {
        prompt: "Ai ghi nhận kiến nghị của người dân ở thôn?",
        choices: "Trưởng thôn\nCông an tỉnh",
        answer: "1",
      },
    ]) {
      await openAllDetails(tp);
      const form = 'form[action$="/questions"]';
      await tp.fill(`${form} [name="prompt"]`, q.prompt);
      await tp.fill(`${form} [name="choices"]`, q.choices);
      await tp.fill(`${form} [name="answer"]`, q.answer);
      await Promise.all([tp.waitForNavigation(), tp.click(`${form} button[type="submit"]`)]);
      assert.match(await mainText(tp), /Đã thêm câu hỏi/);
    }

    // Everyone in the target, in one go.
    await Promise.all([
      tp.waitForNavigation(),
      tp.click('form[action$="/enrol-target"] button[type="submit"]'),
    ]);
    const expected = tyBefore.heads + hlBefore.heads;
    assert.match(
      await mainText(tp),
      new RegExp(`Đã ghi danh thêm ${expected} người; 0 người vào danh sách chờ`),
    );
    assert.ok((await mainText(tp)).includes(names["demo-village"] ?? "?"), "demo-village is on the list");
    await tp.screenshot({ path: join(shots, "training-1-enrolled.png"), fullPage: true });
    await trainer.done();

    // demo-village2's QR code: the picture encodes the check-in address.
    const v2 = await logInAs(browser, app.url, "demo-village2");
    await v2.page.goto(courseUrl);
    const qrSrc = await v2.page.locator("main img.qr").getAttribute("src");
    assert.ok(qrSrc, "the QR code is on the participant's page");
    const svg = (await download(v2.page, qrSrc)).toString("utf8");
    const checkinUrl = /<desc>([^<]+)<\/desc>/.exec(svg)?.[1] ?? "";
    assert.match(checkinUrl, /\/training\/checkin\/[0-9a-f]{64}$/);
    const redrawn = await QRCode.toString(checkinUrl, {
      type: "svg",
      errorCorrectionLevel: "M",
      margin: 2,
      width: 240,
    });
    const paths = (s: string) => [...s.matchAll(/ d="([^"]+)"/g)].map((m) => m[1]);
    assert.deepEqual(paths(svg), paths(redrawn), "the QR picture encodes exactly that address");
    await v2.done();

    // At the door, on the trainer's phone.
    const door = await logInAs(browser, app.url, "demo-trainer", { viewport: PHONE });
    const dp = door.page;
    await dp.goto(courseUrl);
    await Promise.all([dp.waitForNavigation(), dp.click('main a[href*="/sessions/"]')]);
    const attendanceUrl = dp.url();
    assert.match(await mainText(dp), new RegExp(`Có mặt 0/${expected}`));
    const typed = fold(names["demo-village"] ?? "")
      .split(" ")
      .slice(-2)
      .join(" ");
    await dp.fill("#f-q", typed);
    await Promise.all([dp.waitForNavigation(), dp.click('main form[method="get"] button[type="submit"]')]);
    const row = dp.locator(".attendance-list li", { hasText: names["demo-village"] ?? "?" });
    assert.ok((await row.count()) >= 1, `"${typed}" finds ${names["demo-village"]}`);
    await expectNoAxeViolations(dp, "the attendance page at 360×740");
    await Promise.all([dp.waitForNavigation(), row.first().locator("button").click()]);
    assert.match(await mainText(dp), /Đã ghi có mặt/);
    assert.match(await mainText(dp), new RegExp(`Có mặt 1/${expected}`));
    await dp.screenshot({ path: join(shots, "training-2-attendance-phone.png"), fullPage: true });
    // The camera opens the QR code's address.
    await dp.goto(checkinUrl.replace(/^https?:\/\/[^/]+/, app.url));
    assert.ok((await mainText(dp)).includes(names["demo-village2"] ?? "?"));
    assert.match(await mainText(dp), /Đã ghi có mặt tại lớp/);
    await dp.screenshot({ path: join(shots, "training-3-qr-checkin-phone.png"), fullPage: true });
    await dp.goto(attendanceUrl.split("?")[0] ?? attendanceUrl);
    assert.match(await mainText(dp), new RegExp(`Có mặt 2/${expected}`));
    await door.done();

    // The test on the village heads' phones: demo-village passes, demo-village2 fails.
    const takeTest = async (user: string, right: boolean) => {
      const s = await logInAs(browser, app.url, user);
      await s.page.goto(courseUrl);
      await Promise.all([s.page.waitForNavigation(), s.page.click(`main a[href$="/test"]`)]);
      const sets = s.page.locator("fieldset.question");
      assert.equal(await sets.count(), 2);
      const rightAnswers = [1, 0];
      for (let i = 0; i < 2; i++) {
        const pick = right ? (rightAnswers[i] ?? 0) : 1 - (rightAnswers[i] ?? 0);
        await sets.nth(i).locator('input[type="radio"]').nth(pick).check();
      }
      if (!right) await expectNoAxeViolations(s.page, "the test at 360×740");
      await Promise.all([s.page.waitForNavigation(), s.page.click('main button[type="submit"]')]);
      return s;
    };
    const passer = await takeTest("demo-village", true);
    const passedText = await mainText(passer.page);
    assert.match(passedText, /Điểm: 100%/);
    assert.match(passedText, /Đạt\./);
    await passer.page.screenshot({ path: join(shots, "training-4-passed-phone.png"), fullPage: true });
    const pdfHref = await passer.page.locator('main a[href$=".pdf"]').getAttribute("href");
    assert.ok(pdfHref, "the certificate is offered");
    const code = /([0-9A-Z]{4}(?:-[0-9A-Z]{4}){3})\.pdf$/.exec(pdfHref)?.[1] ?? "";
    const pdf = await download(passer.page, pdfHref);
    assert.equal(pdf.subarray(0, 5).toString(), "%PDF-");
    const text = (await new PDFParse({ data: new Uint8Array(pdf) }).getText()).text;
    for (const s of ["GIẤY CHỨNG NHẬN", names["demo-village"] ?? "?", TITLE, code, when.date])
      assert.ok(text.replace(/\s+/g, " ").includes(s), `the certificate says "${s}"`);
    await passer.done();

    const failer = await takeTest("demo-village2", false);
    const failedText = await mainText(failer.page);
    assert.match(failedText, /Điểm: 0%/);
    assert.match(failedText, /Chưa đạt/);
    assert.equal(await failer.page.locator('main a[href$=".pdf"]').count(), 0, "no certificate");
    await failer.done();

    // Anyone can check the code on the public page.
    const publicContext = await newContext(browser, PHONE);
    const pub = await publicContext.newPage();
    await pub.goto(`${app.url}/training/verify`);
    await pub.fill("#f-code", code.toLowerCase());
    await Promise.all([pub.waitForNavigation(), pub.click('main button[type="submit"]')]);
    const verified = await mainText(pub);
    assert.match(verified, /Giấy chứng nhận hợp lệ/);
    assert.ok(verified.includes(names["demo-village"] ?? "?"));
    assert.ok(verified.includes(TITLE));
    await expectNoAxeViolations(pub, "the verification page at 360×740");
    await pub.screenshot({ path: join(shots, "training-5-verified-phone.png"), fullPage: true });
    await pub.goto(`${app.url}/training/verify/ZZZZ-ZZZZ-ZZZZ-ZZZZ`);
    assert.match(await mainText(pub), /Không tìm thấy giấy chứng nhận nào có mã ZZZZ-ZZZZ-ZZZZ-ZZZZ/);
    await publicContext.close();

    // Coverage: exactly one more trained village head in Tiên Yên, none in Hải Lạng.
    const after = await logInAs(browser, app.url, "demo-coordinator", { viewport: DESKTOP });
    await after.page.goto(`${app.url}/training/coverage`);
    const tyAfter = await coverageRow(after.page, TIEN_YEN);
    const hlAfter = await coverageRow(after.page, HAI_LANG);
    assert.deepEqual(tyAfter, { ...tyBefore, trained: tyBefore.trained + 1 });
    assert.deepEqual(hlAfter, hlBefore);
    await after.page.goto(
      `${app.url}/training/coverage?commune=${await after.page
        .locator("#f-commune option", { hasText: /^Xã Tiên Yên$/ })
        .first()
        .getAttribute("value")}`,
    );
    const never = await seen(after.page.locator(".never-list"));
    assert.ok(never.includes(names["demo-village2"] ?? "?"), "demo-village2 is still never trained");
    assert.ok(!never.includes(names["demo-village"] ?? "?"), "demo-village is trained now");
    await after.page.screenshot({ path: join(shots, "training-6-coverage.png"), fullPage: false });
    await after.done();
  });
});
