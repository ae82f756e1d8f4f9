import type { Queryable } from "../../platform/db/database.ts";

/** Village heads of a village (the petition's submitter of record and any co-head). */
export async function villageHeads(db: Queryable, villageId: number): Promise<number[]> {
  const { rows } = await db.query<{ user_id: number }>(
    `SELECT DISTINCT g.user_id FROM role_grants g JOIN users u ON u.id = g.user_id AND u.active
      WHERE g.role = 'village_head' AND g.unit_id = $1`,
    [villageId],
  );
  return rows.map((r) => r.user_id);
}

/** Officers of an agency. */
export async function agencyOfficers(db: Queryable, agencyId: number): Promise<number[]> {
  const { rows } = await db.query<{ user_id: number }>(
    `SELECT DISTINCT g.user_id FROM role_grants g JOIN users u ON u.id = g.user_id AND u.active
      WHERE g.role = 'agency_officer' AND g.agency_id = $1`,
    [agencyId],
  );
  return rows.map((r) => r.user_id);
}

/** The ids of a unit and its ancestors, from its path ('/25/2582/4983/' → [25, 2582, 4983]). */
export function ancestorIds(unitPath: string): number[] {
  return unitPath
    .split("/")
    .filter((x) => /^\d+$/.test(x))
    .map(Number);
}

/**
 * Active holders of a role over a unit, as SQL over the given placeholders: `role` a text, `ancestors` the unit's
 * ancestorIds. A unit's path lists its ancestors' ids, so the grants over it are those on one of them (or on no
 * unit), found through the index on role_grants.unit_id instead of testing every grant's path.
 */
export function rolesOverSql(role: string, ancestors: string): string {
  // Whether each holder is active is looked up per grant (a handful): as a join, the planner hashed every user.
  return `SELECT DISTINCT g.user_id FROM role_grants g
      WHERE g.role = ${role} AND (g.unit_id = ANY(${ancestors}::bigint[]) OR g.unit_id IS NULL)
        AND (SELECT u.active FROM users u WHERE u.id = g.user_id)`;
}

/** People holding `role` over a unit path (their grant's unit is an ancestor of it, or province-wide). */
export async function rolesOver(db: Queryable, role: string, unitPath: string): Promise<number[]> {
  const { rows } = await db.query<{ user_id: number }>(rolesOverSql("$1", "$2"), [
    role,
    ancestorIds(unitPath),
  ]);
  return rows.map((r) => r.user_id);
}
