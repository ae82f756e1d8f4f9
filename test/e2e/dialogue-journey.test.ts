// A dialogue conference end to end in Debian's Chromium, several people at once: the coordinator invites the
// village heads of enough demo communes to make 436, three village heads ask and support questions, the moderator
// runs the queue while a presenter screen and a village head's phone follow live (SSE, no reload), an answer
// becomes a commitment, the agency reports 50% then done, the public pages show it, and the DOCX minutes say it all.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { docxText } from "../../src/modules/dialogues/docxText.ts";
import { DEMO_PASSWORD, type RunningApp, startApp } from "./support/app.ts";
import { expectNoAxeViolations } from "./support/axe.ts";
import { DESKTOP, launchBrowser, newContext, PHONE, resultsDir, type Viewport } from "./support/browser.ts";

const PDF = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");
const TARGET = 436;
const mode = process.env.E2E_DATABASE_URL ? "postgres" : "embedded";
let app: RunningApp;
let browser: Browser;
let closeBrowser: () => Promise<void>;
const contexts: BrowserContext[] = [];
const shots = resultsDir(`e2e-dialogue-${mode}`);

async function as(username: string, viewport: Viewport = PHONE): Promise<Page> {
  const context = await newContext(browser, viewport);
  contexts.push(context);
  const page = await context.newPage();
  await page.goto(`${app.url}/login`);
  await page.fill("#f-username", username);
  await page.fill("#f-password", DEMO_PASSWORD);
  await Promise.all([
    page.waitForNavigation(),
    page.click('main form[action="/login"] button[type="submit"]'),
  ]);
  assert.notEqual(new URL(page.url()).pathname, "/login", `${username} could not log in`);
  return page;
}

async function submit(page: Page, selector: string): Promise<void> {
  await Promise.all([page.waitForNavigation(), page.click(selector)]);
  const error = page.locator(".alert.error");
  assert.equal(
    await error.count(),
    0,
    `${selector}: ${await error
      .first()
      .textContent()
      .catch(() => "")}`,
  );
}

/** Communes whose villages add up to `target`, always including `must` (a subset sum over the counts shown). */
function pickCommunes(counts: { value: string; n: number }[], must: string, target: number): string[] | null {
  const forced = counts.find((c) => c.value === must);
  if (!forced) return null;
  const rest = counts.filter((c) => c.value !== must && c.n > 0);
  const goal = target - forced.n;
  const from = new Map<number, { prev: number; item: number }>([[0, { prev: -1, item: -1 }]]);
  for (const [i, c] of rest.entries())
    for (const s of [...from.keys()].sort((a, b) => b - a)) {
      const next = s + c.n;
      if (next <= goal && !from.has(next)) from.set(next, { prev: s, item: i });
    }
  if (!from.has(goal)) return null;
  const picked = [must];
  for (let s = goal; s > 0; ) {
    const step = from.get(s);
    if (!step) return null;
    picked.push(rest[step.item]?.value ?? "");
    s = step.prev;
  }
  return picked;
}

describe(`a dialogue conference with 436 invited village heads (${mode} database)`, () => {
  before(async () => {
    app = await startApp({ serverDatabaseUrl: process.env.E2E_DATABASE_URL });
    ({ browser, close: closeBrowser } = await launchBrowser());
  });
  after(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await closeBrowser?.();
    await app?.stop();
  });

  test("invite → questions → live queue on two screens → commitment → agency → public → minutes", async () => {
    // --- the coordinator creates the dialogue
    const coordinator = await as("demo-coordinator", DESKTOP);
    await coordinator.goto(`${app.url}/dialogues/new`);
    const boxes = coordinator.locator('input[name="unitIds"]');
    const labels = await coordinator.locator('label.check:has(input[name="unitIds"])').allTextContents();
    const counts: { value: string; n: number; label: string }[] = [];
    for (let i = 0; i < (await boxes.count()); i++) {
      const label = labels[i] ?? "";
      counts.push({
        value: (await boxes.nth(i).getAttribute("value")) ?? "",
        n: Number(/\((\d+) thôn\)/.exec(label)?.[1] ?? 0),
        label,
      });
    }
    const tienYen = counts.find((c) => /Tiên Yên/.test(c.label));
    assert.ok(tienYen && tienYen.n >= 3, "the demo commune has at least three villages");
    const chosen = pickCommunes(counts, tienYen.value, TARGET);
    const expected = chosen
      ? TARGET
      : counts
          .filter((c) => c.n > 0)
          .slice(0, 20)
          .reduce((s, c) => s + c.n, 0);
    for (const value of chosen ??
      counts
        .filter((c) => c.n > 0)
        .slice(0, 20)
        .map((c) => c.value))
      await coordinator.check(`input[name="unitIds"][value="${value}"]`);
    await coordinator.fill("#f-title", "Hội nghị đối thoại với bí thư chi bộ, trưởng thôn năm 2026");
    await coordinator.fill("#f-date", "15/12/2026");
    await coordinator.fill("#f-time", "08:00");
    await coordinator.fill("#f-venue", "Trung tâm Hội nghị tỉnh Quảng Ninh");
    await coordinator.fill("#f-agenda", "08:00 Khai mạc\n08:30 Đối thoại\n11:00 Kết luận");
    await coordinator.locator('input[name="chairIds"]').first().check();
    await coordinator.check('label.check:has-text("Sở Nông nghiệp và Môi trường") input[name="agencyIds"]');
    await submit(coordinator, '.dialogue-form button[type="submit"]');
    const dialogueUrl = coordinator.url().replace(/\?.*$/, "");
    assert.match(dialogueUrl, /\/dialogues\/\d+$/);
    assert.ok(
      ((await coordinator.textContent("main")) ?? "").includes(`0/${expected} đại biểu đã điểm danh`),
      `the page shows ${expected} invitations`,
    );
    if (chosen) assert.equal(expected, 436);
    await submit(coordinator, 'form[action$="/state/open_questions"] button');

    // --- three village heads at once: ask, and support each other ("my village too")
    const [v1, v2, v3] = await Promise.all([as("demo-village"), as("demo-village2"), as("vh-06862-003")]);
    await Promise.all([v1.goto(dialogueUrl), v2.goto(dialogueUrl), v3.goto(dialogueUrl)]);
    await v1.fill(
      "#f-text",
      "Đường liên thôn xuống cấp nghiêm trọng, đề nghị tỉnh đầu tư sửa chữa đường giao thông nông thôn.",
    );
    await submit(v1, 'form[action$="/questions"] button[type="submit"]');
    await v2.fill(
      "#f-text",
      "Đề nghị đầu tư sửa chữa đường liên thôn đã xuống cấp nghiêm trọng, đi lại rất khó khăn.",
    );
    await submit(v2, 'form[action$="/questions"] button[type="submit"]');
    assert.match((await v2.textContent("main")) ?? "", /gộp với các câu hỏi tương tự/);
    await v3.fill("#f-text", "Đề nghị hỗ trợ giống cây trồng cho bà con sau bão số 3.");
    await submit(v3, 'form[action$="/questions"] button[type="submit"]');
    await v3.screenshot({ path: join(shots, "dialogue-1-questions-phone.png"), fullPage: true });
    await expectNoAxeViolations(v3, "the dialogue page of a village head at 360×740");
    await v1.reload();
    await submit(v1, 'li.dq:has-text("giống cây trồng") form[action$="/support"] button');
    await v2.reload();
    await submit(v2, 'li.dq:has-text("giống cây trồng") form[action$="/support"] button');

    // --- the moderator starts; the presenter screen and a phone follow
    const moderator = await as("demo-moderator", DESKTOP);
    await moderator.goto(dialogueUrl);
    await submit(moderator, 'form[action$="/state/go_live"] button');
    const presenter = await coordinator.context().newPage();
    await presenter.goto(`${dialogueUrl}/presenter`);
    await v1.goto(`${dialogueUrl}/live`);
    for (const p of [presenter, v1]) await p.evaluate("window.__noReload = 'still here'");
    // the check-in desk: a name without diacritics; the presenter's attendance count follows
    await moderator.goto(`${dialogueUrl}/check-in?q=tien%20yen`);
    await submit(moderator, "ul.invitees li form button");
    assert.match((await moderator.textContent("#attendance")) ?? "", new RegExp(`1/${expected}`));
    await presenter.locator('[data-live="present"]', { hasText: "1" }).waitFor({ timeout: 10_000 });

    await moderator.goto(`${dialogueUrl}/console`);
    await submit(moderator, 'form[action$="/queue/next"] button');
    const first = ((await moderator.textContent("#console-current")) ?? "").trim();
    assert.match(
      first,
      /giống cây trồng/,
      "the question raised by most villages, with a supporter, goes first",
    );
    for (const p of [presenter, v1]) {
      await p
        .locator('[data-live="current-text"]', { hasText: "giống cây trồng" })
        .waitFor({ timeout: 10_000 });
      assert.equal(await p.evaluate("window.__noReload"), "still here", "updated without a reload");
    }
    await presenter.screenshot({ path: join(shots, "dialogue-2-presenter.png") });
    await v1.screenshot({ path: join(shots, "dialogue-3-phone-live.png"), fullPage: true });

    // --- the answer, and a commitment from it
    await moderator.fill("#f-summary", "Tỉnh hỗ trợ giống cây trồng vụ xuân 2026 cho các thôn bị thiệt hại.");
    await moderator.fill("#f-answeredBy", "Giám đốc Sở Nông nghiệp và Môi trường");
    await submit(moderator, 'form[action$="/queue/answer"] button');
    await moderator.click(".commitment-form summary");
    await moderator.fill("#f-ck-text", "Cấp giống cây trồng cho các thôn bị ảnh hưởng bởi bão số 3");
    await moderator.selectOption("#f-ck-agency", { label: "Sở Nông nghiệp và Môi trường" });
    await moderator.fill("#f-ck-days", "20");
    await submit(moderator, '.commitment-form button[type="submit"]');
    assert.match((await moderator.textContent("main")) ?? "", /Đã tạo cam kết/);
    await presenter
      .locator('[data-live="current-answer"]', { hasText: "Tỉnh hỗ trợ giống cây trồng" })
      .waitFor();
    await moderator.screenshot({ path: join(shots, "dialogue-4-console.png"), fullPage: true });

    // the moderator moves on: both screens follow again
    await submit(moderator, 'form[action$="/queue/next"] button');
    for (const p of [presenter, v1])
      await p
        .locator('[data-live="current-text"]', { hasText: "đường liên thôn" })
        .waitFor({ timeout: 10_000 });
    await submit(moderator, 'form[action$="/queue/skip"] button');
    await moderator.goto(dialogueUrl);
    await submit(moderator, 'form[action$="/state/close"] button');
    assert.match((await moderator.textContent("main")) ?? "", /chuyển thành kiến nghị/);

    // --- the agency reports progress on the commitment, then done
    const agency = await as("demo-agency", DESKTOP);
    await agency.goto(dialogueUrl);
    const link = agency.locator('main .ck-list a[href^="/commitments/"]').first();
    const commitmentUrl = `${app.url}${await link.getAttribute("href")}`;
    await agency.goto(commitmentUrl);
    await agency.fill('form[action$="/progress"] [name="percent"]', "50");
    await agency.fill('form[action$="/progress"] [name="note"]', "Đã cấp giống cho một nửa số thôn.");
    await submit(agency, 'form[action$="/progress"] button[type="submit"]');
    assert.match((await agency.textContent("main")) ?? "", /50\s*%/);
    await agency.fill('form[action$="/done"] [name="note"]', "Đã cấp giống cho tất cả các thôn.");
    await agency.setInputFiles('form[action$="/done"] [name="evidence"]', [
      { name: "bien-ban-ban-giao.pdf", mimeType: "application/pdf", buffer: PDF },
    ]);
    await submit(agency, 'form[action$="/done"] button[type="submit"]');
    assert.match((await agency.textContent("main")) ?? "", /100\s*%/);

    // --- the public pages
    const visitor = await (await newContext(browser, PHONE)).newPage();
    contexts.push(visitor.context());
    await visitor.goto(`${app.url}/cong-khai/cam-ket`);
    const publicText = (await visitor.textContent("main")) ?? "";
    assert.ok(
      publicText.includes("Cấp giống cây trồng cho các thôn bị ảnh hưởng bởi bão số 3"),
      "the commitment is public",
    );
    assert.match(publicText, /100\s*%/);
    await visitor.goto(dialogueUrl.replace("/dialogues/", "/cong-khai/doi-thoai/"));
    const summary = (await visitor.textContent("main")) ?? "";
    assert.ok(summary.includes("Tỉnh hỗ trợ giống cây trồng vụ xuân 2026"));
    assert.ok(summary.includes("Câu hỏi chưa được trả lời tại hội nghị"));
    await visitor.screenshot({ path: join(shots, "dialogue-5-public.png"), fullPage: true });
    await expectNoAxeViolations(visitor, "the public summary of a dialogue at 360×740");

    // --- the minutes, opened as a file
    await coordinator.goto(dialogueUrl);
    const [download] = await Promise.all([
      coordinator.waitForEvent("download"),
      coordinator.click('a[href$="/minutes.docx"]'),
    ]);
    const path = await download.path();
    assert.ok(path);
    const words = docxText(new Uint8Array(readFileSync(path)));
    for (const s of [
      "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM",
      "BIÊN BẢN",
      "Đề nghị hỗ trợ giống cây trồng cho bà con sau bão số 3.",
      "Đường liên thôn xuống cấp nghiêm trọng",
      "Tỉnh hỗ trợ giống cây trồng vụ xuân 2026",
      "Cấp giống cây trồng cho các thôn bị ảnh hưởng bởi bão số 3",
      `có mặt: 1`,
    ])
      assert.ok(words.includes(s), `the minutes contain «${s}»`);
  });
});
