import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { manualClock } from "../../platform/clock.ts";
import type { Database } from "../../platform/db/database.ts";
import { openTestDatabase } from "../../platform/db/testing.ts";
import { mostViewed } from "./queries/articles.ts";
import { DEDUPE_WINDOW_MS, isBot, ViewCounter } from "./viewCounter.ts";

const UA =
  "Mozilla/5.0 (Linux; Android 14; Redmi Note 13) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Mobile Safari/537.36";
let db: Database;

before(async () => {
  db = await openTestDatabase();
  for (const [i, slug] of ["mot", "hai", "ba"].entries())
    await db.pool.query(
      "INSERT INTO news_articles (id, slug, title, category, state, published_at) VALUES ($1, $2, $2, 'doi-song', 'published', now())",
      [i + 1, slug],
    );
});
after(() => db.close());

async function bucket(): Promise<Record<string, number>> {
  const { rows } = await db.pool.query<{ k: string; count: number }>(
    "SELECT article_id || '@' || to_char(day, 'YYYY-MM-DD') AS k, count FROM news_view_days ORDER BY 1",
  );
  return Object.fromEntries(rows.map((r) => [r.k, r.count]));
}

test("bots are recognised by their user agent; ordinary phones and desktops are not", () => {
  for (const ua of [
    "Googlebot/2.1",
    "Mozilla/5.0 (compatible; bingbot/2.0)",
    "facebookexternalhit/1.1",
    "curl/8.0",
    "",
    undefined,
    "Zalo",
    "HeadlessChrome/126",
  ])
    assert.equal(isBot(ua), true, String(ua));
  assert.equal(isBot(UA), false);
  assert.equal(
    isBot(
      "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36",
    ),
    false,
  );
});

test("one reader reloading 100 times adds 1; again after the 30-minute window; each reader once; one batch", async () => {
  await db.pool.query("DELETE FROM news_view_days");
  const clock = manualClock(new Date("2026-11-20T10:00:00+07:00"));
  const c = new ViewCounter(db.pool, clock, 60_000);
  let counted = 0;
  for (let i = 0; i < 100; i++) if (c.record(1, "reader-a", UA)) counted++;
  assert.equal(counted, 1);
  for (const r of ["b", "c", "d"]) c.record(1, r, UA);
  c.record(2, "reader-a", UA);
  c.record(2, "bot", "Googlebot/2.1");
  assert.equal(c.pendingViews(), 5);
  assert.deepEqual(await bucket(), {}, "nothing is written before the flush");
  await c.flush();
  assert.deepEqual(await bucket(), { "1@2026-11-20": 4, "2@2026-11-20": 1 });
  clock.advance(DEDUPE_WINDOW_MS - 1000);
  assert.equal(c.record(1, "reader-a", UA), false);
  clock.advance(2000);
  assert.equal(c.record(1, "reader-a", UA), true, "a new visit after 30 minutes counts");
  await c.stop();
  assert.deepEqual(await bucket(), { "1@2026-11-20": 5, "2@2026-11-20": 1 }, "stop() writes what is left");
});

test("views are bucketed by the local day in Việt Nam, and 'most viewed' reads 7 or 30 days of buckets", async () => {
  await db.pool.query("DELETE FROM news_view_days");
  // 23:30 UTC on the 19th is already the 20th in Việt Nam
  const clock = manualClock(new Date("2026-11-19T23:30:00Z"));
  const c = new ViewCounter(db.pool, clock, 60_000);
  c.record(3, "x", UA);
  await c.flush();
  assert.deepEqual(await bucket(), { "3@2026-11-20": 1 });
  await db.pool.query(
    "INSERT INTO news_view_days (article_id, day, count) VALUES (1, '2026-11-18', 10), (2, '2026-11-01', 50), (3, '2026-11-19', 2)",
  );
  const now = new Date("2026-11-20T12:00:00+07:00");
  const top7 = await mostViewed(db.pool, 7, 5, now);
  assert.deepEqual(
    top7.map((a) => [a.slug, a.views]),
    [
      ["mot", 10],
      ["ba", 3],
    ],
  );
  const top30 = await mostViewed(db.pool, 30, 5, now);
  assert.deepEqual(
    top30.map((a) => [a.slug, a.views]),
    [
      ["hai", 50],
      ["mot", 10],
      ["ba", 3],
    ],
  );
});

test("a failed flush keeps the counts for the next one", async () => {
  await db.pool.query("DELETE FROM news_view_days");
  const clock = manualClock(new Date("2026-11-20T10:00:00+07:00"));
  const c = new ViewCounter(db.pool, clock, 60_000);
  c.record(1, "r1", UA);
  c.record(1, "r2", UA);
  // the database refuses the write (the table is briefly away, as during a failover)
  await db.pool.query("ALTER TABLE news_view_days RENAME TO news_view_days_away");
  try {
    await assert.rejects(c.flush());
  } finally {
    await db.pool.query("ALTER TABLE news_view_days_away RENAME TO news_view_days");
  }
  assert.equal(c.pendingViews(), 2);
  c.record(1, "r3", UA);
  await c.flush();
  assert.deepEqual(await bucket(), { "1@2026-11-20": 3 });
  assert.equal(c.pendingViews(), 0);
});

test("concurrent flushes from many processes add up without losing a view (ON CONFLICT per batch)", async () => {
  await db.pool.query("DELETE FROM news_view_days");
  const clock = manualClock(new Date("2026-11-20T10:00:00+07:00"));
  const nodes = Array.from({ length: 4 }, () => new ViewCounter(db.pool, clock, 60_000));
  nodes.forEach((n, i) => {
    for (let r = 0; r < 250; r++) n.record(1, `node${i}-reader${r}`, UA);
  });
  await Promise.all(nodes.map((n) => n.flush()));
  assert.deepEqual(await bucket(), { "1@2026-11-20": 1000 });
});
