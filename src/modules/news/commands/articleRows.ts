import type { Queryable } from "../../../platform/db/database.ts";
import { normalizeForSearch } from "../../../platform/text/index.ts";
import { sanitizeArticleHtml, textOfHtml } from "../sanitize.ts";
import { slugify, uniqueSlug } from "../slug.ts";

export type ArticleFields = {
  title: string;
  summary: string;
  bodyHtml: string;
  category: string;
  tags: string[];
  coverKey: string | null;
  coverCaption: string | null;
  dialogueId: number | null;
  directiveId: number | null;
  clusterId: number | null;
};

export const searchTextOf = (f: Pick<ArticleFields, "title" | "summary" | "bodyHtml" | "tags">): string =>
  normalizeForSearch(`${f.title} ${f.summary} ${f.tags.join(" ")} ${textOfHtml(f.bodyHtml)}`);

/** Addresses of the news pages themselves: an article may not take them. */
const RESERVED = new Set(["quan-tri", "tim-kiem", "chuyen-muc", "kiem-duyet", "moi"]);

/** A free slug for the title, chosen under a transaction lock so two editors never get the same one. */
export async function freeSlug(client: Queryable, title: string, exceptId: number | null): Promise<string> {
  await client.query("SELECT pg_advisory_xact_lock(7301946628112077)");
  const slug = slugify(title);
  const base = RESERVED.has(slug) ? `${slug}-tin` : slug;
  const { rows } = await client.query<{ slug: string }>(
    `SELECT slug FROM news_articles WHERE (slug = $1 OR slug LIKE $1 || '-%') AND ($2::bigint IS NULL OR id <> $2)`,
    [base, exceptId],
  );
  return uniqueSlug(base, new Set(rows.map((r) => r.slug)));
}

/** Inserts the article and its first revision; the body is sanitised here, whoever calls. */
export async function insertArticle(
  client: Queryable,
  f: ArticleFields,
  authorId: number | null,
  now: Date,
): Promise<{ id: number; slug: string }> {
  const body = sanitizeArticleHtml(f.bodyHtml);
  const slug = await freeSlug(client, f.title, null);
  const { rows } = await client.query<{ id: string }>(
    `INSERT INTO news_articles (slug, title, summary, body_html, category, tags, cover_key, cover_caption, author_id,
                                dialogue_id, directive_id, cluster_id, search_text, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $14) RETURNING id`,
    [
      slug,
      f.title,
      f.summary,
      body,
      f.category,
      f.tags,
      f.coverKey,
      f.coverCaption,
      authorId,
      f.dialogueId,
      f.directiveId,
      f.clusterId,
      searchTextOf({ ...f, bodyHtml: body }),
      now,
    ],
  );
  const id = Number(rows[0]?.id);
  await client.query(
    `INSERT INTO news_revisions (article_id, revision, title, summary, body_html, editor_id, saved_at)
     VALUES ($1, 1, $2, $3, $4, $5, $6)`,
    [id, f.title, f.summary, body, authorId, now],
  );
  return { id, slug };
}
