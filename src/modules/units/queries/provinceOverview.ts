import type { Queryable } from "../../../platform/db/database.ts";

export type UnitSummary = {
  id: number;
  level: "province" | "district" | "commune" | "village";
  code: string;
  name: string;
  full_name: string;
  type: string;
  path: string;
  parent_id: number | null;
  province_code: string | null;
  /** yyyy-mm-dd, or null when unknown. */
  valid_from: string | null;
  valid_to: string | null;
  retired_at: Date | null;
};

export const UNIT_COLUMNS = `u.id, u.level, u.code, u.name, u.full_name, u.type, u.path, u.parent_id, u.province_code,
  to_char(u.valid_from, 'YYYY-MM-DD') AS valid_from, to_char(u.valid_to, 'YYYY-MM-DD') AS valid_to, u.retired_at`;

export type CommuneRow = UnitSummary & { villages: number };

/** The deployment province today (the current unit with that code), or null before the reference data is loaded. */
export async function currentProvince(db: Queryable, provinceCode: string): Promise<UnitSummary | null> {
  const { rows } = await db.query<UnitSummary>(
    `SELECT ${UNIT_COLUMNS} FROM units u WHERE u.level = 'province' AND u.code = $1 AND u.valid_to IS NULL`,
    [provinceCode],
  );
  return rows[0] ?? null;
}

/** A province's current communes, wards and special zones, each with how many villages are in use. */
export async function currentCommunes(db: Queryable, provinceId: number): Promise<CommuneRow[]> {
  const { rows } = await db.query<CommuneRow>(
    `SELECT ${UNIT_COLUMNS},
            (SELECT count(*)::int FROM units v
              WHERE v.parent_id = u.id AND v.level = 'village' AND v.retired_at IS NULL) AS villages
       FROM units u
      WHERE u.parent_id = $1 AND u.level = 'commune' AND u.valid_to IS NULL
      ORDER BY u.retired_at IS NOT NULL, u.norm, u.id`,
    [provinceId],
  );
  return rows;
}
