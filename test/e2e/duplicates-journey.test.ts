// Two villages of one commune raise the same problem (issue 4), in Debian's Chromium through the real pages:
// the second village head types it without diacritics and with abbreviations and is shown the first as similar,
// both while typing (the form's script) and from the "check" button without JavaScript, and answers "Thôn tôi cũng
// vậy" (my village too) beside it; the commune officer sees the similar petitions at receipt without a click; the
// coordinator sees the village's claim on the petition and confirms it with one click (nothing merges by itself);
// one answer to the lead reaches both villages, each with its own timeline; the leader's overview counts the cluster.
import assert from "node:assert/strict";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import type { Browser, Page } from "playwright-core";
import { type RunningApp, startApp } from "./support/app.ts";
import { expectNoAxeViolations } from "./support/axe.ts";
import { DESKTOP, launchBrowser, newContext, PHONE, resultsDir } from "./support/browser.ts";
import {
  type Filed,
  filedHere,
  filePetition,
  filingVillage,
  logInAs,
  mainText,
  type Session,
  seen,
  selectByLabel,
  stateShown,
  step,
  timeline,
} from "./support/journey.ts";

const mode = process.env.E2E_DATABASE_URL ? "postgres" : "embedded";
const AGENCY = "Sở Nông nghiệp và Môi trường"; // demo-agency's (SNNMT-22)
let app: RunningApp;
let browser: Browser;
let closeBrowser: () => Promise<void>;
const shots = resultsDir(`e2e-duplicates-${mode}`);

const FIRST = {
  title: "Đề nghị Ủy ban nhân dân xã sớm hoàn thành giải phóng mặt bằng đường tỉnh 342",
  body: "Việc giải phóng mặt bằng dự án nâng cấp đường tỉnh 342 qua thôn kéo dài hơn hai năm, nhiều hộ chưa nhận được tiền bồi thường, đường thi công dở dang gây bụi và lầy lội.",
};
// The same problem as a village head types it on a phone: no diacritics, "UBND" and "GPMB", other words.
const SECOND = {
  title: "De nghi UBND xa som xong GPMB duong tinh 342",
  body: "Du an nang cap duong tinh 342 qua thon GPMB cham, da hon 2 nam ma nhieu ho van chua duoc boi thuong, duong lam do dang mua thi lay loi nang thi bui.",
};
const ANSWER =
  "Sở đã làm việc với Ban quản lý dự án: chi trả bồi thường cho các hộ còn lại trước 31/12, hoàn thành mặt bằng và thi công lại trong quý I.";

const as = (username: string, opts: { desktop?: boolean; javaScript?: boolean } = {}): Promise<Session> =>
  logInAs(browser, app.url, username, {
    viewport: opts.desktop ? DESKTOP : undefined,
    javaScript: opts.javaScript,
  });

/** The similar petitions the form shows, one line of text each. */
async function suggestions(page: Page): Promise<string[]> {
  return (await page.locator("#similar-results li").all()).reduce<Promise<string[]>>(
    async (acc, li) => [...(await acc), await seen(li)],
    Promise.resolve([]),
  );
}

async function typeSecond(page: Page): Promise<void> {
  await page.goto(`${app.url}/petitions/new`);
  await page.selectOption('[name="categoryCode"]', "giao_thong");
  await page.fill('[name="title"]', SECOND.title);
  await page.fill('[name="body"]', SECOND.body);
  await page.fill('[name="households"]', "57");
}

describe(`two villages raise the same problem: one cluster, one answer, both told (${mode} database)`, () => {
  before(async () => {
    app = await startApp({ serverDatabaseUrl: process.env.E2E_DATABASE_URL });
    ({ browser, close: closeBrowser } = await launchBrowser());
  });
  after(async () => {
    await closeBrowser?.();
    await app?.stop();
  });

  test("similar while typing and at the check → my village too → the coordinator confirms → answer once → both villages see it", async () => {
    // The first village raises it.
    const v1 = await as("demo-village");
    const place1 = await filingVillage(v1.page, app.url);
    const first: Filed = await filePetition(v1.page, app.url, {
      categoryCode: "giao_thong",
      title: FIRST.title,
      body: FIRST.body,
      households: 85,
    });
    await v1.done();

    // The second village's head types the same problem: the script shows the first one as similar.
    const v2 = await as("demo-village2");
    const place2 = await filingVillage(v2.page, app.url);
    assert.equal(place2.commune, place1.commune, "two villages of the same commune");
    assert.notEqual(place2.village, place1.village);
    await typeSecond(v2.page);
    await v2.page.locator("#similar-results li", { hasText: FIRST.title }).waitFor({ timeout: 15_000 });
    const live = await suggestions(v2.page);
    const shown = live.find((s) => s.includes(FIRST.title)) ?? "";
    assert.ok(shown.includes(place1.commune), `the commune is named: ${shown}`);
    assert.ok(shown.includes("Đã gửi"), `with its state: ${shown}`);
    // Another village's petition: that it exists helps; who raised it is not this head's to know.
    assert.ok(!shown.includes(place1.village), `the other village is not named: ${shown}`);
    assert.equal(
      await v2.page.locator("#similar-results a", { hasText: FIRST.title }).count(),
      0,
      "and it cannot be opened",
    );
    assert.match(await mainText(v2.page), /Đã có \d+ kiến nghị tương tự/);
    const joinButton = v2.page
      .locator("#similar-results li", { hasText: FIRST.title })
      .getByRole("button", { name: /Thôn tôi cũng vậy/ });
    assert.equal(await joinButton.count(), 1, "'my village too' beside the similar petition");
    await expectNoAxeViolations(v2.page, "the form with live similar petitions at 360×740");
    await v2.page.screenshot({ path: join(shots, "dup-1-live.png"), fullPage: true });
    await v2.done();

    // Without JavaScript, the "check" button re-renders the form with the same finding and what was typed.
    const plain = await as("demo-village2", { javaScript: false });
    await typeSecond(plain.page);
    await Promise.all([
      plain.page.waitForNavigation(),
      plain.page.getByRole("button", { name: "Kiểm tra kiến nghị tương tự" }).click(),
    ]);
    const checked = await suggestions(plain.page);
    assert.ok(
      checked.some((s) => s.includes(FIRST.title) && s.includes(place1.commune)),
      `the server-side check finds it too: ${checked.join(" / ")}`,
    );
    assert.equal(await plain.page.inputValue('[name="title"]'), SECOND.title, "the title is kept");
    assert.equal(await plain.page.inputValue('[name="households"]'), "57", "the households are kept");
    assert.equal(
      await plain.page
        .locator("#similar-results li", { hasText: FIRST.title })
        .getByRole("button", { name: /Thôn tôi cũng vậy/ })
        .count(),
      1,
      "'my village too' is offered without JavaScript too",
    );
    // (No axe here: it needs the page's timers, which do not run without JavaScript; the same form was checked above.)
    await plain.page.screenshot({ path: join(shots, "dup-1b-nojs-check.png"), fullPage: true });

    // My village too: files the village's own petition (what was typed), claiming the first.
    await Promise.all([
      plain.page.waitForNavigation(),
      plain.page
        .locator("#similar-results li", { hasText: FIRST.title })
        .getByRole("button", { name: /Thôn tôi cũng vậy/ })
        .click(),
    ]);
    const second = await filedHere(plain.page, app.url);
    assert.notEqual(second.code, first.code, "a petition of its own");
    const claimed = await mainText(plain.page);
    assert.ok(claimed.includes("Đã gửi kiến nghị và báo cùng vấn đề"), claimed);
    assert.ok(claimed.includes(`Thôn đã báo cùng vấn đề với kiến nghị ${first.code}`), claimed);
    assert.equal(await stateShown(plain.page), "Đã gửi", "not merged by itself");
    await plain.page.screenshot({ path: join(shots, "dup-1c-joined.png"), fullPage: true });
    await plain.done();

    // The commune receives the first; the coordinator sees the suggestion on the second and confirms it.
    const commune = await as("demo-commune");
    await commune.page.goto(first.url);
    // At receipt the similar petitions are listed without a click, and the village that joined this one is named.
    const atReceipt = await seen(commune.page.locator("section.receipt-similar"));
    assert.ok(atReceipt.includes(second.code) && atReceipt.includes(place2.village), atReceipt);
    assert.match(atReceipt, /giống \d+%/);
    assert.ok((await seen(commune.page.locator("section.join-claim"))).includes(second.code));
    assert.equal(
      await commune.page.getByRole("button", { name: /Gộp|Xác nhận/ }).count(),
      0,
      "linking is the coordinator's",
    );
    await expectNoAxeViolations(commune.page, "a petition at receipt with its similar ones at 360×740");
    await commune.page.screenshot({ path: join(shots, "dup-2a-receipt.png"), fullPage: true });
    await step(commune.page, "receive", async (form) => {
      await commune.page.selectOption(`${form} [name="level"]`, "province");
    });
    await commune.done();

    const coordinator = await as("demo-coordinator", { desktop: true });
    const c = coordinator.page;
    await c.goto(second.url);
    assert.equal(await stateShown(c), "Đã gửi");
    const claim = await seen(c.locator("section.join-claim"));
    assert.ok(claim.includes(`Thôn báo cùng vấn đề với ${first.code}`), `the village's claim: ${claim}`);
    const suggestion = c.locator("section.receipt-similar li", { hasText: FIRST.title });
    const line = await seen(suggestion);
    assert.ok(line.includes(`${place1.village}, ${place1.commune}`), `the coordinator sees where: ${line}`);
    assert.match(line, /giống \d+%/);
    assert.ok(line.includes("Thôn báo cùng vấn đề"), `the claimed one is marked: ${line}`);
    await expectNoAxeViolations(c, "a claimed petition with its similar ones at 1280×800");
    await c.screenshot({ path: join(shots, "dup-2-suggestion.png"), fullPage: true });
    // A person confirms: one click links it into the first's cluster (created, the first leading).
    await Promise.all([
      c.waitForNavigation(),
      c.getByRole("button", { name: `Xác nhận, gộp vào nhóm của ${first.code}` }).click(),
    ]);
    assert.match(new URL(c.url()).pathname, /^\/clusters\/\d+$/);
    const cluster = await mainText(c);
    assert.ok(cluster.includes("Đã gộp kiến nghị vào nhóm."), "merged by a person");
    assert.ok(cluster.includes("Được 2 thôn, 1 xã cùng kiến nghị"), cluster);
    assert.ok(cluster.includes("142 hộ liên quan"), "the households add up (85 + 57)");
    const rows = await c.locator("table tbody tr").all();
    assert.equal(rows.length, 2, "two petitions in the cluster");
    const leadRow = await seen(c.locator("table tbody tr", { hasText: first.code }));
    assert.ok(
      leadRow.includes("Đại diện") && leadRow.includes(place1.village),
      `the first leads: ${leadRow}`,
    );
    const memberRow = await seen(c.locator("table tbody tr", { hasText: second.code }));
    assert.ok(memberRow.includes(place2.village) && memberRow.includes("Đã gộp vào nhóm trùng"), memberRow);
    await expectNoAxeViolations(c, "the cluster page at 1280×800");
    await c.screenshot({ path: join(shots, "dup-3-cluster.png"), fullPage: true });
    await coordinator.done();

    // The leader's overview counts it among the pressing issues while it is open.
    const leader = await as("demo-leader", { desktop: true });
    await leader.page.goto(`${app.url}/overview`);
    const pressing = await seen(leader.page.locator("ol.clusters li", { hasText: FIRST.title }));
    assert.ok(pressing.includes("2 thôn, 1 xã, 142 hộ"), `the overview weighs it: ${pressing}`);
    await leader.done();

    // One route and one answer, to the lead.
    const router = await as("demo-coordinator");
    await router.page.goto(first.url);
    await step(router.page, "route", (form) =>
      selectByLabel(router.page, `${form} select[name="agencyId"]`, AGENCY),
    );
    await router.done();
    const agency = await as("demo-agency");
    await agency.page.goto(first.url);
    await step(agency.page, "answer", async (form) => {
      await agency.page.fill(`${form} [name="answer"]`, ANSWER);
      await agency.page.check(`${form} [name="publish"]`);
    });
    await agency.done();

    // Both villages see the answer on their own pages, each with its own timeline.
    const seenBy = async (username: string, p: { code: string; url: string }) => {
      const s = await as(username);
      await s.page.goto(`${app.url}/petitions/mine`);
      const card = await seen(s.page.locator("li.petition-card", { hasText: p.code }));
      assert.ok(card.includes("Đã trả lời"), `${username}'s list shows it answered: ${card}`);
      await s.page.goto(p.url);
      assert.equal(await stateShown(s.page), "Đã trả lời");
      assert.ok((await mainText(s.page)).includes(ANSWER), `${username} reads the answer`);
      return { s, events: await timeline(s.page) };
    };
    const one = await seenBy("demo-village", first);
    assert.ok(one.events.some((e) => e.what === "Tiếp nhận, phân loại"));
    assert.ok(one.events.some((e) => e.what === "Chuyển cơ quan giải quyết"));
    assert.equal(one.events.at(-1)?.what, "Trả lời");
    assert.ok(
      !one.events.some((e) => e.what === "Gộp vào nhóm trùng"),
      "the lead was not merged into anything",
    );
    await one.s.done();

    const two = await seenBy("demo-village2", second);
    assert.equal(two.events.length, 4, `its own four steps: ${two.events.map((e) => e.what).join(" / ")}`);
    assert.deepEqual(
      two.events.map((e) => [e.what, e.state]),
      [
        ["Gửi kiến nghị", "Đã gửi"],
        ["Báo cùng vấn đề với kiến nghị khác", ""],
        ["Gộp vào nhóm trùng", "Đã gộp vào nhóm trùng"],
        ["Trả lời theo nhóm kiến nghị trùng", "Đã trả lời"],
      ],
    );
    assert.ok((two.events[1]?.text ?? "").includes(first.code), "the claim names the first");
    assert.ok((two.events[3]?.text ?? "").includes(AGENCY), "answered by the agency");
    assert.ok(
      (await mainText(two.s.page)).includes(
        `Thôn đã báo cùng vấn đề với kiến nghị ${first.code} và đã được gộp`,
      ),
      "the head sees the claim was confirmed",
    );
    assert.ok(
      (await mainText(two.s.page)).includes("được giải quyết chung"),
      "the village is told its petition is handled with the others",
    );
    await expectNoAxeViolations(two.s.page, "a cluster member's answered petition at 360×740");
    await two.s.page.screenshot({ path: join(shots, "dup-4-answered-member.png"), fullPage: true });
    // Each village confirms for itself: the second is satisfied, the first has not said yet.
    await step(two.s.page, "confirm", async (form) => {
      await two.s.page.check(`${form} [name="satisfied"][value="yes"]`);
    });
    assert.equal(await stateShown(two.s.page), "Đã kết thúc");
    await two.s.done();
    const still = await as("demo-village");
    await still.page.goto(first.url);
    assert.equal(await stateShown(still.page), "Đã trả lời", "the first village's verdict is its own");
    await still.done();

    // The answer was published once: every member's public page carries it.
    const anon = await newContext(browser, PHONE);
    const pub = await anon.newPage();
    const res = await pub.goto(`${app.url}/p/${second.code}`);
    assert.equal(res?.status(), 200, "the member's public page");
    assert.ok((await mainText(pub)).includes(ANSWER), "shows the cluster's answer");
    await anon.close();
  });
});
