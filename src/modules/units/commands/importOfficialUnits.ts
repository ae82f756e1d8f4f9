import type pg from "pg";
import { type CommandContext, runCommand } from "../../../platform/commands.ts";
import { loadOfficialUnits, REORGANISATION_DATE } from "../data/officialUnits.ts";

type UnitRow = {
  level: "province" | "district" | "commune";
  code: string;
  name: string;
  full_name: string;
  type: string;
  parent_level: string | null;
  parent_code: string | null;
  parent_valid_from: string | null;
  province_code: string | null;
  valid_from: string | null;
  valid_to: string | null;
};

/**
 * Upserts a batch of units whose parents already exist, then fixes their materialised paths.
 * One statement per batch: 3,321 communes take one round trip, not 3,321.
 */
async function upsertUnits(client: pg.PoolClient, rows: UnitRow[]): Promise<number> {
  if (rows.length === 0) return 0;
  const res = await client.query(
    `WITH input AS (
       SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(level text, code text, name text, full_name text, type text,
         parent_level text, parent_code text, parent_valid_from date, province_code text, valid_from date, valid_to date)
     )
     INSERT INTO units (level, code, name, full_name, type, parent_id, path, province_code, valid_from, valid_to)
     SELECT i.level, i.code, i.name, i.full_name, i.type, p.id, '', i.province_code, i.valid_from, i.valid_to
       FROM input i
       LEFT JOIN units p ON p.level = i.parent_level AND p.code = i.parent_code
                        AND p.valid_from IS NOT DISTINCT FROM i.parent_valid_from
     ON CONFLICT ON CONSTRAINT units_level_code_from DO UPDATE SET
       name = EXCLUDED.name, full_name = EXCLUDED.full_name, type = EXCLUDED.type, parent_id = EXCLUDED.parent_id,
       province_code = EXCLUDED.province_code, valid_to = EXCLUDED.valid_to`,
    [JSON.stringify(rows)],
  );
  return res.rowCount ?? 0;
}

/** Recomputes '/ancestor/…/self/' paths top-down; cheap enough to run after every import. */
export async function refreshPaths(client: pg.PoolClient): Promise<void> {
  await client.query(
    `UPDATE units SET path = '/' || id || '/' WHERE parent_id IS NULL AND path <> '/' || id || '/'`,
  );
  for (let depth = 0; depth < 6; depth++) {
    const r = await client.query(
      `UPDATE units c SET path = p.path || c.id || '/'
         FROM units p WHERE c.parent_id = p.id AND c.path <> p.path || c.id || '/'`,
    );
    if ((r.rowCount ?? 0) === 0) break;
  }
}

export type OfficialImportSummary = {
  provinces: number;
  communes: number;
  oldDistricts: number;
  oldCommunes: number;
  lineage: number;
};

/**
 * Loads the official units (34 provinces, 3,321 communes of 2026) and the deployment province's pre-2025
 * districts and communes with their old→new lineage. Idempotent: running it again updates names in place.
 */
export async function importOfficialUnits(
  ctx: CommandContext,
  dir: string,
  provinceCode: string,
): Promise<OfficialImportSummary> {
  const data = loadOfficialUnits(dir, provinceCode);
  const current = { valid_from: REORGANISATION_DATE, valid_to: null };
  const ended = { valid_from: null, valid_to: REORGANISATION_DATE };
  return runCommand(ctx, "units.import_official", async (client) => {
    const provinces = await upsertUnits(
      client,
      data.provinces.map((p) => ({
        level: "province",
        code: p.code,
        name: p.name,
        full_name: p.fullName,
        type: p.type,
        parent_level: null,
        parent_code: null,
        parent_valid_from: null,
        province_code: p.code,
        ...current,
      })),
    );
    const communes = await upsertUnits(
      client,
      data.communes.map((c) => ({
        level: "commune",
        code: c.code,
        name: c.name,
        full_name: c.fullName,
        type: c.type,
        parent_level: "province",
        parent_code: c.provinceCode,
        parent_valid_from: REORGANISATION_DATE,
        province_code: c.provinceCode,
        ...current,
      })),
    );
    // Pre-2025 districts hang under today's province so its subtree still counts their history.
    const oldDistricts = await upsertUnits(
      client,
      data.oldDistricts.map((d) => ({
        level: "district",
        code: d.code,
        name: d.name,
        full_name: d.fullName,
        type: d.type,
        parent_level: "province",
        parent_code: data.provinceCode,
        parent_valid_from: REORGANISATION_DATE,
        province_code: data.provinceCode,
        ...ended,
      })),
    );
    const oldCommunes = await upsertUnits(
      client,
      data.oldCommunes.map((c) => ({
        level: "commune",
        code: c.code,
        name: c.name,
        full_name: c.fullName,
        type: c.type,
        parent_level: c.districtCode ? "district" : "province",
        parent_code: c.districtCode ?? data.provinceCode,
        parent_valid_from: c.districtCode ? null : REORGANISATION_DATE,
        province_code: data.provinceCode,
        ...ended,
      })),
    );
    const lineage = await client.query(
      `INSERT INTO unit_lineage (old_unit_id, new_unit_id, merge_type, effective_on)
       SELECT o.id, n.id, x.merge_type, $2::date
         FROM jsonb_to_recordset($1::jsonb) AS x(old_code text, new_code text, merge_type text)
         JOIN units o ON o.level = 'commune' AND o.code = x.old_code AND o.valid_from IS NULL
         JOIN units n ON n.level = 'commune' AND n.code = x.new_code AND n.valid_from = $2::date
       ON CONFLICT (old_unit_id, new_unit_id) DO UPDATE SET merge_type = EXCLUDED.merge_type`,
      [
        JSON.stringify(
          data.lineage.map((l) => ({ old_code: l.oldCode, new_code: l.newCode, merge_type: l.mergeType })),
        ),
        REORGANISATION_DATE,
      ],
    );
    await refreshPaths(client);
    const summary = { provinces, communes, oldDistricts, oldCommunes, lineage: lineage.rowCount ?? 0 };
    return { result: summary, subjectType: "units", subjectId: provinceCode, after: summary };
  });
}
