import { type CommandContext, runCommand } from "../../../platform/commands.ts";
import type { AgencySeed } from "../../units/data/agenciesCatalog.ts";

/** Upserts agencies by code; the unit each serves is found by its official code among current units. */
export async function importAgencies(
  ctx: CommandContext,
  agencies: readonly AgencySeed[],
): Promise<{ count: number }> {
  return runCommand(ctx, "agencies.import", async (client) => {
    const r = await client.query(
      `INSERT INTO agencies (code, name, name_en, kind, unit_id)
       SELECT x.code, x.name_vi, x.name_en, x.kind, u.id
         FROM jsonb_to_recordset($1::jsonb) AS x(code text, name_vi text, name_en text, kind text, unit_code text)
         LEFT JOIN units u ON u.code = x.unit_code AND u.level IN ('province', 'commune') AND u.valid_to IS NULL
       ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, name_en = EXCLUDED.name_en, kind = EXCLUDED.kind,
         unit_id = EXCLUDED.unit_id`,
      [
        JSON.stringify(
          agencies.map((a) => ({
            code: a.code,
            name_vi: a.nameVi,
            name_en: a.nameEn,
            kind: a.kind,
            unit_code: a.unitCode,
          })),
        ),
      ],
    );
    const count = r.rowCount ?? 0;
    return { result: { count }, subjectType: "agencies", subjectId: null, after: { count } };
  });
}
