import { type CommandContext, runCommand } from "../../../platform/commands.ts";
import type { Category } from "../../units/data/officialUnits.ts";

/** Loads the proposed category list; admins edit names and retire categories afterwards. */
export async function importCategories(
  ctx: CommandContext,
  categories: readonly Category[],
): Promise<number> {
  return runCommand(ctx, "petitions.import_categories", async (client) => {
    const r = await client.query(
      `INSERT INTO categories (code, name_vi, name_en, examples_vi, usual_level, sort)
       SELECT x.code, x.name_vi, x.name_en, x.examples_vi, x.usual_level, x.sort
         FROM jsonb_to_recordset($1::jsonb) AS x(code text, name_vi text, name_en text, examples_vi text, usual_level text, sort int)
       ON CONFLICT (code) DO NOTHING`,
      [
        JSON.stringify(
          categories.map((c, i) => ({
            code: c.code,
            name_vi: c.nameVi,
            name_en: c.nameEn,
            examples_vi: c.examplesVi,
            usual_level: c.usualLevel,
            sort: i,
          })),
        ),
      ],
    );
    return {
      result: r.rowCount ?? 0,
      subjectType: "categories",
      subjectId: null,
      after: { count: r.rowCount },
    };
  });
}
