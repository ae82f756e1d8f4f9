import { createHash } from "node:crypto";
import type pg from "pg";
import { type JobLog, stderrLog } from "./dispatcher.ts";

export type SweepOutcome = "ran" | "skipped" | "failed";

type Task = { name: string; intervalMs: number; fn: () => Promise<void>; timer: NodeJS.Timeout | undefined };

/** A stable signed 64-bit advisory-lock key for a sweep's name (as a string: pg takes it as bigint). */
export function advisoryKey(name: string): string {
  return createHash("sha256").update(`caunoi:sweep:${name}`).digest().readBigInt64BE(0).toString();
}

/**
 * Sweeps held in this process, per database. On PostgreSQL the advisory lock is what keeps nodes apart;
 * this also keeps two Schedulers of one process apart, which is all the embedded PGlite needs (one process by
 * construction, and its socket connections share one session, so an advisory lock there excludes nobody).
 */
const heldInProcess = new Set<string>();

/**
 * Periodic sweeps that run on one node at a time: each run takes pg_try_advisory_lock on a dedicated pool client
 * and is skipped when another node holds it. Errors are logged; they never escape.
 */
export class Scheduler {
  private readonly pool: pg.Pool;
  private readonly log: JobLog;
  private readonly tasks = new Map<string, Task>();
  private readonly running = new Set<Promise<SweepOutcome>>();
  private started = false;

  constructor(options: { pool: pg.Pool; log?: JobLog }) {
    this.pool = options.pool;
    this.log = options.log ?? stderrLog;
  }

  /** Registers a sweep run every intervalMs (the first run one interval after start()). */
  every(name: string, intervalMs: number, fn: () => Promise<void>): this {
    if (this.tasks.has(name)) throw new Error(`sweep "${name}" is already registered`);
    if (!(intervalMs > 0)) throw new Error(`sweep "${name}": interval must be positive`);
    const task: Task = { name, intervalMs, fn, timer: undefined };
    this.tasks.set(name, task);
    if (this.started) this.arm(task);
    return this;
  }

  start(): void {
    if (this.started) return;
    this.started = true;
    for (const task of this.tasks.values()) this.arm(task);
  }

  /** Stops the timers and waits for the runs in progress. */
  async stop(): Promise<void> {
    this.started = false;
    for (const task of this.tasks.values()) {
      if (task.timer) clearTimeout(task.timer);
      task.timer = undefined;
    }
    await Promise.allSettled([...this.running]);
  }

  /** Runs a sweep now unless another node (or Scheduler) is running it; never throws for the sweep's errors. */
  runNow(name: string): Promise<SweepOutcome> {
    const task = this.tasks.get(name);
    if (!task) return Promise.reject(new Error(`no sweep named "${name}"`));
    const run = this.runLocked(task);
    this.running.add(run);
    void run.finally(() => this.running.delete(run));
    return run;
  }

  private arm(task: Task): void {
    task.timer = setTimeout(() => {
      task.timer = undefined;
      void this.runNow(task.name).finally(() => {
        if (this.started && this.tasks.get(task.name) === task) this.arm(task);
      });
    }, task.intervalMs);
  }

  private async runLocked(task: Task): Promise<SweepOutcome> {
    const o = this.pool.options;
    const processKey = `${o.connectionString ?? `${o.host}:${o.port}/${o.database}`}\u0000${task.name}`;
    if (heldInProcess.has(processKey)) return "skipped";
    heldInProcess.add(processKey);
    const key = advisoryKey(task.name);
    let client: pg.PoolClient | undefined;
    let locked = false;
    try {
      client = await this.pool.connect();
      const { rows } = await client.query<{ ok: boolean }>("SELECT pg_try_advisory_lock($1::bigint) AS ok", [
        key,
      ]);
      locked = rows[0]?.ok === true;
      if (!locked) return "skipped";
      const t0 = Date.now();
      try {
        await task.fn();
      } catch (err) {
        this.log.error({ sweep: task.name, err: describe(err) }, "sweep failed");
        return "failed";
      }
      this.log.info({ sweep: task.name, ms: Date.now() - t0 }, "sweep done");
      return "ran";
    } catch (err) {
      this.log.error({ sweep: task.name, err: describe(err) }, "sweep could not take its lock");
      return "failed";
    } finally {
      if (client) {
        let broken: Error | undefined;
        if (locked) {
          try {
            await client.query("SELECT pg_advisory_unlock($1::bigint)", [key]);
          } catch (err) {
            // a session lock dies with its connection: discard the client rather than return it still locked
            broken = err instanceof Error ? err : new Error(String(err));
            this.log.error({ sweep: task.name, err: describe(err) }, "could not release sweep lock");
          }
        }
        client.release(broken);
      }
      heldInProcess.delete(processKey);
    }
  }
}

function describe(err: unknown): string {
  const text = err instanceof Error ? err.stack || err.message : String(err);
  return text.length > 2000 ? `${text.slice(0, 1999)}…` : text;
}
