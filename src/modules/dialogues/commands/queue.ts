import { type CommandContext, CommandError, runCommand } from "../../../platform/commands.ts";
import { QUEUE_ORDER } from "../queries/questions.ts";
import { planMove, type QueueItem, type QueueMove } from "../states.ts";
import { lockDialogue, touchLive } from "./touch.ts";

/** Next, skip, or take a chosen question: the moderator's moves, applied one at a time (the dialogue row is locked). */
export async function moveQueue(
  ctx: CommandContext,
  dialogueId: number,
  move: QueueMove,
): Promise<{ currentId: number | null }> {
  return runCommand(ctx, `dialogue.queue.${move.kind}`, async (client, now) => {
    const d = await lockDialogue(client, dialogueId);
    if (!d) throw new CommandError("error.404", 404);
    if (d.state !== "live") throw new CommandError("dialogues.error.notLive", 409);
    const { rows } = await client.query<QueueItem>(
      `SELECT q.id, q.state FROM (${QUEUE_ORDER}) q ORDER BY q.rank`,
      [dialogueId],
    );
    const plan = planMove(rows, d.current_question_id, move);
    if (!plan)
      throw new CommandError(
        move.kind === "next" ? "dialogues.error.queueEmpty" : "dialogues.error.move",
        409,
      );
    for (const c of plan.changes)
      await client.query("UPDATE dialogue_questions SET state = $2 WHERE id = $1", [c.id, c.state]);
    await client.query("UPDATE dialogues SET current_question_id = $2 WHERE id = $1", [
      dialogueId,
      plan.currentId,
    ]);
    await touchLive(client, dialogueId, now);
    return {
      result: { currentId: plan.currentId },
      subjectType: "dialogue",
      subjectId: dialogueId,
      before: { currentId: d.current_question_id },
      after: { currentId: plan.currentId, changes: plan.changes },
    };
  });
}

export const MAX_ANSWER = 4000;

/** The answer given to the question on screen: a summary and who gave it (a leader, an agency's director…). */
export async function recordAnswer(
  ctx: CommandContext,
  dialogueId: number,
  input: { questionId: number; summary: string; answeredBy: string },
): Promise<void> {
  await runCommand(ctx, "dialogue.question.answer", async (client, now) => {
    const d = await lockDialogue(client, dialogueId);
    if (!d) throw new CommandError("error.404", 404);
    if (d.state !== "live") throw new CommandError("dialogues.error.notLive", 409);
    const summary = input.summary.trim();
    const by = input.answeredBy.trim();
    if (!summary) throw new CommandError("dialogues.error.answer", 422, "summary");
    if (summary.length > MAX_ANSWER) throw new CommandError("dialogues.error.answerLong", 422, "summary");
    if (!by) throw new CommandError("dialogues.error.answeredBy", 422, "answeredBy");
    const r = await client.query(
      `UPDATE dialogue_questions SET state = 'answered', answer_summary = $3, answered_by_text = $4, answered_at = $5
        WHERE id = $1 AND dialogue_id = $2 AND state IN ('current', 'answered')`,
      [input.questionId, dialogueId, summary, by.slice(0, 200), now],
    );
    if (r.rowCount === 0) throw new CommandError("dialogues.error.notCurrent", 409);
    await touchLive(client, dialogueId, now);
    return {
      result: undefined,
      subjectType: "dialogue_question",
      subjectId: input.questionId,
      after: { answeredBy: by },
    };
  });
}
