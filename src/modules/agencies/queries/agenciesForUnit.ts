import type { Queryable } from "../../../platform/db/database.ts";

export type AgencyLink = { id: number; code: string; name: string; kind: string; retired_at: Date | null };

/** The agencies that serve a unit (a commune's People's Committee, the province's departments …). */
export async function agenciesForUnit(db: Queryable, unitId: number): Promise<AgencyLink[]> {
  const { rows } = await db.query<AgencyLink>(
    `SELECT id, code, name, kind, retired_at FROM agencies WHERE unit_id = $1
      ORDER BY retired_at IS NOT NULL,
               CASE kind WHEN 'commune_committee' THEN 0 WHEN 'department' THEN 1 WHEN 'vertical' THEN 2 ELSE 3 END,
               norm, id`,
    [unitId],
  );
  return rows;
}
