import { daysInMonth, toLocalDate } from "../../../platform/calendar/localDate.ts";
import type { Queryable } from "../../../platform/db/database.ts";
import type { Actor } from "../../../platform/http/types.ts";

/** The communes a person's overview covers: everything, or the unit subtrees of their grants. */
export type OverviewScope = { all: true } | { all: false; paths: string[] };

export function overviewScope(actor: Actor): OverviewScope {
  const paths: string[] = [];
  for (const g of actor.grants) {
    if (g.role === "admin") return { all: true };
    if ((g.role === "leader" || g.role === "coordinator") && g.agencyId === null) {
      if (g.unitPath === null) return { all: true };
      paths.push(g.unitPath);
    }
  }
  return { all: false, paths };
}

export type Figures = {
  received: number;
  answered: number;
  on_time: number;
  satisfied: number;
  not_satisfied: number;
  auto_closed: number;
  overdue: number;
  open: number;
};

export type AgencyFigures = Figures & { agency_id: number; name: string | null };
export type CommuneFigures = Figures & { commune_id: number; name: string | null };

export type PetitionOverview = { totals: Figures; byAgency: AgencyFigures[]; byCommune: CommuneFigures[] };

const SUMS = `COALESCE(sum(received), 0)::int AS received, COALESCE(sum(answered), 0)::int AS answered,
  COALESCE(sum(on_time), 0)::int AS on_time, COALESCE(sum(satisfied), 0)::int AS satisfied,
  COALESCE(sum(not_satisfied), 0)::int AS not_satisfied, COALESCE(sum(auto_closed), 0)::int AS auto_closed,
  COALESCE(sum(overdue), 0)::int AS overdue, COALESCE(sum(open), 0)::int AS open`;

/**
 * Received, answered, on time, satisfaction over [from, to] (local days, inclusive) and what is overdue and open
 * now, in total, by agency and by commune. Reads the precomputed sums (see ../stats.ts), one round trip:
 * whole months from the monthly sums and the rest from the daily ones, so two years of a million petitions are a
 * few tens of thousands of small rows.
 */
export async function petitionOverview(
  db: Queryable,
  scope: OverviewScope,
  period: { from: string; to: string },
  now: Date,
): Promise<PetitionOverview> {
  // Nothing is counted on a day after today, so a period reaching today takes its month's sum as a whole:
  // "this month", "this quarter" and "this year" read monthly rows only, never a month of daily ones.
  const today = toLocalDate(now);
  const { monthFrom, monthTo } = fullMonths(
    period.from,
    period.to >= today ? lastDayOfMonth(period.to) : period.to,
  );
  const params: unknown[] = [period.from, period.to, now, monthFrom, monthTo];
  let communeFilter = "TRUE";
  let liveFilter = "TRUE";
  if (!scope.all) {
    params.push(scope.paths.map((p) => `${p}%`));
    communeFilter = `commune_id IN (SELECT id FROM units WHERE path LIKE ANY($${params.length}::text[]))`;
    liveFilter = `p.unit_path LIKE ANY($${params.length}::text[])`;
  }
  const { rows } = await db.query<{ data: PetitionOverview }>(
    `WITH today AS (SELECT ($3::timestamptz AT TIME ZONE 'Asia/Ho_Chi_Minh')::date AS d),
     period AS (
       -- whole months from the monthly sums, the days before and after them from the daily sums
       SELECT commune_id, agency_id, received, answered, answered_on_time AS on_time, satisfied, not_satisfied, auto_closed,
              0 AS overdue, 0 AS open
         FROM petition_monthly_stats WHERE month >= $4::date AND month < $5::date AND ${communeFilter}
       UNION ALL
       SELECT commune_id, agency_id, received, answered, answered_on_time, satisfied, not_satisfied, auto_closed, 0, 0
         FROM petition_daily_stats WHERE day >= $1::date AND day < $4::date AND ${communeFilter}
       UNION ALL
       SELECT commune_id, agency_id, received, answered, answered_on_time, satisfied, not_satisfied, auto_closed, 0, 0
         FROM petition_daily_stats WHERE day >= $5::date AND day <= $2::date AND ${communeFilter}),
     held AS (
       SELECT commune_id, agency_id, 0 AS received, 0 AS answered, 0 AS on_time, 0 AS satisfied, 0 AS not_satisfied, 0 AS auto_closed,
              CASE WHEN day < (SELECT d FROM today) THEN n ELSE 0 END AS overdue, n AS open
         FROM petition_open_due WHERE ${communeFilter}),
     due_today AS (
       SELECT COALESCE(v.parent_id, 0) AS commune_id, COALESCE(p.agency_id, 0) AS agency_id, 0 AS received, 0 AS answered,
              0 AS on_time, 0 AS satisfied, 0 AS not_satisfied, 0 AS auto_closed, count(*)::int AS overdue, 0 AS open
         FROM petitions p JOIN units v ON v.id = p.village_id
        WHERE p.state IN ('assigned', 'in_progress') AND p.deadline_at < $3
          AND p.deadline_at >= ((SELECT d FROM today)::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh') AND ${liveFilter}
        GROUP BY 1, 2),
     -- one row per (commune, agency) before the three summaries, so each reads hundreds of rows, not tens of thousands
     allrows AS (
       SELECT commune_id, agency_id, sum(received) AS received, sum(answered) AS answered, sum(on_time) AS on_time,
              sum(satisfied) AS satisfied, sum(not_satisfied) AS not_satisfied, sum(auto_closed) AS auto_closed,
              sum(overdue) AS overdue, sum(open) AS open
         FROM (SELECT * FROM period UNION ALL SELECT * FROM held UNION ALL SELECT * FROM due_today) r
        GROUP BY commune_id, agency_id)
     SELECT json_build_object(
       'totals', (SELECT row_to_json(x) FROM (SELECT ${SUMS} FROM allrows) x),
       'byAgency', COALESCE((SELECT json_agg(x ORDER BY x.overdue DESC, x.open DESC, x.answered DESC, x.name) FROM (
           SELECT a.agency_id, g.name, ${SUMS} FROM allrows a LEFT JOIN agencies g ON g.id = a.agency_id GROUP BY a.agency_id, g.name) x), '[]'),
       'byCommune', COALESCE((SELECT json_agg(x ORDER BY x.received DESC, x.overdue DESC, x.name) FROM (
           SELECT a.commune_id, u.full_name AS name, ${SUMS} FROM allrows a LEFT JOIN units u ON u.id = a.commune_id GROUP BY a.commune_id, u.full_name) x), '[]')
     ) AS data`,
    params,
  );
  const data = rows[0]?.data;
  if (!data) throw new Error("overview query returned nothing");
  const keep = (f: Figures) =>
    f.received + f.answered + f.overdue + f.open + f.satisfied + f.not_satisfied + f.auto_closed > 0;
  return {
    totals: data.totals,
    byAgency: data.byAgency.filter(keep),
    byCommune: data.byCommune.filter(keep),
  };
}

const pad = (n: number) => String(n).padStart(2, "0");

/** The last day of an ISO day's month ("2026-02-10" → "2026-02-28"). */
function lastDayOfMonth(isoDay: string): string {
  const [y, m] = isoDay.split("-").map(Number) as [number, number];
  return `${y}-${pad(m)}-${pad(daysInMonth(y, m))}`;
}
const firstOfNextMonth = (y: number, m: number) => (m === 12 ? `${y + 1}-01-01` : `${y}-${pad(m + 1)}-01`);

/**
 * The whole calendar months inside [from, to] as [monthFrom, monthTo) (first days of months); an empty range
 * (monthFrom = monthTo, at `to` + 1 day's month) when there is none, so that the daily sums cover everything.
 */
export function fullMonths(from: string, to: string): { monthFrom: string; monthTo: string } {
  const [fy, fm, fd] = from.split("-").map(Number) as [number, number, number];
  const [ty, tm, td] = to.split("-").map(Number) as [number, number, number];
  const start = fd === 1 ? from : firstOfNextMonth(fy, fm);
  const lastDay = daysInMonth(ty, tm);
  const end = td === lastDay ? firstOfNextMonth(ty, tm) : `${ty}-${pad(tm)}-01`;
  if (start >= end) {
    // no whole month: [from, monthFrom) then (monthTo, to] must still cover the period with daily rows
    const after = new Date(Date.UTC(ty, tm - 1, td + 1)).toISOString().slice(0, 10);
    return { monthFrom: after, monthTo: after };
  }
  return { monthFrom: start, monthTo: end };
}

/** On-time share of answers and satisfied share of verdicts, as whole percentages (null when nothing to divide). */
export function rates(f: Figures): { onTime: number | null; satisfied: number | null } {
  const verdicts = f.satisfied + f.not_satisfied;
  return {
    onTime: f.answered > 0 ? Math.round((f.on_time / f.answered) * 100) : null,
    satisfied: verdicts > 0 ? Math.round((f.satisfied / verdicts) * 100) : null,
  };
}
