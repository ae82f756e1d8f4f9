import type { Queryable } from "../../../platform/db/database.ts";
import type { UserSubject } from "../policy.ts";
import { GRANTS_JSON, type GrantRow, type GrantView, toGrantView } from "./listUsers.ts";

export type TokenView = {
  id: number;
  name: string;
  prefix: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
};

export type UserDetail = {
  id: number;
  username: string;
  fullName: string;
  email: string | null;
  phone: string | null;
  active: boolean;
  mustChangePassword: boolean;
  createdAt: Date;
  activeSessions: number;
  grants: GrantView[];
  tokens: TokenView[];
};

/** Everything the account page shows; null when there is no such account. */
export async function loadUserDetail(db: Queryable, id: number, now: Date): Promise<UserDetail | null> {
  const { rows } = await db.query<{
    id: number;
    username: string;
    full_name: string;
    email: string | null;
    phone: string | null;
    active: boolean;
    must_change_password: boolean;
    created_at: Date;
    sessions: number;
    grants: GrantRow[] | null;
  }>(
    `SELECT u.id, u.username, u.full_name, u.email, u.phone, u.active, u.must_change_password, u.created_at,
            (SELECT count(*)::int FROM sessions s WHERE s.user_id = u.id AND s.expires_at > $2) AS sessions,
            ${GRANTS_JSON} AS grants
       FROM users u WHERE u.id = $1`,
    [id, now],
  );
  const r = rows[0];
  if (!r) return null;
  const tokens = await db.query<{
    id: number;
    name: string;
    prefix: string;
    created_at: Date;
    last_used_at: Date | null;
    revoked_at: Date | null;
  }>(
    `SELECT id, name, prefix, created_at, last_used_at, revoked_at FROM api_tokens WHERE user_id = $1
      ORDER BY revoked_at IS NOT NULL, created_at DESC, id DESC LIMIT 100`,
    [id],
  );
  return {
    id: r.id,
    username: r.username,
    fullName: r.full_name,
    email: r.email,
    phone: r.phone,
    active: r.active,
    mustChangePassword: r.must_change_password,
    createdAt: r.created_at,
    activeSessions: r.sessions,
    grants: (r.grants ?? []).map(toGrantView),
    tokens: tokens.rows.map((t) => ({
      id: t.id,
      name: t.name,
      prefix: t.prefix,
      createdAt: t.created_at,
      lastUsedAt: t.last_used_at,
      revokedAt: t.revoked_at,
    })),
  };
}

/** What the policy needs to know about an account. */
export const subjectOf = (u: Pick<UserDetail, "id" | "grants">): UserSubject => ({
  id: u.id,
  grants: u.grants.map((g) => ({ role: g.role, unitPath: g.unitPath, agencyId: g.agencyId })),
});

export async function tokenBelongsTo(db: Queryable, tokenId: number, userId: number): Promise<boolean> {
  const r = await db.query("SELECT 1 FROM api_tokens WHERE id = $1 AND user_id = $2", [tokenId, userId]);
  return (r.rowCount ?? 0) > 0;
}
