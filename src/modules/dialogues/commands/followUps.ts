import type pg from "pg";
import type { Clock } from "../../../platform/clock.ts";
import { CommandError } from "../../../platform/commands.ts";
import type { Translate } from "../../../platform/i18n/i18n.ts";
import { loadActor } from "../../accounts/queries/loadActor.ts";
import { submitPetition } from "../../petitions/commands/submitPetition.ts";
import { canFileFor } from "../../petitions/policy.ts";

/**
 * Questions the dialogue never reached become petitions of their village, routed as usual, so none is lost.
 * Filed in the name of whoever raised it (or, for a question from the floor, the head of the village it was
 * attributed to), with an idempotency key per question: run it again after a crash and nothing is duplicated.
 * A question raised from an existing petition already is one: the link is kept and nothing new is filed.
 */
export async function carryOverUnreached(
  pool: pg.Pool,
  clock: Clock,
  dialogueId: number,
  t: Translate,
): Promise<{ filed: number; linked: number; leftOver: number }> {
  const { rows } = await pool.query<{
    id: number;
    text: string;
    village_id: number | null;
    asked_by: number | null;
    petition_id: number | null;
    code: string;
    title: string;
  }>(
    `SELECT q.id, q.text, q.village_id, q.asked_by, q.petition_id, d.code, d.title
       FROM dialogue_questions q JOIN dialogues d ON d.id = q.dialogue_id
      WHERE q.dialogue_id = $1 AND d.state IN ('closed', 'minutes_published')
        AND q.state IN ('queued', 'skipped') AND q.follow_up_petition_id IS NULL
      ORDER BY q.id`,
    [dialogueId],
  );
  let filed = 0;
  let linked = 0;
  let leftOver = 0;
  for (const q of rows) {
    if (q.petition_id !== null) {
      await pool.query("UPDATE dialogue_questions SET follow_up_petition_id = $2 WHERE id = $1", [
        q.id,
        q.petition_id,
      ]);
      linked++;
      continue;
    }
    if (q.village_id === null) {
      leftOver++;
      continue;
    }
    const { rows: heads } = await pool.query<{ id: number; path: string }>(
      `SELECT u.id, v.path FROM units v
         JOIN role_grants g ON g.role = 'village_head' AND g.unit_id = v.id
         JOIN users u ON u.id = g.user_id AND u.active
        WHERE v.id = $1
        ORDER BY (u.id = $2) DESC, u.id LIMIT 1`,
      [q.village_id, q.asked_by ?? 0],
    );
    const head = heads[0];
    const actor = head ? await loadActor(pool, head.id, "session") : null;
    if (!head || !actor || !canFileFor(actor, head.path)) {
      leftOver++;
      continue;
    }
    const firstLine = q.text.split(/\r?\n/)[0] ?? q.text;
    try {
      const p = await submitPetition(
        { pool, clock, actorId: actor.id, actor },
        {
          villageId: q.village_id,
          kind: "question",
          categoryCode: null,
          title: firstLine.length > 140 ? `${firstLine.slice(0, 137)}…` : firstLine,
          body: `${q.text}\n\n${t("dialogues.followUp.note", { code: q.code, title: q.title })}`,
          urgency: "normal",
          households: 1,
        },
        { idempotencyKey: `dialogue-question:${q.id}` },
      );
      await pool.query("UPDATE dialogue_questions SET follow_up_petition_id = $2 WHERE id = $1", [
        q.id,
        p.id,
      ]);
      filed++;
    } catch (err) {
      if (!(err instanceof CommandError)) throw err;
      leftOver++;
    }
  }
  return { filed, linked, leftOver };
}
