import type { Queryable } from "../../platform/db/database.ts";

/** Active officers of an agency: who must deliver its commitments. */
export async function officersOf(db: Queryable, agencyId: number): Promise<number[]> {
  const { rows } = await db.query<{ user_id: number }>(
    `SELECT DISTINCT g.user_id FROM role_grants g JOIN users u ON u.id = g.user_id AND u.active
      WHERE g.role = 'agency_officer' AND g.agency_id = $1`,
    [agencyId],
  );
  return rows.map((r) => Number(r.user_id));
}

/** Active coordinators: they follow every commitment up. */
export async function coordinators(db: Queryable): Promise<number[]> {
  const { rows } = await db.query<{ user_id: number }>(
    `SELECT DISTINCT g.user_id FROM role_grants g JOIN users u ON u.id = g.user_id AND u.active
      WHERE g.role = 'coordinator'`,
  );
  return rows.map((r) => Number(r.user_id));
}
