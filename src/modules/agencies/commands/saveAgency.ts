import type pg from "pg";
import { type CommandContext, CommandError, runCommand } from "../../../platform/commands.ts";
import { findCurrentUnitByCode, isUnitChoice } from "../../units/queries/choices.ts";
import { type AgencyInput, type CleanAgencyInput, checkAgencyInput } from "../agencyRules.ts";

type Row = {
  id: number;
  code: string;
  name: string;
  name_en: string | null;
  kind: string;
  unit_id: number | null;
  email: string | null;
};

function isUniqueViolation(err: unknown): boolean {
  return (
    typeof err === "object" && err !== null && "code" in err && (err as { code: unknown }).code === "23505"
  );
}

/** A unique-constraint race on the code is a field error, never a 500. */
async function mapCodeTaken<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    if (isUniqueViolation(err)) throw new CommandError("agencies.error.codeTaken", 409, "code");
    throw err;
  }
}

function validated(input: AgencyInput): CleanAgencyInput {
  const checked = checkAgencyInput(input);
  if (!checked.ok) {
    const [field, key] = Object.entries(checked.errors)[0] ?? ["_form", "form.invalid"];
    throw new CommandError(key, 422, field);
  }
  return checked.data;
}

/** The unit served: a typed official code wins over the picker; an agency may keep the unit it already has. */
async function resolveUnit(
  client: pg.PoolClient,
  data: CleanAgencyInput,
  keep: number | null,
): Promise<number | null> {
  if (data.unitCode) {
    const unit = await findCurrentUnitByCode(client, data.unitCode);
    if (!unit) throw new CommandError("agencies.error.unitUnknown", 422, "unitCode");
    return unit.id;
  }
  if (data.unitId === null) return null;
  if (data.unitId === keep) return keep;
  if (!(await isUnitChoice(client, data.unitId)))
    throw new CommandError("agencies.error.unitInvalid", 422, "unitId");
  return data.unitId;
}

async function assertCodeFree(client: pg.PoolClient, code: string, exceptId: number | null): Promise<void> {
  const r = await client.query(
    "SELECT 1 FROM agencies WHERE lower(code) = lower($1) AND id IS DISTINCT FROM $2",
    [code, exceptId],
  );
  if ((r.rowCount ?? 0) > 0) throw new CommandError("agencies.error.codeTaken", 409, "code");
}

const snapshot = (r: Omit<Row, "id">) => ({
  code: r.code,
  name: r.name,
  nameEn: r.name_en,
  kind: r.kind,
  unitId: r.unit_id,
  email: r.email,
});

export async function createAgency(ctx: CommandContext, input: AgencyInput): Promise<{ id: number }> {
  const data = validated(input);
  return mapCodeTaken(() =>
    runCommand(ctx, "agencies.create", async (client) => {
      await assertCodeFree(client, data.code, null);
      const unitId = await resolveUnit(client, data, null);
      const { rows } = await client.query<{ id: number }>(
        `INSERT INTO agencies (code, name, name_en, kind, unit_id, email) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
        [data.code, data.name, data.nameEn, data.kind, unitId, data.email],
      );
      const id = rows[0]?.id;
      if (id === undefined) throw new Error("insert returned no id");
      const after = {
        code: data.code,
        name: data.name,
        name_en: data.nameEn,
        kind: data.kind,
        unit_id: unitId,
        email: data.email,
      };
      return { result: { id }, subjectType: "agency", subjectId: id, after: snapshot(after) };
    }),
  );
}

export async function updateAgency(ctx: CommandContext, id: number, input: AgencyInput): Promise<void> {
  const data = validated(input);
  await mapCodeTaken(() =>
    runCommand(ctx, "agencies.update", async (client) => {
      const { rows } = await client.query<Row>(
        "SELECT id, code, name, name_en, kind, unit_id, email FROM agencies WHERE id = $1 FOR UPDATE",
        [id],
      );
      const before = rows[0];
      if (!before) throw new CommandError("agencies.error.notFound", 404);
      await assertCodeFree(client, data.code, id);
      const unitId = await resolveUnit(client, data, before.unit_id);
      await client.query(
        "UPDATE agencies SET code = $2, name = $3, name_en = $4, kind = $5, unit_id = $6, email = $7 WHERE id = $1",
        [id, data.code, data.name, data.nameEn, data.kind, unitId, data.email],
      );
      const after = {
        code: data.code,
        name: data.name,
        name_en: data.nameEn,
        kind: data.kind,
        unit_id: unitId,
        email: data.email,
      };
      return {
        result: undefined,
        subjectType: "agency",
        subjectId: id,
        before: snapshot(before),
        after: snapshot(after),
      };
    }),
  );
}

/** Retires an agency (kept for reference, no new petitions) or brings it back. */
export async function setAgencyRetired(ctx: CommandContext, id: number, retired: boolean): Promise<void> {
  await runCommand(ctx, retired ? "agencies.retire" : "agencies.restore", async (client, now) => {
    const { rows } = await client.query<{ retired_at: Date | null }>(
      "SELECT retired_at FROM agencies WHERE id = $1 FOR UPDATE",
      [id],
    );
    const row = rows[0];
    if (!row) throw new CommandError("agencies.error.notFound", 404);
    const retiredAt = retired ? (row.retired_at ?? now) : null;
    await client.query("UPDATE agencies SET retired_at = $2 WHERE id = $1", [id, retiredAt]);
    return {
      result: undefined,
      subjectType: "agency",
      subjectId: id,
      before: { retiredAt: row.retired_at },
      after: { retiredAt },
    };
  });
}
