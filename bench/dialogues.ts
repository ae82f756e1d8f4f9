/**
 * Issue 5 on the day: 436 village heads checked in while 500 phones and screens hold a live stream (SSE) open,
 * on PostgreSQL (`caunoi_bench_dialogues`, LISTEN/NOTIFY bus) and on the embedded database (in-process bus).
 *   - check-in latency (POST through the desk's form, one person after another from 4 desks);
 *   - queue move → SSE delivery: from the moderator's POST to the moment the event reached all 500 clients;
 *   - /healthz beside them in the same run (idle, then with the 500 streams open).
 * BENCH_DB=pg|embedded|both picks the databases (default both); the data is the demo (seeded on first use).
 */

import { mkdtempSync, rmSync } from "node:fs";
import http from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { loadConfig } from "../src/config.ts";
import { createLogger } from "../src/logger.ts";
import { createDialogue } from "../src/modules/dialogues/commands/createDialogue.ts";
import { askQuestion } from "../src/modules/dialogues/commands/questions.ts";
import { transitionDialogue } from "../src/modules/dialogues/commands/transition.ts";
import { liveFor } from "../src/modules/dialogues/live/registry.ts";
import { systemClock } from "../src/platform/clock.ts";
import { openDatabase } from "../src/platform/db/database.ts";
import { runMigrations } from "../src/platform/db/migrate.ts";
import { isSeeded, seedDemo } from "../src/seed.ts";
import { startServer } from "../src/server.ts";
import { Browser } from "../test/support/http.ts";
import { type BenchResult, ms, type Summary, summarise } from "./lib.ts";

const PG_URL =
  process.env.BENCH_DIALOGUES_URL ?? "postgres://postgres:postgres@127.0.0.1:5432/caunoi_bench_dialogues";
const CLIENTS = Number(process.env.BENCH_SSE_CLIENTS ?? 500);
const MOVES = Number(process.env.BENCH_MOVES ?? 30);
const PASSWORD = "bench-dialogues-2026";
const GOAL_CHECKIN_P95 = 500;
const GOAL_DELIVERY_P95 = 1000;
const GOAL_HEALTHZ_P95 = 100;

const line = (label: string, s: Summary) =>
  `${label.padEnd(40)} n=${s.n} p50=${ms(s.p50)} p95=${ms(s.p95)} max=${ms(s.max)}`;

async function ensureDatabase(url: string): Promise<void> {
  const u = new URL(url);
  const name = u.pathname.slice(1);
  u.pathname = "/postgres";
  const c = new pg.Client({ connectionString: u.toString() });
  await c.connect();
  try {
    const r = await c.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (r.rowCount === 0) await c.query(`CREATE DATABASE "${name.replaceAll('"', '""')}"`);
  } finally {
    await c.end();
  }
}

/**
 * One SSE client: remembers when each version arrived, the count it shows, and how many events of each kind
 * ("state": the whole state; "attendance": the count alone, after check-ins) it received.
 */
function sseClient(base: string, path: string, cookie: string, agent: http.Agent) {
  const arrivals = new Map<number, number>();
  const received = { state: 0, attendance: 0, bytes: 0 };
  let latest = -1;
  let present = -1;
  let currentId: number | null = null;
  let req: http.ClientRequest | null = null;
  const ready = new Promise<void>((resolve, reject) => {
    req = http.get(`${base}${path}`, { headers: { cookie, accept: "text/event-stream" }, agent }, (res) => {
      if (res.statusCode !== 200) {
        reject(new Error(`SSE answered ${res.statusCode}`));
        return;
      }
      let buf = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => {
        buf += chunk;
        received.bytes += Buffer.byteLength(chunk);
        for (let at = buf.indexOf("\n\n"); at >= 0; at = buf.indexOf("\n\n")) {
          const block = buf.slice(0, at);
          buf = buf.slice(at + 2);
          const lines = block.split("\n");
          const event = lines
            .find((l) => l.startsWith("event:"))
            ?.slice(6)
            .trim();
          const data = lines
            .filter((l) => l.startsWith("data:"))
            .map((l) => l.slice(5).trim())
            .join("");
          if (!data || (event !== "state" && event !== "attendance")) continue;
          const s = JSON.parse(data) as {
            version: number;
            attendance: { present: number };
            current?: { id: number } | null;
          };
          received[event]++;
          if (!arrivals.has(s.version)) arrivals.set(s.version, performance.now());
          if (s.version >= latest) present = s.attendance.present;
          latest = Math.max(latest, s.version);
          if (event === "state") currentId = s.current?.id ?? null;
          resolve();
        }
      });
      res.on("error", () => undefined);
    });
    req.on("error", reject);
  });
  return {
    ready,
    arrivals,
    received,
    latestVersion: () => latest,
    present: () => present,
    currentId: () => currentId,
    close: () => req?.destroy(),
  };
}

async function sampleHealthz(base: string, n: number): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    for (let attempt = 0; ; attempt++) {
      const t0 = performance.now();
      try {
        const res = await fetch(`${base}/healthz`);
        await res.arrayBuffer();
        out.push(performance.now() - t0);
        break;
      } catch (err) {
        // a kept-alive socket the server closed just as it was reused: the request never reached the app
        if (attempt >= 2) throw err;
      }
    }
  }
  return out;
}

/** Communes whose villages add up to 436 exactly (subset sum over the demo's counts), else the closest below. */
function pick(counts: { id: number; n: number }[], target: number): number[] {
  const from = new Map<number, { prev: number; id: number }>([[0, { prev: -1, id: -1 }]]);
  for (const c of counts)
    for (const s of [...from.keys()].sort((a, b) => b - a))
      if (s + c.n <= target && !from.has(s + c.n)) from.set(s + c.n, { prev: s, id: c.id });
  let s = Math.max(...from.keys());
  const ids: number[] = [];
  while (s > 0) {
    const step = from.get(s);
    if (!step) break;
    ids.push(step.id);
    s = step.prev;
  }
  return ids;
}

async function runOn(label: "PostgreSQL" | "embedded"): Promise<BenchResult> {
  const dataDir = mkdtempSync(join(tmpdir(), "caunoi-bench-dialogues-"));
  if (label === "PostgreSQL") await ensureDatabase(PG_URL);
  const config = loadConfig({
    ...(label === "PostgreSQL" ? { DATABASE_URL: PG_URL } : {}),
    DATA_DIR: dataDir,
    PORT: "0",
    HOST: "127.0.0.1",
    SESSION_SECRET: "d".repeat(40),
    DEMO_PASSWORD: PASSWORD,
    LOG_LEVEL: "silent",
    DB_POOL_SIZE: "10",
  });
  const database = await openDatabase(config);
  const lines: string[] = [];
  const agent = new http.Agent({ keepAlive: true, maxSockets: CLIENTS + 50 });
  try {
    await runMigrations(database);
    const ctx = { pool: database.pool, clock: systemClock, actorId: null };
    if (!(await isSeeded(database))) await seedDemo(config, database, ctx, true);
    const pool = database.pool;
    const id = async (sql: string) => (await pool.query<{ id: number }>(sql)).rows[0]?.id ?? 0;
    const coordinatorId = await id("SELECT id FROM users WHERE username = 'demo-coordinator'");
    const leaderId = await id("SELECT id FROM users WHERE username = 'demo-leader'");
    const { rows: counts } = await pool.query<{ id: number; n: number }>(
      `SELECT c.id, count(v.id)::int AS n FROM units c JOIN units v ON v.parent_id = c.id AND v.level = 'village' AND v.valid_to IS NULL
        WHERE c.level = 'commune' AND c.valid_to IS NULL GROUP BY c.id ORDER BY c.id`,
    );
    const t0 = performance.now();
    const d = await createDialogue(
      { ...ctx, actorId: coordinatorId },
      {
        title: `Bench ${new Date().toISOString()}`,
        startsAt: new Date(),
        venue: "Hội trường",
        onlineUrl: null,
        chairIds: [leaderId],
        agencyIds: [],
        invite: { unitIds: pick(counts, 436), role: "village_head" },
        agenda: [],
      },
    );
    lines.push(
      `dialogue created with ${d.invited} invitations in ${ms(performance.now() - t0)} (one INSERT … SELECT + outbox)`,
    );
    await transitionDialogue({ ...ctx, actorId: coordinatorId }, d.id, "open_questions");
    const { rows: askers } = await pool.query<{ user_id: number }>(
      "SELECT user_id FROM dialogue_invitations WHERE dialogue_id = $1 ORDER BY id LIMIT $2",
      [d.id, MOVES + 5],
    );
    const topics = [
      "đường liên thôn",
      "nước sạch",
      "điện chiếu sáng",
      "trường mầm non",
      "giống cây trồng",
      "nhà văn hoá",
    ];
    for (const [i, a] of askers.entries())
      await askQuestion({ ...ctx, actorId: a.user_id }, d.id, {
        text: `Câu hỏi ${i + 1}: đề nghị hỗ trợ ${topics[i % topics.length]} cho thôn, số ${i * 7 + 3}.`,
        petitionId: null,
      });
    await transitionDialogue({ ...ctx, actorId: coordinatorId }, d.id, "go_live");

    const server = await startServer(config, database, systemClock, createLogger(config), { jobs: false });
    const base = `http://127.0.0.1:${server.port}`;
    try {
      const browser = () =>
        new Browser({
          request: (input: string, init?: RequestInit) =>
            fetch(input.replace("http://localhost", base), init),
        });
      const moderator = browser();
      await moderator.login("demo-moderator", PASSWORD);
      const viewer = browser();
      await viewer.login("demo-coordinator", PASSWORD);
      const cookie = [...viewer.cookies].map(([k, v]) => `${k}=${v}`).join("; ");

      await sampleHealthz(base, 30);
      const idle = summarise(await sampleHealthz(base, 200));

      const clients = Array.from({ length: CLIENTS }, () =>
        sseClient(base, `/dialogues/${d.id}/events`, cookie, agent),
      );
      const tc = performance.now();
      await Promise.all(clients.map((c) => c.ready));
      lines.push(
        `${CLIENTS} SSE clients connected and received the full state in ${ms(performance.now() - tc)}`,
      );
      const withStreams = summarise(await sampleHealthz(base, 200));

      // check-in: 436 people through the desk's form, 4 desks at once
      const { rows: invitations } = await pool.query<{ id: number }>(
        "SELECT id FROM dialogue_invitations WHERE dialogue_id = $1 ORDER BY id",
        [d.id],
      );
      await moderator.get(`/dialogues/${d.id}/check-in`);
      const csrf = moderator.csrf();
      const modCookie = [...moderator.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
      const { hub } = liveFor({ pool, config, log: createLogger(config) });
      const hubBefore = { ...hub.stats };
      const before = {
        state: clients.reduce((n, c) => n + c.received.state, 0),
        attendance: clients.reduce((n, c) => n + c.received.attendance, 0),
        bytes: clients.reduce((n, c) => n + c.received.bytes, 0),
      };
      const checkinLat: number[] = [];
      const healthDuring: number[] = [];
      let nextInv = 0;
      let checking = true;
      const probe = (async () => {
        while (checking) healthDuring.push(...(await sampleHealthz(base, 1)));
      })();
      try {
        await Promise.all(
          Array.from({ length: 4 }, async () => {
            for (;;) {
              const inv = invitations[nextInv++];
              if (!inv) return;
              const s = performance.now();
              // checking a person in twice is harmless: a reused socket the server had closed is retried
              const send = () =>
                fetch(`${base}/dialogues/${d.id}/check-in`, {
                  method: "POST",
                  headers: { cookie: modCookie, "content-type": "application/x-www-form-urlencoded" },
                  body: new URLSearchParams({ _csrf: csrf, invitationId: String(inv.id) }).toString(),
                  redirect: "manual",
                });
              const res = await send().catch(send);
              await res.arrayBuffer();
              if (res.status !== 303) throw new Error(`check-in answered ${res.status}`);
              checkinLat.push(performance.now() - s);
            }
          }),
        );
      } finally {
        // stop the /healthz probe whatever happened, before the server stops
        checking = false;
        await probe.catch(() => undefined);
      }
      const present = await pool.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM dialogue_invitations WHERE dialogue_id = $1 AND checked_in_at IS NOT NULL",
        [d.id],
      );
      // let the last check-in's broadcast settle before timing moves; every screen must show the final count
      await new Promise((r) => setTimeout(r, 1500));
      const behind = clients.filter((c) => c.present() !== present.rows[0]?.n).length;
      if (behind > 0) throw new Error(`${behind} clients do not show the final count ${present.rows[0]?.n}`);
      const sum = (f: (c: (typeof clients)[number]) => number) => clients.reduce((n, c) => n + f(c), 0);
      const during = {
        state: sum((c) => c.received.state) - before.state,
        attendance: sum((c) => c.received.attendance) - before.attendance,
        bytes: sum((c) => c.received.bytes) - before.bytes,
      };
      const hubDuring = {
        stateLoads: hub.stats.stateLoads - hubBefore.stateLoads,
        attendanceLoads: hub.stats.attendanceLoads - hubBefore.attendanceLoads,
        broadcasts: hub.stats.broadcasts - hubBefore.broadcasts,
      };
      lines.push(
        `during ${invitations.length} check-ins: ${hubDuring.broadcasts} broadcasts (${hubDuring.stateLoads} whole-state loads, ${hubDuring.attendanceLoads} count loads); per client ${(during.attendance / CLIENTS).toFixed(1)} count events + ${(during.state / CLIENTS).toFixed(1)} state events, ${(during.bytes / 1024 / 1024).toFixed(2)} MB written in all; every client shows ${present.rows[0]?.n} present`,
      );

      // queue moves: POST next, then wait until every client has an event newer than before, with the new question
      // the first half back to back (each move lands inside the hub's ~300 ms window: trailing edge), the second
      // half a second apart, a moderator's pace at its quickest (leading edge: sent at once)
      const firstLat: number[] = [];
      const allLat: number[] = [];
      const pacedLat: number[] = [];
      for (let i = 0; i < MOVES; i++) {
        const paced = i >= MOVES / 2;
        if (paced) await new Promise((r) => setTimeout(r, 1000));
        const before = Math.max(...clients.map((c) => c.latestVersion()));
        const s = performance.now();
        const res = await fetch(`${base}/dialogues/${d.id}/queue/next`, {
          method: "POST",
          headers: { cookie: modCookie, "content-type": "application/x-www-form-urlencoded" },
          body: new URLSearchParams({ _csrf: csrf }).toString(),
          redirect: "manual",
        });
        await res.arrayBuffer();
        if (res.status !== 303) throw new Error(`queue move answered ${res.status}`);
        const deadline = s + 15_000;
        while (performance.now() < deadline && clients.some((c) => c.latestVersion() <= before))
          await new Promise((r) => setTimeout(r, 2));
        const times = clients.flatMap((c) => {
          const v = [...c.arrivals.entries()].filter(([ver]) => ver > before).map(([, at]) => at);
          return v.length ? [Math.min(...v)] : [];
        });
        if (times.length < clients.length)
          throw new Error(`move ${i}: ${clients.length - times.length} clients missed it`);
        firstLat.push(Math.min(...times) - s);
        (paced ? pacedLat : allLat).push(Math.max(...times) - s);
      }
      for (const c of clients) c.close();

      const ci = summarise(checkinLat);
      const all = summarise([...allLat, ...pacedLat]);
      const hd = summarise(healthDuring);
      lines.push(
        `checked in: ${present.rows[0]?.n}/${invitations.length}`,
        line("/healthz idle (baseline)", idle),
        line(`/healthz with ${CLIENTS} SSE open`, withStreams),
        line("/healthz during check-ins", hd),
        line(`check-in POST (${CLIENTS} SSE open)`, ci),
        line("queue move → first SSE client", summarise(firstLat)),
        line(`queue move → all ${CLIENTS} SSE clients`, all),
        line("  of which back to back", summarise(allLat)),
        line("  of which 1 s apart", summarise(pacedLat)),
        `ratios: check-in p50 / healthz idle p50 ×${(ci.p50 / idle.p50).toFixed(1)}; healthz p95 during check-ins / idle ×${(hd.p95 / idle.p95).toFixed(2)}`,
        `goals: check-in p95 ≤ ${GOAL_CHECKIN_P95} ms, delivery to all p95 ≤ ${GOAL_DELIVERY_P95} ms, healthz p95 ≤ ${GOAL_HEALTHZ_P95} ms`,
      );
      return {
        name: `dialogues on ${label}: check-in and queue moves with ${CLIENTS} live streams`,
        ok: ci.p95 <= GOAL_CHECKIN_P95 && all.p95 <= GOAL_DELIVERY_P95 && hd.p95 <= GOAL_HEALTHZ_P95,
        lines,
      };
    } finally {
      await server.stop();
    }
  } finally {
    agent.destroy();
    await database.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export async function benchDialogues(report: (r: BenchResult) => void): Promise<BenchResult[]> {
  const which = process.env.BENCH_DB ?? "both";
  const out: BenchResult[] = [];
  for (const label of ["PostgreSQL", "embedded"] as const) {
    if (which !== "both" && which !== (label === "PostgreSQL" ? "pg" : "embedded")) continue;
    const r = await runOn(label);
    report(r); // printed as soon as measured: the embedded run seeds the demo first and takes a while
    out.push(r);
  }
  return out;
}
