import type { Queryable } from "../../../platform/db/database.ts";
import { maskPersonalData } from "../../petitions/mask.ts";
import { type PublicAnswer, publicAnswers } from "../../petitions/queries/publicAnswer.ts";

/** The latest published answers, read through the petitions module's own public (masked) view in one query. */
export async function publishedAnswers(
  db: Queryable,
  limit: number,
  offset: number,
): Promise<PublicAnswer[]> {
  const { rows } = await db.query<{ code: string }>(
    `SELECT code FROM petitions WHERE answer_published AND answer IS NOT NULL
        AND state IN ('answered', 'closed', 'central_answered')
      ORDER BY answered_at DESC NULLS LAST, id DESC LIMIT $1 OFFSET $2`,
    [limit, offset],
  );
  return publicAnswers(
    db,
    rows.map((r) => r.code),
  );
}

export type PublicCluster = {
  id: number;
  title: string;
  category_name: string | null;
  villages: number;
  communes: number;
  answered: boolean;
  answer_code: string | null;
};

/** Clusters by how many villages raised them; the lead's title masked like any public text. */
export async function publicClusters(db: Queryable, limit: number): Promise<PublicCluster[]> {
  const { rows } = await db.query<PublicCluster & { names: string | null; submitter: string }>(
    `SELECT c.id::int AS id, lp.title, cat.name_vi AS category_name,
            count(DISTINCT p.village_id)::int AS villages, count(DISTINCT v.parent_id)::int AS communes,
            (lp.state IN ('answered', 'closed', 'central_answered')) AS answered,
            CASE WHEN lp.answer_published AND lp.state IN ('answered', 'closed', 'central_answered') THEN lp.code END AS answer_code,
            r.names, u.full_name AS submitter
       FROM petition_clusters c
       JOIN petitions lp ON lp.id = c.lead_petition_id
       JOIN petitions p ON p.cluster_id = c.id
       JOIN units v ON v.id = p.village_id
       JOIN users u ON u.id = lp.submitted_by
       LEFT JOIN categories cat ON cat.code = lp.category_code
       LEFT JOIN petition_residents r ON r.petition_id = lp.id
      GROUP BY c.id, lp.id, cat.name_vi, r.names, u.full_name
      ORDER BY villages DESC, c.id DESC LIMIT $1`,
    [limit],
  );
  return rows.map(({ names, submitter, ...c }) => ({
    ...c,
    title: maskPersonalData(c.title, [names, submitter]),
  }));
}

export type MonthRow = { month: string; received: number; answered: number; on_time: number };
export type AgencyRow = { agency: string | null; answered: number; on_time: number };

/** The last 12 months from the petition statistics tables (kept by the petitions module's sweep). */
export async function monthlyStats(
  db: Queryable,
  now: Date,
): Promise<{ months: MonthRow[]; agencies: AgencyRow[] }> {
  const { rows: months } = await db.query<MonthRow>(
    `WITH m AS (SELECT generate_series(date_trunc('month', ($1::timestamptz AT TIME ZONE 'Asia/Ho_Chi_Minh')) - interval '11 months',
                                       date_trunc('month', ($1::timestamptz AT TIME ZONE 'Asia/Ho_Chi_Minh')), interval '1 month')::date AS month)
     SELECT to_char(m.month, 'MM/YYYY') AS month,
            COALESCE(sum(s.received), 0)::int AS received, COALESCE(sum(s.answered), 0)::int AS answered,
            COALESCE(sum(s.answered_on_time), 0)::int AS on_time
       FROM m LEFT JOIN petition_monthly_stats s ON s.month = m.month
      GROUP BY m.month ORDER BY m.month`,
    [now],
  );
  const { rows: agencies } = await db.query<AgencyRow>(
    `SELECT a.name AS agency, sum(s.answered)::int AS answered, sum(s.answered_on_time)::int AS on_time
       FROM petition_monthly_stats s LEFT JOIN agencies a ON a.id = s.agency_id
      WHERE s.month >= (date_trunc('month', ($1::timestamptz AT TIME ZONE 'Asia/Ho_Chi_Minh')) - interval '11 months')::date
      GROUP BY a.name HAVING sum(s.answered) > 0 ORDER BY sum(s.answered) DESC LIMIT 20`,
    [now],
  );
  return { months, agencies };
}
