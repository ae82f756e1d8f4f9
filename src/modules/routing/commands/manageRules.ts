import { type CommandContext, CommandError, runCommand } from "../../../platform/commands.ts";

export type RuleInput = {
  categoryCode: string | null;
  unitId: number | null;
  level: "commune" | "province";
  agencyId: number;
};

export async function createRule(ctx: CommandContext, r: RuleInput): Promise<number> {
  return runCommand(ctx, "routing.rule_create", async (client) => {
    const a = await client.query("SELECT 1 FROM agencies WHERE id = $1 AND retired_at IS NULL", [r.agencyId]);
    if (a.rowCount === 0) throw new CommandError("petitions.error.agencyUnknown", 422, "agencyId");
    if (r.categoryCode) {
      const c = await client.query("SELECT 1 FROM categories WHERE code = $1", [r.categoryCode]);
      if (c.rowCount === 0) throw new CommandError("petitions.error.categoryUnknown", 422, "categoryCode");
    }
    const { rows } = await client.query<{ id: number }>(
      "INSERT INTO routing_rules (category_code, unit_id, level, agency_id) VALUES ($1, $2, $3, $4) RETURNING id",
      [r.categoryCode, r.unitId, r.level, r.agencyId],
    );
    const id = rows[0]?.id ?? 0;
    return { result: id, subjectType: "routing_rule", subjectId: id, after: r };
  });
}

export async function deactivateRule(ctx: CommandContext, id: number): Promise<void> {
  await runCommand(ctx, "routing.rule_deactivate", async (client) => {
    const r = await client.query(
      "UPDATE routing_rules SET active = false WHERE id = $1 AND active RETURNING id",
      [id],
    );
    if (r.rowCount === 0) throw new CommandError("petitions.error.notFound", 404);
    return { result: undefined, subjectType: "routing_rule", subjectId: id };
  });
}

/**
 * Starting rules from the category list's "usual handler": at province level each category goes to its
 * department; at commune level everything goes to that commune's People's Committee; anything else to the
 * provincial People's Committee office. Admins refine them afterwards.
 */
export async function seedDefaultRules(
  ctx: CommandContext,
  input: {
    provinceCode: string;
    categoryAgencies: { categoryCode: string; agencyCode: string }[];
    fallbackAgencyCode: string;
  },
): Promise<number> {
  return runCommand(ctx, "routing.seed_defaults", async (client) => {
    const existing = await client.query("SELECT 1 FROM routing_rules LIMIT 1");
    if ((existing.rowCount ?? 0) > 0) return { result: 0, subjectType: "routing_rule", subjectId: null };
    const province = await client.query<{ id: number }>(
      "SELECT id FROM units WHERE level = 'province' AND code = $1 AND valid_to IS NULL",
      [input.provinceCode],
    );
    const provinceId = province.rows[0]?.id ?? null;
    let n = 0;
    const r1 = await client.query(
      `INSERT INTO routing_rules (category_code, unit_id, level, agency_id)
       SELECT x.category_code, $2::bigint, 'province', a.id
         FROM jsonb_to_recordset($1::jsonb) AS x(category_code text, agency_code text)
         JOIN agencies a ON a.code = x.agency_code JOIN categories c ON c.code = x.category_code`,
      [
        JSON.stringify(
          input.categoryAgencies.map((c) => ({ category_code: c.categoryCode, agency_code: c.agencyCode })),
        ),
        provinceId,
      ],
    );
    n += r1.rowCount ?? 0;
    const r2 = await client.query(
      `INSERT INTO routing_rules (category_code, unit_id, level, agency_id)
       SELECT NULL, a.unit_id, 'commune', a.id FROM agencies a JOIN units u ON u.id = a.unit_id
        WHERE a.kind = 'commune_committee' AND u.province_code = $1`,
      [input.provinceCode],
    );
    n += r2.rowCount ?? 0;
    const r3 = await client.query(
      `INSERT INTO routing_rules (category_code, unit_id, level, agency_id)
       SELECT NULL, $2::bigint, 'province', a.id FROM agencies a WHERE a.code = $1`,
      [input.fallbackAgencyCode, provinceId],
    );
    n += r3.rowCount ?? 0;
    return { result: n, subjectType: "routing_rule", subjectId: null, after: { rules: n } };
  });
}
