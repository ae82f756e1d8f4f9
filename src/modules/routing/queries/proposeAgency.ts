import type { Queryable } from "../../../platform/db/database.ts";
import { mostSpecific, type RoutingRule } from "../rules.ts";

export async function loadRules(db: Queryable, level?: string): Promise<RoutingRule[]> {
  const { rows } = await db.query<{
    id: number;
    category_code: string | null;
    path: string | null;
    level: string;
    agency_id: number;
    active: boolean;
  }>(
    `SELECT r.id, r.category_code, u.path, r.level, r.agency_id, r.active
       FROM routing_rules r LEFT JOIN units u ON u.id = r.unit_id
       JOIN agencies a ON a.id = r.agency_id AND a.retired_at IS NULL
      WHERE r.active AND ($1::text IS NULL OR r.level = $1)`,
    [level ?? null],
  );
  return rows.map((r) => ({
    id: r.id,
    categoryCode: r.category_code,
    unitPath: r.path,
    level: r.level,
    agencyId: r.agency_id,
    active: r.active,
  }));
}

/** The agency the rules propose for a petition, or null: the officer can always choose another. */
export async function proposeAgency(
  db: Queryable,
  categoryCode: string | null,
  unitPath: string,
  level: string,
): Promise<number | null> {
  return mostSpecific(await loadRules(db, level), categoryCode, unitPath, level)?.agencyId ?? null;
}
