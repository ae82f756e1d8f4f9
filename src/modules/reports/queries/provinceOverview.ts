import type { Queryable } from "../../../platform/db/database.ts";

export type ProvinceOverview = {
  provinceName: string;
  communesByType: { type: string; n: number }[];
  villagesByType: { type: string; n: number }[];
  villagesWithHead: number;
  oldCommunes: number;
  agenciesByKind: { kind: string; n: number }[];
  accountsByRole: { role: string; n: number }[];
  villagesPerCommune: { id: number; name: string; n: number }[];
};

/** One round trip: the overview is opened before every meeting and must stay fast. */
export async function provinceOverview(
  db: Queryable,
  provinceCode: string,
): Promise<ProvinceOverview | null> {
  const { rows } = await db.query<{ data: ProvinceOverview | null }>(
    `WITH p AS (SELECT id, name, path FROM units WHERE level = 'province' AND code = $1 AND valid_to IS NULL),
     sub AS (SELECT u.* FROM units u, p WHERE u.path LIKE p.path || '%' AND u.retired_at IS NULL)
     SELECT json_build_object(
       'provinceName', (SELECT name FROM p),
       'communesByType', COALESCE((SELECT json_agg(x ORDER BY x.n DESC) FROM (SELECT type, count(*)::int n FROM sub WHERE level = 'commune' AND valid_to IS NULL GROUP BY type) x), '[]'),
       'villagesByType', COALESCE((SELECT json_agg(x ORDER BY x.n DESC) FROM (SELECT type, count(*)::int n FROM sub WHERE level = 'village' GROUP BY type) x), '[]'),
       'villagesWithHead', (SELECT count(*)::int FROM sub WHERE level = 'village' AND head_name IS NOT NULL),
       'oldCommunes', (SELECT count(*)::int FROM sub WHERE level = 'commune' AND valid_to IS NOT NULL),
       'agenciesByKind', COALESCE((SELECT json_agg(x ORDER BY x.n DESC) FROM (SELECT kind, count(*)::int n FROM agencies WHERE retired_at IS NULL GROUP BY kind) x), '[]'),
       'accountsByRole', COALESCE((SELECT json_agg(x ORDER BY x.n DESC) FROM (SELECT g.role, count(DISTINCT g.user_id)::int n FROM role_grants g JOIN users u ON u.id = g.user_id AND u.active GROUP BY g.role) x), '[]'),
       'villagesPerCommune', COALESCE((SELECT json_agg(x ORDER BY x.n DESC, x.name) FROM (
           SELECT c.id, c.name, count(v.id)::int n FROM sub c LEFT JOIN sub v ON v.parent_id = c.id AND v.level = 'village'
            WHERE c.level = 'commune' AND c.valid_to IS NULL GROUP BY c.id, c.name) x), '[]')
     ) AS data
     WHERE EXISTS (SELECT 1 FROM p)`,
    [provinceCode],
  );
  return rows[0]?.data ?? null;
}
