import { type CommandContext, CommandError, runCommand } from "../../../platform/commands.ts";
import { type DialogueState, FINISHED_STATES } from "../states.ts";
import { touchLive } from "./touch.ts";

export type CheckedIn = { invitationId: number; fullName: string; already: boolean };

/**
 * Marks one invited person present, by the token on their QR code or by the desk's choice after a name search.
 * Checking in twice is harmless (the first time is kept).
 */
export async function checkIn(
  ctx: CommandContext,
  dialogueId: number,
  by: { token: string } | { invitationId: number },
): Promise<CheckedIn> {
  return runCommand(ctx, "dialogue.check_in", async (client, now) => {
    const { rows } = await client.query<{
      id: number;
      full_name: string;
      checked_in_at: Date | null;
      state: string;
    }>(
      `SELECT i.id, u.full_name, i.checked_in_at, d.state FROM dialogue_invitations i
         JOIN users u ON u.id = i.user_id JOIN dialogues d ON d.id = i.dialogue_id
        WHERE i.dialogue_id = $1 AND ${"token" in by ? "i.token = $2" : "i.id = $2"}`,
      [dialogueId, "token" in by ? by.token : by.invitationId],
    );
    const inv = rows[0];
    if (!inv) throw new CommandError("dialogues.error.invitation", 404);
    if (FINISHED_STATES.has(inv.state as DialogueState))
      throw new CommandError("dialogues.error.finished", 409);
    const already = inv.checked_in_at !== null;
    if (!already) {
      await client.query(
        "UPDATE dialogue_invitations SET checked_in_at = $2, checked_in_by = $3 WHERE id = $1 AND checked_in_at IS NULL",
        [inv.id, now, ctx.actorId],
      );
      await touchLive(client, dialogueId, now, "attendance");
    }
    return {
      result: { invitationId: inv.id, fullName: inv.full_name, already },
      subjectType: "dialogue_invitation",
      subjectId: inv.id,
      after: { checkedIn: true, already },
    };
  });
}
