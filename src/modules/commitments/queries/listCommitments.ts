import type { Queryable } from "../../../platform/db/database.ts";
import type { CommitmentState } from "../states.ts";

export type CommitmentRow = {
  id: number;
  code: string;
  text: string;
  agencyId: number;
  agencyName: string;
  deadline: Date;
  state: CommitmentState;
  percent: number;
  cancelReason: string | null;
  dialogueId: number | null;
  questionId: number | null;
  createdAt: Date;
  /** When the last report by a person (progress, done, cancel) was recorded, and its note; the sweep's flag is not a report. */
  lastUpdateAt: Date | null;
  lastUpdateNote: string | null;
};

export type CommitmentFilter = {
  dialogueId?: number;
  agencyId?: number;
  /** Only these agencies (an officer's own); an empty list matches nothing. */
  agencyIds?: number[];
  state?: string;
  limit?: number;
  offset?: number;
  /** "deadline": overdue first, then nearest deadline (work lists); "created": in the order they were made. */
  order?: "deadline" | "created";
};

export type Raw = {
  id: string | number;
  code: string;
  text: string;
  agency_id: string | number;
  agency_name: string;
  deadline: Date;
  state: CommitmentState;
  percent: number;
  cancel_reason: string | null;
  dialogue_id: string | number | null;
  question_id: string | number | null;
  created_at: Date;
  last_at: Date | null;
  last_note: string | null;
  version: number;
};

const num = (v: string | number | null) => (v === null ? null : Number(v));

export function toRow(r: Raw): CommitmentRow {
  return {
    id: Number(r.id),
    code: r.code,
    text: r.text,
    agencyId: Number(r.agency_id),
    agencyName: r.agency_name,
    deadline: r.deadline,
    state: r.state,
    percent: r.percent,
    cancelReason: r.cancel_reason,
    dialogueId: num(r.dialogue_id),
    questionId: num(r.question_id),
    createdAt: r.created_at,
    lastUpdateAt: r.last_at,
    lastUpdateNote: r.last_note,
  };
}

export const SELECT_COMMITMENT = `
  SELECT c.id, c.code, c.text, c.agency_id, a.name AS agency_name, c.deadline, c.state, c.percent, c.cancel_reason,
         c.dialogue_id, c.question_id, c.created_at, lu.at AS last_at, lu.note AS last_note, c.version
    FROM commitments c
    JOIN agencies a ON a.id = c.agency_id
    LEFT JOIN LATERAL (SELECT u.at, u.note FROM commitment_updates u
                        WHERE u.commitment_id = c.id AND u.action IN ('progress', 'done', 'cancel')
                        ORDER BY u.id DESC LIMIT 1) lu ON true`;

/** Commitments with their agency and last update; filters combine. Unknown states match nothing. */
export async function listCommitments(
  db: Queryable,
  filter: CommitmentFilter = {},
): Promise<CommitmentRow[]> {
  const where: string[] = [];
  const args: unknown[] = [];
  const add = (sql: string, v: unknown) => {
    args.push(v);
    where.push(sql.replace("?", `$${args.length}`));
  };
  if (filter.dialogueId !== undefined) add("c.dialogue_id = ?", filter.dialogueId);
  if (filter.agencyId !== undefined) add("c.agency_id = ?", filter.agencyId);
  if (filter.agencyIds !== undefined) add("c.agency_id = ANY(?::bigint[])", filter.agencyIds);
  if (filter.state) add("c.state = ?", filter.state);
  const whole = (v: number | undefined, fallback: number) =>
    v !== undefined && Number.isFinite(v) ? Math.trunc(v) : fallback;
  const limit = Math.min(Math.max(whole(filter.limit, 200), 1), 1000);
  const offset = Math.max(whole(filter.offset, 0), 0);
  const order =
    filter.order === "deadline"
      ? `CASE c.state WHEN 'overdue' THEN 0 WHEN 'in_progress' THEN 1 WHEN 'not_started' THEN 1 WHEN 'done' THEN 2 ELSE 3 END,
         c.deadline, c.id`
      : "c.id";
  const { rows } = await db.query<Raw>(
    `${SELECT_COMMITMENT}
     ${where.length ? `WHERE ${where.join(" AND ")}` : ""}
     ORDER BY ${order}
     LIMIT ${limit} OFFSET ${offset}`,
    args,
  );
  return rows.map(toRow);
}
