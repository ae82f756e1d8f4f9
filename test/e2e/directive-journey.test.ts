// A directive from the provincial office to every village of three communes, with proof, in Debian's Chromium:
// the coordinator drafts it (the provincial office prepares documents; a leader decides) → the leader approves
// and publishes → two village heads acknowledge, report dissemination and residents' opinions on their phones →
// one opinion becomes a petition → the coverage page shows the percentages → the module's test clock steps past
// the acknowledgement deadline → an idle village's head finds the overdue reminder in their inbox.
import assert from "node:assert/strict";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import type { Browser, Page } from "playwright-core";
import { DEMO_PASSWORD, type RunningApp, sleep, startApp } from "./support/app.ts";
import { expectNoAxeViolations } from "./support/axe.ts";
import { DESKTOP, launchBrowser, newContext, PHONE, resultsDir, type Viewport } from "./support/browser.ts";

const JPEG = Buffer.from(
  "/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAP//////////////////////////////////////////////////////////////////////////////////////wgALCAABAAEBAREA/8QAFBABAAAAAAAAAAAAAAAAAAAAAP/aAAgBAQABPxA=",
  "base64",
);

const mode = process.env.E2E_DATABASE_URL ? "postgres" : "embedded";
let app: RunningApp;
let browser: Browser;
let closeBrowser: () => Promise<void>;
const shots = resultsDir(`e2e-directives-${mode}`);

const DAY = 24 * 3600_000;
/** A calendar day in Việt Nam, `days` from today, as dd/mm/yyyy and as yyyy-mm-dd. */
function vnDay(days: number): { typed: string; iso: string } {
  const d = new Date(Date.now() + 7 * 3600_000 + days * DAY);
  const iso = d.toISOString().slice(0, 10);
  const [y, m, dd] = iso.split("-");
  return { typed: `${dd}/${m}/${y}`, iso };
}

async function as(
  username: string,
  viewport: Viewport = PHONE,
): Promise<{ page: Page; done: () => Promise<void> }> {
  const context = await newContext(browser, viewport);
  const page = await context.newPage();
  await page.goto(`${app.url}/login`);
  await page.fill("#f-username", username);
  await page.fill("#f-password", DEMO_PASSWORD);
  await Promise.all([
    page.waitForNavigation(),
    page.click('main form[action="/login"] button[type="submit"]'),
  ]);
  assert.notEqual(new URL(page.url()).pathname, "/login", `${username} could not log in`);
  return { page, done: () => context.close() };
}

async function submit(page: Page, selector: string): Promise<string> {
  await Promise.all([page.waitForNavigation(), page.click(selector)]);
  const errors = await page.locator(".alert.error").count();
  assert.equal(
    errors,
    0,
    (await page
      .locator(".alert.error")
      .first()
      .textContent()
      .catch(() => "")) ?? "",
  );
  return (await page.textContent("main")) ?? "";
}

async function report(
  page: Page,
  opts: {
    form: string;
    households: string;
    photo: boolean;
    agree: string;
    disagree: string;
    opinions: string;
  },
) {
  await submit(page, 'form[action$="/acknowledge"] button[type="submit"]');
  assert.ok(((await page.textContent("main")) ?? "").includes("Đã xác nhận"), "acknowledged");
  await page.fill('[name="on"]', vnDay(0).typed);
  await page.selectOption('[name="form"]', opts.form);
  await page.fill('[name="households"]', opts.households);
  if (opts.photo)
    await page.setInputFiles('[name="evidence"]', [
      { name: "hoi-nghi.jpg", mimeType: "image/jpeg", buffer: JPEG },
    ]);
  const afterDis = await submit(page, 'form[action$="/dissemination"] button[type="submit"]');
  assert.ok(afterDis.includes(`${opts.households} hộ`), "the dissemination report is shown");
  await page.fill('[name="agree"]', opts.agree);
  await page.fill('[name="disagree"]', opts.disagree);
  await page.fill('[name="opinions"]', opts.opinions);
  const afterRes = await submit(page, 'form[action$="/response"] button[type="submit"]');
  assert.ok(afterRes.includes(`${opts.agree} đồng tình`));
}

describe(`a directive to every village of three communes, with proof (${mode} database)`, () => {
  before(async () => {
    app = await startApp({
      serverDatabaseUrl: process.env.E2E_DATABASE_URL,
      // the directives module's test clock (honoured only under NODE_ENV=test with this switch)
      env: { NODE_ENV: "test", CAUNOI_TEST_CLOCK: "1" },
    });
    ({ browser, close: closeBrowser } = await launchBrowser());
  });
  after(async () => {
    await closeBrowser?.();
    await app?.stop();
  });

  test("draft → approve → publish → acknowledge, disseminate, respond → petition → coverage → reminders", async () => {
    // 1. the provincial office drafts
    const office = await as("demo-coordinator", DESKTOP);
    await office.page.goto(`${app.url}/directives/new`);
    await office.page.fill('[name="docNumber"]', "27/CT-UBND");
    await office.page.fill('[name="docDate"]', vnDay(0).typed);
    await office.page.fill('[name="issuer"]', "UBND tỉnh Quảng Ninh");
    await office.page.fill('[name="title"]', "Về phòng chống cháy rừng mùa khô");
    await office.page.selectOption('[name="category"]', "environment");
    await office.page.fill(
      '[name="summary"]',
      "Mỗi thôn lập tổ tuần tra rừng, không đốt nương rẫy trong mùa khô, thấy khói báo ngay cho trưởng thôn.",
    );
    await office.page.fill('[name="body"]', "Toàn văn chỉ thị về phòng chống cháy rừng mùa khô.");
    for (const commune of ["Tiên Yên", "Điền Xá", "Đông Ngũ"]) {
      await office.page
        .locator("label.check", { hasText: new RegExp(`^\\s*${commune}\\s*$`) })
        .locator("input")
        .check();
    }
    await office.page.fill('[name="ackDue"]', vnDay(2).typed);
    await office.page.fill('[name="disseminateDue"]', vnDay(5).typed);
    await office.page.fill('[name="opinionsUntil"]', vnDay(7).typed);
    await office.page.screenshot({ path: join(shots, "directive-1-draft-form.png"), fullPage: true });
    const drafted = await submit(office.page, 'main form[action="/directives"] button[type="submit"]');
    assert.ok(drafted.includes("Dự thảo"));
    assert.equal(
      await office.page.locator('form[action$="/publish"]').count(),
      0,
      "the office cannot publish",
    );
    const detail = office.page.url().replace(/\?.*$/, "");
    const id = Number(/\/directives\/(\d+)/.exec(detail)?.[1]);
    await office.done();

    // 2. a leader approves and publishes
    const leader = await as("demo-leader", DESKTOP);
    await leader.page.goto(detail);
    await submit(leader.page, 'form[action$="/approve"] button[type="submit"]');
    const published = await submit(leader.page, 'form[action$="/publish"] button[type="submit"]');
    const villages = Number(/gửi tới (\d+) thôn/.exec(published)?.[1]);
    assert.ok(villages >= 6, `every village of three communes (${villages})`);
    await leader.page.screenshot({ path: join(shots, "directive-2-published.png"), fullPage: true });

    // 3. two village heads, on their phones
    const heads: [
      string,
      { form: string; households: string; photo: boolean; agree: string; disagree: string; opinions: string },
    ][] = [
      [
        "demo-village",
        {
          form: "village_meeting",
          households: "120",
          photo: true,
          agree: "95",
          disagree: "8",
          opinions: "Đề nghị hỗ trợ kinh phí cho tổ tuần tra rừng\nCần thêm biển cấm đốt lửa ở cửa rừng",
        },
      ],
      [
        "demo-village2",
        {
          form: "loudspeaker",
          households: "60",
          photo: false,
          agree: "50",
          disagree: "2",
          opinions: "Đồng ý, đề nghị tập huấn chữa cháy",
        },
      ],
    ];
    for (const [username, r] of heads) {
      const head = await as(username);
      await head.page.goto(`${app.url}/directives/inbox`);
      await expectNoAxeViolations(head.page, `${username}'s directives inbox at 360×740`);
      await Promise.all([
        head.page.waitForNavigation(),
        head.page.click(`a[href^="/directives/${id}/village/"]`),
      ]);
      await report(head.page, r);
      await head.page.screenshot({ path: join(shots, `directive-3-${username}.png`), fullPage: true });
      await expectNoAxeViolations(head.page, `${username}'s directive page at 360×740`);
      if (username === "demo-village") {
        // 4. one opinion becomes a petition in one step
        const first = head.page.locator(".dir-opinions li", { hasText: "biển cấm đốt lửa" });
        await Promise.all([head.page.waitForNavigation(), first.locator('button[type="submit"]').click()]);
        assert.match(new URL(head.page.url()).pathname, /^\/petitions\/\d+$/);
        const petition = (await head.page.textContent("main")) ?? "";
        assert.ok(
          petition.includes("Ý kiến cử tri về văn bản 27/CT-UBND"),
          "the petition names the directive",
        );
        assert.ok(petition.includes("biển cấm đốt lửa"));
        await head.page.goBack();
        await head.page.reload();
        assert.ok(((await head.page.textContent("main")) ?? "").includes("Đã thành kiến nghị"));
      }
      await head.done();
    }

    // 5. coverage: 2 of N villages acknowledged and disseminated, 180 households, nobody overdue yet
    await leader.page.goto(`${app.url}/directives/${id}/coverage`);
    let cov = (await leader.page.textContent("main")) ?? "";
    const pct = Math.round((2 / villages) * 1000) / 10;
    assert.ok(cov.includes(`${pct}% (2/${villages})`), `coverage shows ${pct}% (2/${villages})`);
    assert.ok(cov.includes("180"), "households reached");
    assert.ok(cov.includes("Không có thôn quá hạn"));
    assert.equal(await leader.page.locator("figure.chart svg").count(), 1);
    await expectNoAxeViolations(leader.page, "the coverage page at 1280×800");
    await leader.page.goto(`${app.url}/directives/${id}/responses?q=bien+cam`);
    const resp = (await leader.page.textContent("main")) ?? "";
    assert.ok(resp.includes("biển cấm đốt lửa"), "opinions are found without diacritics");
    assert.ok(resp.includes("145"), "agreeing residents summed");

    // 6. the clock steps past the acknowledgement deadline; the reminder sweep runs
    const csrf = await leader.page.locator('input[name="_csrf"]').first().getAttribute("value");
    const moved = await leader.page.request.post(`${app.url}/directives/test-clock`, {
      form: { _csrf: csrf ?? "", now: `${vnDay(3).iso}T09:00:00+07:00` },
    });
    assert.equal(moved.status(), 200);
    const sweep = (await moved.json()) as { sent: number };
    assert.ok(sweep.sent >= villages - 2, `a reminder for every idle village head (${sweep.sent})`);
    await leader.page.goto(`${app.url}/directives/${id}/coverage`);
    cov = (await leader.page.textContent("main")) ?? "";
    assert.ok(!cov.includes("Không có thôn quá hạn"), "overdue villages are listed");
    const lateRows = await leader.page.locator("tr.late-row").count();
    if (lateRows === 0) console.error(cov.slice(0, 3000), app.output().slice(-3000));
    assert.equal(lateRows, Math.min(50, villages - 2), "every idle village, and only those, is overdue");
    await leader.page.screenshot({ path: join(shots, "directive-4-coverage-overdue.png"), fullPage: true });
    await leader.done();

    // 7. an idle village's head (first village of Điền Xá) finds the reminder in their inbox
    const idle = await as("vh-06874-001");
    let inbox = "";
    for (let i = 0; i < 60 && !inbox.includes("Quá hạn xác nhận văn bản 27/CT-UBND"); i++) {
      await sleep(500);
      await idle.page.goto(`${app.url}/inbox`);
      inbox = (await idle.page.textContent("main")) ?? "";
    }
    assert.ok(inbox.includes("Quá hạn xác nhận văn bản 27/CT-UBND"), "the overdue reminder arrived");
    assert.ok(inbox.includes("Văn bản chỉ đạo mới: 27/CT-UBND"), "after the notice of publication");
    await idle.page.goto(`${app.url}/directives/inbox`);
    assert.ok(
      ((await idle.page.textContent("main")) ?? "").includes("Quá hạn"),
      "marked overdue in their directives",
    );
    await idle.page.screenshot({ path: join(shots, "directive-5-idle-inbox.png"), fullPage: true });
    await idle.done();

    // demo-village acted in time: no overdue reminder for them
    const done = await as("demo-village");
    await done.page.goto(`${app.url}/inbox`);
    assert.ok(!((await done.page.textContent("main")) ?? "").includes("Quá hạn xác nhận văn bản 27/CT-UBND"));
    await done.done();
  });
});
