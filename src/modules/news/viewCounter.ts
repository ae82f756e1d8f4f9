import { createHash } from "node:crypto";
import type pg from "pg";
import { toLocalDate } from "../../platform/calendar/index.ts";
import type { Clock } from "../../platform/clock.ts";

/** Crawlers, link previewers, monitors and headless tools: they read pages but are not readers. */
const BOT_RE =
  /bot|crawl|spider|slurp|facebookexternalhit|zalo|preview|monitor|curl|wget|python|httpclient|java\/|go-http|axios|node-fetch|lighthouse|pingdom|headlesschrome|phantomjs|scrapy|bingpreview|embedly|whatsapp|telegram/i;

export function isBot(userAgent: string | undefined): boolean {
  return !userAgent || userAgent.length < 10 || BOT_RE.test(userAgent);
}

export const DEDUPE_WINDOW_MS = 30 * 60 * 1000;
/** The dedupe memory is bounded: past this many readers×articles the oldest are forgotten (a reload may count). */
const MAX_SEEN = 200_000;

/**
 * Counting views without a hot row. A view is a few bytes in this process's memory; every few seconds the
 * pending counts go to news_view_days in ONE statement (INSERT … ON CONFLICT DO UPDATE over the batch), so
 * a popular article costs one row update per flush, not one per reader, and a request never waits on a lock.
 * A reader (a hashed cookie id, or ip + user agent) counts once per article per 30 minutes; bots not at all.
 * What is lost on a crash: at most one flush interval of views — a counter, not a record.
 */
export class ViewCounter {
  private seen = new Map<string, number>();
  private pending = new Map<string, number>();
  private timer: NodeJS.Timeout | null = null;
  private flushing: Promise<void> | null = null;

  constructor(
    private readonly pool: pg.Pool,
    private readonly clock: Clock,
    private readonly flushMs: number,
    private readonly onError: (err: unknown) => void = () => {},
  ) {}

  /** Records a view; true when it counted (not a bot, not a repeat within the window). */
  record(articleId: number, reader: string, userAgent: string | undefined): boolean {
    if (isBot(userAgent)) return false;
    const at = this.clock.now();
    const now = at.getTime();
    const key = this.keyOf(articleId, reader);
    const last = this.seen.get(key);
    if (last !== undefined && now - last < DEDUPE_WINDOW_MS) return false;
    this.seen.delete(key); // re-inserted at the end: the Map stays in time order for pruning
    this.seen.set(key, now);
    if (this.seen.size > MAX_SEEN) this.prune(now, true);
    const bucket = `${articleId}|${toLocalDate(at)}`;
    this.pending.set(bucket, (this.pending.get(bucket) ?? 0) + 1);
    this.start();
    return true;
  }

  /** Remembers a reader as having seen the article, without counting a view. */
  markSeen(articleId: number, reader: string): void {
    const key = this.keyOf(articleId, reader);
    this.seen.delete(key);
    this.seen.set(key, this.clock.now().getTime());
  }

  private keyOf(articleId: number, reader: string): string {
    return createHash("sha256").update(`${articleId}\u0000${reader}`).digest("base64url").slice(0, 22);
  }

  pendingViews(): number {
    let n = 0;
    for (const v of this.pending.values()) n += v;
    return n;
  }

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => {
      this.flush().catch(this.onError);
    }, this.flushMs);
    this.timer.unref();
  }

  /** Writes what is pending in one batch; on failure the counts go back to wait for the next flush. */
  async flush(): Promise<void> {
    if (this.flushing) await this.flushing;
    if (this.pending.size === 0) return;
    const batch = this.pending;
    this.pending = new Map();
    const ids: number[] = [];
    const days: string[] = [];
    const counts: number[] = [];
    for (const [k, n] of batch) {
      const [id, day] = k.split("|");
      ids.push(Number(id));
      days.push(day ?? "");
      counts.push(n);
    }
    this.flushing = (async () => {
      try {
        await this.pool.query(
          `INSERT INTO news_view_days (article_id, day, count)
           SELECT * FROM unnest($1::bigint[], $2::date[], $3::int[])
           ON CONFLICT (article_id, day) DO UPDATE SET count = news_view_days.count + EXCLUDED.count`,
          [ids, days, counts],
        );
      } catch (err) {
        for (const [k, n] of batch) this.pending.set(k, (this.pending.get(k) ?? 0) + n);
        throw err;
      } finally {
        this.flushing = null;
      }
    })();
    await this.flushing;
    this.prune(this.clock.now().getTime(), false);
  }

  private prune(now: number, force: boolean): void {
    for (const [k, at] of this.seen) {
      if (now - at < DEDUPE_WINDOW_MS && !(force && this.seen.size > MAX_SEEN * 0.9)) break;
      this.seen.delete(k);
    }
  }

  /** Stops the timer and writes what is left (on shutdown). */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.flush();
  }
}

/** One counter per database pool in this process (a test may run several apps, each with its own pool). */
const counters = new Map<pg.Pool, ViewCounter>();

export function viewCounterFor(pool: pg.Pool, clock: Clock, flushMs: number, onError?: (e: unknown) => void) {
  let c = counters.get(pool);
  if (!c) {
    c = new ViewCounter(pool, clock, flushMs, onError);
    counters.set(pool, c);
  }
  return c;
}

/** Flushes every counter of this process: called when the server stops. */
export async function flushAllViewCounters(): Promise<void> {
  const all = [...counters.values()];
  counters.clear();
  await Promise.allSettled(all.map((c) => c.stop()));
}
