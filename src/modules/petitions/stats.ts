import type pg from "pg";
import { withTransaction } from "../../platform/db/database.ts";
import type { JobDeps, Sweep } from "../../platform/http/types.ts";

/**
 * Keeping the leader's overview fast at a million petitions (goal p95 ≤ 200 ms on PostgreSQL).
 *
 * Why precompute: the overview sums received / answered / on time / satisfied over a period and splits them by
 * agency and by commune. A direct aggregate reads every petition of the period (a year is several hundred
 * thousand rows, and "answered in the period" has no index), which takes seconds, not milliseconds, and on the
 * embedded database it would block every other request while it runs. So the figures are kept in small tables
 * (statsSchema.ts): the daily sums by day × commune × agency (a few hundred rows a day), the same by month (a
 * period of years reads months, plus the days of its partial first and last months), and the items an agency
 * holds by deadline day, from which "overdue now" is the days before today plus a small live count for today.
 *
 * How they stay right without touching the commands: every change of a petition appends to its timeline
 * (petition_events; the overdue sweep too). The sweep below reads the events after where it got to, recomputes
 * what each touched petition contributes (its "facts": the day it was received, answered, on time or not, the
 * village's verdict, the deadline day while an agency holds it) and adds the difference between the new and the
 * stored facts to the sums. Applying a petition twice changes nothing, so the sweep re-reads one run of events
 * (`safe_event_id` lags one run behind) to catch transactions that committed after a later id was seen.
 * When there is no state yet (a new install, or a database loaded in bulk), every petition is applied once.
 * A bulk loader that writes petitions without events must call `rebuildPetitionStats` afterwards.
 */

const TZ = "Asia/Ho_Chi_Minh";
const LOCK_KEY = "7301946628112013";
const EVENT_CHUNK = 5_000;
// small transactions: on the embedded database a transaction holds every other connection until it ends
const PETITION_CHUNK = 1_000;

/** New facts of these petitions minus their stored facts, added to the sums; then the facts are stored. */
const APPLY_SQL = `
WITH ids AS (SELECT DISTINCT unnest($1::bigint[]) AS id),
new AS (
  SELECT p.id AS petition_id,
         COALESCE(v.parent_id, 0)::bigint AS commune_id,
         COALESCE(p.agency_id, p.central_agency_id, 0)::bigint AS agency_id,
         CASE WHEN p.state <> 'draft' THEN (p.submitted_at AT TIME ZONE '${TZ}')::date END AS received_day,
         (p.answered_at AT TIME ZONE '${TZ}')::date AS answered_day,
         CASE WHEN p.answered_at IS NOT NULL THEN p.answered_on_time END AS answered_on_time,
         CASE WHEN p.satisfaction IN ('satisfied', 'auto_closed') THEN (p.closed_at AT TIME ZONE '${TZ}')::date
              WHEN p.satisfaction = 'not_satisfied' THEN
                ((SELECT max(e.at) FROM petition_events e WHERE e.petition_id = p.id AND e.action = 'reopen') AT TIME ZONE '${TZ}')::date
         END AS verdict_day,
         p.satisfaction AS verdict,
         CASE WHEN p.state IN ('assigned', 'in_progress') THEN (p.deadline_at AT TIME ZONE '${TZ}')::date END AS open_due_day
    FROM petitions p JOIN ids ON ids.id = p.id LEFT JOIN units v ON v.id = p.village_id
),
old AS (
  SELECT f.petition_id, f.commune_id, f.agency_id, f.received_day, f.answered_day, f.answered_on_time, f.verdict_day, f.verdict, f.open_due_day
    FROM petition_stat_facts f JOIN ids ON ids.id = f.petition_id
),
both_ AS (SELECT 1 AS s, new.* FROM new UNION ALL SELECT -1 AS s, old.* FROM old),
contrib AS (
  SELECT b.s, m.day, b.commune_id, b.agency_id, m.metric
    FROM both_ b CROSS JOIN LATERAL (VALUES
      (b.received_day, 'received'),
      (b.answered_day, 'answered'),
      (CASE WHEN b.answered_on_time THEN b.answered_day END, 'on_time'),
      (CASE WHEN b.verdict = 'satisfied' THEN b.verdict_day END, 'satisfied'),
      (CASE WHEN b.verdict = 'not_satisfied' THEN b.verdict_day END, 'not_satisfied'),
      (CASE WHEN b.verdict = 'auto_closed' THEN b.verdict_day END, 'auto_closed'),
      (b.open_due_day, 'open')
    ) AS m(day, metric)
   WHERE m.day IS NOT NULL
),
sums AS (
  SELECT day, commune_id, agency_id,
         COALESCE(sum(s) FILTER (WHERE metric = 'received'), 0) AS received,
         COALESCE(sum(s) FILTER (WHERE metric = 'answered'), 0) AS answered,
         COALESCE(sum(s) FILTER (WHERE metric = 'on_time'), 0) AS on_time,
         COALESCE(sum(s) FILTER (WHERE metric = 'satisfied'), 0) AS satisfied,
         COALESCE(sum(s) FILTER (WHERE metric = 'not_satisfied'), 0) AS not_satisfied,
         COALESCE(sum(s) FILTER (WHERE metric = 'auto_closed'), 0) AS auto_closed
    FROM contrib WHERE metric <> 'open'
   GROUP BY day, commune_id, agency_id
),
changed AS (
  SELECT * FROM sums
   WHERE received <> 0 OR answered <> 0 OR on_time <> 0 OR satisfied <> 0 OR not_satisfied <> 0 OR auto_closed <> 0
),
daily AS (
  INSERT INTO petition_daily_stats AS d (day, commune_id, agency_id, received, answered, answered_on_time, satisfied, not_satisfied, auto_closed)
  SELECT day, commune_id, agency_id, received, answered, on_time, satisfied, not_satisfied, auto_closed FROM changed
  ON CONFLICT (day, commune_id, agency_id) DO UPDATE SET
    received = d.received + EXCLUDED.received,
    answered = d.answered + EXCLUDED.answered,
    answered_on_time = d.answered_on_time + EXCLUDED.answered_on_time,
    satisfied = d.satisfied + EXCLUDED.satisfied,
    not_satisfied = d.not_satisfied + EXCLUDED.not_satisfied,
    auto_closed = d.auto_closed + EXCLUDED.auto_closed
  RETURNING 1
),
monthly AS (
  INSERT INTO petition_monthly_stats AS m (month, commune_id, agency_id, received, answered, answered_on_time, satisfied, not_satisfied, auto_closed)
  SELECT date_trunc('month', day)::date, commune_id, agency_id, sum(received), sum(answered), sum(on_time), sum(satisfied),
         sum(not_satisfied), sum(auto_closed)
    FROM changed GROUP BY 1, 2, 3
  HAVING sum(abs(received)) + sum(abs(answered)) + sum(abs(on_time)) + sum(abs(satisfied)) + sum(abs(not_satisfied)) + sum(abs(auto_closed)) > 0
  ON CONFLICT (month, commune_id, agency_id) DO UPDATE SET
    received = m.received + EXCLUDED.received,
    answered = m.answered + EXCLUDED.answered,
    answered_on_time = m.answered_on_time + EXCLUDED.answered_on_time,
    satisfied = m.satisfied + EXCLUDED.satisfied,
    not_satisfied = m.not_satisfied + EXCLUDED.not_satisfied,
    auto_closed = m.auto_closed + EXCLUDED.auto_closed
  RETURNING 1
),
open_ AS (
  INSERT INTO petition_open_due AS o (day, commune_id, agency_id, n)
  SELECT day, commune_id, agency_id, sum(s) FROM contrib WHERE metric = 'open'
   GROUP BY day, commune_id, agency_id HAVING sum(s) <> 0
  ON CONFLICT (day, commune_id, agency_id) DO UPDATE SET n = o.n + EXCLUDED.n
  RETURNING 1
),
facts AS (
  INSERT INTO petition_stat_facts AS f (petition_id, commune_id, agency_id, received_day, answered_day, answered_on_time, verdict_day, verdict, open_due_day)
  SELECT * FROM new
  ON CONFLICT (petition_id) DO UPDATE SET
    commune_id = EXCLUDED.commune_id, agency_id = EXCLUDED.agency_id, received_day = EXCLUDED.received_day,
    answered_day = EXCLUDED.answered_day, answered_on_time = EXCLUDED.answered_on_time, verdict_day = EXCLUDED.verdict_day,
    verdict = EXCLUDED.verdict, open_due_day = EXCLUDED.open_due_day
  WHERE (f.commune_id, f.agency_id, f.received_day, f.answered_day, f.answered_on_time, f.verdict_day, f.verdict, f.open_due_day)
        IS DISTINCT FROM (EXCLUDED.commune_id, EXCLUDED.agency_id, EXCLUDED.received_day, EXCLUDED.answered_day,
                          EXCLUDED.answered_on_time, EXCLUDED.verdict_day, EXCLUDED.verdict, EXCLUDED.open_due_day)
  RETURNING 1
)
SELECT (SELECT count(*) FROM new)::int AS n, (SELECT count(*) FROM daily)::int + (SELECT count(*) FROM monthly)::int + (SELECT count(*) FROM open_)::int + (SELECT count(*) FROM facts)::int AS writes`;

/** Applies the current facts of these petitions, in one transaction (serialised with any other refresher). */
async function applyPetitions(pool: pg.Pool, ids: number[]): Promise<number> {
  if (ids.length === 0) return 0;
  return withTransaction(pool, async (client) => {
    await client.query("SELECT pg_advisory_xact_lock($1::bigint)", [LOCK_KEY]);
    const { rows } = await client.query<{ n: number }>(APPLY_SQL, [ids]);
    await client.query("DELETE FROM petition_open_due WHERE n = 0");
    return rows[0]?.n ?? 0;
  });
}

async function maxEventId(pool: pg.Pool): Promise<number> {
  const { rows } = await pool.query<{ m: number }>(
    "SELECT COALESCE(max(id), 0)::bigint AS m FROM petition_events",
  );
  return rows[0]?.m ?? 0;
}

/** Applies every petition (a new install, or after a bulk load), in batches, then records where the timeline stood. */
export async function rebuildPetitionStats(pool: pg.Pool, now: Date): Promise<number> {
  const m0 = await maxEventId(pool);
  let after = 0;
  let total = 0;
  for (;;) {
    const { rows } = await pool.query<{ id: number }>(
      "SELECT id FROM petitions WHERE id > $1 ORDER BY id LIMIT $2",
      [after, PETITION_CHUNK],
    );
    if (rows.length === 0) break;
    total += await applyPetitions(
      pool,
      rows.map((r) => r.id),
    );
    after = rows[rows.length - 1]?.id ?? after;
  }
  // Events a little before m0 are read again at the next run, in case their transaction was still open.
  const safe = Math.max(0, m0 - 1000);
  await pool.query(
    `INSERT INTO petition_stats_state (id, safe_event_id, seen_event_id, refreshed_at) VALUES (1, $1, $2, $3)
     ON CONFLICT (id) DO UPDATE SET safe_event_id = EXCLUDED.safe_event_id, seen_event_id = EXCLUDED.seen_event_id, refreshed_at = EXCLUDED.refreshed_at`,
    [safe, m0, now],
  );
  return total;
}

/** Brings the sums up to date with the timeline; cheap when little has happened since the last run. */
export async function refreshPetitionStats(pool: pg.Pool, now: Date): Promise<number> {
  const { rows } = await pool.query<{ safe_event_id: number; seen_event_id: number }>(
    "SELECT safe_event_id, seen_event_id FROM petition_stats_state WHERE id = 1",
  );
  const state = rows[0];
  if (!state) return rebuildPetitionStats(pool, now);
  const m = await maxEventId(pool);
  let lo = state.safe_event_id;
  let total = 0;
  while (lo < m) {
    const hi = Math.min(m, lo + EVENT_CHUNK);
    const ev = await pool.query<{ petition_id: number }>(
      "SELECT DISTINCT petition_id FROM petition_events WHERE id > $1 AND id <= $2",
      [lo, hi],
    );
    total += await applyPetitions(
      pool,
      ev.rows.map((r) => r.petition_id),
    );
    lo = hi;
  }
  await pool.query(
    "UPDATE petition_stats_state SET safe_event_id = $1, seen_event_id = $2, refreshed_at = $3 WHERE id = 1",
    [Math.min(state.seen_event_id, m), m, now],
  );
  return total;
}

/** When the figures were last brought up to date (null: never yet). */
export async function statsRefreshedAt(pool: pg.Pool): Promise<Date | null> {
  const { rows } = await pool.query<{ refreshed_at: Date }>(
    "SELECT refreshed_at FROM petition_stats_state WHERE id = 1",
  );
  return rows[0]?.refreshed_at ?? null;
}

export function petitionStatsSweeps(deps: JobDeps): Sweep[] {
  return [
    {
      name: "petitions.stats",
      intervalMs: 120_000,
      run: async () => void (await refreshPetitionStats(deps.pool, deps.clock.now())),
    },
  ];
}
