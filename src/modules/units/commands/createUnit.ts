import { type CommandContext, CommandError, runCommand } from "../../../platform/commands.ts";
import type { Queryable } from "../../../platform/db/database.ts";
import { REORGANISATION_DATE } from "../data/officialUnits.ts";
import { villageCode } from "../data/villageTypes.ts";
import { storedNames } from "../naming.ts";
import { checkUnitInput, type UnitInput } from "../unitRules.ts";
import { invalid, mapCodeTaken } from "./unitErrors.ts";

type Parent = {
  id: number;
  level: string;
  code: string;
  path: string;
  province_code: string | null;
  valid_to: string | null;
  retired_at: Date | null;
};

/** A village goes under a current commune in use, a commune under a current province. */
export function childLevelOf(
  parent: Pick<Parent, "level" | "valid_to" | "retired_at">,
): "village" | "commune" | null {
  if (parent.valid_to !== null || parent.retired_at !== null) return null;
  if (parent.level === "commune") return "village";
  if (parent.level === "province") return "commune";
  return null;
}

/** The next free `${communeCode}-nnn` of a commune: one more than the highest number in use. */
export async function nextVillageCode(db: Queryable, parent: Pick<Parent, "id" | "code">): Promise<string> {
  const { rows } = await db.query<{ code: string }>(
    "SELECT code FROM units WHERE level = 'village' AND parent_id = $1",
    [parent.id],
  );
  const taken = new Set(rows.map((r) => r.code));
  let seq = 0;
  for (const r of rows) {
    if (!r.code.startsWith(`${parent.code}-`)) continue;
    const n = Number(r.code.slice(parent.code.length + 1));
    if (Number.isInteger(n)) seq = Math.max(seq, n);
  }
  let code = villageCode(parent.code, seq + 1);
  while (taken.has(code)) code = villageCode(parent.code, ++seq + 1);
  return code;
}

/**
 * Adds a village under a commune (its code `${communeCode}-nnn` when none is given) or a commune under the
 * province. The parent row is locked so two admins adding villages at once get different codes.
 */
export async function createUnit(
  ctx: CommandContext,
  parentId: number,
  input: UnitInput,
): Promise<{ id: number }> {
  return mapCodeTaken(() =>
    runCommand(ctx, "units.create", async (client) => {
      const { rows } = await client.query<Parent>(
        `SELECT id, level, code, path, province_code, to_char(valid_to, 'YYYY-MM-DD') AS valid_to, retired_at
           FROM units WHERE id = $1 FOR UPDATE`,
        [parentId],
      );
      const parent = rows[0];
      const level = parent ? childLevelOf(parent) : null;
      if (!parent || !level) throw new CommandError("units.error.parentInvalid", 422);
      const checked = checkUnitInput(level, true, input);
      if (!checked.ok) throw invalid(checked.errors);
      const data = checked.data;
      const code = data.code ?? (level === "village" ? await nextVillageCode(client, parent) : null);
      if (!code) throw new CommandError("units.error.codeRequired", 422, "code");
      const taken = await client.query(
        "SELECT 1 FROM units WHERE level = $1 AND code = $2 AND valid_from = $3",
        [level, code, REORGANISATION_DATE],
      );
      if ((taken.rowCount ?? 0) > 0) throw new CommandError("units.error.codeTaken", 409, "code");
      const names = storedNames(level, data.type, data.name);
      const inserted = await client.query<{ id: number }>(
        `INSERT INTO units (level, code, name, full_name, type, parent_id, path, province_code, valid_from, head_name, head_phone)
         VALUES ($1, $2, $3, $4, $5, $6, '', $7, $8, $9, $10) RETURNING id`,
        [
          level,
          code,
          names.name,
          names.fullName,
          data.type,
          parent.id,
          parent.province_code,
          REORGANISATION_DATE,
          data.headName,
          data.headPhone,
        ],
      );
      const id = inserted.rows[0]?.id;
      if (id === undefined) throw new Error("insert returned no id");
      await client.query("UPDATE units SET path = $2 || id || '/' WHERE id = $1", [id, parent.path]);
      return {
        result: { id },
        subjectType: "unit",
        subjectId: id,
        // The head's phone is personal data: the audit says whether one was set, not the number.
        after: {
          level,
          code,
          name: names.name,
          fullName: names.fullName,
          type: data.type,
          parentId: parent.id,
          headName: data.headName,
          headPhoneSet: data.headPhone !== null,
        },
      };
    }),
  );
}
