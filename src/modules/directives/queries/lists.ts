import type { Queryable } from "../../../platform/db/database.ts";
import type { Actor } from "../../../platform/http/types.ts";
import { coverageScope } from "../policy.ts";

export type ListItem = {
  id: number;
  doc_number: string;
  title: string;
  state: string;
  version: number;
  published_at: Date | null;
  ack_due: string;
  disseminate_due: string;
  villages: number;
  acknowledged: number;
  disseminated: number;
};

export const PAGE_SIZE = 30;

/**
 * The office sees every directive; a commune officer sees the published ones with a delivery in their communes
 * (counted over those communes only).
 */
export async function listDirectives(
  db: Queryable,
  actor: Actor,
  page: number,
): Promise<{ items: ListItem[]; hasNext: boolean }> {
  const scope = coverageScope(actor);
  const offset = (page - 1) * PAGE_SIZE;
  if (scope === null) {
    const { rows } = await db.query<ListItem>(
      `SELECT d.id, d.doc_number, d.title, d.state, d.version, d.published_at,
              to_char(d.ack_due, 'YYYY-MM-DD') AS ack_due, to_char(d.disseminate_due, 'YYYY-MM-DD') AS disseminate_due,
              d.villages, COALESCE(s.acknowledged, 0)::int AS acknowledged, COALESCE(s.disseminated, 0)::int AS disseminated
         FROM directives d
         LEFT JOIN LATERAL (SELECT sum(acknowledged) AS acknowledged, sum(disseminated) AS disseminated
                              FROM directive_commune_stats WHERE directive_id = d.id) s ON true
        ORDER BY (d.state = 'draft' OR d.state = 'approved') DESC, COALESCE(d.published_at, d.updated_at) DESC, d.id DESC
        LIMIT $1 OFFSET $2`,
      [PAGE_SIZE + 1, offset],
    );
    return { items: rows.slice(0, PAGE_SIZE), hasNext: rows.length > PAGE_SIZE };
  }
  const { rows } = await db.query<ListItem>(
    `SELECT d.id, d.doc_number, d.title, d.state, d.version, d.published_at,
            to_char(d.ack_due, 'YYYY-MM-DD') AS ack_due, to_char(d.disseminate_due, 'YYYY-MM-DD') AS disseminate_due,
            s.villages::int AS villages, s.acknowledged::int AS acknowledged, s.disseminated::int AS disseminated
       FROM directives d
       JOIN LATERAL (SELECT sum(st.villages) AS villages, sum(st.acknowledged) AS acknowledged, sum(st.disseminated) AS disseminated
                       FROM directive_commune_stats st JOIN units c ON c.id = st.commune_id
                      WHERE st.directive_id = d.id AND c.path LIKE ANY ($1::text[])) s ON s.villages > 0
      WHERE d.state IN ('published', 'revoked')
      ORDER BY d.published_at DESC, d.id DESC
      LIMIT $2 OFFSET $3`,
    [scope.map((p) => `${p}%`), PAGE_SIZE + 1, offset],
  );
  return { items: rows.slice(0, PAGE_SIZE), hasNext: rows.length > PAGE_SIZE };
}

export type InboxItem = {
  directive_id: number;
  village_id: number;
  village_name: string;
  doc_number: string;
  title: string;
  summary: string;
  state: string;
  version: number;
  delivered_at: Date;
  ack_due: string;
  disseminate_due: string;
  acknowledged_at: Date | null;
  acknowledged_version: number | null;
  disseminated_at: Date | null;
  overdue: boolean;
};

/**
 * A village head's directives: overdue first, then newest; revoked ones stay visible, marked. Read from the
 * directives side, one probe of (directive, village) per published directive: deliveries keep no index by
 * village, which would cost publishing as much as the rest of its insert.
 */
export async function villageInbox(db: Queryable, actor: Actor, now: Date, page: number) {
  const villageIds = actor.grants
    .filter((g) => g.role === "village_head" && g.unitId !== null)
    .map((g) => g.unitId as number);
  const { rows } = await db.query<InboxItem>(
    `SELECT d.id AS directive_id, dd.village_id, v.name AS village_name, d.doc_number, d.title, d.summary, d.state, d.version,
            dd.delivered_at, to_char(d.ack_due, 'YYYY-MM-DD') AS ack_due,
            to_char(d.disseminate_due, 'YYYY-MM-DD') AS disseminate_due, dd.acknowledged_at, dd.acknowledged_version,
            dd.disseminated_at,
            (d.state = 'published' AND (
              (dd.acknowledged_at IS NULL AND $2::timestamptz >= ((d.ack_due + 1)::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh'))
              OR (dd.disseminated_at IS NULL AND $2::timestamptz >= ((d.disseminate_due + 1)::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh'))
            )) AS overdue
       FROM directives d
       JOIN directive_deliveries dd ON dd.directive_id = d.id AND dd.village_id = ANY ($1::bigint[])
       JOIN units v ON v.id = dd.village_id
      WHERE d.state IN ('published', 'revoked')
      ORDER BY overdue DESC, dd.delivered_at DESC, d.id DESC
      LIMIT $3 OFFSET $4`,
    [villageIds, now, PAGE_SIZE + 1, (page - 1) * PAGE_SIZE],
  );
  return { items: rows.slice(0, PAGE_SIZE), hasNext: rows.length > PAGE_SIZE };
}
