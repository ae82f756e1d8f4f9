import { type CommandContext, CommandError, runCommand } from "../../../platform/commands.ts";
import type { Actor } from "../../../platform/http/types.ts";
import { canFileFor } from "../policy.ts";
import { joinTarget } from "../queries/joins.ts";

/**
 * "Thôn tôi cũng vậy": the village head says their petition raises the same issue as `targetId` (seen among the
 * similar petitions on the form). Only recorded and shown: a coordinator confirms it by linking the two into a
 * cluster. Saying it twice (a retried form) changes nothing.
 */
export async function claimSameIssue(
  ctx: CommandContext & { actor: Actor },
  petitionId: number,
  targetId: number,
): Promise<{ code: string }> {
  if (petitionId === targetId) throw new CommandError("petitions.error.sameItem", 422);
  return runCommand(ctx, "petition.join_claim", async (client, now) => {
    const { rows } = await client.query<{
      id: number;
      state: string;
      unit_path: string;
      submitted_by: number;
      joins_petition_id: number | null;
    }>(
      "SELECT id, state, unit_path, submitted_by, joins_petition_id FROM petitions WHERE id = $1 FOR UPDATE",
      [petitionId],
    );
    const p = rows[0];
    if (!p) throw new CommandError("petitions.error.notFound", 404);
    if (!canFileFor(ctx.actor, p.unit_path)) throw new CommandError("error.403", 403);
    const code = (await joinTarget(client, targetId))?.code;
    if (!code) throw new CommandError("petitions.join.error.gone", 422);
    if (p.joins_petition_id !== null) {
      return { result: { code }, subjectType: "petition", subjectId: p.id, after: { unchanged: true } };
    }
    await client.query("UPDATE petitions SET joins_petition_id = $2, updated_at = $3 WHERE id = $1", [
      p.id,
      targetId,
      now,
    ]);
    await client.query(
      "INSERT INTO petition_events (petition_id, at, actor_id, action, from_state, to_state, data) VALUES ($1, $2, $3, 'join_claim', $4, $4, $5)",
      [p.id, now, ctx.actorId, p.state, JSON.stringify({ target: targetId, code })],
    );
    return { result: { code }, subjectType: "petition", subjectId: p.id, after: { joins: targetId } };
  });
}
