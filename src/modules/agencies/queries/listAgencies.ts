import type { Queryable } from "../../../platform/db/database.ts";

export const AGENCY_KINDS = ["department", "commune_committee", "vertical", "central", "other"] as const;
export type AgencyKind = (typeof AGENCY_KINDS)[number];

export function isAgencyKind(v: unknown): v is AgencyKind {
  return typeof v === "string" && (AGENCY_KINDS as readonly string[]).includes(v);
}

export type AgencyRow = {
  id: number;
  code: string;
  name: string;
  name_en: string | null;
  kind: AgencyKind;
  unit_id: number | null;
  unit_name: string | null;
  retired_at: Date | null;
};

/** Agencies filtered by kind and by name or code without diacritics ("so y te" finds "Sở Y tế"); active first. */
export async function listAgencies(
  db: Queryable,
  input: { kind: AgencyKind | null; q: string; limit: number; offset: number },
): Promise<AgencyRow[]> {
  const { rows } = await db.query<AgencyRow>(
    `SELECT a.id, a.code, a.name, a.name_en, a.kind, a.unit_id, u.full_name AS unit_name, a.retired_at
       FROM agencies a LEFT JOIN units u ON u.id = a.unit_id
      WHERE ($1::text IS NULL OR a.kind = $1)
        AND ($2::text = '' OR a.norm LIKE '%' || caunoi_norm($2) || '%' OR caunoi_norm(a.code) LIKE '%' || caunoi_norm($2) || '%')
      ORDER BY a.retired_at IS NOT NULL,
               CASE a.kind WHEN 'department' THEN 0 WHEN 'commune_committee' THEN 1 WHEN 'vertical' THEN 2
                           WHEN 'central' THEN 3 ELSE 4 END,
               a.norm, a.id
      LIMIT $3 OFFSET $4`,
    [input.kind, input.q.slice(0, 100), input.limit, input.offset],
  );
  return rows;
}
