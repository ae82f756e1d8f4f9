import type { Queryable } from "../../../platform/db/database.ts";
import { CHANNEL, type LiveChange, notifyPayload } from "../live/bus.ts";

/**
 * A change the live screens show: bump the version (the SSE event id) and NOTIFY inside the transaction, so
 * nodes listening on a PostgreSQL server hear it exactly when it commits (on PGlite nobody else hears it; the
 * route tells the in-process bus after the commit). A check-in says "attendance", so the screens get the count
 * alone instead of the whole state.
 */
export async function touchLive(
  client: Queryable,
  dialogueId: number,
  now: Date,
  change: LiveChange = "full",
): Promise<void> {
  await client.query("UPDATE dialogues SET live_version = live_version + 1, updated_at = $2 WHERE id = $1", [
    dialogueId,
    now,
  ]);
  await client.query("SELECT pg_notify($1, $2)", [CHANNEL, notifyPayload(dialogueId, change)]);
}

/** The dialogue row locked for this transaction, so two moderators' moves apply one after the other. */
export async function lockDialogue(
  client: Queryable,
  id: number,
): Promise<{ id: number; state: string; current_question_id: number | null; title: string } | undefined> {
  const { rows } = await client.query<{
    id: number;
    state: string;
    current_question_id: number | null;
    title: string;
  }>("SELECT id, state, current_question_id, title FROM dialogues WHERE id = $1 FOR UPDATE", [id]);
  return rows[0];
}
