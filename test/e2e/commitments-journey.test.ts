// A commitment from assignment to done in Debian's Chromium, through plain HTML forms (no script needed):
// the coordinator assigns it → the agency finds it in "my commitments", reports 50% with a photo, then done →
// the public accountability page shows it at 100%, at 360 px and 1280 px, axe-clean, with no personal data.
import assert from "node:assert/strict";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import type { Browser } from "playwright-core";
import { type RunningApp, startApp } from "./support/app.ts";
import { expectNoAxeViolations } from "./support/axe.ts";
import { DESKTOP, launchBrowser, newContext, PHONE, resultsDir } from "./support/browser.ts";
import { JPEG, logInAs, mainText, type Session } from "./support/journey.ts";

const mode = process.env.E2E_DATABASE_URL ? "postgres" : "embedded";
let app: RunningApp;
let browser: Browser;
let closeBrowser: () => Promise<void>;
const shots = resultsDir(`e2e-commitments-${mode}`);

const as = (username: string, javaScript = true): Promise<Session> =>
  logInAs(browser, app.url, username, { javaScript });

describe(`a commitment from assignment to the public page (${mode} database)`, () => {
  before(async () => {
    app = await startApp({ serverDatabaseUrl: process.env.E2E_DATABASE_URL });
    ({ browser, close: closeBrowser } = await launchBrowser());
  });
  after(async () => {
    await closeBrowser?.();
    await app?.stop();
  });

  test("assign → agency reports 50% with a photo → done → public page", async () => {
    const text = "Khảo sát và sửa cầu tràn qua suối Khe Tâm trước mùa mưa";
    const coordinator = await as("demo-coordinator");
    const c = coordinator.page;
    await c.goto(`${app.url}/commitments/new`);
    await expectNoAxeViolations(c, "the new-commitment form at 360×740");
    await c.getByLabel("Nội dung cam kết").fill(text);
    const agency = await c
      .locator('select[name="agencyId"] option', { hasText: "Sở Nông nghiệp và Môi trường" })
      .first()
      .getAttribute("value");
    assert.ok(agency, "the agency is offered");
    await c.getByLabel("Cơ quan thực hiện").selectOption(agency);
    await c.getByLabel("Thời hạn (số ngày làm việc)").fill("10");
    await Promise.all([c.waitForNavigation(), c.getByRole("button", { name: "Giao cam kết" }).click()]);
    const id = /\/commitments\/(\d+)/.exec(new URL(c.url()).pathname)?.[1];
    assert.ok(id, `after assigning: ${c.url()}`);
    const code = /CK-\d{4}-\d{6}/.exec(await mainText(c))?.[0];
    assert.ok(code, "the commitment shows its code");
    await coordinator.done();

    // The agency's officer, on a phone without JavaScript: plain forms only.
    const officer = await as("demo-agency", false);
    const p = officer.page;
    await p.goto(`${app.url}/commitments/mine`);
    assert.ok((await mainText(p)).includes(text), "the commitment is in the agency's list");
    await p.screenshot({ path: join(shots, "1-mine-360.png"), fullPage: true });
    await Promise.all([p.waitForNavigation(), p.getByRole("link", { name: text }).click()]);
    await p.getByLabel("Tiến độ (%)").fill("50");
    await p.getByLabel("Nội dung cập nhật").fill("Đã khảo sát, đổ xong móng cầu tràn.");
    await p
      .getByLabel("Tài liệu, hình ảnh minh chứng")
      .setInputFiles([{ name: "mong-cau.jpg", mimeType: "image/jpeg", buffer: JPEG }]);
    await Promise.all([
      p.waitForNavigation(),
      p.getByRole("button", { name: "Gửi báo cáo tiến độ" }).click(),
    ]);
    let shown = await mainText(p);
    assert.ok(shown.includes("Đã ghi nhận tiến độ"), "the progress is acknowledged");
    assert.ok(shown.includes("Báo cáo tiến độ 50%"), "the timeline shows 50%");
    assert.equal(await p.locator("main progress").first().getAttribute("value"), "50");
    assert.equal(await p.locator('main a[href*="/evidence/"]').count(), 1, "the photo is on the timeline");
    await p.getByLabel("Kết quả đã thực hiện").fill("Cầu tràn đã thông xe từ ngày 20.");
    await Promise.all([
      p.waitForNavigation(),
      p.getByRole("button", { name: "Xác nhận hoàn thành" }).click(),
    ]);
    shown = await mainText(p);
    assert.ok(shown.includes("Đã ghi nhận hoàn thành"), "done is acknowledged");
    assert.equal(await p.locator("main progress").first().getAttribute("value"), "100");
    await p.screenshot({ path: join(shots, "2-detail-done-360.png"), fullPage: true });
    const detailUrl = p.url();
    await officer.done();
    // axe needs scripts: the same page, with JavaScript, as the officer again
    const again = await as("demo-agency");
    await again.page.goto(detailUrl);
    await expectNoAxeViolations(again.page, "the commitment's page at 360×740");
    await again.page.goto(`${app.url}/commitments/mine`);
    await expectNoAxeViolations(again.page, "the agency's commitments at 360×740");
    await again.done();

    for (const [viewport, name] of [
      [PHONE, "360"],
      [DESKTOP, "1280"],
    ] as const) {
      const context = await newContext(browser, viewport);
      const pub = await context.newPage();
      const res = await pub.goto(`${app.url}/cong-khai/cam-ket`);
      assert.equal(res?.status(), 200);
      const item = pub.locator("li.ck-item", { hasText: text });
      assert.equal(await item.count(), 1, "the commitment is on the public page");
      assert.equal(await item.locator("progress").getAttribute("value"), "100");
      const itemText = (await item.textContent()) ?? "";
      assert.ok(itemText.includes("Hoàn thành") && itemText.includes("Sở Nông nghiệp và Môi trường"));
      const all = await mainText(pub);
      assert.ok(!all.includes("Lê Văn Chuyên Viên"), "no officer's name in public");
      assert.ok(!all.includes("Đã khảo sát, đổ xong móng"), "no working note in public");
      await pub.screenshot({ path: join(shots, `3-public-${name}.png`), fullPage: true });
      await expectNoAxeViolations(pub, `the public commitments page at ${name} px`);
      await context.close();
    }
    {
      // the filter form works without script
      const context = await newContext(browser, PHONE, { javaScript: false });
      const pub = await context.newPage();
      await pub.goto(`${app.url}/cong-khai/cam-ket`);
      await pub.getByLabel("Trạng thái", { exact: true }).selectOption("done");
      await Promise.all([pub.waitForNavigation(), pub.getByRole("button", { name: "Lọc" }).click()]);
      assert.ok(new URL(pub.url()).search.includes("state=done"));
      assert.equal(await pub.locator("li.ck-item", { hasText: text }).count(), 1);
      assert.equal(await pub.locator("li.ck-item:not(.ck-item-done)").count(), 0, "only done ones");
      await context.close();
    }

    const lead = await as("demo-coordinator", true);
    await lead.page.setViewportSize(DESKTOP);
    await lead.page.goto(`${app.url}/commitments`);
    await lead.page.screenshot({ path: join(shots, "4-all-1280.png"), fullPage: true });
    await expectNoAxeViolations(lead.page, "the coordinator's commitments page at 1280");
    await lead.done();
  });
});
