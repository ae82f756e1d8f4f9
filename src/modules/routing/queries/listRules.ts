import type { Queryable } from "../../../platform/db/database.ts";

export type RuleRow = {
  id: number;
  category_code: string | null;
  category_vi: string | null;
  category_en: string | null;
  unit_id: number | null;
  unit_name: string | null;
  unit_level: string | null;
  unit_code: string | null;
  level: string;
  agency_id: number;
  agency_name: string;
  active: boolean;
  created_at: Date;
};

export type RuleFilters = {
  /** a category code, or "any" for rules that apply to every category */
  category?: string;
  agencyId?: number;
  level?: string;
  /** "1" active only (the default), "0" inactive only, "all" */
  active?: "1" | "0" | "all";
};

/** The routing table, filtered: active rules first, by category order, level and unit depth. */
export async function listRules(db: Queryable, f: RuleFilters): Promise<RuleRow[]> {
  const params: unknown[] = [];
  const where: string[] = [];
  const add = (sql: string, v: unknown) => {
    params.push(v);
    where.push(sql.replace("?", `$${params.length}`));
  };
  if (f.category === "any") where.push("r.category_code IS NULL");
  else if (f.category) add("r.category_code = ?", f.category);
  if (f.agencyId) add("r.agency_id = ?", f.agencyId);
  if (f.level) add("r.level = ?", f.level);
  if (f.active === "1" || f.active === undefined) where.push("r.active");
  else if (f.active === "0") where.push("NOT r.active");
  const { rows } = await db.query<RuleRow>(
    `SELECT r.id, r.category_code, c.name_vi AS category_vi, c.name_en AS category_en, r.unit_id, CASE WHEN u.level = 'province' THEN u.name ELSE u.full_name END AS unit_name,
            u.level AS unit_level, u.code AS unit_code, r.level, r.agency_id, a.name AS agency_name, r.active, r.created_at
       FROM routing_rules r
       LEFT JOIN categories c ON c.code = r.category_code
       LEFT JOIN units u ON u.id = r.unit_id
       JOIN agencies a ON a.id = r.agency_id
      ${where.length ? `WHERE ${where.join(" AND ")}` : ""}
      ORDER BY r.active DESC, c.sort NULLS FIRST, r.category_code NULLS FIRST, r.level, u.path NULLS FIRST, r.id
      LIMIT 2000`,
    params,
  );
  return rows;
}

export type VillageRef = { id: number; path: string; name: string; commune_name: string | null };

/** A village in use by its code ("06862-001"), for the rule tester. */
export async function findVillageByCode(db: Queryable, code: string): Promise<VillageRef | null> {
  const { rows } = await db.query<VillageRef>(
    `SELECT v.id, v.path, v.name, c.name AS commune_name FROM units v LEFT JOIN units c ON c.id = v.parent_id
      WHERE v.code = $1 AND v.level = 'village' AND v.retired_at IS NULL LIMIT 1`,
    [code],
  );
  return rows[0] ?? null;
}

/** A unit a rule may apply to, by its code: a current commune or the province, or a village. */
export async function findRuleUnitByCode(
  db: Queryable,
  code: string,
): Promise<{ id: number; name: string; level: string } | null> {
  const { rows } = await db.query<{ id: number; name: string; level: string }>(
    `SELECT id, name, level FROM units
      WHERE code = $1 AND retired_at IS NULL AND valid_to IS NULL AND level IN ('province', 'commune', 'village')
      ORDER BY CASE level WHEN 'village' THEN 0 WHEN 'commune' THEN 1 ELSE 2 END LIMIT 1`,
    [code],
  );
  return rows[0] ?? null;
}

export type CategoryRow = {
  code: string;
  name_vi: string;
  name_en: string;
  examples_vi: string | null;
  usual_level: string | null;
  sort: number;
  active: boolean;
  rules: number;
};

/** Every category, retired ones too, in the admins' order, with how many rules name it. */
export async function listCategories(db: Queryable): Promise<CategoryRow[]> {
  const { rows } = await db.query<CategoryRow>(
    `SELECT c.code, c.name_vi, c.name_en, c.examples_vi, c.usual_level, c.sort, c.active,
            (SELECT count(*) FROM routing_rules r WHERE r.category_code = c.code AND r.active)::int AS rules
       FROM categories c ORDER BY c.sort, c.code`,
  );
  return rows;
}

export async function findCategory(db: Queryable, code: string): Promise<CategoryRow | null> {
  const { rows } = await db.query<CategoryRow>(
    `SELECT c.code, c.name_vi, c.name_en, c.examples_vi, c.usual_level, c.sort, c.active,
            (SELECT count(*) FROM routing_rules r WHERE r.category_code = c.code AND r.active)::int AS rules
       FROM categories c WHERE c.code = $1`,
    [code],
  );
  return rows[0] ?? null;
}
