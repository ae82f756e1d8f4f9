// Starts the real application (`node bin/caunoi.js start`) as a child process on a fresh DATA_DIR and a free
// port, waits for /healthz, and stops it again: SIGTERM, wait for the exit, then make sure nothing of its
// process group (the embedded database child included) is left behind. Used by test/e2e and test/process.
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";

export const repoRoot = resolve(fileURLToPath(new URL("../../..", import.meta.url)));
export const cliPath = join(repoRoot, "bin", "caunoi.js");

/** The demo accounts' password in every test run (DEMO_PASSWORD must be at least 8 characters). */
export const DEMO_PASSWORD = "caunoi-e2e-2026";

/** Variables of the test runner's own environment that must not leak into the app under test. */
const SCRUBBED = [
  "DATABASE_URL",
  "TEST_DATABASE_URL",
  "E2E_DATABASE_URL",
  "DATA_DIR",
  "PORT",
  "HOST",
  "BASE_URL",
  "SESSION_SECRET",
  "SMTP_URL",
  "DEMO_PASSWORD",
  "LOG_LEVEL",
  "NODE_TEST_CONTEXT", // set by node --test: a child node that sees it reports to the runner instead of running
  "NODE_OPTIONS",
];

// Temporary directories made here: removed when the test process ends, however it ends (see below).
const ownedDirs = new Set<string>();

export function freshTempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), `${prefix}-`));
  ownedDirs.add(dir);
  return dir;
}

/** A port nobody is listening on right now: listen on port 0, read what the kernel gave, close. */
export async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const srv = createServer();
    srv.unref();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const addr = srv.address();
      const port = typeof addr === "object" && addr ? addr.port : 0;
      srv.close(() => (port ? resolvePort(port) : reject(new Error("no port from the kernel"))));
    });
  });
}

export function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

/** A timer for Promise.race that does not keep the test process alive once the race is decided. */
function deadline(ms: number): Promise<undefined> {
  return new Promise((r) => setTimeout(() => r(undefined), ms).unref());
}

// ---------------------------------------------------------------------------------------------------------
// Processes

type ProcInfo = { pid: number; ppid: number; pgrp: number; state: string };

function procInfo(pid: number): ProcInfo | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // "pid (comm) state ppid pgrp …": comm may hold spaces and parentheses, so split after the last ")".
    const rest = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return { pid, state: rest[0] ?? "?", ppid: Number(rest[1]), pgrp: Number(rest[2]) };
  } catch {
    return undefined;
  }
}

const hasProc = (() => {
  try {
    readdirSync("/proc/self");
    return true;
  } catch {
    return false;
  }
})();

/** Alive and not a zombie (a zombie has exited; it only waits to be reaped, maybe by an init that never does). */
export function isAlive(pid: number): boolean {
  if (hasProc) {
    const info = procInfo(pid);
    return info !== undefined && info.state !== "Z" && info.state !== "X";
  }
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

function allProcs(): ProcInfo[] {
  const out: ProcInfo[] = [];
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    const info = procInfo(Number(name));
    if (info) out.push(info);
  }
  return out;
}

/** Live (non-zombie) members of a process group. */
export function groupMembers(pgid: number): number[] {
  if (!hasProc) {
    try {
      process.kill(-pgid, 0);
      return [pgid];
    } catch {
      return [];
    }
  }
  return allProcs()
    .filter((p) => p.pgrp === pgid && p.state !== "Z" && p.state !== "X")
    .map((p) => p.pid);
}

/** Live descendants of pid (children, grandchildren, …), as of now. */
export function descendants(pid: number): number[] {
  const procs = allProcs().filter((p) => p.state !== "Z" && p.state !== "X");
  const out: number[] = [];
  let frontier = [pid];
  while (frontier.length > 0) {
    const next = procs.filter((p) => frontier.includes(p.ppid)).map((p) => p.pid);
    out.push(...next);
    frontier = next;
  }
  return out;
}

export async function waitUntil(cond: () => boolean, timeoutMs: number, stepMs = 100): Promise<boolean> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    if (cond()) return true;
    if (Date.now() > until) return false;
    await sleep(stepMs);
  }
}

function killGroup(pgid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pgid, signal);
  } catch {
    // already gone
  }
}

// Every process group we started. The apps run detached (their own group), so nothing takes them down
// with this process: we do, on a normal exit and on SIGTERM/SIGINT/SIGHUP (a CI `timeout` signals the
// runner's process group, not ours), so a killed run leaves no app, database child or data directory.
const liveGroups = new Set<number>();
function cleanUpEverything(): void {
  for (const g of liveGroups) killGroup(g, "SIGKILL");
  liveGroups.clear();
  for (const d of ownedDirs) rmSync(d, { recursive: true, force: true });
  ownedDirs.clear();
}
process.once("exit", cleanUpEverything);
for (const [signal, code] of [
  ["SIGTERM", 143],
  ["SIGINT", 130],
  ["SIGHUP", 129],
] as const) {
  process.once(signal, () => {
    cleanUpEverything();
    process.exit(code);
  });
}

export type Exit = { code: number | null; signal: NodeJS.Signals | null };

function appEnv(opts: {
  dataDir: string;
  port?: number;
  databaseUrl?: string;
  extra?: Record<string, string>;
}) {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const k of SCRUBBED) delete env[k];
  env.DATA_DIR = opts.dataDir;
  env.DEMO_PASSWORD = DEMO_PASSWORD;
  env.LOG_LEVEL = "warn";
  if (opts.port !== undefined) {
    env.PORT = String(opts.port);
    env.HOST = "127.0.0.1";
    env.BASE_URL = `http://127.0.0.1:${opts.port}`;
  }
  if (opts.databaseUrl) env.DATABASE_URL = opts.databaseUrl;
  return { ...env, ...opts.extra };
}

export type RunningApp = {
  url: string;
  port: number;
  dataDir: string;
  pid: number;
  proc: ChildProcess;
  /** Everything the app wrote to stdout and stderr so far. */
  output: () => string;
  exited: Promise<Exit>;
  /** SIGTERM, wait for the exit (≤ 30 s), then SIGKILL whatever is left of the process group. */
  stop: () => Promise<{ graceful: boolean; exit: Exit }>;
};

export type StartOptions = {
  /** Reuse a data directory (restart after a crash); default: a fresh temporary one, removed by stop(). */
  dataDir?: string;
  /** PostgreSQL server URL: the app runs on a fresh database created there (dropped by stop()). */
  serverDatabaseUrl?: string;
  env?: Record<string, string>;
  /** How long the first start (migrations + demo seed) may take. */
  timeoutMs?: number;
};

/** A new, empty database on a PostgreSQL server; drop() removes it (FORCE: the app may still hold sessions). */
export async function createScratchDatabase(
  serverUrl: string,
): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `caunoi_e2e_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: serverUrl });
      await c.connect();
      try {
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await c.end();
      }
    },
  };
}

export async function startApp(opts: StartOptions = {}): Promise<RunningApp> {
  const ownDataDir = opts.dataDir === undefined;
  const dataDir = opts.dataDir ?? freshTempDir("caunoi-data");
  const scratch = opts.serverDatabaseUrl ? await createScratchDatabase(opts.serverDatabaseUrl) : undefined;
  const port = await freePort();
  const proc = spawn(process.execPath, [cliPath, "start"], {
    cwd: repoRoot,
    env: appEnv({ dataDir, port, databaseUrl: scratch?.url, extra: opts.env }),
    stdio: ["ignore", "pipe", "pipe"],
    detached: true, // its own process group: the embedded database child is in it too, so we can kill both
  });
  const pid = proc.pid;
  if (pid === undefined) throw new Error("could not spawn the app");
  liveGroups.add(pid);
  let out = "";
  proc.stdout?.on("data", (b: Buffer) => {
    out += b.toString("utf8");
  });
  proc.stderr?.on("data", (b: Buffer) => {
    out += b.toString("utf8");
  });
  const exited = new Promise<Exit>((r) => proc.once("exit", (code, signal) => r({ code, signal })));
  let exit: Exit | undefined;
  void exited.then((e) => {
    exit = e;
  });
  const url = `http://127.0.0.1:${port}`;

  const cleanup = async () => {
    // Whatever is left of the group after the main process ended: give the embedded child a moment to
    // notice its parent is gone and close its database, then kill the rest.
    await waitUntil(() => groupMembers(pid).length === 0, 10_000);
    if (groupMembers(pid).length > 0) killGroup(pid, "SIGKILL");
    await waitUntil(() => groupMembers(pid).length === 0, 5_000);
    liveGroups.delete(pid);
    if (scratch) await scratch.drop().catch(() => undefined);
    if (ownDataDir) {
      rmSync(dataDir, { recursive: true, force: true });
      ownedDirs.delete(dataDir);
    }
  };

  const stop = async () => {
    let graceful = true;
    if (!exit) {
      try {
        process.kill(pid, "SIGTERM");
      } catch {
        // exited meanwhile
      }
      const done = await Promise.race([exited, deadline(30_000)]);
      if (!done) {
        graceful = false;
        killGroup(pid, "SIGKILL");
      }
    }
    const e = await exited;
    await cleanup();
    return { graceful, exit: e };
  };

  try {
    await waitForHealth(url, exited, opts.timeoutMs ?? 240_000);
  } catch (err) {
    await stop();
    throw new Error(`${(err as Error).message}\n--- app output ---\n${out}`);
  }
  return { url, port, dataDir, pid, proc, output: () => out, exited, stop };
}

/** Polls GET /healthz until it answers 200; fails early when the process exits. */
export async function waitForHealth(url: string, exited: Promise<Exit>, timeoutMs: number): Promise<void> {
  let gone: Exit | undefined;
  void exited.then((e) => {
    gone = e;
  });
  const until = Date.now() + timeoutMs;
  let last = "";
  while (Date.now() < until) {
    if (gone)
      throw new Error(`the app exited before it was healthy (code ${gone.code}, signal ${gone.signal})`);
    try {
      const res = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(2_000) });
      if (res.status === 200) return;
      last = `status ${res.status}`;
    } catch (err) {
      last = (err as Error).message;
    }
    await sleep(250);
  }
  throw new Error(`/healthz did not answer 200 within ${timeoutMs} ms (last: ${last})`);
}

export type CliResult = {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  ms: number;
};

/** Runs one CLI command (`node bin/caunoi.js …`) to completion, killing its process group on timeout. */
export async function runCli(
  args: string[],
  opts: { dataDir: string; env?: Record<string, string>; timeoutMs?: number; port?: number },
): Promise<CliResult> {
  const started = Date.now();
  const proc = spawn(process.execPath, [cliPath, ...args], {
    cwd: repoRoot,
    env: appEnv({ dataDir: opts.dataDir, port: opts.port, extra: opts.env }),
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  const pid = proc.pid;
  if (pid === undefined) throw new Error("could not spawn the CLI");
  liveGroups.add(pid);
  let stdout = "";
  let stderr = "";
  proc.stdout?.on("data", (b: Buffer) => {
    stdout += b.toString("utf8");
  });
  proc.stderr?.on("data", (b: Buffer) => {
    stderr += b.toString("utf8");
  });
  const timer = setTimeout(() => killGroup(pid, "SIGKILL"), opts.timeoutMs ?? 120_000);
  const closed = new Promise<void>((r) => proc.once("close", () => r()));
  const exit = await new Promise<Exit>((r) => proc.once("exit", (code, signal) => r({ code, signal })));
  clearTimeout(timer);
  // "exit" can come before the last output is read; "close" waits for the pipes (bounded: a grandchild
  // that outlives the CLI would hold them open).
  await Promise.race([closed, deadline(3_000)]);
  await waitUntil(() => groupMembers(pid).length === 0, 5_000);
  killGroup(pid, "SIGKILL");
  liveGroups.delete(pid);
  return { ...exit, stdout, stderr, ms: Date.now() - started };
}
