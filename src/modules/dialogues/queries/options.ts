import type { Queryable } from "../../../platform/db/database.ts";

/** What the "new dialogue" form offers: the leaders, the agencies, and each commune with how many villages it has. */
export async function newDialogueOptions(db: Queryable, provinceCode: string) {
  const [leaders, agencies, communes] = await Promise.all([
    db.query<{ id: number; full_name: string }>(
      `SELECT DISTINCT u.id, u.full_name FROM users u JOIN role_grants g ON g.user_id = u.id AND g.role = 'leader'
        WHERE u.active ORDER BY u.full_name, u.id LIMIT 200`,
    ),
    db.query<{ id: number; name: string }>(
      `SELECT id, name FROM agencies WHERE retired_at IS NULL AND kind <> 'central' ORDER BY kind = 'commune_committee', name LIMIT 400`,
    ),
    db.query<{ id: number; name: string; villages: number }>(
      `SELECT c.id, c.full_name AS name, count(v.id)::int AS villages
         FROM units c JOIN units p ON p.id = c.parent_id AND p.level = 'province' AND p.code = $1
         LEFT JOIN units v ON v.parent_id = c.id AND v.level = 'village' AND v.retired_at IS NULL AND v.valid_to IS NULL
        WHERE c.level = 'commune' AND c.valid_to IS NULL
        GROUP BY c.id, c.full_name, c.name ORDER BY c.name`,
      [provinceCode],
    ),
  ]);
  return { leaders: leaders.rows, agencies: agencies.rows, communes: communes.rows };
}

/** The villages of the people invited: a question from the floor is attributed to one of them. */
export async function invitedVillages(
  db: Queryable,
  dialogueId: number,
): Promise<{ id: number; name: string; commune: string | null }[]> {
  const { rows } = await db.query<{ id: number; name: string; commune: string | null }>(
    `SELECT DISTINCT v.id, v.name, c.name AS commune FROM dialogue_invitations i
       JOIN units v ON v.id = i.unit_id AND v.level = 'village' LEFT JOIN units c ON c.id = v.parent_id
      WHERE i.dialogue_id = $1 ORDER BY c.name, v.name`,
    [dialogueId],
  );
  return rows;
}

export async function attendanceByRole(
  db: Queryable,
  dialogueId: number,
): Promise<{ role: string; invited: number; present: number }[]> {
  const { rows } = await db.query<{ role: string; invited: number; present: number }>(
    `SELECT role, count(*)::int AS invited, count(checked_in_at)::int AS present
       FROM dialogue_invitations WHERE dialogue_id = $1 GROUP BY role ORDER BY role`,
    [dialogueId],
  );
  return rows;
}
