/**
 * The real app over real HTTP for the scale benchmarks: opens the generated bench database (PostgreSQL or
 * embedded), starts the server in-process on port 0 with the jobs off, and gives a cookie-keeping client.
 */
import { createLogger } from "../src/logger.ts";
import { modules } from "../src/modules/index.ts";
import { systemClock } from "../src/platform/clock.ts";
import { type Database, openDatabase } from "../src/platform/db/database.ts";
import { runMigrations } from "../src/platform/db/migrate.ts";
import { type RunningServer, startServer } from "../src/server.ts";
import { Browser } from "../test/support/http.ts";
import { benchConfig, ensurePgDatabase } from "./generate.ts";

export const PG_URL =
  process.env.BENCH_DATABASE_URL ?? "postgres://postgres:postgres@127.0.0.1:5432/caunoi_bench";
export const EMBEDDED_DIR = process.env.BENCH_DATA_DIR ?? "/tmp/caunoi-bench-emb";

export type Target = { label: "PostgreSQL" | "embedded"; env: Record<string, string | undefined> };

/** Which databases to run on: BENCH_DB=pg | embedded | both (default both). */
export function targets(): Target[] {
  const which = process.env.BENCH_DB ?? "both";
  const out: Target[] = [];
  if (which === "pg" || which === "both")
    out.push({ label: "PostgreSQL", env: { DATABASE_URL: PG_URL, DATA_DIR: "/tmp/caunoi-bench-pgside" } });
  if (which === "embedded" || which === "both")
    out.push({ label: "embedded", env: { DATABASE_URL: undefined, DATA_DIR: EMBEDDED_DIR } });
  return out;
}

export async function openTarget(t: Target): Promise<Database> {
  const saved = { DATABASE_URL: process.env.DATABASE_URL, DATA_DIR: process.env.DATA_DIR };
  for (const [k, v] of Object.entries(t.env)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  try {
    const config = benchConfig();
    if (config.databaseUrl) await ensurePgDatabase(config.databaseUrl);
    const database = await openDatabase(config);
    await runMigrations(database);
    return database;
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}

export async function petitionCount(database: Database): Promise<number> {
  const r = await database.pool
    .query<{ value: string }>("SELECT value FROM bench_meta WHERE key = 'petitions'")
    .catch(() => ({ rows: [] as { value: string }[] }));
  return Number(r.rows[0]?.value ?? 0);
}

/**
 * The petition pages and JSON API, registered by the petitions module once it mounts them; until then the bench
 * mounts the same route functions itself (said in the output) so that it measures the product's handlers.
 */
let mountedByBench = false;
export async function ensurePetitionRoutes(): Promise<string> {
  const petitions = modules.find((m) => m.name === "petitions");
  if (petitions?.routes || mountedByBench)
    return mountedByBench
      ? "mounted by the bench (manifest has no routes yet)"
      : "mounted by the petitions module";
  const api = (await import("../src/modules/petitions/api.ts")) as {
    petitionApiRoutes: (app: never) => void;
  };
  const work = (await import("../src/modules/petitions/workRoutes.tsx")) as {
    petitionWorkRoutes: (app: never) => void;
  };
  modules.push({
    name: "bench-petition-routes",
    messages: {} as never,
    routes: (app) => {
      api.petitionApiRoutes(app as never);
      work.petitionWorkRoutes(app as never);
    },
  });
  mountedByBench = true;
  return "mounted by the bench (manifest has no routes yet)";
}

export async function startBenchServer(database: Database): Promise<RunningServer & { base: string }> {
  const config = { ...benchConfig(), embedded: !!database.embedded };
  const server = await startServer(config, database, systemClock, createLogger(config), { jobs: false });
  return { ...server, base: `http://127.0.0.1:${server.port}` };
}

/** The test suite's cookie-keeping browser, over real HTTP instead of app.request. */
export function httpBrowser(base: string): Browser {
  return new Browser({
    request: (input: string, init?: RequestInit) => fetch(input.replace("http://localhost", base), init),
  });
}
