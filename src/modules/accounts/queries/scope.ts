import type { Queryable } from "../../../platform/db/database.ts";

export type UnitLevel = "province" | "district" | "commune" | "village";

export type AreaOption = { id: number; level: UnitLevel; fullName: string; path: string };

export type AgencyOption = { id: number; name: string; kind: string };

export type UnitRef = {
  id: number;
  level: UnitLevel;
  fullName: string;
  path: string;
  parentName: string | null;
};

export type VillageCandidate = {
  id: number;
  code: string;
  fullName: string;
  communeName: string;
  path: string;
  exact: boolean;
};

/** Subtree prefixes as LIKE patterns that match strictly below ('/1/20/' → '/1/20/_%'). */
const strictlyBelow = (paths: readonly string[]) => paths.map((p) => `${p}_%`);

/**
 * The province itself and its current communes, for the area select. With `within` (a commune officer's
 * subtrees) only those communes.
 */
export async function listAreas(
  db: Queryable,
  provinceCode: string,
  within: readonly string[] | null,
): Promise<AreaOption[]> {
  const { rows } = await db.query<{ id: number; level: UnitLevel; full_name: string; path: string }>(
    `SELECT id, level, full_name, path FROM units
      WHERE province_code = $1::text AND retired_at IS NULL AND valid_to IS NULL
        AND (level = 'commune' OR (level = 'province' AND $2::text[] IS NULL))
        AND ($2::text[] IS NULL OR path = ANY($2::text[]))
      ORDER BY level = 'province' DESC, norm, id`,
    [provinceCode, within],
  );
  return rows.map((r) => ({ id: r.id, level: r.level, fullName: r.full_name, path: r.path }));
}

export async function listAgencies(db: Queryable): Promise<AgencyOption[]> {
  const { rows } = await db.query<{ id: number; name: string; kind: string }>(
    `SELECT id, name, kind FROM agencies WHERE retired_at IS NULL
      ORDER BY array_position(ARRAY['department','commune_committee','vertical','central','other']::text[], kind), norm, id`,
  );
  return rows;
}

/** A current unit of the province by id, with its parent's name (for "Thôn Khe Tâm, Xã Ba Chẽ"). */
export async function findArea(
  db: Queryable,
  id: number,
  provinceCode: string,
  within: readonly string[] | null,
): Promise<UnitRef | null> {
  const { rows } = await db.query<{
    id: number;
    level: UnitLevel;
    full_name: string;
    path: string;
    parent_name: string | null;
  }>(
    `SELECT u.id, u.level, u.full_name, u.path, p.full_name AS parent_name
       FROM units u LEFT JOIN units p ON p.id = u.parent_id
      WHERE u.id = $1 AND u.province_code = $2::text AND u.retired_at IS NULL AND u.valid_to IS NULL
        AND ($3::text[] IS NULL OR u.path LIKE ANY($3::text[]) OR u.path = ANY($4::text[]))`,
    [id, provinceCode, within ? strictlyBelow(within) : null, within ?? []],
  );
  const r = rows[0];
  return r
    ? { id: r.id, level: r.level, fullName: r.full_name, path: r.path, parentName: r.parent_name }
    : null;
}

/**
 * Villages of the province whose name (without diacritics) contains the text, or whose code is the text; within one
 * commune when given and within a commune officer's subtrees. `exact` marks a whole-name or code match.
 */
export async function searchVillages(
  db: Queryable,
  input: {
    text: string;
    communeId: number | null;
    provinceCode: string;
    within: readonly string[] | null;
    limit: number;
    /** Only this village, if it matches: confirms a choice made on the previous round. */
    onlyId?: number;
  },
): Promise<VillageCandidate[]> {
  const { rows } = await db.query<{
    id: number;
    code: string;
    full_name: string;
    commune_name: string;
    path: string;
    exact: boolean;
  }>(
    `WITH q AS (SELECT caunoi_norm($1::text) AS n, lower(btrim($1::text)) AS code)
     SELECT v.id, v.code, v.full_name, c.full_name AS commune_name, v.path,
            (lower(v.code) = q.code OR regexp_replace(v.norm, '^(thon|ban|khu pho|to dan pho|khu|to) ', '')
                                         = regexp_replace(q.n, '^(thon|ban|khu pho|to dan pho|khu|to) ', '')) AS exact
       FROM units v JOIN units c ON c.id = v.parent_id, q
      WHERE v.level = 'village' AND v.retired_at IS NULL AND v.province_code = $2::text
        AND q.n <> ''
        AND (lower(v.code) = q.code OR v.norm LIKE '%' || q.n || '%')
        AND ($3::bigint IS NULL OR v.parent_id = $3::bigint)
        AND ($4::text[] IS NULL OR v.path LIKE ANY($4::text[]))
        AND ($6::bigint IS NULL OR v.id = $6::bigint)
      ORDER BY exact DESC, v.norm, v.id
      LIMIT $5`,
    [
      input.text,
      input.provinceCode,
      input.communeId,
      input.within ? strictlyBelow(input.within) : null,
      input.limit,
      input.onlyId ?? null,
    ],
  );
  return rows.map((r) => ({
    id: r.id,
    code: r.code,
    fullName: r.full_name,
    communeName: r.commune_name,
    path: r.path,
    exact: r.exact,
  }));
}
