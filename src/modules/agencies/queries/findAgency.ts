import type { Queryable } from "../../../platform/db/database.ts";
import type { AgencyKind } from "./listAgencies.ts";

export type Agency = {
  id: number;
  code: string;
  name: string;
  name_en: string | null;
  kind: AgencyKind;
  unit_id: number | null;
  unit_name: string | null;
  unit_code: string | null;
  unit_retired: boolean;
  email: string | null;
  retired_at: Date | null;
};

export async function findAgency(db: Queryable, id: number): Promise<Agency | null> {
  const { rows } = await db.query<Agency>(
    `SELECT a.id, a.code, a.name, a.name_en, a.kind, a.unit_id, u.full_name AS unit_name, u.code AS unit_code,
            (u.retired_at IS NOT NULL OR u.valid_to IS NOT NULL) AS unit_retired, a.email, a.retired_at
       FROM agencies a LEFT JOIN units u ON u.id = a.unit_id
      WHERE a.id = $1`,
    [id],
  );
  return rows[0] ?? null;
}
