import type pg from "pg";
import type { Clock } from "../clock.ts";

/** The slice of a pino logger the jobs use (a pino Logger fits). */
export type JobLog = {
  info(obj: Record<string, unknown>, msg: string): void;
  warn(obj: Record<string, unknown>, msg: string): void;
  error(obj: Record<string, unknown>, msg: string): void;
};

/** Used when no logger is given: warnings and errors to stderr, nothing else. */
export const stderrLog: JobLog = {
  info: () => {},
  warn: (obj, msg) => console.warn(msg, obj),
  error: (obj, msg) => console.error(msg, obj),
};

export type JobContext = { id: number; attempts: number };
export type JobHandler = (payload: unknown, ctx: JobContext) => Promise<void>;

export type DispatcherOptions = {
  pool: pg.Pool;
  clock: Clock;
  /** topic → handler. A handler must be idempotent: delivery is at least once. */
  handlers: Record<string, JobHandler>;
  /** Rows claimed per runOnce (default 20). */
  batchSize?: number;
  /** Pause between polls when there was nothing (or less than a full batch) to do (default 1 s). */
  pollMs?: number;
  /** How long a claim lasts; a row claimed by a node that dies is delivered again after it (default 5 min). */
  leaseMs?: number;
  /** Attempts before a row is given up on and marked failed (default 8). */
  maxAttempts?: number;
  /** Delay before retry number `attempt + 1`, given the attempts made so far (default exponential, 10 s … 1 h). */
  backoff?: (attempt: number) => number;
  log?: JobLog;
};

/** 10 s, 20 s, 40 s … doubling, capped at one hour. */
export function exponentialBackoff(baseMs = 10_000, capMs = 3_600_000): (attempt: number) => number {
  return (attempt) => Math.min(capMs, baseMs * 2 ** Math.max(0, Math.min(attempt - 1, 30)));
}

const MAX_ERROR_LENGTH = 2000;

function describeError(err: unknown): string {
  const text = err instanceof Error ? err.stack || `${err.name}: ${err.message}` : String(err);
  return text.length > MAX_ERROR_LENGTH ? `${text.slice(0, MAX_ERROR_LENGTH - 1)}…` : text;
}

type Claimed = { id: number; topic: string; payload: unknown; attempts: number };

/**
 * Delivers outbox rows to their topic's handler, at least once. Safe to run on any number of nodes:
 * rows are claimed with FOR UPDATE SKIP LOCKED in one short statement, handlers run outside any transaction,
 * and a claim is a lease that expires, so a crashed node's rows are picked up again.
 */
export class Dispatcher {
  private readonly pool: pg.Pool;
  private readonly clock: Clock;
  private readonly handlers: Record<string, JobHandler>;
  private readonly batchSize: number;
  private readonly pollMs: number;
  private readonly leaseMs: number;
  private readonly maxAttempts: number;
  private readonly backoff: (attempt: number) => number;
  private readonly log: JobLog;

  private running = false;
  private timer: NodeJS.Timeout | undefined;
  private inFlight: Promise<void> | undefined;

  constructor(options: DispatcherOptions) {
    this.pool = options.pool;
    this.clock = options.clock;
    this.handlers = options.handlers;
    this.batchSize = options.batchSize ?? 20;
    this.pollMs = options.pollMs ?? 1000;
    this.leaseMs = options.leaseMs ?? 300_000;
    this.maxAttempts = options.maxAttempts ?? 8;
    this.backoff = options.backoff ?? exponentialBackoff();
    this.log = options.log ?? stderrLog;
  }

  /** Claims one batch of due rows and delivers them; returns how many rows were claimed. */
  async runOnce(): Promise<number> {
    const now = this.clock.now();
    // One statement is one short transaction: the claim commits before any handler runs.
    const { rows } = await this.pool.query<Claimed>(
      `UPDATE outbox SET available_at = $2, attempts = attempts + 1
       WHERE id IN (
         SELECT id FROM outbox
         WHERE done_at IS NULL AND failed_at IS NULL AND available_at <= $1
         ORDER BY available_at, id
         LIMIT $3
         FOR UPDATE SKIP LOCKED)
       RETURNING id, topic, payload, attempts`,
      [now, new Date(now.getTime() + this.leaseMs), this.batchSize],
    );
    rows.sort((a, b) => a.id - b.id);
    for (const row of rows) await this.deliver(row);
    return rows.length;
  }

  private async deliver(row: Claimed): Promise<void> {
    const handler = Object.hasOwn(this.handlers, row.topic) ? this.handlers[row.topic] : undefined;
    let error: unknown;
    let ok = false;
    if (!handler) {
      error = new Error(`no handler for topic "${row.topic}"`);
    } else {
      try {
        await handler(row.payload, { id: row.id, attempts: row.attempts });
        ok = true;
      } catch (err) {
        error = err;
      }
    }
    try {
      if (ok) {
        await this.pool.query(
          "UPDATE outbox SET done_at = $2, last_error = NULL WHERE id = $1 AND done_at IS NULL",
          [row.id, this.clock.now()],
        );
        return;
      }
      const now = this.clock.now();
      const lastError = describeError(error);
      const giveUp = row.attempts >= this.maxAttempts;
      // "attempts = $n": if our lease ran out and another node claimed the row again, leave its claim alone.
      if (giveUp) {
        await this.pool.query(
          `UPDATE outbox SET failed_at = $2, last_error = $3
           WHERE id = $1 AND attempts = $4 AND done_at IS NULL`,
          [row.id, now, lastError, row.attempts],
        );
        this.log.error(
          { jobId: row.id, topic: row.topic, attempts: row.attempts, err: lastError },
          "job failed for good",
        );
      } else {
        const retryAt = new Date(now.getTime() + Math.max(0, this.backoff(row.attempts)));
        await this.pool.query(
          `UPDATE outbox SET available_at = $2, last_error = $3
           WHERE id = $1 AND attempts = $4 AND done_at IS NULL`,
          [row.id, retryAt, lastError, row.attempts],
        );
        this.log.warn(
          {
            jobId: row.id,
            topic: row.topic,
            attempts: row.attempts,
            retryAt: retryAt.toISOString(),
            err: lastError,
          },
          "job failed, will retry",
        );
      }
    } catch (err) {
      // The row stays claimed; it is delivered again when the lease runs out.
      this.log.error(
        { jobId: row.id, topic: row.topic, err: describeError(err) },
        "could not record job outcome",
      );
    }
  }

  /** Polls until stop(): a full batch is followed at once by the next, anything less by a pause of pollMs. */
  start(): void {
    if (this.running) return;
    this.running = true;
    this.schedule(0);
  }

  /** Stops polling and waits for the batch in flight, if any, to finish. */
  async stop(): Promise<void> {
    this.running = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    await this.inFlight;
  }

  private schedule(delayMs: number): void {
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.inFlight = this.tick().finally(() => {
        this.inFlight = undefined;
      });
    }, delayMs);
  }

  private async tick(): Promise<void> {
    let claimed = 0;
    try {
      claimed = await this.runOnce();
    } catch (err) {
      this.log.error({ err: describeError(err) }, "outbox poll failed");
    }
    if (this.running) this.schedule(claimed >= this.batchSize ? 0 : this.pollMs);
  }
}
