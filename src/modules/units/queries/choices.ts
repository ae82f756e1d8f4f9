import type { Queryable } from "../../../platform/db/database.ts";

/** A unit offered in a picker: the deployment province and its current communes that are in use. */
export type UnitChoice = { id: number; code: string; full_name: string; level: "province" | "commune" };

/** Pickers never offer retired or pre-2025 units. */
export async function unitChoices(db: Queryable, provinceCode: string): Promise<UnitChoice[]> {
  const { rows } = await db.query<UnitChoice>(
    `SELECT u.id, u.code, u.full_name, u.level
       FROM units p
       JOIN units u ON (u.id = p.id OR (u.parent_id = p.id AND u.level = 'commune'))
      WHERE p.level = 'province' AND p.code = $1 AND p.valid_to IS NULL
        AND u.valid_to IS NULL AND u.retired_at IS NULL
      ORDER BY u.level = 'commune', u.norm, u.id`,
    [provinceCode],
  );
  return rows;
}

/** A current province or commune in use, by its official code (for forms that take a code). */
export async function findCurrentUnitByCode(db: Queryable, code: string): Promise<UnitChoice | null> {
  const { rows } = await db.query<UnitChoice>(
    `SELECT id, code, full_name, level FROM units
      WHERE code = $1 AND level IN ('province', 'commune') AND valid_to IS NULL AND retired_at IS NULL
      ORDER BY level = 'commune' DESC LIMIT 1`,
    [code],
  );
  return rows[0] ?? null;
}

/** Whether a unit is a current province or commune in use (a picker's value sent back by a form). */
export async function isUnitChoice(db: Queryable, id: number): Promise<boolean> {
  const r = await db.query(
    `SELECT 1 FROM units WHERE id = $1 AND level IN ('province', 'commune') AND valid_to IS NULL AND retired_at IS NULL`,
    [id],
  );
  return (r.rowCount ?? 0) > 0;
}
