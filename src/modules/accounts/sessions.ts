import { createHash, randomBytes } from "node:crypto";
import type pg from "pg";
import type { Queryable } from "../../platform/db/database.ts";
import { PoolTtlCache } from "../../platform/db/poolCache.ts";
import type { Actor, AuthResolver } from "../../platform/http/types.ts";
import { loadActor, loadActorByToken } from "./queries/loadActor.ts";

export const SESSION_TTL_MS = 30 * 24 * 3600 * 1000; // village heads on phones should not log in every day
const TOUCH_EVERY_MS = 5 * 60 * 1000;

export const sha256 = (s: string) => createHash("sha256").update(s).digest("hex");

/** The cookie holds a random token; the database holds only its hash, so a leaked table opens no session. */
export async function createSession(db: Queryable, userId: number, now: Date): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  await db.query(
    "INSERT INTO sessions (id_hash, user_id, csrf_token, created_at, last_seen_at, expires_at) VALUES ($1, $2, $3, $4, $4, $5)",
    [
      sha256(token),
      userId,
      randomBytes(16).toString("base64url"),
      now,
      new Date(now.getTime() + SESSION_TTL_MS),
    ],
  );
  return token;
}

export async function destroySession(db: Queryable, token: string): Promise<void> {
  await db.query("DELETE FROM sessions WHERE id_hash = $1", [sha256(token)]);
}

export async function destroyUserSessions(
  db: Queryable,
  userId: number,
  exceptToken?: string,
): Promise<void> {
  await db.query("DELETE FROM sessions WHERE user_id = $1 AND id_hash <> $2", [
    userId,
    exceptToken ? sha256(exceptToken) : "",
  ]);
}

export const API_TOKEN_PREFIX = "cn_";

export function createAuthResolver(pool: pg.Pool): AuthResolver {
  return {
    async fromSession(token, now) {
      if (token.length > 100) return null;
      const { rows } = await pool.query<{ user_id: number; last_seen_at: Date }>(
        "SELECT user_id, last_seen_at FROM sessions WHERE id_hash = $1 AND expires_at > $2",
        [sha256(token), now],
      );
      const s = rows[0];
      if (!s) return null;
      if (now.getTime() - s.last_seen_at.getTime() > TOUCH_EVERY_MS) {
        await pool.query("UPDATE sessions SET last_seen_at = $2, expires_at = $3 WHERE id_hash = $1", [
          sha256(token),
          now,
          new Date(now.getTime() + SESSION_TTL_MS),
        ]);
      }
      return loadActor(pool, s.user_id, "session");
    },
    async fromApiToken(token, now) {
      if (!token.startsWith(API_TOKEN_PREFIX) || token.length > 100) return null;
      const hash = sha256(token);
      const hit = tokenActors.get(pool, hash, now.getTime());
      if (hit) return hit;
      const found = await loadActorByToken(pool, hash, now);
      if (!found) {
        tokenActors.delete(pool, hash);
        return null;
      }
      // "Last used" to the minute: writing the token row on every call would make one busy client's requests
      // queue on that row's lock.
      if (found.stale)
        await pool.query("UPDATE api_tokens SET last_used_at = $2 WHERE id = $1", [found.tokenId, now]);
      tokenActors.set(pool, hash, found.actor, now.getTime());
      return found.actor;
    },
  };
}

/**
 * An API client sending a burst (an integration filing a day's petitions) is looked up once per few seconds,
 * not once per request: each lookup is a round trip. The price is that a revoked token, a deactivated account
 * or a changed grant takes up to TOKEN_CACHE_MS to be seen by another app node; on this node the accounts
 * commands forget the cache at once (forgetApiTokenActors). Browser sessions are not cached.
 */
export const TOKEN_CACHE_MS = 5_000;
const tokenActors = new PoolTtlCache<string, Actor>(TOKEN_CACHE_MS, 10_000);

/** After a change to who may do what (tokens, accounts, grants): API calls on this node look the actor up again. */
export function forgetApiTokenActors(pool: pg.Pool): void {
  tokenActors.clear(pool);
}
