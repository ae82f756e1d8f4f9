import type { Queryable } from "../db/database.ts";

export type RateLimitResult = { allowed: boolean; count: number; retryAfterSeconds: number };

/**
 * A fixed-window counter in the database, so the limit holds across every app node.
 * One statement: no read-then-write race between nodes.
 */
export async function hitRateLimit(
  db: Queryable,
  key: string,
  limit: number,
  windowMs: number,
  now: Date,
): Promise<RateLimitResult> {
  const windowStartFloor = new Date(now.getTime() - windowMs);
  const { rows } = await db.query<{ count: number; window_start: Date }>(
    `INSERT INTO rate_limits (key, window_start, count) VALUES ($1, $2, 1)
     ON CONFLICT (key) DO UPDATE SET
       count = CASE WHEN rate_limits.window_start <= $3 THEN 1 ELSE rate_limits.count + 1 END,
       window_start = CASE WHEN rate_limits.window_start <= $3 THEN $2 ELSE rate_limits.window_start END
     RETURNING count, window_start`,
    [key, now, windowStartFloor],
  );
  const row = rows[0];
  const count = row?.count ?? 1;
  const started = row?.window_start ?? now;
  const retryAfterSeconds = Math.max(1, Math.ceil((started.getTime() + windowMs - now.getTime()) / 1000));
  return { allowed: count <= limit, count, retryAfterSeconds };
}

export async function clearRateLimit(db: Queryable, key: string): Promise<void> {
  await db.query("DELETE FROM rate_limits WHERE key = $1", [key]);
}
