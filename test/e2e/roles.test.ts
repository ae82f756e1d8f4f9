// Every demo role logs in through the real login form in Debian's Chromium, lands on its home page, and the
// login and landing pages have no axe-core violations, on a 360×740 phone and a 1280×800 desktop.
// Embedded PGlite by default; E2E_DATABASE_URL=postgres://… runs the app on a fresh database on that server.
import assert from "node:assert/strict";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import type { Browser, Page, Response } from "playwright-core";
import { DEMO_PASSWORD, type RunningApp, startApp } from "./support/app.ts";
import { expectNoAxeViolations } from "./support/axe.ts";
import { DESKTOP, launchBrowser, newContext, PHONE, resultsDir, type Viewport } from "./support/browser.ts";

type Role = {
  username: string;
  /** The person's name as seeded (the village head's is generated, so it is read from /account). */
  fullName: string | null;
  /** Where this role's home is: the work waiting for them. */
  landing: RegExp;
};

const ROLES: Role[] = [
  { username: "demo-admin", fullName: "Quản trị hệ thống (demo)", landing: /^\/admin(\/|$)/ },
  { username: "demo-coordinator", fullName: "Nguyễn Thị Điều Phối (demo)", landing: /^\/overview$/ },
  { username: "demo-leader", fullName: "Trần Văn Lãnh Đạo (demo)", landing: /^\/overview$/ },
  { username: "demo-agency", fullName: "Lê Văn Chuyên Viên (demo)", landing: /^\/petitions\/queue$/ },
  { username: "demo-commune", fullName: "Phạm Thị Cán Bộ Xã (demo)", landing: /^\/petitions\/inbox$/ },
  { username: "demo-village", fullName: null, landing: /^\/petitions\/mine$/ },
  { username: "demo-editor", fullName: "Hoàng Thị Biên Tập (demo)", landing: /^\/tin-tuc\/quan-tri$/ },
  { username: "demo-moderator", fullName: "Vũ Văn Kiểm Duyệt (demo)", landing: /^\/tin-tuc\/kiem-duyet$/ },
  { username: "demo-trainer", fullName: "Đặng Thị Tập Huấn (demo)", landing: /^\/training$/ },
];

const VIEWPORTS: Viewport[] = [PHONE, DESKTOP];
const mode = process.env.E2E_DATABASE_URL ? "postgres" : "embedded";

let app: RunningApp;
let browser: Browser;
let closeBrowser: () => Promise<void>;
const shots = resultsDir(`e2e-${mode}`);

/** Fills the login form and submits it; resolves with the response of the page it ends on (after redirects). */
async function submitLogin(page: Page, username: string, password: string): Promise<Response | null> {
  await page.fill("#f-username", username);
  await page.fill("#f-password", password);
  const [response] = await Promise.all([
    page.waitForNavigation({ waitUntil: "load" }),
    page.click('main form[action="/login"] button[type="submit"]'),
  ]);
  return response;
}

describe(`demo roles in Chromium (${mode} database)`, () => {
  before(async () => {
    app = await startApp({ serverDatabaseUrl: process.env.E2E_DATABASE_URL });
    ({ browser, close: closeBrowser } = await launchBrowser());
  });

  after(async () => {
    await closeBrowser?.();
    await app?.stop();
  });

  for (const role of ROLES) {
    for (const vp of VIEWPORTS) {
      test(`${role.username} logs in and lands on its home page at ${vp.width}×${vp.height}`, async () => {
        // Every check runs and every problem is reported together, so one run tells the whole story.
        const problems: string[] = [];
        const check = async (what: () => Promise<void> | void) => {
          try {
            await what();
          } catch (err) {
            problems.push((err as Error).message);
          }
        };
        const context = await newContext(browser, vp);
        try {
          const page = await context.newPage();
          const login = await page.goto(`${app.url}/login`);
          assert.equal(login?.status(), 200, "GET /login");
          await check(() => expectNoAxeViolations(page, `login page at ${vp.width}×${vp.height}`));

          const landed = await submitLogin(page, role.username, DEMO_PASSWORD);
          const where = new URL(page.url());
          await page.screenshot({
            path: join(shots, `${role.username}-${vp.width}x${vp.height}.png`),
            fullPage: true,
          });
          assert.notEqual(where.pathname, "/login", `${role.username} is still on /login: the login failed`);
          const heading = await page
            .locator("h1")
            .first()
            .textContent({ timeout: 2_000 })
            .catch(() => null);
          await check(() => {
            assert.match(where.pathname, role.landing, `${role.username} landed on ${where.pathname}`);
          });
          await check(() =>
            assert.equal(
              landed?.status(),
              200,
              `${role.username}'s landing page ${where.pathname} answered ${landed?.status()} (h1: "${heading?.trim()}")`,
            ),
          );
          await check(() => assert.ok(heading?.trim(), `no <h1> (or an empty one) on ${where.pathname}`));

          // The person's name: as seeded, or (village head) as their own account page states it.
          await check(async () => {
            let name = role.fullName;
            if (name === null) {
              const account = await context.newPage();
              await account.goto(`${app.url}/account`);
              name = ((await account.locator("dl.facts dd").first().textContent()) ?? "").trim();
              await account.close();
              assert.notEqual(name, "", "no full name on /account");
            }
            // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is what the person sees
            const text = (await page.locator("body").innerText()).replace(/\s+/g, " ");
            assert.ok(text.includes(name), `${where.pathname} does not show the name "${name}"`);
          });

          await check(async () => {
            const health = await page.request.get(`${app.url}/healthz`);
            assert.equal(health.status(), 200, "/healthz");
          });

          await check(() =>
            expectNoAxeViolations(page, `${role.username}'s landing page at ${vp.width}×${vp.height}`),
          );
        } finally {
          await context.close();
        }
        if (problems.length > 0) {
          assert.fail(
            `${role.username} at ${vp.width}×${vp.height}, ${problems.length} problem(s):\n${problems.join("\n")}`,
          );
        }
      });
    }
  }

  test("a wrong password shows the Vietnamese error beside the field and keeps the username", async () => {
    const context = await newContext(browser, PHONE);
    try {
      const page = await context.newPage();
      await page.goto(`${app.url}/login`);
      const res = await submitLogin(page, "demo-commune", "not-the-password");
      assert.equal(res?.status(), 422);
      assert.equal(new URL(page.url()).pathname, "/login");
      // Beside the field: the message is inside the password field's own block, and the input points to it.
      const err = page.locator(".field:has(#f-password) .err");
      assert.equal((await err.textContent())?.trim(), "Tên đăng nhập hoặc mật khẩu không đúng.");
      assert.equal(await page.getAttribute("#f-password", "aria-invalid"), "true");
      assert.match((await page.getAttribute("#f-password", "aria-describedby")) ?? "", /f-password-err/);
      assert.equal(await page.inputValue("#f-username"), "demo-commune");
      assert.equal(await page.inputValue("#f-password"), "", "a password must never be echoed back");
      assert.equal(await page.getAttribute("html", "lang"), "vi");
      await page.screenshot({ path: join(shots, "login-wrong-password-360x740.png"), fullPage: true });
      await expectNoAxeViolations(page, "login page with an error");
    } finally {
      await context.close();
    }
  });

  test("logout returns to a logged-out page", async () => {
    const context = await newContext(browser, DESKTOP);
    try {
      const page = await context.newPage();
      await page.goto(`${app.url}/login`);
      await submitLogin(page, "demo-leader", DEMO_PASSWORD);
      assert.notEqual(new URL(page.url()).pathname, "/login", "login failed");
      const [res] = await Promise.all([
        page.waitForNavigation({ waitUntil: "load" }),
        page.click('header form[action="/logout"] button[type="submit"]'),
      ]);
      const where = new URL(page.url()).pathname;
      await page.screenshot({ path: join(shots, "after-logout-1280x800.png"), fullPage: true });
      assert.equal(
        res?.status(),
        200,
        `after logout the browser is on ${where}, which answered ${res?.status()}`,
      );
      assert.equal(await page.locator('header a[href="/login"]').count(), 1, "no login link after logout");
      assert.equal(
        await page.locator('header form[action="/logout"]').count(),
        0,
        "still shows a logout button",
      );
      // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is what the person sees
      const text = await page.locator("body").innerText();
      assert.ok(!text.includes("Trần Văn Lãnh Đạo"), "the page still shows the person's name");
      // The session is really gone: a signed-in page sends us to the login form.
      await page.goto(`${app.url}/account`);
      assert.equal(new URL(page.url()).pathname, "/login");
    } finally {
      await context.close();
    }
  });
});
