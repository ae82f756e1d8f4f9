import type { Queryable } from "../../../platform/db/database.ts";
import { UNIT_COLUMNS, type UnitSummary } from "./provinceOverview.ts";

export type UnitSearchHit = UnitSummary & { parent_name: string | null };

/** True when the text has something to search for (letters or digits). */
export function isSearchable(q: string): boolean {
  return /[\p{L}\p{N}]/u.test(q);
}

/**
 * Every unit whose name contains the query, both folded by caunoi_norm ("ha long" finds "Hạ Long",
 * "hoa" finds "Hòa" and "Hoà"). The deployment's own province first, then exact, word-start, current units.
 */
export async function searchUnits(
  db: Queryable,
  input: { q: string; provinceCode: string; limit: number; offset: number },
): Promise<UnitSearchHit[]> {
  const { rows } = await db.query<UnitSearchHit>(
    `WITH q AS (SELECT caunoi_norm($1) AS n)
     SELECT ${UNIT_COLUMNS}, p.full_name AS parent_name
       FROM units u CROSS JOIN q LEFT JOIN units p ON p.id = u.parent_id
      WHERE u.norm LIKE '%' || q.n || '%'
      ORDER BY u.province_code IS NOT DISTINCT FROM $2 DESC,
               u.norm = q.n DESC,
               (' ' || u.norm) LIKE '% ' || q.n || '%' DESC,
               u.valid_to IS NULL DESC,
               u.retired_at IS NULL DESC,
               CASE u.level WHEN 'province' THEN 0 WHEN 'district' THEN 1 WHEN 'commune' THEN 2 ELSE 3 END,
               u.norm, u.id
      LIMIT $3 OFFSET $4`,
    [input.q.slice(0, 100), input.provinceCode, input.limit, input.offset],
  );
  return rows;
}
