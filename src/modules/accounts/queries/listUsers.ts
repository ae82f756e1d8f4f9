import type { Queryable } from "../../../platform/db/database.ts";
import type { UnitLevel } from "./scope.ts";

/** A role with where it applies, named for people: "Thôn Khe Tâm, Xã Ba Chẽ" or "Sở Y tế". */
export type GrantView = {
  id: number;
  role: string;
  unitId: number | null;
  unitName: string | null;
  unitLevel: UnitLevel | null;
  unitPath: string | null;
  parentName: string | null;
  agencyId: number | null;
  agencyName: string | null;
};

export type GrantRow = {
  id: number;
  role: string;
  unit_id: number | null;
  unit_name: string | null;
  unit_level: UnitLevel | null;
  unit_path: string | null;
  parent_name: string | null;
  agency_id: number | null;
  agency_name: string | null;
};

/** The SQL that builds a user's grants as JSON; `u` is the users row. */
export const GRANTS_JSON = `(SELECT json_agg(json_build_object(
      'id', g.id, 'role', g.role, 'unit_id', g.unit_id, 'unit_name', un.full_name, 'unit_level', un.level,
      'unit_path', un.path, 'parent_name', pu.full_name, 'agency_id', g.agency_id, 'agency_name', a.name) ORDER BY g.id)
    FROM role_grants g
    LEFT JOIN units un ON un.id = g.unit_id
    LEFT JOIN units pu ON pu.id = un.parent_id AND un.level = 'village'
    LEFT JOIN agencies a ON a.id = g.agency_id
   WHERE g.user_id = u.id)`;

export const toGrantView = (g: GrantRow): GrantView => ({
  id: g.id,
  role: g.role,
  unitId: g.unit_id,
  unitName: g.unit_name,
  unitLevel: g.unit_level,
  unitPath: g.unit_path,
  parentName: g.parent_name,
  agencyId: g.agency_id,
  agencyName: g.agency_name,
});

export type UserListFilter = {
  q: string;
  role: string;
  status: "all" | "active" | "inactive";
  page: number;
  /** A commune officer's subtrees: only accounts that are village heads there and nothing else. */
  villageHeadsWithin: readonly string[] | null;
};

export type UserListRow = {
  id: number;
  username: string;
  fullName: string;
  active: boolean;
  mustChangePassword: boolean;
  grants: GrantView[];
};

export const USERS_PAGE_SIZE = 25;
export const MAX_PAGE = 2000;

/** One page of accounts, searched without diacritics on name and username; `total` counts every match. */
export async function listUsers(
  db: Queryable,
  f: UserListFilter,
): Promise<{ rows: UserListRow[]; total: number; hasNext: boolean }> {
  const within = f.villageHeadsWithin ? f.villageHeadsWithin.map((p) => `${p}_%`) : null;
  const { rows } = await db.query<{
    id: number;
    username: string;
    full_name: string;
    active: boolean;
    must_change_password: boolean;
    total: number;
    grants: GrantRow[] | null;
  }>(
    `SELECT u.id, u.username, u.full_name, u.active, u.must_change_password, count(*) OVER ()::int AS total,
            ${GRANTS_JSON} AS grants
       FROM users u
      WHERE ($1::text = '' OR u.norm LIKE '%' || caunoi_norm($1::text) || '%')
        AND ($2::text = '' OR EXISTS (SELECT 1 FROM role_grants g WHERE g.user_id = u.id AND g.role = $2::text))
        AND ($3::text = 'all' OR u.active = ($3::text = 'active'))
        AND ($4::text[] IS NULL OR (
              EXISTS (SELECT 1 FROM role_grants g WHERE g.user_id = u.id)
              AND NOT EXISTS (
                SELECT 1 FROM role_grants g LEFT JOIN units un ON un.id = g.unit_id
                 WHERE g.user_id = u.id
                   AND NOT (g.role = 'village_head' AND g.agency_id IS NULL AND un.path IS NOT NULL AND un.path LIKE ANY($4::text[])))))
      ORDER BY u.norm, u.id
      LIMIT $5 OFFSET $6`,
    [f.q, f.role, f.status, within, USERS_PAGE_SIZE + 1, (f.page - 1) * USERS_PAGE_SIZE],
  );
  return {
    rows: rows.slice(0, USERS_PAGE_SIZE).map((r) => ({
      id: r.id,
      username: r.username,
      fullName: r.full_name,
      active: r.active,
      mustChangePassword: r.must_change_password,
      grants: (r.grants ?? []).map(toGrantView),
    })),
    total: rows[0]?.total ?? 0,
    hasNext: rows.length > USERS_PAGE_SIZE,
  };
}
