import { type CommandContext, runCommand } from "../../../platform/commands.ts";
import { REORGANISATION_DATE } from "../data/officialUnits.ts";
import type { VillageType } from "../data/villageTypes.ts";
import { refreshPaths } from "./importOfficialUnits.ts";

export type VillageInput = {
  code: string;
  communeCode: string;
  name: string;
  type: VillageType;
  headName: string | null;
  headPhone: string | null;
};

const TYPE_PREFIX: Record<VillageType, string> = {
  thon: "Thôn",
  ban: "Bản",
  khu_pho: "Khu phố",
  to_dan_pho: "Tổ dân phố",
};

/** The name as people say it: "Thôn Khe Tâm", not "Khe Tâm", unless the file already says so. */
export function villageFullName(name: string, type: VillageType): string {
  const prefix = TYPE_PREFIX[type];
  return name.toLowerCase().startsWith(prefix.toLowerCase()) || /^(thôn|bản|khu|tổ)\s/i.test(name)
    ? name
    : `${prefix} ${name}`;
}

/**
 * Inserts or updates villages, all in one transaction: the rows were validated beforehand and either all
 * land or none does. Keyed on the village code; a re-import updates names and heads in place.
 */
export async function importVillages(
  ctx: CommandContext,
  villages: VillageInput[],
  source: string,
): Promise<{ count: number }> {
  return runCommand(ctx, "units.import_villages", async (client) => {
    let count = 0;
    for (let i = 0; i < villages.length; i += 2000) {
      const batch = villages.slice(i, i + 2000).map((v) => ({
        code: v.code,
        commune_code: v.communeCode,
        name: villageFullName(v.name, v.type),
        type: v.type,
        head_name: v.headName,
        head_phone: v.headPhone,
      }));
      const r = await client.query(
        `INSERT INTO units (level, code, name, full_name, type, parent_id, path, province_code, valid_from, head_name, head_phone)
         SELECT 'village', x.code, x.name, x.name, x.type, c.id, '', c.province_code, $2::date, x.head_name, x.head_phone
           FROM jsonb_to_recordset($1::jsonb) AS x(code text, commune_code text, name text, type text, head_name text, head_phone text)
           JOIN units c ON c.level = 'commune' AND c.code = x.commune_code AND c.valid_to IS NULL
         ON CONFLICT ON CONSTRAINT units_level_code_from DO UPDATE SET
           name = EXCLUDED.name, full_name = EXCLUDED.full_name, type = EXCLUDED.type, parent_id = EXCLUDED.parent_id,
           head_name = EXCLUDED.head_name, head_phone = EXCLUDED.head_phone, retired_at = NULL`,
        [JSON.stringify(batch), REORGANISATION_DATE],
      );
      count += r.rowCount ?? 0;
    }
    await refreshPaths(client);
    // The head's phone is personal data: the audit keeps the count and the source, not the rows.
    return { result: { count }, subjectType: "units", subjectId: "villages", after: { count, source } };
  });
}
