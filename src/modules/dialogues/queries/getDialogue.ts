import type { Queryable } from "../../../platform/db/database.ts";
import type { Actor } from "../../../platform/http/types.ts";
import type { DialogueSubject } from "../policy.ts";
import { type DialogueState, isDialogueState } from "../states.ts";

export type Dialogue = {
  id: number;
  code: string;
  title: string;
  starts_at: Date;
  venue: string | null;
  online_url: string | null;
  state: DialogueState;
  current_question_id: number | null;
  live_version: number;
  closed_at: Date | null;
  chairs: { id: number; full_name: string }[];
  agencies: { id: number; name: string }[];
  agenda: { starts_at: string; title: string }[];
  invited: number;
  checked_in: number;
};

export async function getDialogue(db: Queryable, id: number): Promise<Dialogue | null> {
  const { rows } = await db.query<
    Omit<Dialogue, "chairs" | "agencies" | "agenda" | "state"> & { state: string }
  >(
    `SELECT d.id, d.code, d.title, d.starts_at, d.venue, d.online_url, d.state, d.current_question_id, d.live_version,
            d.closed_at,
            (SELECT count(*)::int FROM dialogue_invitations i WHERE i.dialogue_id = d.id) AS invited,
            (SELECT count(*)::int FROM dialogue_invitations i WHERE i.dialogue_id = d.id AND i.checked_in_at IS NOT NULL) AS checked_in
       FROM dialogues d WHERE d.id = $1`,
    [id],
  );
  const d = rows[0];
  if (!d || !isDialogueState(d.state)) return null;
  const [chairs, agencies, agenda] = await Promise.all([
    db.query<{ id: number; full_name: string }>(
      "SELECT u.id, u.full_name FROM dialogue_chairs c JOIN users u ON u.id = c.user_id WHERE c.dialogue_id = $1 ORDER BY u.full_name",
      [id],
    ),
    db.query<{ id: number; name: string }>(
      "SELECT a.id, a.name FROM dialogue_agencies x JOIN agencies a ON a.id = x.agency_id WHERE x.dialogue_id = $1 ORDER BY a.name",
      [id],
    ),
    db.query<{ starts_at: string; title: string }>(
      "SELECT starts_at, title FROM dialogue_agenda_items WHERE dialogue_id = $1 ORDER BY sort, id",
      [id],
    ),
  ]);
  return { ...d, state: d.state, chairs: chairs.rows, agencies: agencies.rows, agenda: agenda.rows };
}

export type Invitation = { id: number; token: string; checked_in_at: Date | null; unit_id: number | null };

export async function invitationOf(
  db: Queryable,
  dialogueId: number,
  userId: number,
): Promise<Invitation | null> {
  const { rows } = await db.query<Invitation>(
    "SELECT id, token, checked_in_at, unit_id FROM dialogue_invitations WHERE dialogue_id = $1 AND user_id = $2",
    [dialogueId, userId],
  );
  return rows[0] ?? null;
}

/** The dialogue as the policy sees it, for this person. */
export async function subjectFor(db: Queryable, d: Dialogue, actor: Actor | null): Promise<DialogueSubject> {
  return subjectOf(d, actor ? (await invitationOf(db, d.id, actor.id)) !== null : false);
}

/** The same, when the caller already looked the person's invitation up. */
export function subjectOf(d: Dialogue, invited: boolean): DialogueSubject {
  return {
    state: d.state,
    chairIds: d.chairs.map((c) => c.id),
    agencyIds: d.agencies.map((a) => a.id),
    invited,
  };
}

export type DialogueListRow = {
  id: number;
  code: string;
  title: string;
  starts_at: Date;
  venue: string | null;
  state: DialogueState;
  invited: number;
  questions: number;
};

/** Newest first; `forUser` limits to the dialogues that person chairs or is invited to. */
export async function listDialogues(
  db: Queryable,
  options: { forUser?: number; agencyIds?: number[]; publicOnly?: boolean; limit?: number } = {},
): Promise<DialogueListRow[]> {
  const where: string[] = [];
  const params: unknown[] = [];
  if (options.forUser !== undefined) {
    params.push(options.forUser);
    const u = `$${params.length}`;
    params.push(options.agencyIds ?? []);
    const a = `$${params.length}::bigint[]`;
    where.push(`(EXISTS (SELECT 1 FROM dialogue_invitations i WHERE i.dialogue_id = d.id AND i.user_id = ${u})
              OR EXISTS (SELECT 1 FROM dialogue_chairs c WHERE c.dialogue_id = d.id AND c.user_id = ${u})
              OR EXISTS (SELECT 1 FROM dialogue_agencies x WHERE x.dialogue_id = d.id AND x.agency_id = ANY(${a})))`);
  }
  if (options.publicOnly) where.push("d.state IN ('closed', 'minutes_published')");
  params.push(options.limit ?? 100);
  const { rows } = await db.query<DialogueListRow>(
    `SELECT d.id, d.code, d.title, d.starts_at, d.venue, d.state,
            (SELECT count(*)::int FROM dialogue_invitations i WHERE i.dialogue_id = d.id) AS invited,
            (SELECT count(*)::int FROM dialogue_questions q WHERE q.dialogue_id = d.id) AS questions
       FROM dialogues d ${where.length ? `WHERE ${where.join(" AND ")}` : ""}
      ORDER BY d.starts_at DESC, d.id DESC LIMIT $${params.length}`,
    params,
  );
  return rows;
}
