import type { Queryable } from "../../../platform/db/database.ts";

export type Counts = {
  villages: number;
  acknowledged: number;
  disseminated: number;
  households: number;
  responded: number;
  agree: number;
  disagree: number;
  opinions: number;
};

export type CoverageRow = Counts & { unit_id: number; name: string; path: string; level: string };

export type UnitRef = { id: number; name: string; path: string; level: string; parent_id: number | null };

const SUMS = `sum(s.villages)::int AS villages, sum(s.acknowledged)::int AS acknowledged,
  sum(s.disseminated)::int AS disseminated, sum(s.households)::bigint AS households, sum(s.responded)::int AS responded,
  sum(s.agree)::bigint AS agree, sum(s.disagree)::bigint AS disagree, sum(s.opinions)::int AS opinions`;

const num = (r: Record<string, unknown>): Counts => ({
  villages: Number(r.villages ?? 0),
  acknowledged: Number(r.acknowledged ?? 0),
  disseminated: Number(r.disseminated ?? 0),
  households: Number(r.households ?? 0),
  responded: Number(r.responded ?? 0),
  agree: Number(r.agree ?? 0),
  disagree: Number(r.disagree ?? 0),
  opinions: Number(r.opinions ?? 0),
});

export async function unitRef(db: Queryable, id: number): Promise<UnitRef | undefined> {
  const { rows } = await db.query<UnitRef>(
    "SELECT id, name, path, level, parent_id FROM units WHERE id = $1",
    [id],
  );
  return rows[0] ? { ...rows[0], id: Number(rows[0].id) } : undefined;
}

/**
 * Coverage one level below `under` (null = the top: provinces), from the per-commune counters only (one row per
 * commune reached, ~3,300 for the whole country): a province's row sums its communes' counters, a commune's row
 * is its counter. `scope` limits to a commune officer's subtrees. Names are looked up one by one (index probes):
 * joined, the planner (which cannot guess how few rows there are) scans or hashes all of `units`.
 */
export async function coverageBelow(
  db: Queryable,
  directiveId: number,
  under: UnitRef | null,
  scope: string[] | null,
): Promise<{ total: Counts; rows: CoverageRow[] }> {
  const patterns = scope?.map((p) => `${p}%`) ?? null;
  if (under !== null && under.level !== "province") return { total: emptyCounts(), rows: [] };
  // the counters carry their commune's path: no row of `units` is read but the names shown
  const stats =
    "(SELECT s.*, s.commune_path AS cpath FROM directive_commune_stats s WHERE s.directive_id = $1) s";
  const { rows } =
    under === null
      ? await db.query<Record<string, unknown>>(
          `SELECT x.gid AS unit_id, (SELECT g.name FROM units g WHERE g.id = x.gid) AS name,
                  (SELECT g.path FROM units g WHERE g.id = x.gid) AS path, 'province' AS level, x.*
             FROM (SELECT split_part(s.cpath, '/', 2)::bigint AS gid, ${SUMS}
                     FROM ${stats}
                    WHERE $2::text[] IS NULL OR s.cpath LIKE ANY ($2::text[])
                    GROUP BY 1) x
            ORDER BY name`,
          [directiveId, patterns],
        )
      : await db.query<Record<string, unknown>>(
          `SELECT s.commune_id AS unit_id, (SELECT c.name FROM units c WHERE c.id = s.commune_id) AS name,
                  s.cpath AS path, (SELECT c.level FROM units c WHERE c.id = s.commune_id) AS level,
                  s.villages, s.acknowledged, s.disseminated, s.households, s.responded, s.agree, s.disagree, s.opinions
             FROM ${stats}
            WHERE s.cpath LIKE $2 AND ($3::text[] IS NULL OR s.cpath LIKE ANY ($3::text[]))
            ORDER BY name`,
          [directiveId, `${under.path}%`, patterns],
        );
  const list = rows.map((r) => ({
    ...num(r),
    unit_id: Number(r.unit_id),
    name: String(r.name),
    path: String(r.path),
    level: String(r.level),
  }));
  return { total: sumCounts(list), rows: list };
}

export function emptyCounts(): Counts {
  return {
    villages: 0,
    acknowledged: 0,
    disseminated: 0,
    households: 0,
    responded: 0,
    agree: 0,
    disagree: 0,
    opinions: 0,
  };
}

export function sumCounts(rows: Counts[]): Counts {
  const t = emptyCounts();
  for (const r of rows) for (const k of Object.keys(t) as (keyof Counts)[]) t[k] += r[k];
  return t;
}

export type VillageRow = {
  village_id: number;
  name: string;
  commune_name: string;
  acknowledged_at: Date | null;
  disseminated_at: Date | null;
  disseminated_on: string | null;
  dissemination_form: string | null;
  households: number | null;
  agree: number | null;
  disagree: number | null;
  overdue: boolean;
};

const OVERDUE = `(d.state = 'published' AND (
  (dd.acknowledged_at IS NULL AND $2::timestamptz >= ((d.ack_due + 1)::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh'))
  OR (dd.disseminated_at IS NULL AND $2::timestamptz >= ((d.disseminate_due + 1)::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh'))))`;

const VILLAGE_COLUMNS = `dd.village_id, v.name, c.name AS commune_name, dd.acknowledged_at, dd.disseminated_at,
  to_char(dd.disseminated_on, 'YYYY-MM-DD') AS disseminated_on, dd.dissemination_form, dd.households, dd.agree, dd.disagree,
  ${OVERDUE} AS overdue`;

/** The villages of one commune, overdue first: the commune's villages from units, each probing its delivery. */
export async function villagesOfCommune(
  db: Queryable,
  directiveId: number,
  communeId: number,
  now: Date,
): Promise<VillageRow[]> {
  const { rows } = await db.query<VillageRow>(
    `SELECT ${VILLAGE_COLUMNS}
       FROM units v JOIN directive_deliveries dd ON dd.directive_id = $1 AND dd.village_id = v.id
       JOIN directives d ON d.id = dd.directive_id JOIN units c ON c.id = dd.commune_id
      WHERE v.parent_id = $3 AND dd.commune_id = $3
      ORDER BY overdue DESC, v.name`,
    [directiveId, now, communeId],
  );
  return rows;
}

export const OVERDUE_LIST = 50;

/**
 * Villages past a deadline without its step, within a unit (and a commune officer's scope), commune by commune.
 * Only communes whose counters show an unfinished village are opened (their villages from units, each probing
 * its delivery), and the walk stops at the cap: a few communes' worth of rows, however many villages are done.
 */
export async function overdueVillages(
  db: Queryable,
  directiveId: number,
  now: Date,
  under: UnitRef | null,
  scope: string[] | null,
): Promise<{ rows: VillageRow[]; more: boolean }> {
  // communes in key order, each opened by a LATERAL with its own LIMIT (never flattened): the nested loop
  // stops as soon as the cap is reached
  const { rows } = await db.query<VillageRow>(
    `SELECT x.* FROM (
       SELECT s.commune_id FROM directive_commune_stats s
        WHERE s.directive_id = $1 AND (s.acknowledged < s.villages OR s.disseminated < s.villages)
          AND ($3::text IS NULL OR s.commune_path LIKE $3)
        ORDER BY s.commune_id) s
     CROSS JOIN LATERAL (
       SELECT ${VILLAGE_COLUMNS}
         FROM units v JOIN directive_deliveries dd ON dd.directive_id = $1 AND dd.village_id = v.id
         JOIN directives d ON d.id = dd.directive_id JOIN units c ON c.id = dd.commune_id
        WHERE v.parent_id = s.commune_id AND dd.commune_id = s.commune_id
          AND (dd.acknowledged_at IS NULL OR dd.disseminated_at IS NULL) AND ${OVERDUE}
          AND ($4::text[] IS NULL OR dd.village_path LIKE ANY ($4::text[]))
        ORDER BY v.name
        LIMIT $5) x
     LIMIT $5`,
    [directiveId, now, under ? `${under.path}%` : null, scope?.map((p) => `${p}%`) ?? null, OVERDUE_LIST + 1],
  );
  return { rows: rows.slice(0, OVERDUE_LIST), more: rows.length > OVERDUE_LIST };
}

export type OpinionHit = {
  id: number;
  text: string;
  village_name: string;
  commune_name: string;
  petition_id: number | null;
  created_at: Date;
};

/** Residents' opinions, searched without diacritics ("dat rung" finds "đất rừng"). */
export async function searchOpinions(
  db: Queryable,
  directiveId: number,
  normalizedQuery: string,
  scope: string[] | null,
  page: number,
): Promise<{ rows: OpinionHit[]; hasNext: boolean }> {
  const size = 30;
  const { rows } = await db.query<OpinionHit>(
    `SELECT o.id, o.text, v.name AS village_name, c.name AS commune_name, o.petition_id, o.created_at
       FROM directive_opinions o JOIN directive_deliveries dd ON dd.id = o.delivery_id
       JOIN units v ON v.id = dd.village_id JOIN units c ON c.id = dd.commune_id
      WHERE o.directive_id = $1 AND ($2 = '' OR o.search_text LIKE '%' || $2 || '%')
        AND ($3::text[] IS NULL OR dd.village_path LIKE ANY ($3::text[]))
      ORDER BY o.id DESC LIMIT $4 OFFSET $5`,
    [
      directiveId,
      normalizedQuery.replace(/[\\%_]/g, "\\$&"),
      scope?.map((p) => `${p}%`) ?? null,
      size + 1,
      (page - 1) * size,
    ],
  );
  return { rows: rows.slice(0, size), hasNext: rows.length > size };
}

/** Every village of the directive (within scope), for the XLSX export. */
export async function allVillages(
  db: Queryable,
  directiveId: number,
  now: Date,
  scope: string[] | null,
): Promise<VillageRow[]> {
  const { rows } = await db.query<VillageRow>(
    `SELECT ${VILLAGE_COLUMNS}
       FROM directive_deliveries dd JOIN directives d ON d.id = dd.directive_id
       JOIN units v ON v.id = dd.village_id JOIN units c ON c.id = dd.commune_id
      WHERE dd.directive_id = $1 AND ($3::text[] IS NULL OR dd.village_path LIKE ANY ($3::text[]))
      ORDER BY c.name, v.name`,
    [directiveId, now, scope?.map((p) => `${p}%`) ?? null],
  );
  return rows;
}
