import { type CommandContext, CommandError, runCommand } from "../../../platform/commands.ts";
import { type ArticleAction, decidePublish, isArticleState, nextState } from "../states.ts";

export type StateChangeResult = "done" | "requested";

/**
 * Publish, schedule, unschedule, unpublish, back to draft. Going public needs a second editor when
 * `requireSecondEditor` is on: the first click records a request, another editor's click carries it out.
 */
export async function changeArticleState(
  ctx: CommandContext & { actorId: number },
  id: number,
  action: ArticleAction,
  opts: { requireSecondEditor: boolean; scheduledAt?: Date },
): Promise<StateChangeResult> {
  return runCommand(ctx, `news.article.${action}`, async (client, now) => {
    const { rows } = await client.query<{ state: string; publish_requested_by: string | null }>(
      "SELECT state, publish_requested_by FROM news_articles WHERE id = $1 FOR UPDATE",
      [id],
    );
    const row = rows[0];
    if (!row || !isArticleState(row.state)) throw new CommandError("news.error.notFound", 404);
    const to = nextState(row.state, action);
    if (!to) throw new CommandError("news.error.transition", 409);
    if (action === "schedule" && (!opts.scheduledAt || opts.scheduledAt <= now))
      throw new CommandError("news.error.scheduleFuture", 422, "scheduledAt");
    const goingPublic = action === "publish" || action === "schedule";
    const requestedBy = row.publish_requested_by === null ? null : Number(row.publish_requested_by);
    if (goingPublic) {
      const decision = decidePublish(opts.requireSecondEditor, requestedBy, ctx.actorId);
      if (decision === "needs_other_editor") throw new CommandError("news.error.secondEditor", 409);
      if (decision === "request") {
        await client.query("UPDATE news_articles SET publish_requested_by = $2 WHERE id = $1", [
          id,
          ctx.actorId,
        ]);
        return {
          result: "requested" as const,
          subjectType: "news_article",
          subjectId: id,
          after: { publishRequestedBy: ctx.actorId },
        };
      }
    }
    await client.query(
      `UPDATE news_articles SET state = $2, updated_at = $3, publish_requested_by = NULL,
              scheduled_at = CASE WHEN $2 = 'scheduled' THEN $4::timestamptz ELSE NULL END,
              published_at = CASE WHEN $2 = 'published' THEN COALESCE(published_at, $3) ELSE published_at END
        WHERE id = $1`,
      [id, to, now, opts.scheduledAt ?? null],
    );
    return {
      result: "done" as const,
      subjectType: "news_article",
      subjectId: id,
      before: { state: row.state },
      after: { state: to },
    };
  });
}

/** The sweep: scheduled articles whose time has come are published. */
export async function publishDueArticles(ctx: CommandContext): Promise<number> {
  return runCommand(ctx, "news.article.publish_due", async (client, now) => {
    const { rows } = await client.query<{ id: string }>(
      `UPDATE news_articles SET state = 'published', published_at = COALESCE(published_at, scheduled_at),
              scheduled_at = NULL, updated_at = $1
        WHERE state = 'scheduled' AND scheduled_at <= $1 RETURNING id`,
      [now],
    );
    return {
      result: rows.length,
      subjectType: "news_article",
      subjectId: null,
      after: { ids: rows.map((r) => r.id) },
    };
  });
}
