import type { Queryable } from "../../../platform/db/database.ts";
import { UNIT_COLUMNS, type UnitSummary } from "./provinceOverview.ts";

export type HistoryDistrict = UnitSummary & { communes: number };

/** The province's pre-2025 districts (with how many communes each had) and any former commune directly under it. */
export async function provinceHistory(
  db: Queryable,
  provinceId: number,
): Promise<{ districts: HistoryDistrict[]; direct: UnitSummary[] }> {
  const districts = await db.query<HistoryDistrict>(
    `SELECT ${UNIT_COLUMNS},
            (SELECT count(*)::int FROM units c WHERE c.parent_id = u.id AND c.level = 'commune') AS communes
       FROM units u
      WHERE u.parent_id = $1 AND u.level = 'district'
      ORDER BY u.norm, u.id`,
    [provinceId],
  );
  const direct = await db.query<UnitSummary>(
    `SELECT ${UNIT_COLUMNS} FROM units u
      WHERE u.parent_id = $1 AND u.level = 'commune' AND u.valid_to IS NOT NULL
      ORDER BY u.norm, u.id`,
    [provinceId],
  );
  return { districts: districts.rows, direct: direct.rows };
}
