import { type CommandContext, CommandError, runCommand } from "../../../platform/commands.ts";
import { enqueue } from "../../../platform/jobs/outbox.ts";

export const FEEDBACK_APPROVED_TOPIC = "news.feedback.approved";

/** A reader's feedback, waiting for a moderator. A retried post with the same key creates nothing new. */
export async function submitFeedback(
  ctx: CommandContext,
  input: {
    articleId: number;
    name: string;
    email: string | null;
    text: string;
    submissionKey: string;
    ipHash: string;
    spam: boolean;
  },
): Promise<{ id: number; created: boolean }> {
  return runCommand<{ id: number; created: boolean }>(ctx, "news.feedback.submit", async (client, now) => {
    const art = await client.query("SELECT 1 FROM news_articles WHERE id = $1 AND state = 'published'", [
      input.articleId,
    ]);
    if (art.rowCount === 0) throw new CommandError("news.error.notFound", 404);
    const { rows } = await client.query<{ id: string }>(
      `INSERT INTO news_feedback (article_id, name, email, body_text, state, submission_key, ip_hash, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (submission_key) DO NOTHING RETURNING id`,
      [
        input.articleId,
        input.name,
        input.email,
        input.text,
        input.spam ? "spam" : "pending",
        input.submissionKey,
        input.ipHash,
        now,
      ],
    );
    if (rows[0]) {
      const id = Number(rows[0].id);
      // no name, e-mail or text in the audit: a reader's personal data stays in its own table
      return {
        result: { id, created: true },
        subjectType: "news_feedback",
        subjectId: id,
        after: { state: "pending" },
      };
    }
    const existing = await client.query<{ id: string }>(
      "SELECT id FROM news_feedback WHERE submission_key = $1",
      [input.submissionKey],
    );
    const id = Number(existing.rows[0]?.id);
    return { result: { id, created: false }, subjectType: "news_feedback", subjectId: id };
  });
}

export type ModerationDecision = "approve" | "reject" | "spam";

/** Approve, reject with a reason, or mark as spam. On approval the writer is told by e-mail, if they left one. */
export async function moderateFeedback(
  ctx: CommandContext,
  id: number,
  decision: ModerationDecision,
  reason: string | null,
): Promise<void> {
  if (decision === "reject" && !reason?.trim())
    throw new CommandError("news.moderation.error.reason", 422, "reason");
  await runCommand(ctx, `news.feedback.${decision}`, async (client, now) => {
    const { rows } = await client.query<{
      state: string;
      email: string | null;
      name: string;
      slug: string;
      title: string;
    }>(
      `SELECT f.state, f.email, f.name, a.slug, a.title FROM news_feedback f JOIN news_articles a ON a.id = f.article_id
        WHERE f.id = $1 FOR UPDATE OF f`,
      [id],
    );
    const row = rows[0];
    if (!row) throw new CommandError("news.error.notFound", 404);
    if (row.state !== "pending") throw new CommandError("news.moderation.error.done", 409);
    const state = decision === "approve" ? "approved" : decision === "reject" ? "rejected" : "spam";
    await client.query(
      "UPDATE news_feedback SET state = $2, reject_reason = $3, moderated_by = $4, moderated_at = $5 WHERE id = $1",
      [id, state, decision === "reject" ? (reason ?? "").trim().slice(0, 500) : null, ctx.actorId, now],
    );
    if (state === "approved" && row.email)
      await enqueue(client, {
        topic: FEEDBACK_APPROVED_TOPIC,
        payload: { email: row.email, name: row.name, title: row.title, slug: row.slug },
        dedupeKey: `news.feedback.approved:${id}`,
      });
    return {
      result: undefined,
      subjectType: "news_feedback",
      subjectId: id,
      before: { state: row.state },
      after: { state },
    };
  });
}
