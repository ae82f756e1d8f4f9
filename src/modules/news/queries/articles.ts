import { toLocalDate } from "../../../platform/calendar/index.ts";
import type { Queryable } from "../../../platform/db/database.ts";
import { normalizeForSearch } from "../../../platform/text/index.ts";

export type ArticleCard = {
  id: number;
  slug: string;
  title: string;
  summary: string;
  category: string;
  cover_key: string | null;
  published_at: Date | null;
};

export type Article = ArticleCard & {
  body_html: string;
  cover_caption: string | null;
  tags: string[];
  state: string;
  author_name: string | null;
  updated_at: Date;
  revision: number;
  dialogue_id: number | null;
  directive_id: number | null;
  cluster_id: number | null;
  publish_requested_by: number | null;
  scheduled_at: Date | null;
};

const CARD = "a.id::int AS id, a.slug, a.title, a.summary, a.category, a.cover_key, a.published_at";
const FULL = `${CARD}, a.body_html, a.cover_caption, a.tags, a.state, u.full_name AS author_name, a.updated_at, a.revision,
  a.dialogue_id::int AS dialogue_id, a.directive_id::int AS directive_id, a.cluster_id::int AS cluster_id,
  a.publish_requested_by::int AS publish_requested_by, a.scheduled_at`;

export async function articleBySlug(db: Queryable, slug: string): Promise<Article | null> {
  const { rows } = await db.query<Article>(
    `SELECT ${FULL} FROM news_articles a LEFT JOIN users u ON u.id = a.author_id WHERE a.slug = $1`,
    [slug],
  );
  return rows[0] ?? null;
}

export async function articleById(db: Queryable, id: number): Promise<Article | null> {
  const { rows } = await db.query<Article>(
    `SELECT ${FULL} FROM news_articles a LEFT JOIN users u ON u.id = a.author_id WHERE a.id = $1`,
    [id],
  );
  return rows[0] ?? null;
}

/** Published articles, newest first; by category and/or a search without diacritics. */
export async function listPublished(
  db: Queryable,
  f: { category?: string; q?: string; excludeId?: number; limit: number; offset?: number },
): Promise<ArticleCard[]> {
  const where = ["a.state = 'published'"];
  const params: unknown[] = [];
  if (f.category) {
    params.push(f.category);
    where.push(`a.category = $${params.length}`);
  }
  const norm = f.q ? normalizeForSearch(f.q) : "";
  if (norm) {
    params.push(norm);
    where.push(`a.tsv @@ plainto_tsquery('simple', $${params.length})`);
  }
  if (f.excludeId) {
    params.push(f.excludeId);
    where.push(`a.id <> $${params.length}`);
  }
  params.push(f.limit, f.offset ?? 0);
  const { rows } = await db.query<ArticleCard>(
    `SELECT ${CARD} FROM news_articles a WHERE ${where.join(" AND ")}
      ORDER BY a.published_at DESC, a.id DESC LIMIT $${params.length - 1} OFFSET $${params.length}`,
    params,
  );
  return rows;
}

export type ViewedCard = ArticleCard & { views: number };

/** The most read published articles over the last `days` local days (today included), from the day buckets. */
export async function mostViewed(
  db: Queryable,
  days: number,
  limit: number,
  now: Date,
): Promise<ViewedCard[]> {
  const since = toLocalDate(new Date(now.getTime() - (days - 1) * 86_400_000));
  const { rows } = await db.query<ViewedCard>(
    `WITH v AS (SELECT article_id, sum(count)::int AS views FROM news_view_days WHERE day >= $1::date
                 GROUP BY article_id ORDER BY views DESC LIMIT $2 * 3)
     SELECT ${CARD}, v.views FROM v JOIN news_articles a ON a.id = v.article_id AND a.state = 'published'
      ORDER BY v.views DESC, a.id DESC LIMIT $2`,
    [since, limit],
  );
  return rows;
}

/** All views of one article, from the buckets (what the editor sees). */
export async function viewsOf(db: Queryable, articleId: number): Promise<number> {
  const { rows } = await db.query<{ n: number }>(
    "SELECT COALESCE(sum(count), 0)::int AS n FROM news_view_days WHERE article_id = $1",
    [articleId],
  );
  return rows[0]?.n ?? 0;
}

export type EditorRow = ArticleCard & {
  state: string;
  updated_at: Date;
  publish_requested_by: number | null;
  author_name: string | null;
};

export async function listForEditors(
  db: Queryable,
  f: { state?: string; limit: number; offset: number },
): Promise<EditorRow[]> {
  const { rows } = await db.query<EditorRow>(
    `SELECT ${CARD}, a.state, a.updated_at, a.publish_requested_by::int AS publish_requested_by, u.full_name AS author_name
       FROM news_articles a LEFT JOIN users u ON u.id = a.author_id
      WHERE ($1::text IS NULL OR a.state = $1) ORDER BY a.updated_at DESC, a.id DESC LIMIT $2 OFFSET $3`,
    [f.state ?? null, f.limit, f.offset],
  );
  return rows;
}

export async function revisionsOf(
  db: Queryable,
  articleId: number,
): Promise<{ revision: number; title: string; saved_at: Date; editor_name: string | null }[]> {
  const { rows } = await db.query<{
    revision: number;
    title: string;
    saved_at: Date;
    editor_name: string | null;
  }>(
    `SELECT r.revision, r.title, r.saved_at, u.full_name AS editor_name FROM news_revisions r
       LEFT JOIN users u ON u.id = r.editor_id WHERE r.article_id = $1 ORDER BY r.revision DESC LIMIT 50`,
    [articleId],
  );
  return rows;
}

/** For the sitemap and the feed: every published article's address and date. */
export async function publishedIndex(
  db: Queryable,
  limit: number,
): Promise<{ slug: string; title: string; summary: string; published_at: Date; updated_at: Date }[]> {
  const { rows } = await db.query<{
    slug: string;
    title: string;
    summary: string;
    published_at: Date;
    updated_at: Date;
  }>(
    `SELECT slug, title, summary, published_at, updated_at FROM news_articles WHERE state = 'published'
      ORDER BY published_at DESC, id DESC LIMIT $1`,
    [limit],
  );
  return rows;
}
