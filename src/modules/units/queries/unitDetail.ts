import type { Queryable } from "../../../platform/db/database.ts";
import { UNIT_COLUMNS, type UnitSummary } from "./provinceOverview.ts";

export type Unit = UnitSummary & { head_name: string | null; head_phone: string | null };

export type Crumb = { id: number; full_name: string };

export type ChildUnit = UnitSummary & {
  head_name: string | null;
  head_phone: string | null;
  villages: number;
};

export type LineageLink = {
  id: number;
  full_name: string;
  code: string;
  merge_type: "full" | "partial";
  district_name: string | null;
  retired_at: Date | null;
};

export async function findUnit(db: Queryable, id: number): Promise<Unit | null> {
  const { rows } = await db.query<Unit>(
    `SELECT ${UNIT_COLUMNS}, u.head_name, u.head_phone FROM units u WHERE u.id = $1`,
    [id],
  );
  return rows[0] ?? null;
}

/** The unit's ancestors from the top, read from its materialised path '/1/57/1234/'. */
export async function ancestorsOf(db: Queryable, unit: Pick<Unit, "id" | "path">): Promise<Crumb[]> {
  const ids = unit.path
    .split("/")
    .filter((s) => /^\d+$/.test(s))
    .map(Number)
    .filter((id) => id !== unit.id);
  if (ids.length === 0) return [];
  const { rows } = await db.query<Crumb>("SELECT id, full_name FROM units WHERE id = ANY($1::bigint[])", [
    ids,
  ]);
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/**
 * What hangs under a unit: a province's current communes, a district's former communes, a commune's villages.
 * Retired children are included (shown with a tag) after the others.
 */
export async function childrenOf(db: Queryable, unit: Pick<Unit, "id" | "level">): Promise<ChildUnit[]> {
  const childLevel = unit.level === "commune" ? "village" : "commune";
  const current = unit.level === "province" ? "AND u.valid_to IS NULL" : "";
  const order = childLevel === "village" ? "u.code, u.id" : "u.norm, u.id";
  const { rows } = await db.query<ChildUnit>(
    `SELECT ${UNIT_COLUMNS}, u.head_name, u.head_phone,
            (SELECT count(*)::int FROM units v
              WHERE v.parent_id = u.id AND v.level = 'village' AND v.retired_at IS NULL) AS villages
       FROM units u
      WHERE u.parent_id = $1 AND u.level = $2 ${current}
      ORDER BY u.retired_at IS NOT NULL, ${order}`,
    [unit.id, childLevel],
  );
  return rows;
}

/** The former communes a current commune was formed from (with whole or part of their area). */
export async function formedFrom(db: Queryable, unitId: number): Promise<LineageLink[]> {
  const { rows } = await db.query<LineageLink>(
    `SELECT o.id, o.full_name, o.code, l.merge_type, d.full_name AS district_name, o.retired_at
       FROM unit_lineage l
       JOIN units o ON o.id = l.old_unit_id
       LEFT JOIN units d ON d.id = o.parent_id AND d.level = 'district'
      WHERE l.new_unit_id = $1
      ORDER BY d.norm NULLS FIRST, o.norm, o.id`,
    [unitId],
  );
  return rows;
}

/** The current communes a former commune's area now belongs to. */
export async function successorsOf(db: Queryable, unitId: number): Promise<LineageLink[]> {
  const { rows } = await db.query<LineageLink>(
    `SELECT n.id, n.full_name, n.code, l.merge_type, NULL AS district_name, n.retired_at
       FROM unit_lineage l
       JOIN units n ON n.id = l.new_unit_id
      WHERE l.old_unit_id = $1
      ORDER BY n.norm, n.id`,
    [unitId],
  );
  return rows;
}
