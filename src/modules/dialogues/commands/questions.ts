import type pg from "pg";
import { type CommandContext, CommandError, runCommand } from "../../../platform/commands.ts";
import { FEATURE_SCHEME, fingerprint, THRESHOLD } from "../../../platform/text/detector.ts";
import { type Prepared, score } from "../../../platform/text/similarity.ts";
import { ASKING_STATES, type DialogueState, FINISHED_STATES } from "../states.ts";
import { lockDialogue, touchLive } from "./touch.ts";

export const MAX_QUESTION = 1000;

/** The lead of the near-duplicate group this text joins in this dialogue, if any (same detector as petitions). */
async function groupFor(
  client: pg.PoolClient,
  dialogueId: number,
  keys: number[],
  prepared: Prepared,
): Promise<number | null> {
  if (keys.length === 0) return null;
  const { rows } = await client.query<{ id: number; group_id: number | null; features: Prepared | null }>(
    `SELECT id, group_id, features FROM dialogue_questions
      WHERE dialogue_id = $1 AND band_keys && $2::int[] AND feature_scheme = $3
      ORDER BY id LIMIT 200`,
    [dialogueId, keys, FEATURE_SCHEME],
  );
  let best: { lead: number; s: number } | null = null;
  for (const r of rows) {
    const s = r.features ? score(prepared, r.features) : 0;
    if (s >= THRESHOLD && (!best || s > best.s)) best = { lead: r.group_id ?? r.id, s };
  }
  return best?.lead ?? null;
}

async function villageNames(client: pg.PoolClient, villageId: number): Promise<string[]> {
  const { rows } = await client.query<{ name: string; commune: string | null }>(
    "SELECT v.name, c.name AS commune FROM units v LEFT JOIN units c ON c.id = v.parent_id WHERE v.id = $1",
    [villageId],
  );
  return rows[0] ? [rows[0].name, rows[0].commune ?? ""].filter(Boolean) : [];
}

async function insertQuestion(
  client: pg.PoolClient,
  now: Date,
  q: {
    dialogueId: number;
    text: string;
    villageId: number;
    askedBy: number | null;
    origin: "advance" | "floor";
    petitionId: number | null;
    key: string | null;
  },
): Promise<{ id: number; group: number | null }> {
  const fp = fingerprint(q.text, { placeNames: await villageNames(client, q.villageId) });
  const group = await groupFor(client, q.dialogueId, fp.keys, fp.prepared);
  const { rows } = await client.query<{ id: number }>(
    `INSERT INTO dialogue_questions (dialogue_id, text, village_id, asked_by, origin, petition_id, group_id, band_keys,
                                     features, feature_scheme, idempotency_key, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8::int[], $9::jsonb, $10, $11, $12) RETURNING id`,
    [
      q.dialogueId,
      q.text,
      q.villageId,
      q.askedBy,
      q.origin,
      q.petitionId,
      group,
      fp.keys,
      JSON.stringify(fp.prepared),
      FEATURE_SCHEME,
      q.key,
      now,
    ],
  );
  return { id: (rows[0] as { id: number }).id, group };
}

/**
 * An invited village head raises a question, typed or by picking a petition of their own village. Near-duplicates
 * of questions already raised in this dialogue join their group. A retried form returns the question already made.
 */
export async function askQuestion(
  ctx: CommandContext & { actorId: number },
  dialogueId: number,
  input: { text: string; petitionId: number | null; idempotencyKey?: string | null },
): Promise<{ id: number; grouped: boolean }> {
  const key = input.idempotencyKey?.slice(0, 200) || null;
  if (key) {
    const { rows } = await ctx.pool.query<{ id: number; group_id: number | null }>(
      "SELECT id, group_id FROM dialogue_questions WHERE dialogue_id = $1 AND asked_by = $2 AND idempotency_key = $3",
      [dialogueId, ctx.actorId, key],
    );
    if (rows[0]) return { id: rows[0].id, grouped: rows[0].group_id !== null };
  }
  return runCommand(ctx, "dialogue.question.ask", async (client, now) => {
    const d = await lockDialogue(client, dialogueId);
    if (!d) throw new CommandError("error.404", 404);
    if (!ASKING_STATES.has(d.state as DialogueState))
      throw new CommandError("dialogues.error.notAsking", 409);
    const inv = await client.query<{ unit_id: number | null }>(
      "SELECT unit_id FROM dialogue_invitations WHERE dialogue_id = $1 AND user_id = $2 AND role = 'village_head'",
      [dialogueId, ctx.actorId],
    );
    const villageId = inv.rows[0]?.unit_id;
    if (!villageId) throw new CommandError("error.403", 403);
    let text = input.text.trim();
    if (input.petitionId !== null) {
      const p = await client.query<{ title: string; body: string }>(
        "SELECT title, body FROM petitions WHERE id = $1 AND village_id = $2 AND state <> 'draft'",
        [input.petitionId, villageId],
      );
      const pet = p.rows[0];
      if (!pet) throw new CommandError("dialogues.error.petition", 422, "petitionId");
      if (!text) text = `${pet.title}. ${pet.body}`.slice(0, MAX_QUESTION);
    }
    if (!text) throw new CommandError("dialogues.error.questionText", 422, "text");
    if (text.length > MAX_QUESTION) throw new CommandError("dialogues.error.questionLong", 422, "text");
    const { id, group } = await insertQuestion(client, now, {
      dialogueId,
      text,
      villageId,
      askedBy: ctx.actorId,
      origin: "advance",
      petitionId: input.petitionId,
      key,
    });
    await touchLive(client, dialogueId, now);
    return {
      result: { id, grouped: group !== null },
      subjectType: "dialogue_question",
      subjectId: id,
      after: { dialogueId, villageId, petitionId: input.petitionId },
    };
  });
}

/** "My village too": once per person; the village counted is the one they were invited for. */
export async function supportQuestion(
  ctx: CommandContext & { actorId: number },
  dialogueId: number,
  questionId: number,
): Promise<{ added: boolean }> {
  return runCommand(ctx, "dialogue.question.support", async (client, now) => {
    const d = await lockDialogue(client, dialogueId);
    if (!d) throw new CommandError("error.404", 404);
    if (!ASKING_STATES.has(d.state as DialogueState))
      throw new CommandError("dialogues.error.notAsking", 409);
    const q = await client.query<{ asked_by: number | null }>(
      "SELECT asked_by FROM dialogue_questions WHERE id = $1 AND dialogue_id = $2",
      [questionId, dialogueId],
    );
    if (!q.rows[0]) throw new CommandError("error.404", 404);
    if (q.rows[0].asked_by === ctx.actorId) throw new CommandError("dialogues.error.ownQuestion", 409);
    const inv = await client.query<{ unit_id: number | null }>(
      "SELECT unit_id FROM dialogue_invitations WHERE dialogue_id = $1 AND user_id = $2",
      [dialogueId, ctx.actorId],
    );
    if (!inv.rows[0]) throw new CommandError("error.403", 403);
    const r = await client.query(
      `INSERT INTO dialogue_supports (question_id, user_id, village_id, created_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT DO NOTHING`,
      [questionId, ctx.actorId, inv.rows[0].unit_id, now],
    );
    const added = (r.rowCount ?? 0) > 0;
    if (added) await touchLive(client, dialogueId, now);
    return {
      result: { added },
      subjectType: "dialogue_question",
      subjectId: questionId,
      after: { support: added },
    };
  });
}

/** The organisers' preparation: who answers this question and where it stands in the order. */
export async function prepareQuestion(
  ctx: CommandContext,
  dialogueId: number,
  questionId: number,
  input: { agencyId: number | null; position: number | null },
): Promise<void> {
  await runCommand(ctx, "dialogue.question.prepare", async (client, now) => {
    const d = await lockDialogue(client, dialogueId);
    if (!d) throw new CommandError("error.404", 404);
    if (FINISHED_STATES.has(d.state as DialogueState))
      throw new CommandError("dialogues.error.finished", 409);
    if (input.agencyId !== null) {
      const a = await client.query("SELECT 1 FROM agencies WHERE id = $1 AND retired_at IS NULL", [
        input.agencyId,
      ]);
      if (a.rowCount === 0) throw new CommandError("dialogues.error.agency", 422, "agencyId");
    }
    const r = await client.query(
      "UPDATE dialogue_questions SET agency_id = $3, position = $4 WHERE id = $1 AND dialogue_id = $2",
      [questionId, dialogueId, input.agencyId, input.position],
    );
    if (r.rowCount === 0) throw new CommandError("error.404", 404);
    await touchLive(client, dialogueId, now);
    return { result: undefined, subjectType: "dialogue_question", subjectId: questionId, after: input };
  });
}

/** A question from the floor, typed by the moderator and attributed to a village. */
export async function addFloorQuestion(
  ctx: CommandContext,
  dialogueId: number,
  input: { text: string; villageId: number },
): Promise<{ id: number }> {
  return runCommand(ctx, "dialogue.question.floor", async (client, now) => {
    const d = await lockDialogue(client, dialogueId);
    if (!d) throw new CommandError("error.404", 404);
    if (d.state !== "live") throw new CommandError("dialogues.error.notLive", 409);
    const text = input.text.trim();
    if (!text) throw new CommandError("dialogues.error.questionText", 422, "text");
    if (text.length > MAX_QUESTION) throw new CommandError("dialogues.error.questionLong", 422, "text");
    const v = await client.query("SELECT 1 FROM units WHERE id = $1 AND level = 'village'", [
      input.villageId,
    ]);
    if (v.rowCount === 0) throw new CommandError("dialogues.error.village", 422, "villageId");
    const { id } = await insertQuestion(client, now, {
      dialogueId,
      text,
      villageId: input.villageId,
      askedBy: ctx.actorId,
      origin: "floor",
      petitionId: null,
      key: null,
    });
    await touchLive(client, dialogueId, now);
    return {
      result: { id },
      subjectType: "dialogue_question",
      subjectId: id,
      after: { dialogueId, floor: true },
    };
  });
}
