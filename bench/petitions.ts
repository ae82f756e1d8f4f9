/**
 * Issue 3 at scale (bench/generate.ts data, default 1,000,000 petitions on PostgreSQL): through the real app
 * over real HTTP, on PostgreSQL and on the embedded database.
 *   - submit (JSON API, Bearer token: validation, idempotency, the transaction with the audit chain and the
 *     outbox notices) against a bare single-row INSERT of the same row into `petitions` through the same `pg`
 *     pool (and, for scale, into a copy of the table with its primary key only);
 *   - the list page, a filtered search and its second page (keyset cursor) as a coordinator, beside /healthz;
 *   - the leader's overview.
 */
import { Agent as HttpAgent, request as httpRequest } from "node:http";
import { createApiToken } from "../src/modules/accounts/commands/manageUsers.ts";
import { searchFields } from "../src/modules/petitions/commands/submitPetition.ts";
import { systemClock } from "../src/platform/clock.ts";
import type { Database } from "../src/platform/db/database.ts";
import {
  ensurePetitionRoutes,
  httpBrowser,
  openTarget,
  petitionCount,
  startBenchServer,
  type Target,
  targets,
} from "./app.ts";
import { pick, randomIssue, rng, writePetition } from "./corpus.ts";
import { BENCH_PASSWORD } from "./generate.ts";
import { type BenchResult, ms, type Summary, summarise } from "./lib.ts";

const SUBMITS = Number(process.env.BENCH_SUBMITS ?? 500);
const CLIENTS = 4;
const PAGE_SAMPLES = Number(process.env.BENCH_PAGE_SAMPLES ?? 60);

/** Runs `count` calls of `fn` from `clients` concurrent loops; latencies and wall time. */
async function concurrently(
  count: number,
  clients: number,
  fn: (i: number) => Promise<void>,
): Promise<{ lat: number[]; wallMs: number }> {
  const lat: number[] = [];
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      for (;;) {
        const i = next++;
        if (i >= count) return;
        const s = performance.now();
        await fn(i);
        lat.push(performance.now() - s);
      }
    }),
  );
  return { lat, wallMs: performance.now() - t0 };
}

async function sample(count: number, fn: (i: number) => Promise<void>): Promise<number[]> {
  return (await concurrently(count, 1, fn)).lat;
}

const line = (label: string, s: Summary) =>
  `${label.padEnd(34)} n=${s.n} p50=${ms(s.p50)} p95=${ms(s.p95)} max=${ms(s.max)}`;

async function get(
  url: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; text: string }> {
  const res = await fetch(url, { headers });
  return { status: res.status, text: await res.text() };
}

type Village = { id: number; name: string; commune: string; head: number; category: string; path: string };

/**
 * The load generator shares the server's one thread. fetch() (undici) cost 1.28 ms of that thread per submission
 * (28% of it, cpu profile of 1,000 submissions); node:http with a keep-alive agent costs a fraction of that, so
 * the figure is more the server's and less the client's. BENCH_CLIENT=fetch measures with fetch() as sessions 1–3
 * did. A client in a worker thread was tried and measured worse: three busy threads on two cores.
 */
const FETCH_CLIENT = process.env.BENCH_CLIENT === "fetch";
const agent = new HttpAgent({ keepAlive: true, maxSockets: CLIENTS });

async function post(
  url: string,
  init: { headers: Record<string, string>; body: string },
): Promise<{ status: number; text: string }> {
  if (FETCH_CLIENT) {
    const res = await fetch(url, { method: "POST", ...init });
    return { status: res.status, text: await res.text() };
  }
  return new Promise((resolve, reject) => {
    const headers = { ...init.headers, "content-length": String(Buffer.byteLength(init.body)) };
    const req = httpRequest(url, { method: "POST", agent, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () =>
        resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString("utf8") }),
      );
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end(init.body);
  });
}

export async function benchSubmit(
  database: Database,
  base: string,
  t: Target,
  n: number,
): Promise<BenchResult> {
  const pool = database.pool;
  const { rows: heads } = await pool.query<Village>(
    `SELECT v.id, v.name, c.name AS commune, g.user_id AS head, 'giao_thong' AS category, v.path
       FROM role_grants g JOIN units v ON v.id = g.unit_id JOIN units c ON c.id = v.parent_id
      WHERE g.role = 'village_head' AND g.user_id IN (SELECT id FROM users WHERE username LIKE 'th-%') ORDER BY v.id LIMIT 40`,
  );
  const ctx = { pool, clock: systemClock, actorId: null };
  const tokens = await Promise.all(heads.map((h) => createApiToken(ctx, h.head, `bench-${Date.now()}`)));
  const r = rng(Date.now() & 0xffff);
  const bodies = Array.from({ length: SUBMITS }, (_, i) => {
    const h = heads[i % heads.length] as Village;
    const w = writePetition(r, randomIssue(r), h.name.replace(/^(thôn|bản|khu|xóm)\s+/i, ""));
    return { h, token: tokens[i % heads.length] as string, w, key: `bench-${Date.now()}-${i}` };
  });
  const categories = (
    await pool.query<{ code: string }>("SELECT code FROM categories WHERE active")
  ).rows.map((c) => c.code);
  // Warm-up (JIT, pools, plan caches), not counted.
  for (let i = 0; i < 10; i++) {
    const b = bodies[i] as (typeof bodies)[number];
    await post(`${base}/api/v1/petitions`, {
      headers: {
        authorization: `Bearer ${b.token}`,
        "content-type": "application/json",
        "idempotency-key": `${b.key}-warm`,
      },
      body: JSON.stringify({
        villageId: b.h.id,
        kind: "report",
        categoryCode: pick(r, categories),
        title: b.w.title,
        body: b.w.body,
        urgency: "normal",
        households: 3,
      }),
    });
  }
  let failures = 0;
  let firstFailure = "";
  const http = await concurrently(SUBMITS, CLIENTS, async (i) => {
    const b = bodies[i] as (typeof bodies)[number];
    const res = await post(`${base}/api/v1/petitions`, {
      headers: {
        authorization: `Bearer ${b.token}`,
        "content-type": "application/json",
        "idempotency-key": b.key,
      },
      body: JSON.stringify({
        villageId: b.h.id,
        kind: "report",
        categoryCode: categories[i % categories.length],
        title: b.w.title,
        body: b.w.body,
        urgency: "normal",
        households: 3,
      }),
    });
    const text = res.text;
    if (res.status !== 201) {
      failures++;
      firstFailure ||= `${res.status} ${text.slice(0, 200)}`;
    }
  });
  // Baselines: the same rows, one bare INSERT each, through the same pool. The search fields are computed
  // beforehand (a bare insert has none).
  //  1. into `petitions` itself: the row as the schema stores it (its indexes and the near-duplicate postings
  //     trigger), without what the submission adds around it (HTTP, token, validation, routing, timeline, audit,
  //     outbox, notices, the response) — the goal's ratio;
  //  2. into a copy of the table with its primary key only: what the schema's indexes cost, shown beside it.
  const prepared = bodies.map((b) => ({
    ...b,
    sf: searchFields(b.w.title, b.w.body, [b.h.name, b.h.commune]),
  }));
  const bareRow = (b: (typeof prepared)[number], i: number) => [
    `B${b.key}`,
    categories[i % categories.length],
    b.w.title,
    b.w.body,
    b.h.id,
    b.h.head,
    `${b.key}-bare`,
    b.sf.search_text,
    b.sf.band_keys,
    b.sf.features,
    b.sf.feature_scheme,
    b.h.path,
  ];
  const COLUMNS = `code, kind, category_code, title, body, urgency, households, village_id, submitted_by, state,
    submitted_at, idempotency_key, search_text, band_keys, features, feature_scheme, unit_path`;
  const VALUES = `$1, 'report', $2, $3, $4, 'normal', 3, $5, $6, 'submitted', now(), $7, $8, $9::int[], $10::jsonb, $11, $12`;
  const bare = await concurrently(SUBMITS, CLIENTS, async (i) => {
    await pool.query(
      `INSERT INTO petitions (${COLUMNS}) VALUES (${VALUES})`,
      bareRow(prepared[i] as (typeof prepared)[number], i),
    );
  });
  await pool.query("DROP TABLE IF EXISTS bench_bare_petitions");
  await pool.query(
    "CREATE TABLE bench_bare_petitions (LIKE petitions INCLUDING DEFAULTS INCLUDING GENERATED)",
  );
  await pool.query("ALTER TABLE bench_bare_petitions ADD PRIMARY KEY (id)");
  const bareKeyOnly = await concurrently(SUBMITS, CLIENTS, async (i) => {
    await pool.query(
      `INSERT INTO bench_bare_petitions (${COLUMNS}) VALUES (${VALUES})`,
      bareRow(prepared[i] as (typeof prepared)[number], i),
    );
  });
  await pool.query("DROP TABLE bench_bare_petitions");
  // Clean up what the bench filed, so that runs do not grow the data (the audit chain keeps its rows: append-only).
  await pool
    .query(
      `WITH p AS (SELECT id FROM petitions WHERE idempotency_key LIKE 'bench-%'),
          e AS (DELETE FROM petition_events WHERE petition_id IN (SELECT id FROM p))
     DELETE FROM petition_residents WHERE petition_id IN (SELECT id FROM p)`,
    )
    .catch(() => undefined);
  await pool
    .query(
      "DELETE FROM petition_stat_facts WHERE petition_id IN (SELECT id FROM petitions WHERE idempotency_key LIKE 'bench-%')",
    )
    .catch(() => undefined);
  await pool.query("DELETE FROM petitions WHERE idempotency_key LIKE 'bench-%'").catch((e: Error) => {
    firstFailure ||= `cleanup: ${e.message}`;
  });
  const hs = summarise(http.lat);
  const bs = summarise(bare.lat);
  const ks = summarise(bareKeyOnly.lat);
  const httpRps = (SUBMITS / http.wallMs) * 1000;
  const bareRps = (SUBMITS / bare.wallMs) * 1000;
  const keyOnlyRps = (SUBMITS / bareKeyOnly.wallMs) * 1000;
  const ratio = httpRps / bareRps;
  return {
    name: `submit over HTTP vs bare INSERT — ${t.label}, ${n.toLocaleString("en-US")} petitions`,
    ok: ratio >= 0.3 && failures === 0,
    lines: [
      line(`POST /api/v1/petitions (${CLIENTS} clients, ${FETCH_CLIENT ? "fetch" : "node:http"})`, hs),
      line(`bare INSERT INTO petitions (${CLIENTS} clients)`, bs),
      line(`… into a primary-key-only copy`, ks),
      `throughput: HTTP ${httpRps.toFixed(1)}/s, bare INSERT INTO petitions ${bareRps.toFixed(1)}/s, ratio ${ratio.toFixed(2)} (goal ≥ 0.3)`,
      `beside the primary-key-only copy: ${keyOnlyRps.toFixed(1)}/s, ratio ${(httpRps / keyOnlyRps).toFixed(2)} (what the schema's indexes and postings cost, not the goal)`,
      `p50 ratio bare/HTTP ${(bs.p50 / hs.p50).toFixed(2)}; failures ${failures}${firstFailure ? ` (first: ${firstFailure})` : ""}`,
    ],
  };
}

const SEARCHES = [
  "sat lo",
  "so do",
  "o nhiem",
  "BHYT",
  "mat dien",
  "ổ gà",
  "thieu giao vien",
  "khai thac cat",
  "tái định cư",
  "song dien thoai",
];
const STATES = ["closed", "assigned", "in_progress", "answered"];

async function benchPages(base: string, t: Target, n: number, mount: string): Promise<BenchResult[]> {
  const coord = httpBrowser(base);
  await coord.login("demo-coordinator", BENCH_PASSWORD);
  const leader = httpBrowser(base);
  await leader.login("demo-leader", BENCH_PASSWORD);
  const statuses = new Map<string, number>();
  const page = (b: ReturnType<typeof httpBrowser>, path: string) => async () => {
    const p = await b.get(path);
    statuses.set(path.split("?")[0] as string, p.status);
    return p;
  };
  // Warm-up.
  for (let i = 0; i < 5; i++) {
    await get(`${base}/healthz`);
    await page(coord, "/petitions")();
  }
  const healthz = summarise(await sample(PAGE_SAMPLES, async () => void (await get(`${base}/healthz`))));
  const list = summarise(await sample(PAGE_SAMPLES, async () => void (await page(coord, "/petitions")())));
  let cursorMisses = 0;
  const cursors: string[] = [];
  const search = summarise(
    await sample(PAGE_SAMPLES, async (i) => {
      const q = encodeURIComponent(SEARCHES[i % SEARCHES.length] as string);
      const p = await page(coord, `/petitions?q=${q}&state=${STATES[i % STATES.length]}`)();
      const m = /[?&;]after=([0-9n_]+)/.exec(p.html);
      if (m?.[1]) cursors.push(`/petitions?q=${q}&state=${STATES[i % STATES.length]}&after=${m[1]}`);
      else cursorMisses++;
    }),
  );
  const second = summarise(
    await sample(
      Math.min(PAGE_SAMPLES, cursors.length),
      async (i) => void (await page(coord, cursors[i] as string)()),
    ),
  );
  // The leader's overview: /petitions/overview when the petitions module serves it, else the province /overview.
  const probe = await leader.get("/petitions/overview");
  const overviewPath = probe.status === 200 ? "/petitions/overview" : "/overview";
  const overview = summarise(
    await sample(PAGE_SAMPLES, async () => void (await page(leader, overviewPath)())),
  );
  const statusLine = `statuses: ${[...statuses].map(([k, v]) => `${k} ${v}`).join(", ")}; routes ${mount}`;
  const listGoal = 150;
  const overviewGoal = 200;
  const pgOnly = t.label === "PostgreSQL";
  const okStatus = [...statuses.values()].every((s) => s === 200);
  return [
    {
      name: `list page and filtered search — ${t.label}, ${n.toLocaleString("en-US")} petitions`,
      ok: okStatus && (!pgOnly || (list.p95 <= listGoal && search.p95 <= listGoal && second.p95 <= listGoal)),
      lines: [
        line("baseline GET /healthz", healthz),
        line("GET /petitions (coordinator)", list),
        line("GET /petitions?q=…&state=…", search),
        line("… second page (after=cursor)", second),
        `p95 ratio to /healthz: list ×${(list.p95 / healthz.p95).toFixed(1)}, search ×${(search.p95 / healthz.p95).toFixed(1)}, page 2 ×${(second.p95 / healthz.p95).toFixed(1)} (goal p95 ≤ ${listGoal} ms${pgOnly ? "" : " on PostgreSQL; reported only"})`,
        `searches without a next page: ${cursorMisses}/${PAGE_SAMPLES}; ${statusLine}`,
      ],
    },
    {
      name: `leader's overview (${overviewPath}) — ${t.label}, ${n.toLocaleString("en-US")} petitions`,
      ok: statuses.get(overviewPath) === 200 && (!pgOnly || overview.p95 <= overviewGoal),
      lines: [
        line("baseline GET /healthz", healthz),
        line(`GET ${overviewPath} (leader)`, overview),
        `p95 ratio to /healthz ×${(overview.p95 / healthz.p95).toFixed(1)} (goal p95 ≤ ${overviewGoal} ms${pgOnly ? "" : " on PostgreSQL; reported only"})`,
      ],
    },
  ];
}

export async function benchPetitions(show: (r: BenchResult) => void = () => {}): Promise<BenchResult[]> {
  const out: BenchResult[] = [];
  const push = (...rs: BenchResult[]) => {
    for (const r of rs) {
      out.push(r);
      show(r);
    }
  };
  for (const t of targets()) {
    const database = await openTarget(t);
    try {
      const n = await petitionCount(database);
      if (n === 0) {
        out.push({
          name: `petitions — ${t.label}`,
          ok: false,
          lines: ["no generated data: run bench/generate.ts first (see bench/README.md)"],
        });
        continue;
      }
      const mount = await ensurePetitionRoutes();
      const server = await startBenchServer(database);
      try {
        push(...(await benchPages(server.base, t, n, mount)));
        push(await benchSubmit(database, server.base, t, n));
      } finally {
        await server.stop();
      }
    } finally {
      await database.close();
    }
  }
  return out;
}
