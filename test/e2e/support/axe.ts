// axe-core in the page under test, under the page's real Content-Security-Policy.
//
// The app sends `script-src 'self'`, so `page.addScriptTag({ content: axe.source })` (an inline <script>) is
// refused by the browser ("Refused to execute inline script because it violates … script-src 'self'"), and
// `bypassCSP: true` would mean testing pages under a policy users never get. `page.evaluate(axe.source)`
// goes through the DevTools protocol (Runtime.evaluate), which CSP does not govern: axe is defined on
// window and the page keeps its real policy. Measured here: addScriptTag fails, evaluate works.
import axe from "axe-core";
import type { Page } from "playwright-core";

export type AxeNode = { target: string[]; html: string; failureSummary: string };
export type AxeViolation = {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  nodes: AxeNode[];
};

/**
 * Runs axe-core (all default rules: WCAG 2.x A/AA and best practices) and returns the violations.
 * axe waits on the page's timers, which never fire in a context with JavaScript disabled: there it would hang
 * for ever (measured), so it is refused at once, and any other run that does not finish fails after a bound.
 */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  const ran = await Promise.race([
    page.evaluate("new Promise((r) => setTimeout(() => r(true), 0))").catch(() => false),
    new Promise((r) => setTimeout(() => r(false), 15_000).unref()),
  ]);
  if (ran !== true)
    throw new Error(
      `axe-core cannot run on ${page.url()}: the page's timers do not run (JavaScript disabled?)`,
    );
  return Promise.race([
    runAxe(page),
    new Promise<never>((_, reject) =>
      setTimeout(
        () => reject(new Error(`axe-core did not finish on ${page.url()} within 120 s`)),
        120_000,
      ).unref(),
    ),
  ]);
}

async function runAxe(page: Page): Promise<AxeViolation[]> {
  const loaded = await page.evaluate(() => typeof (globalThis as { axe?: unknown }).axe === "object");
  if (!loaded) await page.evaluate(axe.source);
  // Runs in the page: no DOM types in this project's lib, so reach axe through globalThis.
  return page.evaluate(async () => {
    type InPage = {
      run: (opts: { resultTypes: string[] }) => Promise<{
        violations: {
          id: string;
          impact?: string | null;
          help: string;
          helpUrl: string;
          nodes: { target: unknown[]; html: string; failureSummary?: string }[];
        }[];
      }>;
    };
    const a = (globalThis as unknown as { axe: InPage }).axe;
    const r = await a.run({ resultTypes: ["violations"] });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact ?? null,
      help: v.help,
      helpUrl: v.helpUrl,
      nodes: v.nodes.map((n) => ({
        target: n.target.map((t) => (typeof t === "string" ? t : JSON.stringify(t))),
        html: n.html,
        failureSummary: n.failureSummary ?? "",
      })),
    }));
  });
}

export function formatViolations(label: string, violations: AxeViolation[]): string {
  const lines = [`axe-core: ${violations.length} violation(s) on ${label}`];
  for (const v of violations) {
    lines.push(`  - [${v.impact ?? "?"}] ${v.id}: ${v.help} (${v.helpUrl})`);
    for (const n of v.nodes.slice(0, 8)) {
      lines.push(`      at ${n.target.join(" ")}  ${n.html.replace(/\s+/g, " ").slice(0, 160)}`);
      if (n.failureSummary) lines.push(`         ${n.failureSummary.replace(/\s*\n\s*/g, " | ")}`);
    }
    if (v.nodes.length > 8) lines.push(`      … and ${v.nodes.length - 8} more`);
  }
  return lines.join("\n");
}

/** Fails with every violation's id, impact, help and target nodes. */
export async function expectNoAxeViolations(page: Page, label: string): Promise<void> {
  const violations = await axeViolations(page);
  if (violations.length > 0) throw new Error(formatViolations(`${label} (${page.url()})`, violations));
}
