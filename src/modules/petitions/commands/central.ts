import { type CommandContext, CommandError, runCommand } from "../../../platform/commands.ts";
import type { Actor } from "../../../platform/http/types.ts";
import { canManageCentralReports } from "../policy.ts";
import { villageHeads } from "../recipients.ts";
import { applyAction } from "./applyAction.ts";

/**
 * Closing a period sends its report: every escalated item in it becomes "in the central report".
 * A new item escalated afterwards goes into the next period's report.
 */
export async function closeCentralReport(
  ctx: CommandContext & { actor: Actor },
  reportId: number,
): Promise<number> {
  if (!canManageCentralReports(ctx.actor)) throw new CommandError("error.403", 403);
  const closed = await runCommand(ctx, "central_report.close", async (client, now) => {
    const r = await client.query(
      "UPDATE central_reports SET state = 'closed', closed_at = $2, closed_by = $3 WHERE id = $1 AND state = 'open' RETURNING id",
      [reportId, now, ctx.actorId],
    );
    if (r.rowCount === 0) throw new CommandError("petitions.error.reportClosed", 409);
    return { result: true, subjectType: "central_report", subjectId: reportId };
  });
  if (!closed) return 0;
  const { rows } = await ctx.pool.query<{ id: number }>(
    "SELECT id FROM petitions WHERE central_report_id = $1 AND state = 'escalated_central' ORDER BY id",
    [reportId],
  );
  for (const p of rows) {
    await applyAction(ctx, p.id, "report_central", () => ({ data: { centralReportId: reportId } }));
  }
  return rows.length;
}

/** A central agency's reply, recorded against the items it answers and passed down to each village. */
export async function recordCentralReply(
  ctx: CommandContext & { actor: Actor },
  petitionIds: number[],
  reply: { text: string; reference: string | null },
): Promise<number> {
  if (reply.text.trim().length < 10) throw new CommandError("petitions.error.answerTooShort", 422, "text");
  if (petitionIds.length === 0) throw new CommandError("petitions.error.noneSelected", 422, "petitionIds");
  let n = 0;
  for (const id of petitionIds) {
    await applyAction(ctx, id, "central_answer", async (row, client, now) => ({
      patch: { answer: reply.text, answered_at: now, answered_by: ctx.actorId, answer_published: true },
      note: reply.text,
      data: { reference: reply.reference },
      notices: [{ userIds: await villageHeads(client, row.village_id), kind: "petition_central_answered" }],
    }));
    n++;
  }
  return n;
}
