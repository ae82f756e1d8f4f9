/**
 * The module's switches, read from the environment when asked (so a test can flip them):
 * NEWS_REQUIRE_SECOND_EDITOR=1 → publishing needs a second editor (default off);
 * NEWS_VIEW_FLUSH_MS → how often buffered views are written (default 5000 ms).
 */
export function requireSecondEditor(): boolean {
  return process.env.NEWS_REQUIRE_SECOND_EDITOR === "1";
}

export function viewFlushMs(): number {
  const n = Number(process.env.NEWS_VIEW_FLUSH_MS);
  return Number.isInteger(n) && n >= 50 && n <= 600_000 ? n : 5_000;
}

export const CATEGORIES = ["doi-thoai", "kien-nghi", "ha-tang", "tap-huan", "chi-dao", "doi-song"] as const;
export type Category = (typeof CATEGORIES)[number];
export const isCategory = (v: unknown): v is Category =>
  typeof v === "string" && (CATEGORIES as readonly string[]).includes(v);
