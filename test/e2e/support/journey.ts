// What every petition journey does in the browser: log in as a demo user in a fresh context, file a petition
// from the village head's form, take a step from the petition's page, read what the page shows.
import assert from "node:assert/strict";
import type { Browser, Locator, Page } from "playwright-core";
import { DEMO_PASSWORD } from "./app.ts";
import { newContext, PHONE, type Viewport } from "./browser.ts";

// A real 1×1 JPEG and a minimal PDF, so the uploads pass the content check.
export const JPEG = Buffer.from(
  "/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAP//////////////////////////////////////////////////////////////////////////////////////wgALCAABAAEBAREA/8QAFBABAAAAAAAAAAAAAAAAAAAAAP/aAAgBAQABPxA=",
  "base64",
);
export const PDF = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");

export type Session = { page: Page; done: () => Promise<void> };

/** A demo user logged in through the login form, in a context of their own (own cookies). */
export async function logInAs(
  browser: Browser,
  baseUrl: string,
  username: string,
  opts: { viewport?: Viewport; javaScript?: boolean } = {},
): Promise<Session> {
  const context = await newContext(browser, opts.viewport ?? PHONE, { javaScript: opts.javaScript });
  const page = await context.newPage();
  await page.goto(`${baseUrl}/login`);
  await page.fill("#f-username", username);
  await page.fill("#f-password", DEMO_PASSWORD);
  await Promise.all([
    page.waitForNavigation(),
    page.click('main form[action="/login"] button[type="submit"]'),
  ]);
  assert.notEqual(new URL(page.url()).pathname, "/login", `${username} could not log in`);
  return { page, done: () => context.close() };
}

/** What a person sees of an element: rendered text (block boundaries become spaces, hidden parts left out). */
export async function seen(locator: Locator): Promise<string> {
  // biome-ignore lint/performance/useDomNodeTextContent: a Playwright locator, not a DOM node; the rendered text is the point
  return (await locator.innerText()).replace(/\s+/g, " ").trim();
}

/** The visible text of the page's main region, whitespace collapsed. */
export async function mainText(page: Page): Promise<string> {
  return seen(page.locator("main"));
}

/** Opens every folded card (details), so forms behind a summary can be filled like a person would. */
export async function openAllDetails(page: Page): Promise<void> {
  // A string, so the test needs no DOM typings; devtools evaluation is not subject to the page's CSP.
  await page.evaluate("document.querySelectorAll('details').forEach((d) => { d.open = true; })");
}

/** Submits the step's form on the detail page (opening the folded step cards first) and waits for the result. */
export async function step(
  page: Page,
  action: string,
  fill?: (form: string) => Promise<void>,
): Promise<void> {
  await openAllDetails(page);
  const form = `form[action$="/actions/${action}"]`;
  assert.equal(await page.locator(form).count(), 1, `the ${action} form is offered`);
  await fill?.(form);
  await Promise.all([page.waitForNavigation(), page.click(`${form} button[type="submit"]`)]);
  const url = new URL(page.url());
  assert.equal(url.searchParams.get("error"), null);
  assert.ok(
    !(await page.locator(".alert.error").count()),
    `${action}: ${await page
      .locator(".alert.error")
      .first()
      .textContent()
      .catch(() => "")}`,
  );
}

/** The forms of the steps this person is offered on the petition's page, by action name. */
export async function offeredSteps(page: Page): Promise<string[]> {
  const actions = await page.locator('form[action*="/actions/"]').evaluateAll(
    // Runs in the page; typed loosely because the project has no DOM lib.
    (forms) =>
      forms.map((f) => (f as unknown as { getAttribute(n: string): string | null }).getAttribute("action")),
  );
  return actions.map((a) => (a ?? "").split("/actions/")[1] ?? "").sort();
}

/** Chooses an option of a select by (part of) its visible label. */
export async function selectByLabel(page: Page, select: string, label: string): Promise<void> {
  const value = await page.locator(`${select} option`, { hasText: label }).first().getAttribute("value");
  assert.ok(value, `"${label}" is offered in ${select}`);
  await page.selectOption(select, value);
}

export type Filing = {
  title: string;
  body: string;
  categoryCode?: string;
  kind?: "report" | "recommendation" | "proposal";
  households?: number;
  residentNames?: string;
  residentPhones?: string;
  photo?: boolean;
};

export type Filed = { id: number; code: string; url: string; title: string };

/** The village head files a petition from /petitions/new; returns its id, code and page address. */
export async function filePetition(page: Page, baseUrl: string, f: Filing): Promise<Filed> {
  await page.goto(`${baseUrl}/petitions/new`);
  if (f.kind) await page.check(`[name="kind"][value="${f.kind}"]`);
  if (f.categoryCode) await page.selectOption('[name="categoryCode"]', f.categoryCode);
  await page.fill('[name="title"]', f.title);
  await page.fill('[name="body"]', f.body);
  await page.fill('[name="households"]', String(f.households ?? 1));
  if (f.residentNames || f.residentPhones) {
    if (f.residentNames) await page.fill('[name="residentNames"]', f.residentNames);
    if (f.residentPhones) await page.fill('[name="residentPhones"]', f.residentPhones);
    await page.check('[name="consent"]');
  }
  if (f.photo)
    await page.setInputFiles('[name="photos"]', [{ name: "anh.jpg", mimeType: "image/jpeg", buffer: JPEG }]);
  await Promise.all([page.waitForNavigation(), page.click('button[name="intent"][value="submit"]')]);
  return filedHere(page, baseUrl, f.title);
}

/** The petition page the form led to (after "submit"): its id, code and address. */
export async function filedHere(page: Page, baseUrl: string, title?: string): Promise<Filed> {
  const match = /\/petitions\/(\d+)$/.exec(new URL(page.url()).pathname);
  assert.ok(match?.[1], `after submitting: ${page.url()} ${await mainText(page).catch(() => "")}`);
  const code = await seen(page.locator("article.petition > .meta .code")).catch(() => "");
  assert.match(code, /^KN-\d{4}-\d{6}$/, `the petition shows its code: ${await mainText(page)}`);
  return {
    id: Number(match[1]),
    code,
    url: `${baseUrl}/petitions/${match[1]}`,
    title: title ?? (await seen(page.locator("article.petition > h1"))),
  };
}

/** "Thôn X – Xã Y" from the form's village line (a village head with one village). */
export async function filingVillage(
  page: Page,
  baseUrl: string,
): Promise<{ village: string; commune: string }> {
  await page.goto(`${baseUrl}/petitions/new`);
  const line = await seen(page.locator(".village-line"));
  const [village = "", commune = ""] = line
    .slice(line.indexOf(":") + 1)
    .trim()
    .split(" – ");
  assert.ok(village && commune, `the form names the village and its commune: ${line}`);
  return { village, commune };
}

/** The state badge at the top of the petition's page. */
export async function stateShown(page: Page): Promise<string> {
  return seen(page.locator("article.petition > .meta .state").first());
}

export type TimelineEntry = { what: string; state: string; text: string };

/** The timeline's entries, oldest first: the step's name, the state it led to (when shown), all its text. */
export async function timeline(page: Page): Promise<TimelineEntry[]> {
  const out: TimelineEntry[] = [];
  for (const li of await page.locator("ol.timeline > li").all()) {
    const state = li.locator(".what .state");
    out.push({
      what: await seen(li.locator(".what strong")),
      state: (await state.count()) > 0 ? await seen(state) : "",
      text: await seen(li),
    });
  }
  return out;
}
