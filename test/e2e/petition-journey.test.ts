// A petition end to end in Debian's Chromium, each step as the right demo user on a phone-sized screen:
// the village head files with a photo → the commune officer receives → the coordinator routes → the agency
// answers with evidence → the village head confirms → the public page shows the answer with a phone masked.
import assert from "node:assert/strict";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import type { Browser } from "playwright-core";
import { type RunningApp, startApp } from "./support/app.ts";
import { expectNoAxeViolations } from "./support/axe.ts";
import { launchBrowser, newContext, PHONE, resultsDir } from "./support/browser.ts";
import { JPEG, logInAs, PDF, type Session, step } from "./support/journey.ts";

const mode = process.env.E2E_DATABASE_URL ? "postgres" : "embedded";
let app: RunningApp;
let browser: Browser;
let closeBrowser: () => Promise<void>;
const shots = resultsDir(`e2e-${mode}`);

const as = (username: string): Promise<Session> => logInAs(browser, app.url, username);

describe(`a petition from a village head's phone to a public answer (${mode} database)`, () => {
  before(async () => {
    app = await startApp({ serverDatabaseUrl: process.env.E2E_DATABASE_URL });
    ({ browser, close: closeBrowser } = await launchBrowser());
  });
  after(async () => {
    await closeBrowser?.();
    await app?.stop();
  });

  test("submit → receive → route → answer with evidence → confirm → public page", async () => {
    const village = await as("demo-village");
    const p = village.page;
    await p.goto(`${app.url}/petitions/new`);
    await expectNoAxeViolations(p, "the petition form at 360×740");
    await p.selectOption('[name="categoryCode"]', "giao_thong");
    await p.fill('[name="title"]', "Đường liên thôn sạt lở sau mưa lớn");
    await p.fill(
      '[name="body"]',
      "Tuyến đường liên thôn bị sạt lở taluy, xe máy không qua được, học sinh phải đi vòng xa. Liên hệ ông Tâm 0912 345 678.",
    );
    await p.fill('[name="households"]', "85");
    await p.setInputFiles('[name="photos"]', [{ name: "sat-lo.jpg", mimeType: "image/jpeg", buffer: JPEG }]);
    await Promise.all([p.waitForNavigation(), p.click('button[name="intent"][value="submit"]')]);
    const match = /\/petitions\/(\d+)/.exec(new URL(p.url()).pathname);
    assert.ok(match, `after submitting: ${p.url()}`);
    const detail = `${app.url}/petitions/${match[1]}`;
    const code = /KN-\d{4}-\d{6}/.exec((await p.textContent("main")) ?? "")?.[0];
    assert.ok(code, "the petition shows its code");
    assert.equal(await p.locator('main img[src*="/files/"]').count(), 1, "the photo is shown");
    await p.screenshot({ path: join(shots, "journey-1-submitted.png"), fullPage: true });
    await village.done();

    const commune = await as("demo-commune");
    await commune.page.goto(detail);
    await step(commune.page, "receive", async (form) => {
      await commune.page.selectOption(`${form} [name="level"]`, "province");
    });
    await commune.done();

    const coordinator = await as("demo-coordinator");
    await coordinator.page.goto(detail);
    await step(coordinator.page, "route", async (form) => {
      const value = await coordinator.page
        .locator(`${form} select[name="agencyId"] option`, { hasText: "Sở Nông nghiệp và Môi trường" })
        .first()
        .getAttribute("value");
      assert.ok(value, "the agency is offered");
      await coordinator.page.selectOption(`${form} select[name="agencyId"]`, value);
    });
    await coordinator.done();

    const agency = await as("demo-agency");
    await agency.page.goto(`${app.url}/petitions/queue`);
    assert.ok(
      ((await agency.page.textContent("main")) ?? "").includes(code),
      "the item is in the agency's queue",
    );
    await agency.page.goto(detail);
    await step(agency.page, "start");
    await step(agency.page, "answer", async (form) => {
      await agency.page.fill(
        `${form} [name="answer"]`,
        "Sở đã khảo sát, bố trí kinh phí khắc phục sạt lở; thi công xong trong 30 ngày.",
      );
      await agency.page.setInputFiles(`${form} [name="files"]`, [
        { name: "bien-ban.pdf", mimeType: "application/pdf", buffer: PDF },
      ]);
      await agency.page.check(`${form} [name="publish"]`);
    });
    await agency.done();

    const back = await as("demo-village");
    await back.page.goto(detail);
    await step(back.page, "confirm", async (form) => {
      await back.page.check(`${form} [name="satisfied"][value="yes"]`);
    });
    const text = (await back.page.textContent("main")) ?? "";
    assert.ok(text.includes("Đã kết thúc"), "the petition is closed");
    for (const label of ["Tiếp nhận", "Trả lời"])
      assert.ok(text.includes(label), `the timeline shows "${label}"`);
    await back.page.screenshot({ path: join(shots, "journey-2-closed.png"), fullPage: true });
    await expectNoAxeViolations(back.page, "the closed petition's page at 360×740");
    await back.done();

    const context = await newContext(browser, PHONE);
    const pub = await context.newPage();
    const res = await pub.goto(`${app.url}/p/${code}`);
    assert.equal(res?.status(), 200);
    const publicText = (await pub.textContent("main")) ?? "";
    assert.ok(publicText.includes("bố trí kinh phí khắc phục sạt lở"), "the answer is public");
    assert.ok(
      !publicText.includes("0912 345 678") && !publicText.includes("0912345678"),
      "the phone number is masked",
    );
    await pub.screenshot({ path: join(shots, "journey-3-public.png"), fullPage: true });
    await context.close();
  });
});
