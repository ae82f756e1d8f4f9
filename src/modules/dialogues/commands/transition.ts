import { type CommandContext, CommandError, runCommand } from "../../../platform/commands.ts";
import { type DialogueAction, isDialogueState, nextState } from "../states.ts";
import { lockDialogue, touchLive } from "./touch.ts";

/** Moves the dialogue along its states (the policy decided who may; the table decides whether it can now). */
export async function transitionDialogue(
  ctx: CommandContext,
  dialogueId: number,
  action: DialogueAction,
): Promise<{ from: string; to: string }> {
  return runCommand(ctx, `dialogue.${action}`, async (client, now) => {
    const d = await lockDialogue(client, dialogueId);
    if (!d || !isDialogueState(d.state)) throw new CommandError("error.404", 404);
    const to = nextState(d.state, action);
    if (!to) throw new CommandError("dialogues.error.transition", 409);
    await client.query(
      `UPDATE dialogues SET state = $2, updated_at = $3,
              closed_at = CASE WHEN $2 = 'closed' THEN $3 ELSE closed_at END,
              current_question_id = CASE WHEN $2 = 'closed' THEN NULL ELSE current_question_id END
        WHERE id = $1`,
      [dialogueId, to, now],
    );
    if (to === "closed")
      // the question on screen when the dialogue ended was not answered: it is carried over like the others
      await client.query(
        "UPDATE dialogue_questions SET state = 'skipped' WHERE dialogue_id = $1 AND state = 'current'",
        [dialogueId],
      );
    await touchLive(client, dialogueId, now);
    return {
      result: { from: d.state, to },
      subjectType: "dialogue",
      subjectId: dialogueId,
      before: { state: d.state },
      after: { state: to },
    };
  });
}
