import { type CommandContext, CommandError, runCommand } from "../../../platform/commands.ts";
import { sanitizeArticleHtml } from "../sanitize.ts";
import { type ArticleFields, insertArticle, searchTextOf } from "./articleRows.ts";

/** A new article written in the editor's form (as a draft). */
export async function createArticle(
  ctx: CommandContext,
  f: ArticleFields,
): Promise<{ id: number; slug: string }> {
  return runCommand(ctx, "news.article.create", async (client, now) => {
    const created = await insertArticle(client, f, ctx.actorId, now);
    return { result: created, subjectType: "news_article", subjectId: created.id, after: { title: f.title } };
  });
}

/**
 * Saves an edit as a new revision (the old ones are kept). `expectedRevision` is the revision the editor
 * opened: a save over someone else's newer save is refused rather than silently lost.
 */
export async function updateArticle(
  ctx: CommandContext,
  id: number,
  expectedRevision: number,
  f: ArticleFields,
): Promise<{ revision: number }> {
  return runCommand(ctx, "news.article.update", async (client, now) => {
    const { rows } = await client.query<{ revision: number; title: string }>(
      "SELECT revision, title FROM news_articles WHERE id = $1 FOR UPDATE",
      [id],
    );
    const current = rows[0];
    if (!current) throw new CommandError("news.error.notFound", 404);
    if (current.revision !== expectedRevision)
      throw new CommandError("news.error.staleRevision", 409, "title");
    const body = sanitizeArticleHtml(f.bodyHtml);
    const revision = current.revision + 1;
    // the slug stays: links to the article keep working after its title is polished
    await client.query(
      `UPDATE news_articles SET title = $2, summary = $3, body_html = $4, category = $5, tags = $6,
              cover_key = COALESCE($7, cover_key), cover_caption = $8, dialogue_id = $9, directive_id = $10,
              cluster_id = $11, search_text = $12, revision = $13, updated_at = $14
        WHERE id = $1`,
      [
        id,
        f.title,
        f.summary,
        body,
        f.category,
        f.tags,
        f.coverKey,
        f.coverCaption,
        f.dialogueId,
        f.directiveId,
        f.clusterId,
        searchTextOf({ ...f, bodyHtml: body }),
        revision,
        now,
      ],
    );
    await client.query(
      `INSERT INTO news_revisions (article_id, revision, title, summary, body_html, editor_id, saved_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [id, revision, f.title, f.summary, body, ctx.actorId, now],
    );
    return {
      result: { revision },
      subjectType: "news_article",
      subjectId: id,
      before: { title: current.title, revision: current.revision },
      after: { title: f.title, revision },
    };
  });
}
