import type { Queryable } from "../../../platform/db/database.ts";

export type PublicFeedback = { id: number; name: string; body_text: string; created_at: Date };

/** Approved feedback under an article; never the writer's e-mail. */
export async function approvedFeedback(db: Queryable, articleId: number): Promise<PublicFeedback[]> {
  const { rows } = await db.query<PublicFeedback>(
    `SELECT id::int AS id, name, body_text, created_at FROM news_feedback
      WHERE article_id = $1 AND state = 'approved' ORDER BY created_at, id LIMIT 200`,
    [articleId],
  );
  return rows;
}

export type QueuedFeedback = PublicFeedback & { article_title: string; slug: string; has_email: boolean };

export async function pendingFeedback(db: Queryable, limit: number): Promise<QueuedFeedback[]> {
  const { rows } = await db.query<QueuedFeedback>(
    `SELECT f.id::int AS id, f.name, f.body_text, f.created_at, a.title AS article_title, a.slug,
            (f.email IS NOT NULL) AS has_email
       FROM news_feedback f JOIN news_articles a ON a.id = f.article_id
      WHERE f.state = 'pending' ORDER BY f.created_at, f.id LIMIT $1`,
    [limit],
  );
  return rows;
}
