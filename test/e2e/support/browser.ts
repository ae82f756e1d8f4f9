// Debian's Chromium driven by playwright-core (never `npx playwright install`: the system browser is the one
// under test, and CI machines have no access to Playwright's download CDN).
//
// What works: chromium.launch() with the flags below. Playwright REFUSES `--user-data-dir` in `args`
// ("Pass userDataDir parameter to 'browserType.launchPersistentContext(userDataDir, options)' instead"), and
// launchPersistentContext gives one single context, where each test wants a fresh one. So we do not pass it:
// launch() already gives the browser a fresh throw-away profile (a playwright_chromiumdev_profile-* directory
// under os.tmpdir(), removed on close), and every newContext() is an incognito-like context on top of it
// with its own cookies and storage. To keep even that profile out of the shared /tmp, the runner process's
// TMPDIR is pointed at a fresh directory of ours while the browser launches.
import { mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { type Browser, type BrowserContext, chromium } from "playwright-core";
import { freshTempDir, repoRoot } from "./app.ts";

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export type Viewport = { width: number; height: number };
export const PHONE: Viewport = { width: 360, height: 740 };
export const DESKTOP: Viewport = { width: 1280, height: 800 };

export async function launchBrowser(): Promise<{ browser: Browser; close: () => Promise<void> }> {
  const profileRoot = freshTempDir("caunoi-chromium");
  const savedTmp = process.env.TMPDIR;
  process.env.TMPDIR = profileRoot; // os.tmpdir() reads TMPDIR on each call: playwright puts the profile here
  let browser: Browser;
  try {
    browser = await chromium.launch({
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: [
        "--headless",
        "--no-sandbox", // root in CI containers, where the setuid/namespace sandbox is unavailable
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage", // containers often give /dev/shm 64 MB: big pages would crash the renderer
      ],
      timeout: 60_000,
    });
  } finally {
    if (savedTmp === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = savedTmp;
  }
  return {
    browser,
    close: async () => {
      await browser.close().catch(() => undefined);
      rmSync(profileRoot, { recursive: true, force: true });
    },
  };
}

/**
 * A fresh context (own cookies) at a viewport, Vietnamese first, in Vietnam's time zone; `javaScript: false`
 * for the pages as a phone without scripts gets them (every form must work that way).
 */
export async function newContext(
  browser: Browser,
  viewport: Viewport,
  opts: { javaScript?: boolean } = {},
): Promise<BrowserContext> {
  const context = await browser.newContext({
    viewport,
    javaScriptEnabled: opts.javaScript ?? true,
    locale: "vi-VN",
    timezoneId: "Asia/Ho_Chi_Minh",
    // bypassCSP stays false: the pages are tested under their real Content-Security-Policy (see axe.ts).
  });
  context.setDefaultTimeout(20_000);
  context.setDefaultNavigationTimeout(30_000);
  return context;
}

/** test-results/<name>/ (git-ignored), created on demand. */
export function resultsDir(name: string): string {
  const dir = join(repoRoot, "test-results", name);
  mkdirSync(dir, { recursive: true });
  return dir;
}
