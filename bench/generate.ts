/**
 * Scale data for the benchmarks: reference data, the demo villages, one account per role plus a village head
 * for every village, a commune officer for every commune and an officer for every agency, and N petitions
 * (default 1,000,000) written from bench/corpus.ts with the product's own search fields (`searchFields`), states
 * distributed as in a running province, timestamps over two years, the agency the routing rules propose, and a
 * timeline for each.
 *
 *   DATABASE_URL=postgres://postgres:postgres@127.0.0.1:5432/caunoi_bench node --import tsx bench/generate.ts [--petitions N]
 *   DATA_DIR=/tmp/caunoi-bench node --import tsx bench/generate.ts --petitions 200000     (embedded PGlite)
 *
 * A PostgreSQL database named in DATABASE_URL is created when missing. A database that already holds the
 * generated data (table bench_meta) is reused as it is: pass --force to add petitions anyway.
 *
 * Ground truth for the near-duplicate benchmarks: 20 % of the petitions are one concrete issue raised by several
 * villages in their own words; `bench_petition_groups` says which petition belongs to which group, and
 * `bench_queries` holds further rewordings of 300 groups that were never inserted (held-out queries).
 */

import { isMainThread, parentPort, Worker, workerData } from "node:worker_threads";
import pg from "pg";
import { loadConfig } from "../src/config.ts";
import { searchFields } from "../src/modules/petitions/commands/submitPetition.ts";
import { refreshSimilarityDf } from "../src/modules/petitions/similarityDf.ts";
import { loadRules } from "../src/modules/routing/queries/proposeAgency.ts";
import { mostSpecific, type RoutingRule } from "../src/modules/routing/rules.ts";
import { createProgress } from "../src/platform/cli/progress.ts";
import { systemClock } from "../src/platform/clock.ts";
import { type Database, openDatabase } from "../src/platform/db/database.ts";
import { runMigrations } from "../src/platform/db/migrate.ts";
import { isSeeded, seedDemo } from "../src/seed.ts";
import { type Issue, pick, rng, TEMPLATES, writePetition } from "./corpus.ts";

export const BENCH_PASSWORD = "bench-password-2026";
const DAY = 86_400_000;

type Village = { id: number; path: string; name: string; communeId: number; commune: string; head: number };

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

/** Creates the PostgreSQL database named in the URL when it does not exist yet. */
export async function ensurePgDatabase(url: string): Promise<void> {
  const u = new URL(url);
  const name = u.pathname.replace(/^\//, "");
  if (!name || name === "postgres") return;
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

export function benchConfig() {
  return loadConfig({
    ...process.env,
    PORT: "0",
    HOST: "127.0.0.1",
    SESSION_SECRET: process.env.SESSION_SECRET ?? "s".repeat(40),
    DEMO_PASSWORD: BENCH_PASSWORD,
    LOG_LEVEL: process.env.LOG_LEVEL ?? "silent",
    DATA_DIR: process.env.DATA_DIR ?? "/tmp/caunoi-bench",
  });
}

export async function openBenchDatabase(): Promise<Database> {
  const config = benchConfig();
  if (config.databaseUrl) await ensurePgDatabase(config.databaseUrl);
  const database = await openDatabase(config);
  await runMigrations(database);
  return database;
}

async function metaCount(database: Database): Promise<number> {
  const r = await database.pool
    .query<{ n: string }>("SELECT value AS n FROM bench_meta WHERE key = 'petitions'")
    .catch(() => ({ rows: [] as { n: string }[] }));
  return Number(r.rows[0]?.n ?? 0);
}

/** One account per role (the demo's) and the people a province has: a head per village, officers per commune and agency. */
async function seedPeople(database: Database): Promise<void> {
  const config = benchConfig();
  const ctx = { pool: database.pool, clock: systemClock, actorId: null };
  if (!(await isSeeded(database))) await seedDemo(config, database, ctx, false);
  const { rows } = await database.pool.query<{ password_hash: string }>(
    "SELECT password_hash FROM users WHERE username = 'demo-village'",
  );
  const hash = rows[0]?.password_hash;
  if (!hash) throw new Error("demo accounts missing");
  // Bulk: one statement per kind of person (set-based, so 1,500 villages take a second).
  await database.pool.query(
    `WITH v AS (SELECT id, code, name FROM units WHERE level = 'village' AND retired_at IS NULL
                  AND NOT EXISTS (SELECT 1 FROM role_grants g WHERE g.unit_id = units.id AND g.role = 'village_head')),
          u AS (INSERT INTO users (username, full_name, password_hash, must_change_password)
                SELECT 'th-' || v.code, 'Trưởng thôn ' || v.name, $1, false FROM v RETURNING id, username)
     INSERT INTO role_grants (user_id, role, unit_id) SELECT u.id, 'village_head', v.id FROM u JOIN v ON 'th-' || v.code = u.username`,
    [hash],
  );
  await database.pool.query(
    `WITH c AS (SELECT id, code, name FROM units WHERE level = 'commune' AND valid_to IS NULL
                  AND NOT EXISTS (SELECT 1 FROM users WHERE username = 'cbx-' || units.code)),
          u AS (INSERT INTO users (username, full_name, password_hash, must_change_password)
                SELECT 'cbx-' || c.code, 'Cán bộ ' || c.name, $1, false FROM c RETURNING id, username)
     INSERT INTO role_grants (user_id, role, unit_id) SELECT u.id, 'commune_officer', c.id FROM u JOIN c ON 'cbx-' || c.code = u.username`,
    [hash],
  );
  await database.pool.query(
    `WITH a AS (SELECT id, code, name FROM agencies WHERE retired_at IS NULL
                  AND NOT EXISTS (SELECT 1 FROM users WHERE username = 'cq-' || lower(agencies.code))),
          u AS (INSERT INTO users (username, full_name, password_hash, must_change_password)
                SELECT 'cq-' || lower(a.code), 'Chuyên viên ' || a.name, $1, false FROM a RETURNING id, username)
     INSERT INTO role_grants (user_id, role, agency_id) SELECT u.id, 'agency_officer', a.id FROM u JOIN a ON 'cq-' || lower(a.code) = u.username`,
    [hash],
  );
}

async function loadVillages(database: Database): Promise<Village[]> {
  const { rows } = await database.pool.query<{
    id: number;
    path: string;
    name: string;
    commune_id: number;
    commune: string;
    head: number;
  }>(
    `SELECT v.id, v.path, v.name, c.id AS commune_id, c.name AS commune,
            (SELECT g.user_id FROM role_grants g WHERE g.unit_id = v.id AND g.role = 'village_head' ORDER BY g.user_id LIMIT 1) AS head
       FROM units v JOIN units c ON c.id = v.parent_id WHERE v.level = 'village' AND v.retired_at IS NULL ORDER BY v.id`,
  );
  return rows.map((r) => ({
    id: r.id,
    path: r.path,
    name: r.name,
    communeId: r.commune_id,
    commune: r.commune,
    head: r.head,
  }));
}

/** Village name without its kind word: "Thôn Khe Tâm" → "Khe Tâm" (what the opening sentence says). */
const bare = (name: string) => name.replace(/^(thôn|bản|khu phố|khu|tổ dân phố|xóm|ấp|làng)\s+/iu, "");

type Plan = {
  village: Int32Array;
  template: Int16Array;
  obj: Int8Array;
  det: Int8Array;
  group: Int32Array;
  at: Float64Array;
};

/** Who raises what and when, for all N petitions, in submission order (ids follow time, as in the product). */
function plan(
  n: number,
  villages: Village[],
  now: number,
  seed: number,
): { plan: Plan; groups: { issue: Issue; villages: number[] }[] } {
  const r = rng(seed);
  const byCommune = new Map<number, number[]>();
  villages.forEach((v, i) => {
    const list = byCommune.get(v.communeId) ?? [];
    list.push(i);
    byCommune.set(v.communeId, list);
  });
  const communes = [...byCommune.values()];
  type Row = { v: number; t: number; o: number; d: number; g: number; at: number };
  const rows: Row[] = new Array(n);
  let k = 0;
  const groups: { issue: Issue; villages: number[] }[] = [];
  const groupTarget = Math.floor(n * 0.2);
  // Near-duplicate groups: one issue, 2–40 villages (mostly of one commune and its neighbours), within ~90 days.
  while (k < groupTarget) {
    const t = Math.floor(r() * TEMPLATES.length);
    const tpl = TEMPLATES[t] as (typeof TEMPLATES)[number];
    const o = Math.floor(r() * tpl.o.length);
    const d = Math.floor(r() * tpl.d.length);
    const size = Math.min(groupTarget - k, 2 + Math.floor(-Math.log(1 - r() * 0.999) * 6));
    const home = pick(r, communes);
    const start = now - r() * 730 * DAY;
    const members: number[] = [];
    for (let i = 0; i < size; i++) {
      const v = r() < 0.7 ? pick(r, home) : Math.floor(r() * villages.length);
      members.push(v);
      rows[k++] = { v, t, o, d, g: groups.length + 1, at: Math.min(now - 60_000, start + r() * 90 * DAY) };
    }
    groups.push({ issue: { template: t, o: tpl.o[o] as string, d: tpl.d[d] as string }, villages: members });
  }
  while (k < n) {
    const t = Math.floor(r() * TEMPLATES.length);
    const tpl = TEMPLATES[t] as (typeof TEMPLATES)[number];
    rows[k++] = {
      v: Math.floor(r() * villages.length),
      t,
      o: Math.floor(r() * tpl.o.length),
      d: Math.floor(r() * tpl.d.length),
      g: 0,
      at: now - r() * 730 * DAY,
    };
  }
  rows.sort((a, b) => a.at - b.at);
  const p: Plan = {
    village: new Int32Array(n),
    template: new Int16Array(n),
    obj: new Int8Array(n),
    det: new Int8Array(n),
    group: new Int32Array(n),
    at: new Float64Array(n),
  };
  rows.forEach((x, i) => {
    p.village[i] = x.v;
    p.template[i] = x.t;
    p.obj[i] = x.o;
    p.det[i] = x.d;
    p.group[i] = x.g;
    p.at[i] = x.at;
  });
  return { plan: p, groups };
}

type Lifecycle = {
  state: string;
  level: string;
  receivedAt: number | null;
  assignedAt: number | null;
  startedAt: number | null;
  deadlineAt: number | null;
  answeredAt: number | null;
  closedAt: number | null;
  onTime: boolean | null;
  satisfaction: string | null;
  overdueSince: number | null;
};

function weighted<T extends string>(r: () => number, table: [T, number][]): T {
  let x = r() * table.reduce((s, [, w]) => s + w, 0);
  for (const [v, w] of table) {
    x -= w;
    if (x <= 0) return v;
  }
  return (table[table.length - 1] as [T, number])[0];
}

/** A state for a petition of this age, with the timestamps of the steps it went through. */
function lifecycle(r: () => number, at: number, now: number): Lifecycle {
  const age = (now - at) / DAY;
  let state: string;
  if (age < 3)
    state = weighted(r, [
      ["submitted", 50],
      ["received", 30],
      ["assigned", 18],
      ["draft", 2],
    ]);
  else if (age < 20)
    state = weighted(r, [
      ["received", 5],
      ["returned", 2],
      ["redirected", 2],
      ["assigned", 33],
      ["in_progress", 30],
      ["answered", 20],
      ["escalated_central", 3],
      ["closed", 5],
    ]);
  else if (age < 60)
    state = weighted(r, [
      ["assigned", 6],
      ["in_progress", 9],
      ["answered", 22],
      ["closed", 53],
      ["reopened", 2],
      ["escalated_central", 3],
      ["redirected", 2],
      ["returned", 1],
      ["central_answered", 2],
    ]);
  else
    state = weighted(r, [
      ["closed", 87],
      ["answered", 3],
      ["in_progress", 1.5],
      ["assigned", 1],
      ["central_answered", 2.5],
      ["escalated_central", 1],
      ["redirected", 2.5],
      ["returned", 1],
      ["reopened", 0.5],
    ]);
  const level = r() < 0.45 ? "commune" : "province";
  const span = Math.max(0.01, Math.min(age, 60)); // days available for the steps
  const receivedAt =
    state === "draft" || state === "submitted" ? null : at + Math.min(span * 0.1, 2) * r() * DAY;
  const routed = ["assigned", "in_progress", "answered", "closed", "reopened"].includes(state);
  const assignedAt = routed && receivedAt !== null ? receivedAt + Math.min(span * 0.1, 3) * r() * DAY : null;
  const deadlineAt = assignedAt !== null ? assignedAt + (level === "commune" ? 14 : 21) * DAY : null;
  const startedAt =
    assignedAt !== null && state !== "assigned" ? assignedAt + Math.min(span * 0.1, 2) * r() * DAY : null;
  let answeredAt: number | null = null;
  let closedAt: number | null = null;
  let satisfaction: string | null = null;
  if (["answered", "closed", "reopened"].includes(state) && startedAt !== null) {
    // Most answers come within the deadline; one in six is late.
    const late = r() < 0.16;
    const room = Math.max(0.01, (now - startedAt) / DAY);
    const d = late ? 14 + 25 * r() : 2 + 16 * r();
    answeredAt = startedAt + Math.min(room * 0.7, d) * DAY;
    if (state === "closed") {
      closedAt = answeredAt + Math.min((now - answeredAt) / DAY, 1 + 9 * r()) * DAY;
      satisfaction = r() < 0.72 ? "satisfied" : "auto_closed";
    }
    if (state === "reopened") satisfaction = "not_satisfied";
  }
  if (state === "central_answered" && receivedAt !== null)
    answeredAt = receivedAt + Math.min(span * 0.8, 40) * DAY * r();
  const onTime = answeredAt !== null && deadlineAt !== null ? answeredAt <= deadlineAt : null;
  const overdueSince =
    (state === "assigned" || state === "in_progress") && deadlineAt !== null && deadlineAt < now
      ? deadlineAt
      : null;
  return {
    state,
    level,
    receivedAt,
    assignedAt,
    startedAt,
    deadlineAt,
    answeredAt,
    closedAt,
    onTime,
    satisfaction,
    overdueSince,
  };
}

const iso = (t: number | null) => (t === null ? null : new Date(t).toISOString());

const PETITION_COLUMNS = `id bigint, code text, kind text, category_code text, title text, body text, urgency text, households int,
  village_id bigint, unit_path text, submitted_by bigint, state text, level text, agency_id bigint, deadline_at timestamptz,
  overdue_since timestamptz, submitted_at timestamptz, received_at timestamptz, assigned_at timestamptz, answered_at timestamptz,
  closed_at timestamptz, answer text, answer_published boolean, answered_on_time boolean, satisfaction text,
  search_text text, band_keys int[], features jsonb, feature_scheme text, created_at timestamptz, updated_at timestamptz`;
const PETITION_NAMES = PETITION_COLUMNS.split(",")
  .map((c) => c.trim().split(/\s+/)[0])
  .join(", ");
const EVENT_COLUMNS =
  "petition_id bigint, at timestamptz, actor_id bigint, action text, from_state text, to_state text, agency_id bigint";
const EVENT_NAMES = EVENT_COLUMNS.split(",")
  .map((c) => c.trim().split(/\s+/)[0])
  .join(", ");

const ANSWERS = [
  "UBND xã đã kiểm tra thực tế và chỉ đạo khắc phục, dự kiến hoàn thành trong quý tới.",
  "Nội dung kiến nghị đã được tổng hợp, đưa vào kế hoạch đầu tư năm sau.",
  "Cơ quan chuyên môn đã làm việc với các hộ dân và giải quyết theo quy định.",
  "Đã chỉ đạo đơn vị liên quan xử lý, kết quả đã thông báo đến thôn.",
];

/** Index definitions of the big tables, dropped during the load and built once at the end. */
async function secondaryIndexes(database: Database): Promise<{ name: string; def: string }[]> {
  const { rows } = await database.pool.query<{ indexname: string; indexdef: string }>(
    `SELECT i.indexname, i.indexdef FROM pg_indexes i
      WHERE i.schemaname = 'public' AND i.tablename IN ('petitions', 'petition_events')
        AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)`,
  );
  return rows.map((r) => ({ name: r.indexname, def: r.indexdef }));
}

type Shared = {
  villages: Village[];
  rulesByLevel: { commune: RoutingRule[]; province: RoutingRule[] };
  plan: Plan;
  firstId: number;
  nowMs: number;
  seed: number;
  url: string;
  embedded: boolean;
};

/** Writes petitions [from, to) of the plan (one loader; several run side by side). */
async function loadRange(
  pool: pg.Pool,
  s: Shared,
  range: { from: number; to: number },
  onTick: (n: number) => void,
) {
  const { villages, rulesByLevel, plan: p, firstId, nowMs, seed } = s;
  const batch = s.embedded ? 500 : 1000;
  const r = rng(seed ^ 0x77 ^ range.from);
  let pending: Promise<unknown> | null = null;
  let eventsTotal = 0;
  let sfMs = 0;
  for (let from = range.from; from < range.to; from += batch) {
    const to = Math.min(range.to, from + batch);
    const petitions: Record<string, unknown>[] = [];
    const events: Record<string, unknown>[] = [];
    const groupRows: { petition_id: number; group_id: number }[] = [];
    for (let i = from; i < to; i++) {
      const id = firstId + i;
      const v = villages[p.village[i] as number] as Village;
      const tpl = TEMPLATES[p.template[i] as number] as (typeof TEMPLATES)[number];
      const issue: Issue = {
        template: p.template[i] as number,
        o: tpl.o[p.obj[i] as number] as string,
        d: tpl.d[p.det[i] as number] as string,
      };
      const w = writePetition(r, issue, bare(v.name));
      const t0 = performance.now();
      const sf = searchFields(w.title, w.body, [v.name, v.commune]);
      sfMs += performance.now() - t0;
      const at = p.at[i] as number;
      const lc = lifecycle(r, at, nowMs);
      const rules = lc.level === "commune" ? rulesByLevel.commune : rulesByLevel.province;
      const agency =
        lc.assignedAt !== null || lc.state === "answered" || lc.state === "closed"
          ? (mostSpecific(rules, tpl.cat, v.path, lc.level)?.agencyId ?? null)
          : null;
      const year = new Date(at + 7 * 3600_000).getUTCFullYear();
      const answered = lc.answeredAt !== null;
      const last = Math.max(
        at,
        lc.receivedAt ?? 0,
        lc.assignedAt ?? 0,
        lc.startedAt ?? 0,
        lc.answeredAt ?? 0,
        lc.closedAt ?? 0,
      );
      petitions.push({
        id,
        code: `KN-${year}-${String(id).padStart(6, "0")}`,
        kind: weighted(r, [
          ["report", 50],
          ["recommendation", 30],
          ["proposal", 20],
        ]),
        category_code: tpl.cat,
        title: w.title,
        body: w.body,
        urgency: weighted(r, [
          ["normal", 85],
          ["pressing", 12],
          ["urgent", 3],
        ]),
        households: 1 + Math.floor(r() * r() * 300),
        village_id: v.id,
        unit_path: v.path,
        submitted_by: v.head,
        state: lc.state,
        level: lc.receivedAt !== null ? lc.level : null,
        agency_id: agency,
        deadline_at: iso(lc.deadlineAt),
        overdue_since: iso(lc.overdueSince),
        submitted_at: lc.state === "draft" ? null : iso(at),
        received_at: iso(lc.receivedAt),
        assigned_at: iso(lc.assignedAt),
        answered_at: iso(lc.answeredAt),
        closed_at: iso(lc.closedAt),
        answer: answered ? pick(r, ANSWERS) : null,
        answer_published: answered && r() < 0.6,
        answered_on_time: lc.onTime,
        satisfaction: lc.satisfaction,
        search_text: sf.search_text,
        band_keys: sf.band_keys,
        features: JSON.parse(sf.features),
        feature_scheme: sf.feature_scheme,
        created_at: iso(at),
        updated_at: iso(last),
      });
      if (p.group[i]) groupRows.push({ petition_id: id, group_id: p.group[i] as number });
      if (lc.state === "draft") continue;
      const ev = (
        t: number | null,
        action: string,
        from: string | null,
        toState: string,
        actor: number | null,
        ag: number | null = null,
      ) => {
        if (t !== null)
          events.push({
            petition_id: id,
            at: iso(t),
            actor_id: actor,
            action,
            from_state: from,
            to_state: toState,
            agency_id: ag,
          });
      };
      ev(at, "submit", null, "submitted", v.head);
      ev(lc.receivedAt, "receive", "submitted", "received", null);
      if (lc.state === "returned") ev(lc.receivedAt, "return", "received", "returned", null);
      if (lc.state === "redirected") ev(lc.receivedAt, "redirect", "received", "redirected", null);
      if (lc.state === "escalated_central" || lc.state === "central_answered")
        ev(lc.receivedAt, "escalate", "received", "escalated_central", null);
      if (lc.state === "central_answered")
        ev(lc.answeredAt, "central_answer", "escalated_central", "central_answered", null);
      ev(lc.assignedAt, "route", "received", "assigned", null, agency);
      ev(lc.startedAt, "start", "assigned", "in_progress", null, agency);
      if (lc.startedAt !== null) ev(lc.answeredAt, "answer", "in_progress", "answered", null, agency);
      if (lc.state === "closed")
        ev(
          lc.closedAt,
          lc.satisfaction === "satisfied" ? "confirm" : "auto_close",
          "answered",
          "closed",
          lc.satisfaction === "satisfied" ? v.head : null,
        );
      if (lc.state === "reopened")
        ev(lc.answeredAt === null ? null : lc.answeredAt + DAY, "reopen", "answered", "reopened", v.head);
    }
    eventsTotal += events.length;
    if (pending) await pending;
    pending = (async () => {
      await pool.query(
        `INSERT INTO petitions (${PETITION_NAMES}) SELECT ${PETITION_NAMES} FROM jsonb_to_recordset($1::jsonb) AS x(${PETITION_COLUMNS})`,
        [JSON.stringify(petitions)],
      );
      await pool.query(
        `INSERT INTO petition_events (${EVENT_NAMES}) SELECT ${EVENT_NAMES} FROM jsonb_to_recordset($1::jsonb) AS x(${EVENT_COLUMNS})`,
        [JSON.stringify(events)],
      );
      if (groupRows.length)
        await pool.query(
          "INSERT INTO bench_petition_groups (petition_id, group_id) SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(petition_id bigint, group_id int)",
          [JSON.stringify(groupRows)],
        );
      onTick(to - from);
    })();
  }
  if (pending) await pending;
  return { events: eventsTotal, sfMs };
}

export async function generate(database: Database, n: number, seed = 20_261_128): Promise<void> {
  const started = performance.now();
  const pool = database.pool;
  await pool.query("CREATE TABLE IF NOT EXISTS bench_meta (key text PRIMARY KEY, value text NOT NULL)");
  await pool.query(
    "CREATE TABLE IF NOT EXISTS bench_petition_groups (petition_id bigint PRIMARY KEY, group_id int NOT NULL)",
  );
  await pool.query(
    "CREATE TABLE IF NOT EXISTS bench_queries (id serial PRIMARY KEY, group_id int NOT NULL, village_id bigint NOT NULL, text text NOT NULL, place_names jsonb NOT NULL)",
  );
  await seedPeople(database);
  const villages = await loadVillages(database);
  const rulesByLevel = {
    commune: await loadRules(pool, "commune"),
    province: await loadRules(pool, "province"),
  };
  const nowMs = Date.now();
  const { plan: p, groups } = plan(n, villages, nowMs, seed);
  const { rows: maxRows } = await pool.query<{ m: number }>(
    "SELECT COALESCE(max(id), 0)::bigint AS m FROM petitions",
  );
  const firstId = (maxRows[0]?.m ?? 0) + 1;

  // Held-out rewordings of 300 groups: the similarity benchmark's queries (never inserted).
  const qr = rng(seed ^ 0x51);
  const held = groups.filter((g) => g.villages.length >= 2);
  const queryRows: { group_id: number; village_id: number; text: string; place_names: string[] }[] = [];
  for (let i = 0; i < 300 && held.length > 0; i++) {
    const gi = Math.floor(qr() * held.length);
    const g = held[gi] as (typeof held)[number];
    const v = villages[Math.floor(qr() * villages.length)] as Village;
    const w = writePetition(qr, g.issue, bare(v.name));
    queryRows.push({
      group_id: groups.indexOf(g) + 1,
      village_id: v.id,
      text: `${w.title}\n${w.body}`,
      place_names: [v.name, v.commune],
    });
  }
  await pool.query(
    `INSERT INTO bench_queries (group_id, village_id, text, place_names)
     SELECT group_id, village_id, text, place_names FROM jsonb_to_recordset($1::jsonb) AS x(group_id int, village_id bigint, text text, place_names jsonb)`,
    [JSON.stringify(queryRows)],
  );

  // Secondary indexes off during the load, built once at the end (a GIN index built in one go is much faster).
  const indexes = await secondaryIndexes(database);
  await pool.query(
    "INSERT INTO bench_meta (key, value) VALUES ('indexes', $1) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value",
    [JSON.stringify(indexes)],
  );
  for (const ix of indexes) await pool.query(`DROP INDEX IF EXISTS "${ix.name}"`);
  // The near-duplicate postings likewise: the trigger off and the primary key dropped during the load, then the
  // new petitions' postings written in one statement and the key built once (row-by-row btree growth at tens of
  // millions of postings would dominate the load).
  await pool.query("ALTER TABLE petitions DISABLE TRIGGER petitions_similarity_keys");
  await pool.query(
    "ALTER TABLE petition_similarity_keys DROP CONSTRAINT IF EXISTS petition_similarity_keys_pk",
  );

  const workers = Number(arg("workers") ?? (database.embedded ? 2 : 3));
  const progress = createProgress("kiến nghị / petitions", n);
  const shared: Shared = {
    villages,
    rulesByLevel,
    plan: p,
    firstId,
    nowMs,
    seed,
    url: database.url,
    embedded: !!database.embedded,
  };
  const per = Math.ceil(n / workers);
  const results = await Promise.all(
    Array.from({ length: workers }, (_, w) => {
      const from = w * per;
      const to = Math.min(n, from + per);
      return new Promise<{ events: number; sfMs: number }>((resolve, reject) => {
        const worker = new Worker(new URL("./loader.mjs", import.meta.url), {
          workerData: { ...shared, from, to },
        });
        worker.on("message", (m: { tick?: number; done?: { events: number; sfMs: number } }) => {
          if (m.tick) progress.tick(m.tick);
          if (m.done) resolve(m.done);
        });
        worker.on("error", reject);
        worker.on("exit", (code) =>
          code === 0 ? undefined : reject(new Error(`loader ${w} exited with ${code}`)),
        );
      });
    }),
  );
  const eventsTotal = results.reduce((s, x) => s + x.events, 0);
  const sfMs = results.reduce((s, x) => s + x.sfMs, 0);
  progress.done();
  const loadMs = performance.now() - started;

  const ixProgress = createProgress("chỉ mục / indexes", indexes.length);
  const ixStart = performance.now();
  const client = await pool.connect();
  try {
    await client.query(`SET maintenance_work_mem = '${database.embedded ? "256MB" : "512MB"}'`);
    for (const ix of indexes) {
      await client.query(ix.def);
      ixProgress.tick();
    }
  } finally {
    client.release();
  }
  ixProgress.done();
  const client2 = await pool.connect();
  try {
    await client2.query(`SET maintenance_work_mem = '${database.embedded ? "256MB" : "1GB"}'`);
    await client2.query(
      `INSERT INTO petition_similarity_keys (key, petition_id)
       SELECT k, p.id FROM petitions p, unnest(p.band_keys) AS k WHERE p.id >= $1 AND p.state <> 'draft'`,
      [firstId],
    );
    await client2.query(
      `INSERT INTO petition_similarity_features (petition_id, features, feature_scheme)
       SELECT id, features, feature_scheme FROM petitions
        WHERE id >= $1 AND state <> 'draft' AND features IS NOT NULL AND feature_scheme IS NOT NULL`,
      [firstId],
    );
    await client2.query(
      `ALTER TABLE petition_similarity_keys ADD CONSTRAINT petition_similarity_keys_pk PRIMARY KEY (key, petition_id)`,
    );
    await client2.query("ALTER TABLE petitions ENABLE TRIGGER petitions_similarity_keys");
  } finally {
    client2.release();
  }
  await refreshSimilarityDf(pool, new Date(), { full: true });
  await pool.query("ANALYZE petition_similarity_keys");
  const ixMs = performance.now() - ixStart;
  await pool.query(
    "SELECT setval(pg_get_serial_sequence('petitions', 'id'), (SELECT max(id) FROM petitions))",
  );
  await pool.query("ANALYZE petitions");
  await pool.query("ANALYZE petition_events");

  // The overview reads precomputed sums: a bulk load must rebuild them (see src/modules/petitions/stats.ts).
  let statsMs = Number.NaN;
  try {
    const stats = (await import("../src/modules/petitions/stats.ts")) as {
      rebuildPetitionStats?: (pool: pg.Pool, now: Date) => Promise<number>;
    };
    if (stats.rebuildPetitionStats) {
      process.stderr.write("thống kê / overview stats: rebuilding…\n");
      const t0 = performance.now();
      await stats.rebuildPetitionStats(pool, new Date());
      statsMs = performance.now() - t0;
    }
  } catch (err) {
    process.stderr.write(`overview stats not rebuilt: ${(err as Error).message}\n`);
  }
  const total = (await metaCount(database)) + n;
  const meta = {
    petitions: String(total),
    events: String(eventsTotal),
    groups: String(groups.length),
    generated_at: new Date().toISOString(),
    database: database.embedded ? "embedded" : "postgresql",
    load_ms: loadMs.toFixed(0),
    index_ms: ixMs.toFixed(0),
    stats_ms: statsMs.toFixed(0),
    search_fields_ms_per_petition: (sfMs / n).toFixed(3),
  };
  for (const [k, v] of Object.entries(meta))
    await pool.query(
      "INSERT INTO bench_meta (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value",
      [k, v],
    );
  process.stderr.write(
    `${JSON.stringify({ ...meta, total_ms: (performance.now() - started).toFixed(0) })}\n`,
  );
}

if (!isMainThread) {
  // A loader: its own connection, its own slice of the plan.
  const s = workerData as Shared & { from: number; to: number };
  pg.types.setTypeParser(20, (v) => Number(v));
  const pool = new pg.Pool({ connectionString: s.url, max: 2 });
  const done = await loadRange(pool, s, s, (n) => parentPort?.postMessage({ tick: n }));
  await pool.end();
  parentPort?.postMessage({ done });
} else if (import.meta.url === `file://${process.argv[1]}`) {
  const n = Number(arg("petitions") ?? 1_000_000);
  const database = await openBenchDatabase();
  try {
    const have = await metaCount(database);
    if (have > 0 && !process.argv.includes("--force")) {
      process.stderr.write(`bench data already there (${have} petitions): reused; --force adds more\n`);
    } else {
      await generate(database, n);
    }
  } finally {
    await database.close();
  }
}
