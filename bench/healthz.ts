import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadConfig } from "../src/config.ts";
import { createLogger } from "../src/logger.ts";
import { systemClock } from "../src/platform/clock.ts";
import { openDatabase } from "../src/platform/db/database.ts";
import { runMigrations } from "../src/platform/db/migrate.ts";
import { startServer } from "../src/server.ts";
import { type BenchResult, ms, summarise, timed } from "./lib.ts";

const GOAL_MS = 100;

async function sampleHealthz(url: string, count: number): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < count; i++) {
    const r = await timed(async () => {
      const res = await fetch(`${url}/healthz`);
      await res.arrayBuffer();
      return res.status;
    });
    samples.push(r.ms);
  }
  return samples;
}

/**
 * The embedded database runs in its own process, and /healthz answers from memory: while PGlite is busy for
 * seconds, the HTTP event loop must still answer at once. Baseline: the same requests with the database idle.
 */
export async function benchHealthzUnderSlowQuery(): Promise<BenchResult> {
  const dataDir = mkdtempSync(join(tmpdir(), "caunoi-bench-"));
  const config = loadConfig({
    DATA_DIR: dataDir,
    PORT: "0",
    SESSION_SECRET: "b".repeat(40),
    LOG_LEVEL: "silent",
  });
  const database = await openDatabase(config);
  try {
    await runMigrations(database);
    const server = await startServer(config, database, systemClock, createLogger(config), { jobs: false });
    const url = `http://127.0.0.1:${server.port}`;
    try {
      await sampleHealthz(url, 50); // warm-up
      const idle = summarise(await sampleHealthz(url, 300));
      // A query that keeps PGlite's single backend busy for several seconds.
      const slow = timed(() =>
        database.pool.query("SELECT count(*) FROM generate_series(1, 4000) a, generate_series(1, 6000) b"),
      );
      await new Promise((r) => setTimeout(r, 200));
      const busyStart = performance.now();
      const during: number[] = [];
      let settled = false;
      void slow.finally(() => {
        settled = true;
      });
      while (!settled) during.push(...(await sampleHealthz(url, 10)));
      const queryMs = (await slow).ms;
      const busy = summarise(during);
      const coveredMs = performance.now() - busyStart;
      return {
        name: "/healthz while the embedded database runs a multi-second query",
        ok: busy.p95 <= GOAL_MS && queryMs >= 1000,
        lines: [
          `slow query took ${ms(queryMs)} (healthz sampled for ${ms(coveredMs)} of it)`,
          `idle DB   : n=${idle.n} p50=${ms(idle.p50)} p95=${ms(idle.p95)} max=${ms(idle.max)}`,
          `busy DB   : n=${busy.n} p50=${ms(busy.p50)} p95=${ms(busy.p95)} max=${ms(busy.max)}`,
          `ratio busy/idle: p50 ×${(busy.p50 / idle.p50).toFixed(2)}, p95 ×${(busy.p95 / idle.p95).toFixed(2)} (goal: p95 ≤ ${GOAL_MS} ms)`,
        ],
      };
    } finally {
      await server.stop();
    }
  } finally {
    await database.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
