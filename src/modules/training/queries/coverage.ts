import type { Queryable } from "../../../platform/db/database.ts";
import type { Locale } from "../../../platform/i18n/i18n.ts";

/**
 * The province's training coverage. A village head counts as trained when they completed a course within the
 * window (the last 12 months). Village heads are the holders of the role on a current village; the commune is
 * the village's parent.
 */

const HEADS = `SELECT DISTINCT ON (g.user_id) g.user_id, v.id AS village_id, v.full_name AS village, c.id AS commune_id,
                      c.full_name AS commune, c.code AS commune_code, u.full_name
                 FROM role_grants g
                 JOIN units v ON v.id = g.unit_id AND v.level = 'village' AND v.valid_to IS NULL
                 JOIN units c ON c.id = v.parent_id
                 JOIN users u ON u.id = g.user_id AND u.active
                WHERE g.role = 'village_head'
                ORDER BY g.user_id, v.id`;

export type CommuneCoverage = {
  commune_id: number;
  commune: string;
  commune_code: string;
  heads: number;
  trained: number;
};

export async function coverageByCommune(db: Queryable, since: Date): Promise<CommuneCoverage[]> {
  const { rows } = await db.query<CommuneCoverage>(
    `WITH heads AS (${HEADS}),
          trained AS (SELECT DISTINCT user_id FROM training_enrolments WHERE completed_at >= $1)
     SELECT h.commune_id, h.commune, h.commune_code, count(*)::int AS heads, count(t.user_id)::int AS trained
       FROM heads h LEFT JOIN trained t ON t.user_id = h.user_id
      GROUP BY h.commune_id, h.commune, h.commune_code
      ORDER BY h.commune`,
    [since],
  );
  return rows.map((r) => ({ ...r, commune_id: Number(r.commune_id) }));
}

export type TopicCoverage = { topic: string; courses: number; completions: number };

export async function topicsCovered(db: Queryable, since: Date, locale: Locale): Promise<TopicCoverage[]> {
  const { rows } = await db.query<TopicCoverage>(
    `SELECT CASE WHEN $2 = 'en' THEN t.name_en ELSE t.name_vi END AS topic,
            count(DISTINCT c.id)::int AS courses, count(e.id)::int AS completions
       FROM training_topics t
       JOIN training_courses c ON c.topic_code = t.code
       JOIN training_enrolments e ON e.course_id = c.id AND e.completed_at >= $1
      GROUP BY t.code, t.name_vi, t.name_en, t.sort
      ORDER BY completions DESC, t.sort`,
    [since, locale],
  );
  return rows;
}

export type Untrained = { user_id: number; full_name: string; village: string; commune: string };

/** Village heads who never completed any course, by commune and village; optionally one commune only. */
export async function neverTrained(
  db: Queryable,
  communeId: number | null,
  limit: number,
): Promise<Untrained[]> {
  const { rows } = await db.query<Untrained>(
    `WITH heads AS (${HEADS})
     SELECT h.user_id, h.full_name, h.village, h.commune FROM heads h
      WHERE ($1::bigint IS NULL OR h.commune_id = $1)
        AND NOT EXISTS (SELECT 1 FROM training_enrolments e WHERE e.user_id = h.user_id AND e.completed_at IS NOT NULL)
      ORDER BY h.commune, h.village, h.user_id
      LIMIT $2`,
    [communeId, limit],
  );
  return rows.map((r) => ({ ...r, user_id: Number(r.user_id) }));
}

/** Twelve months back from `now`: the window of "trained recently". */
export function twelveMonthsBefore(now: Date): Date {
  const d = new Date(now);
  d.setUTCFullYear(d.getUTCFullYear() - 1);
  return d;
}
