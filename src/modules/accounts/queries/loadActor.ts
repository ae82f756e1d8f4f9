import type { Queryable } from "../../../platform/db/database.ts";
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

/** The person behind a request with every grant they hold; null when unknown or deactivated. */
export async function loadActor(db: Queryable, userId: number, via: Actor["via"]): Promise<Actor | null> {
  const { rows } = await db.query<Row>(
    `SELECT u.id, u.username, u.full_name, u.locale, u.must_change_password,
            (SELECT json_agg(json_build_object('role', g.role, 'unit_id', g.unit_id, 'unit_path', un.path, 'agency_id', g.agency_id)
                             ORDER BY g.id)
               FROM role_grants g LEFT JOIN units un ON un.id = g.unit_id
              WHERE g.user_id = u.id) AS grants
       FROM users u WHERE u.id = $1 AND u.active`,
    [userId],
  );
  const r = rows[0];
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
