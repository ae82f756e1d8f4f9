import { prepared, type Queryable } from "../../../platform/db/database.ts";
import type { Actor, Grant } from "../../../platform/http/types.ts";
import { isLocale } from "../../../platform/i18n/i18n.ts";

type Row = {
  id: number;
  username: string;
  full_name: string;
  locale: string;
  must_change_password: boolean;
  grants:
    | { role: string; unit_id: number | null; unit_path: string | null; agency_id: number | null }[]
    | null;
};

const ACTOR_COLUMNS = `u.id, u.username, u.full_name, u.locale, u.must_change_password,
            (SELECT json_agg(json_build_object('role', g.role, 'unit_id', g.unit_id, 'unit_path', un.path, 'agency_id', g.agency_id)
                             ORDER BY g.id)
               FROM role_grants g LEFT JOIN units un ON un.id = g.unit_id
              WHERE g.user_id = u.id) AS grants`;

/** The person behind a request with every grant they hold; null when unknown or deactivated. */
export async function loadActor(db: Queryable, userId: number, via: Actor["via"]): Promise<Actor | null> {
  const { rows } = await db.query<Row>(
    prepared(db, "accounts.actor", `SELECT ${ACTOR_COLUMNS} FROM users u WHERE u.id = $1 AND u.active`, [
      userId,
    ]),
  );
  return actorOfRow(rows[0], via);
}

/**
 * The person behind an API token (by its hash), in the same round trip as the token: every API call starts
 * here. `tokenId` and whether its "last used" is older than a minute come along, for the caller to refresh.
 */
export async function loadActorByToken(
  db: Queryable,
  tokenHash: string,
  now: Date,
): Promise<{ actor: Actor; tokenId: number; stale: boolean } | null> {
  const { rows } = await db.query<Row & { token_id: number; stale: boolean }>(
    prepared(
      db,
      "accounts.actor_by_token",
      `SELECT ${ACTOR_COLUMNS}, t.id AS token_id,
            coalesce(t.last_used_at <= $2::timestamptz - interval '1 minute', true) AS stale
       FROM api_tokens t JOIN users u ON u.id = t.user_id AND u.active
      WHERE t.token_hash = $1 AND t.revoked_at IS NULL`,
      [tokenHash, now],
    ),
  );
  const r = rows[0];
  const actor = actorOfRow(r, "token");
  return r && actor ? { actor, tokenId: r.token_id, stale: r.stale } : null;
}

function actorOfRow(r: Row | undefined, via: Actor["via"]): Actor | null {
  if (!r) return null;
  const grants: Grant[] = (r.grants ?? []).map((g) => ({
    role: g.role,
    unitId: g.unit_id,
    unitPath: g.unit_path,
    agencyId: g.agency_id,
  }));
  return {
    id: r.id,
    username: r.username,
    fullName: r.full_name,
    locale: isLocale(r.locale) ? r.locale : "vi",
    grants,
    mustChangePassword: r.must_change_password,
    via,
  };
}
