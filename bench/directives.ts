/**
 * Issue 6 at national scale: 100,000 villages (generated set-based under the 3,321 communes of the official
 * reference data, each with its head's account), on PostgreSQL (caunoi_bench_directives) and embedded.
 *   - publishing a directive to every village of the country (one INSERT … SELECT of the deliveries, the
 *     per-commune counters, the version, one notices job), beside a bare INSERT … SELECT of 100,000 rows;
 *   - the notices job writing one outbox notice per village head, in batches;
 *   - the coverage page (country → province → commune) over real HTTP as a leader, beside /healthz.
 */
import { createUser } from "../src/modules/accounts/commands/manageUsers.ts";
import { loadActor } from "../src/modules/accounts/queries/loadActor.ts";
import { writeNotices } from "../src/modules/directives/commands/fanout.ts";
import { createDirective } from "../src/modules/directives/commands/saveDirective.ts";
import { approveDirective, publishDirective } from "../src/modules/directives/commands/transitions.ts";
import { systemClock } from "../src/platform/clock.ts";
import type { Database } from "../src/platform/db/database.ts";
import { seedReference } from "../src/seed.ts";
import { httpBrowser, openTarget, startBenchServer, type Target } from "./app.ts";
import { BENCH_PASSWORD, benchConfig } from "./generate.ts";
import { type BenchResult, ms, type Summary, summarise, timed } from "./lib.ts";

const VILLAGES = Number(process.env.BENCH_VILLAGES ?? 100_000);
const PAGE_SAMPLES = Number(process.env.BENCH_PAGE_SAMPLES ?? 60);
const PUBLISH_GOAL_MS = 3000;
const COVERAGE_GOAL_MS = 100;

function directiveTargets(): Target[] {
  const which = process.env.BENCH_DB ?? "both";
  const out: Target[] = [];
  if (which === "pg" || which === "both")
    out.push({
      label: "PostgreSQL",
      env: {
        DATABASE_URL:
          process.env.BENCH_DIRECTIVES_URL ??
          "postgres://postgres:postgres@127.0.0.1:5432/caunoi_bench_directives",
        DATA_DIR: "/tmp/caunoi-bench-directives-pgside",
      },
    });
  if (which === "embedded" || which === "both")
    out.push({
      label: "embedded",
      env: { DATABASE_URL: undefined, DATA_DIR: "/tmp/caunoi-bench-directives-emb" },
    });
  return out;
}

const line = (label: string, s: Summary) =>
  `${label.padEnd(30)} n=${s.n} p50=${ms(s.p50)} p95=${ms(s.p95)} max=${ms(s.max)}`;

/** Reference units once, then villages and their heads' accounts, each in one INSERT … SELECT. */
async function ensureVillages(database: Database): Promise<{ villages: number; generatedMs: number | null }> {
  const pool = database.pool;
  const ctx = { pool, clock: systemClock, actorId: null };
  const seeded = await pool.query("SELECT 1 FROM units WHERE level = 'province' LIMIT 1");
  if (seeded.rowCount === 0) await seedReference(benchConfig(), database, ctx, true);
  const have = Number(
    (
      await pool.query<{ n: string }>(
        "SELECT count(*) AS n FROM units WHERE level = 'village' AND code LIKE 'b%'",
      )
    ).rows[0]?.n,
  );
  if (have >= VILLAGES) return { villages: have, generatedMs: null };
  const t = await timed(async () => {
    await pool.query(
      `WITH c AS (
         SELECT id, path, code, province_code, row_number() OVER (ORDER BY path) AS rn, count(*) OVER () AS total
           FROM units WHERE level = 'commune' AND valid_to IS NULL AND retired_at IS NULL
       ), s AS (
         SELECT nextval(pg_get_serial_sequence('units', 'id')) AS id, c.id AS cid, c.path, c.code, c.province_code, g AS seq
           FROM c CROSS JOIN generate_series(1, ceil($1::numeric / c.total)::int) g
          ORDER BY c.rn, g LIMIT $1
       )
       INSERT INTO units (id, level, code, name, full_name, type, parent_id, path, province_code)
       SELECT id, 'village', 'b' || code || '-' || lpad(seq::text, 3, '0'), 'Thôn ' || seq, 'Thôn ' || seq, 'thon', cid,
              path || id || '/', province_code
         FROM s
       ON CONFLICT DO NOTHING`,
      [VILLAGES],
    );
    const hash = (
      await createUser(ctx, {
        username: "bench-template",
        fullName: "bench",
        password: BENCH_PASSWORD,
        mustChangePassword: false,
        grants: [],
      }).then(() =>
        pool.query<{ h: string }>("SELECT password_hash AS h FROM users WHERE username = 'bench-template'"),
      )
    ).rows[0]?.h;
    await pool.query(
      `INSERT INTO users (username, full_name, password_hash, locale, must_change_password)
       SELECT 'vh-' || v.code, 'Trưởng ' || v.name, $1, 'vi', false FROM units v
        WHERE v.level = 'village' AND v.code LIKE 'b%' ON CONFLICT DO NOTHING`,
      [hash],
    );
    await pool.query(
      `INSERT INTO role_grants (user_id, role, unit_id)
       SELECT u.id, 'village_head', v.id FROM units v JOIN users u ON lower(u.username) = lower('vh-' || v.code)
        WHERE v.level = 'village' AND v.code LIKE 'b%'`,
    );
    await pool.query("ANALYZE");
  });
  const n = Number(
    (
      await pool.query<{ n: string }>(
        "SELECT count(*) AS n FROM units WHERE level = 'village' AND code LIKE 'b%'",
      )
    ).rows[0]?.n,
  );
  return { villages: n, generatedMs: t.ms };
}

async function leaderActor(database: Database) {
  const pool = database.pool;
  const ctx = { pool, clock: systemClock, actorId: null };
  let id = Number(
    (await pool.query<{ id: string }>("SELECT id FROM users WHERE username = 'bench-leader'")).rows[0]?.id ??
      0,
  );
  if (!id)
    id = (
      await createUser(ctx, {
        username: "bench-leader",
        fullName: "Lãnh đạo (bench)",
        password: BENCH_PASSWORD,
        mustChangePassword: false,
        grants: [{ role: "leader", unitId: null }],
      })
    ).id;
  const actor = await loadActor(pool, id, "session");
  if (!actor) throw new Error("bench leader");
  return actor;
}

async function benchTarget(t: Target): Promise<BenchResult[]> {
  const database = await openTarget(t);
  const pool = database.pool;
  try {
    const gen = await ensureVillages(database);
    const actor = await leaderActor(database);
    const ctx = { pool, clock: systemClock, actorId: actor.id, actor };
    const provinces = (
      await pool.query<{ id: string }>("SELECT id FROM units WHERE level = 'province' AND valid_to IS NULL")
    ).rows.map((r) => Number(r.id));
    // the acknowledgement deadline passed yesterday, so the coverage page lists overdue villages
    const yesterday = new Date(Date.now() + 7 * 3600_000 - 86_400_000).toISOString().slice(0, 10);
    const before = new Date(Date.now() + 7 * 3600_000 - 2 * 86_400_000).toISOString().slice(0, 10);
    const later = new Date(Date.now() + 7 * 3600_000 + 10 * 86_400_000).toISOString().slice(0, 10);

    // baseline: a bare INSERT … SELECT of as many rows into a table with a primary key and one index
    await pool.query(
      "CREATE TABLE IF NOT EXISTS bench_directive_baseline (id bigserial PRIMARY KEY, village_id bigint NOT NULL, at timestamptz NOT NULL)",
    );
    await pool.query(
      "CREATE INDEX IF NOT EXISTS bench_directive_baseline_v ON bench_directive_baseline (village_id)",
    );
    const runs = t.label === "PostgreSQL" ? 3 : 2;
    const bare: number[] = [];
    const publish: number[] = [];
    const notices: number[] = [];
    let lastId = 0;
    let reached = 0;
    let written = 0;
    for (let i = 0; i < runs; i++) {
      await pool.query("TRUNCATE bench_directive_baseline");
      bare.push(
        (
          await timed(() =>
            pool.query(
              "INSERT INTO bench_directive_baseline (village_id, at) SELECT id, now() FROM units WHERE level = 'village' AND code LIKE 'b%'",
            ),
          )
        ).ms,
      );
      const { id } = await createDirective(ctx, {
        docNumber: `B${Date.now() % 100000}/CT-TTg`,
        docDate: before,
        issuer: "Thủ tướng Chính phủ",
        title: "Chỉ thị (bench) gửi mọi thôn trên cả nước",
        summary: "Tóm tắt để đọc tại hội nghị thôn trên cả nước.",
        body: "Toàn văn (bench).",
        category: "other",
        targetUnitIds: provinces,
        targetRoles: ["village_head"],
        ackDue: yesterday,
        disseminateDue: later,
        opinionsUntil: later,
      });
      await approveDirective(ctx, id);
      const p = await timed(() => publishDirective(ctx, id));
      publish.push(p.ms);
      reached = p.value.villages;
      lastId = id;
      const job = (
        await pool.query<{ payload: unknown }>(
          "SELECT payload FROM outbox WHERE topic = 'directives.notify' AND (payload->>'directiveId')::bigint = $1",
          [id],
        )
      ).rows[0];
      const n = await timed(() => writeNotices(pool, job?.payload));
      notices.push(n.ms);
      written = n.value;
    }
    // the fixed part of publishing (reading and locking the directive, its state, the version row, the notices
    // job, the audit entry), measured alone by publishing to the ~30 villages of one commune
    const oneCommune = Number(
      (
        await pool.query<{ commune_id: string }>(
          "SELECT commune_id FROM directive_commune_stats WHERE directive_id = $1 ORDER BY commune_id LIMIT 1",
          [lastId],
        )
      ).rows[0]?.commune_id,
    );
    const small: number[] = [];
    for (let i = 0; i < 5; i++) {
      const { id } = await createDirective(ctx, {
        docNumber: `C${Date.now() % 100000}/CT-UBND`,
        docDate: before,
        issuer: "UBND tỉnh",
        title: "Chỉ thị (bench) gửi một xã",
        summary: "Tóm tắt.",
        body: "Toàn văn (bench).",
        category: "other",
        targetUnitIds: [oneCommune],
        targetRoles: ["village_head"],
        ackDue: yesterday,
        disseminateDue: later,
        opinionsUntil: later,
      });
      await approveDirective(ctx, id);
      small.push((await timed(() => publishDirective(ctx, id))).ms);
    }
    // a directive in progress: 60% acknowledged, 40% disseminated, counters rebuilt (bench only)
    await pool.query(
      `UPDATE directive_deliveries SET acknowledged_at = now(), acknowledged_version = 1,
              disseminated_at = CASE WHEN id % 5 < 2 THEN now() END, disseminated_on = CASE WHEN id % 5 < 2 THEN current_date END,
              dissemination_form = CASE WHEN id % 5 < 2 THEN 'village_meeting' END, households = CASE WHEN id % 5 < 2 THEN 80 END
        WHERE directive_id = $1 AND id % 5 < 3`,
      [lastId],
    );
    await pool.query(
      `WITH x AS MATERIALIZED (
         SELECT commune_id, count(acknowledged_at) AS a, count(disseminated_at) AS d, COALESCE(sum(households), 0) AS h
           FROM directive_deliveries WHERE directive_id = $1 GROUP BY commune_id)
       INSERT INTO directive_commune_stats (directive_id, commune_id, villages, acknowledged, disseminated, households)
       SELECT $1, commune_id, 0, a, d, h FROM x
       ON CONFLICT (directive_id, commune_id) DO UPDATE
         SET acknowledged = EXCLUDED.acknowledged, disseminated = EXCLUDED.disseminated, households = EXCLUDED.households`,
      [lastId],
    );
    await pool.query("ANALYZE directive_deliveries");
    const qn = Number(
      (
        await pool.query<{ id: string }>(
          "SELECT id FROM units WHERE level = 'province' AND code = '22' AND valid_to IS NULL",
        )
      ).rows[0]?.id,
    );
    const commune = Number(
      (
        await pool.query<{ commune_id: string }>(
          "SELECT commune_id FROM directive_commune_stats WHERE directive_id = $1 LIMIT 1",
          [lastId],
        )
      ).rows[0]?.commune_id,
    );

    const server = await startBenchServer(database);
    try {
      const b = httpBrowser(server.base);
      await b.login("bench-leader", BENCH_PASSWORD);
      const pages: [string, string][] = [
        ["coverage: country", `/directives/${lastId}/coverage`],
        ["coverage: a province", `/directives/${lastId}/coverage?unit=${qn}`],
        ["coverage: a commune", `/directives/${lastId}/coverage?unit=${commune}`],
      ];
      const sampleGet = async (path: string, count: number) => {
        const out: number[] = [];
        for (let i = 0; i < count; i++) {
          const s = performance.now();
          const page = await b.get(path);
          if (page.status !== 200) throw new Error(`${path}: ${page.status}`);
          out.push(performance.now() - s);
        }
        return out;
      };
      for (const [, path] of pages) await sampleGet(path, 5); // warm-up
      const health = summarise(await sampleGet("/healthz", PAGE_SAMPLES));
      const covered = [];
      for (const [label, path] of pages)
        covered.push([label, summarise(await sampleGet(path, PAGE_SAMPLES))] as const);
      const worst = Math.max(...covered.map(([, s]) => s.p95));
      const pub = summarise(publish);
      const base = summarise(bare);
      const note = summarise(notices);
      const fixed = summarise(small);
      return [
        {
          name: `directives: publish to ${reached.toLocaleString("en")} villages (${t.label})`,
          ok: t.label !== "PostgreSQL" || pub.p50 <= PUBLISH_GOAL_MS,
          lines: [
            gen.generatedMs !== null
              ? `generated ${gen.villages.toLocaleString("en")} villages + heads' accounts in ${ms(gen.generatedMs)}`
              : `${gen.villages.toLocaleString("en")} generated villages already there`,
            `bare INSERT … SELECT of ${reached} rows : runs=${base.n} median=${ms(base.p50)} max=${ms(base.max)}`,
            `publish (deliveries + counters + version + job): runs=${pub.n} median=${ms(pub.p50)} max=${ms(pub.max)}`,
            `ratio publish/bare: ×${(pub.p50 / base.p50).toFixed(2)} (goal on PostgreSQL: ≤ ${PUBLISH_GOAL_MS} ms)`,
            `fixed part (publish to one commune: state, version row, notices job, audit): runs=${fixed.n} median=${ms(fixed.p50)} max=${ms(fixed.max)}`,
            `notices job (${written} outbox notices, batches of 5,000): median=${ms(note.p50)} max=${ms(note.max)}`,
          ],
        },
        {
          name: `directives: coverage page over ${reached.toLocaleString("en")} villages (${t.label})`,
          ok: t.label !== "PostgreSQL" || worst <= COVERAGE_GOAL_MS,
          lines: [
            line("/healthz (baseline)", health),
            ...covered.map(
              ([label, s]) => `${line(label, s)}  ×${(s.p95 / health.p95).toFixed(1)} healthz p95`,
            ),
            `goal on PostgreSQL: p95 ≤ ${COVERAGE_GOAL_MS} ms`,
          ],
        },
      ];
    } finally {
      await server.stop();
    }
  } finally {
    await database.close();
  }
}

export async function benchDirectives(show: (r: BenchResult) => void): Promise<BenchResult[]> {
  const out: BenchResult[] = [];
  for (const t of directiveTargets()) {
    for (const r of await benchTarget(t)) {
      show(r);
      out.push(r);
    }
  }
  return out;
}
