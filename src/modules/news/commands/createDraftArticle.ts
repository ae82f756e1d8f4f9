import { type CommandContext, CommandError, runCommand } from "../../../platform/commands.ts";
import { insertArticle } from "./articleRows.ts";

export type DraftArticleInput = {
  title: string;
  summary: string;
  /** Any HTML: it is sanitised with the article allowlist before it is stored. */
  bodyHtml: string;
  links?: { dialogueId?: number; directiveId?: number; clusterId?: number };
  authorId?: number;
  category?: string;
};

/**
 * A draft article for the editors to finish and publish — what other modules call (the dialogues module
 * drafts a public summary of a conference). Never publishes by itself.
 */
export async function createDraftArticle(
  ctx: CommandContext,
  input: DraftArticleInput,
): Promise<{ id: number; slug: string }> {
  const title = input.title.trim().slice(0, 200);
  if (!title) throw new CommandError("news.error.title", 422, "title");
  return runCommand(ctx, "news.article.draft", async (client, now) => {
    const created = await insertArticle(
      client,
      {
        title,
        summary: input.summary.trim().slice(0, 600),
        bodyHtml: input.bodyHtml,
        category: input.category ?? (input.links?.dialogueId ? "doi-thoai" : "doi-song"),
        tags: [],
        coverKey: null,
        coverCaption: null,
        dialogueId: input.links?.dialogueId ?? null,
        directiveId: input.links?.directiveId ?? null,
        clusterId: input.links?.clusterId ?? null,
      },
      input.authorId ?? ctx.actorId,
      now,
    );
    return { result: created, subjectType: "news_article", subjectId: created.id, after: { title } };
  });
}
