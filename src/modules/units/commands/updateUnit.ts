import { type CommandContext, CommandError, runCommand } from "../../../platform/commands.ts";
import { storedNames, type UnitLevel } from "../naming.ts";
import { checkUnitInput, type UnitInput } from "../unitRules.ts";
import { invalid, mapCodeTaken } from "./unitErrors.ts";

type Row = {
  id: number;
  level: UnitLevel;
  code: string;
  name: string;
  full_name: string;
  type: string;
  valid_from: string | null;
  valid_to: string | null;
  head_name: string | null;
  head_phone: string | null;
};

const snapshot = (r: Pick<Row, "code" | "name" | "full_name" | "type" | "head_name" | "head_phone">) => ({
  code: r.code,
  name: r.name,
  fullName: r.full_name,
  type: r.type,
  headName: r.head_name,
  headPhoneSet: r.head_phone !== null,
});

/** Changes a unit's name, type, code and (for a village) its head; audited with before and after. */
export async function updateUnit(ctx: CommandContext, id: number, input: UnitInput): Promise<void> {
  await mapCodeTaken(() =>
    runCommand(ctx, "units.update", async (client) => {
      const { rows } = await client.query<Row>(
        `SELECT id, level, code, name, full_name, type, to_char(valid_from, 'YYYY-MM-DD') AS valid_from,
                to_char(valid_to, 'YYYY-MM-DD') AS valid_to, head_name, head_phone
           FROM units WHERE id = $1 FOR UPDATE`,
        [id],
      );
      const unit = rows[0];
      if (!unit) throw new CommandError("units.error.notFound", 404);
      const checked = checkUnitInput(unit.level, unit.valid_to === null, input, unit.type);
      if (!checked.ok) throw invalid(checked.errors);
      const data = checked.data;
      const code = data.code ?? unit.code;
      const taken = await client.query(
        "SELECT 1 FROM units WHERE level = $1 AND code = $2 AND valid_from IS NOT DISTINCT FROM $3 AND id <> $4",
        [unit.level, code, unit.valid_from, unit.id],
      );
      if ((taken.rowCount ?? 0) > 0) throw new CommandError("units.error.codeTaken", 409, "code");
      const names = storedNames(unit.level, data.type, data.name);
      const after = {
        code,
        name: names.name,
        full_name: names.fullName,
        type: data.type,
        head_name: data.headName,
        head_phone: data.headPhone,
      };
      await client.query(
        `UPDATE units SET code = $2, name = $3, full_name = $4, type = $5, head_name = $6, head_phone = $7
          WHERE id = $1`,
        [unit.id, after.code, after.name, after.full_name, after.type, after.head_name, after.head_phone],
      );
      return {
        result: undefined,
        subjectType: "unit",
        subjectId: unit.id,
        before: snapshot(unit),
        after: { ...snapshot(after), headPhoneChanged: unit.head_phone !== after.head_phone },
      };
    }),
  );
}
