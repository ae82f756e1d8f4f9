// The news portal end to end in Debian's Chromium: an editor writes and publishes an article with a photo on a
// phone; a reader (no login, no JavaScript) leaves feedback; the moderator approves it; it appears under the
// article; the article is first under "Mới nhất"; views from several readers put it first under "Xem nhiều
// nhất"; one reader reloading 100 times adds one view, not a hundred. Views are flushed every 300 ms here
// (NEWS_VIEW_FLUSH_MS), so the test waits for a flush instead of reaching into the server.
import assert from "node:assert/strict";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { type RunningApp, sleep, startApp } from "./support/app.ts";
import { expectNoAxeViolations } from "./support/axe.ts";
import { DESKTOP, launchBrowser, PHONE, resultsDir, type Viewport } from "./support/browser.ts";
import { JPEG, logInAs, seen } from "./support/journey.ts";

const mode = process.env.E2E_DATABASE_URL ? "postgres" : "embedded";
const FLUSH_MS = 300;
let app: RunningApp;
let browser: Browser;
let closeBrowser: () => Promise<void>;
const shots = resultsDir(`e2e-news-${mode}`);
const TITLE = "Cầu treo bản Pò Hèn thông xe sau 40 ngày thi công";

/** A reader on their own phone: own cookies, and a real browser's user agent (headless Chromium's is a bot's). */
async function reader(n: number, viewport: Viewport = PHONE, javaScript = true): Promise<BrowserContext> {
  const ctx = await browser.newContext({
    viewport,
    javaScriptEnabled: javaScript,
    locale: "vi-VN",
    timezoneId: "Asia/Ho_Chi_Minh",
    userAgent: `Mozilla/5.0 (Linux; Android 13; Reader ${n}) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Mobile Safari/537.36`,
  });
  ctx.setDefaultTimeout(20_000);
  return ctx;
}

/** The titles and view counts of a "Xem nhiều nhất" list (7 days) as a reader sees them. */
async function top7(page: Page): Promise<string[]> {
  return page.locator("#xem-nhieu-nhat ol").first().locator("li").allInnerTexts();
}

async function viewsOfOurs(page: Page): Promise<number> {
  const line = (await top7(page)).find((l) => l.includes(TITLE)) ?? "";
  const m = /([\d.]+) lượt xem/.exec(line);
  return m ? Number((m[1] ?? "0").replace(/\./g, "")) : 0;
}

/** Waits past a flush and the few seconds of list cache, then reads the home page afresh. */
async function afterFlush(page: Page, path: string): Promise<void> {
  await sleep(FLUSH_MS * 3 + 200);
  await page.goto(path);
}

describe(`news: write, publish, feedback, moderation, latest and most viewed (${mode} database)`, () => {
  before(async () => {
    app = await startApp({
      serverDatabaseUrl: process.env.E2E_DATABASE_URL,
      env: { NEWS_VIEW_FLUSH_MS: String(FLUSH_MS) },
    });
    ({ browser, close: closeBrowser } = await launchBrowser());
  });
  after(async () => {
    await closeBrowser?.();
    await app?.stop();
  });

  test("editor → reader feedback → moderator → Mới nhất → Xem nhiều nhất; 100 reloads add one view", async () => {
    // 1. the editor writes the article with a cover photo, on a phone, and publishes it
    const editor = await logInAs(browser, app.url, "demo-editor");
    const e = editor.page;
    await e.goto(`${app.url}/tin-tuc/quan-tri/moi`);
    await expectNoAxeViolations(e, "the article form at 360×740");
    await e.fill("#f-title", TITLE);
    await e.fill(
      "#f-summary",
      "Cây cầu treo dài 62 m nối bản với đường tỉnh, thay cho lối lội suối mùa mưa.",
    );
    await e.fill(
      "#f-body",
      `<p>Cầu treo bản Pò Hèn đã thông xe, đúng cam kết tại hội nghị đối thoại.</p><p onclick="alert(1)">Bà con không còn phải lội suối.</p><script>alert("x")</script>`,
    );
    await e.selectOption("#f-category", "ha-tang");
    await e.fill("#f-tags", "cầu treo, giao thông");
    await e.setInputFiles("#f-cover", [{ name: "cau-treo.jpg", mimeType: "image/jpeg", buffer: JPEG }]);
    await e.fill("#f-coverCaption", "Cầu treo mới (ảnh minh hoạ)");
    await Promise.all([e.waitForNavigation(), e.click("form.news-editor button[type=submit]")]);
    assert.match(await seen(e.locator("main")), /Đã lưu bản nháp/);
    await Promise.all([e.waitForNavigation(), e.click('form[action$="/publish"] button')]);
    assert.match(await seen(e.locator("main")), /Đã đăng bài/);
    const href = await e.locator("dl.facts a").getAttribute("href");
    assert.ok(href?.startsWith("/tin-tuc/cau-treo-ban-po-hen"), `public address: ${href}`);
    const articleUrl = `${app.url}${href}`;
    await e.screenshot({ path: join(shots, "news-1-editor.png"), fullPage: true });
    await editor.done();

    // 2. a reader without JavaScript reads it (photo, no script) and leaves feedback
    const r1 = await reader(1, PHONE, false);
    const p1 = await r1.newPage();
    await p1.goto(articleUrl);
    assert.equal(await seen(p1.locator("h1")), TITLE);
    assert.equal(
      await p1.locator('.news-cover img[src^="/news/images/"]').count(),
      1,
      "the cover photo is shown",
    );
    assert.equal(
      await p1.locator(".news-body script, .news-body [onclick]").count(),
      0,
      "no script survived",
    );
    assert.match(await seen(p1.locator(".news-body")), /Bà con không còn phải lội suối/);
    // axe-core itself needs JavaScript: the same page checked in a reader's context that has it
    const a11y = await reader(0);
    const pa = await a11y.newPage();
    await pa.goto(articleUrl);
    await expectNoAxeViolations(pa, "the article page at 360×740");
    await p1.fill("#f-name", "Lương Văn Khải");
    await p1.fill("#f-email", "khai.reader@example.vn");
    await p1.fill("#f-text", "Cảm ơn tỉnh, từ nay các cháu đi học không phải lội suối nữa.");
    await Promise.all([p1.waitForNavigation(), p1.click(".news-feedback-form button[type=submit]")]);
    assert.match(await seen(p1.locator("main")), /Phản hồi sẽ hiển thị sau khi được kiểm duyệt/);
    assert.doesNotMatch(await seen(p1.locator("#phan-hoi")), /Lương Văn Khải/, "not shown before moderation");

    // 3. the moderator approves it
    const moderator = await logInAs(browser, app.url, "demo-moderator");
    const m = moderator.page;
    await m.goto(`${app.url}/tin-tuc/kiem-duyet`);
    await expectNoAxeViolations(m, "the moderation queue at 360×740");
    const card = m.locator("li.card", { hasText: "Lương Văn Khải" });
    await Promise.all([
      m.waitForNavigation(),
      card.locator('form:has(input[value="approve"]) button').click(),
    ]);
    assert.match(await seen(m.locator("main")), /Đã duyệt đăng phản hồi/);
    await moderator.done();

    // 4. it appears under the article
    await p1.goto(articleUrl);
    assert.match(
      await seen(p1.locator("#phan-hoi")),
      /Lương Văn Khải.*từ nay các cháu đi học không phải lội suối nữa/s,
    );
    assert.doesNotMatch(await p1.content(), /khai\.reader@example\.vn/, "the e-mail address is never shown");
    await p1.screenshot({ path: join(shots, "news-2-article-phone.png"), fullPage: true });

    // 5. the home page lists it first under "Mới nhất"
    await p1.goto(`${app.url}/tin-tuc`);
    const latest = await seen(p1.locator("#moi-nhat ol li").first());
    assert.ok(latest.includes(TITLE), `first under Mới nhất: ${latest}`);
    await pa.goto(`${app.url}/tin-tuc`);
    await expectNoAxeViolations(pa, "the news home at 360×740");
    await a11y.close();

    // 6. several readers (each their own browser) read it: it leads "Xem nhiều nhất"
    for (let n = 2; n <= 7; n++) {
      const ctx = await reader(n);
      const p = await ctx.newPage();
      await p.goto(articleUrl);
      await p.reload();
      await ctx.close();
    }
    await afterFlush(p1, `${app.url}/tin-tuc`);
    const lead = (await top7(p1))[0] ?? "";
    assert.ok(lead.includes(TITLE), `first under Xem nhiều nhất: ${lead}`);
    const before100 = await viewsOfOurs(p1);
    // readers 0 (the accessibility check) to 7, one view each: reader 1's second visit and every reload were
    // within 30 minutes, the editor's and the moderator's headless browsers are bots
    assert.equal(before100, 8);

    // 7. one reader reloads 100 times: the count moves by one at most
    const r8 = await reader(8);
    const p8 = await r8.newPage();
    await p8.goto(articleUrl);
    for (let i = 0; i < 100; i++) await p8.reload();
    await afterFlush(p1, `${app.url}/tin-tuc`);
    const after100 = await viewsOfOurs(p1);
    assert.equal(after100, before100 + 1, `100 reloads moved the count from ${before100} to ${after100}`);
    await r8.close();

    // the desktop layout (home page only), and a crawler that is never counted
    const desk = await reader(9, DESKTOP);
    const pd = await desk.newPage();
    await pd.goto(`${app.url}/tin-tuc`);
    await expectNoAxeViolations(pd, "the news home at 1280×800");
    await pd.screenshot({ path: join(shots, "news-3-home-desktop.png"), fullPage: true });
    await desk.close();
    const res = await fetch(articleUrl, {
      headers: { "user-agent": "Googlebot/2.1 (+http://www.google.com/bot.html)" },
    });
    assert.equal(res.status, 200);
    await afterFlush(p1, `${app.url}/tin-tuc`);
    assert.equal(await viewsOfOurs(p1), before100 + 1, "the crawler was not counted");
    await r1.close();
  });

  test("public pages work without JavaScript and pass axe-core: category, search, transparency", async () => {
    const noJs = await (await reader(21, PHONE, false)).newPage();
    const ctx = await reader(20, PHONE);
    const p = await ctx.newPage();
    for (const path of [
      "/tin-tuc/chuyen-muc/doi-thoai",
      "/tin-tuc/tim-kiem?q=duong+be+tong",
      "/cong-khai",
      "/cong-khai/tra-loi",
      "/cong-khai/nhom-kien-nghi",
      "/cong-khai/thong-ke",
    ]) {
      await p.goto(`${app.url}${path}`);
      await expectNoAxeViolations(p, `${path} at 360×740`);
      const res = await noJs.goto(`${app.url}${path}`);
      assert.equal(res?.status(), 200, path);
      assert.ok(
        (await seen(noJs.locator("main h1"))).length > 0,
        `${path} has its heading without JavaScript`,
      );
    }
    await noJs.goto(`${app.url}/tin-tuc/tim-kiem?q=duong+be+tong`);
    assert.match(
      await seen(noJs.locator("main")),
      /Bản Khe Lạc có đường bê tông/,
      "search without diacritics",
    );
    await p.screenshot({ path: join(shots, "news-4-stats-phone.png"), fullPage: true });
    await ctx.close();
    await noJs.context().close();
  });
});
