import type { Queryable } from "../../../platform/db/database.ts";
import type { QuestionState } from "../states.ts";

/**
 * The questions of dialogue $1 with their group's reach and their rank in the queue: the organisers' order
 * first; unordered ones after, by how many villages raised them (the group together), then by supporters.
 */
export const QUEUE_ORDER = `
  WITH q AS (SELECT q.*, coalesce(q.group_id, q.id) AS g FROM dialogue_questions q WHERE q.dialogue_id = $1),
  raisers AS (
    SELECT q.g, q.village_id FROM q
    UNION SELECT q.g, s.village_id FROM dialogue_supports s JOIN q ON q.id = s.question_id),
  reach AS (SELECT g, count(DISTINCT village_id)::int AS villages FROM raisers GROUP BY g),
  sup AS (SELECT s.question_id, count(*)::int AS supports FROM dialogue_supports s JOIN q ON q.id = s.question_id GROUP BY s.question_id),
  sizes AS (SELECT g, count(*)::int AS group_size FROM q GROUP BY g)
  SELECT q.id, q.text, q.state, q.position, q.agency_id, q.origin, q.g AS group_lead, q.village_id, q.asked_by,
         q.petition_id, q.answer_summary, q.answered_by_text, q.answered_at, q.follow_up_petition_id,
         coalesce(reach.villages, 0) AS villages, coalesce(sup.supports, 0) AS supports, sizes.group_size,
         row_number() OVER (ORDER BY q.position NULLS LAST, coalesce(reach.villages, 0) DESC, coalesce(sup.supports, 0) DESC, q.id)::int AS rank
    FROM q LEFT JOIN reach ON reach.g = q.g LEFT JOIN sup ON sup.question_id = q.id JOIN sizes ON sizes.g = q.g`;

export type QuestionRow = {
  id: number;
  text: string;
  state: QuestionState;
  position: number | null;
  agency_id: number | null;
  agency_name: string | null;
  origin: "advance" | "floor";
  group_lead: number;
  group_size: number;
  village_id: number | null;
  village_name: string | null;
  commune_name: string | null;
  asker_name: string | null;
  asked_by: number | null;
  petition_id: number | null;
  petition_code: string | null;
  answer_summary: string | null;
  answered_by_text: string | null;
  answered_at: Date | null;
  follow_up_petition_id: number | null;
  follow_up_code: string | null;
  villages: number;
  supports: number;
  rank: number;
  /** The person reading supports it. */
  supported: boolean;
};

export async function listQuestions(db: Queryable, dialogueId: number, viewerId = 0): Promise<QuestionRow[]> {
  const { rows } = await db.query<QuestionRow>(
    `SELECT x.*, a.name AS agency_name, v.name AS village_name, c.name AS commune_name, u.full_name AS asker_name,
            p.code AS petition_code, f.code AS follow_up_code,
            EXISTS (SELECT 1 FROM dialogue_supports s WHERE s.question_id = x.id AND s.user_id = $2) AS supported
       FROM (${QUEUE_ORDER}) x
       LEFT JOIN agencies a ON a.id = x.agency_id
       LEFT JOIN units v ON v.id = x.village_id LEFT JOIN units c ON c.id = v.parent_id
       LEFT JOIN users u ON u.id = x.asked_by
       LEFT JOIN petitions p ON p.id = x.petition_id
       LEFT JOIN petitions f ON f.id = x.follow_up_petition_id
      ORDER BY x.rank`,
    [dialogueId, viewerId],
  );
  return rows;
}

/** One question of this dialogue, without the queue's ranking (a form about that question needs only its row). */
export async function questionOf(
  db: Queryable,
  dialogueId: number,
  questionId: number,
): Promise<{ petition_id: number | null } | null> {
  const { rows } = await db.query<{ petition_id: number | null }>(
    "SELECT petition_id FROM dialogue_questions WHERE id = $1 AND dialogue_id = $2",
    [questionId, dialogueId],
  );
  return rows[0] ?? null;
}

/** Petitions of a village a village head may raise as a question (not drafts, not closed). */
export async function raisablePetitions(
  db: Queryable,
  villageId: number,
): Promise<{ id: number; code: string; title: string }[]> {
  const { rows } = await db.query<{ id: number; code: string; title: string }>(
    `SELECT id, code, title FROM petitions WHERE village_id = $1 AND state NOT IN ('draft', 'closed', 'merged')
      ORDER BY id DESC LIMIT 50`,
    [villageId],
  );
  return rows;
}
