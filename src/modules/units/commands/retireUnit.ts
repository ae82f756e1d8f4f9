import { type CommandContext, CommandError, runCommand } from "../../../platform/commands.ts";

/**
 * Retires a current commune or village (kept for reference, no longer offered in pickers), or restores it.
 * Pre-2025 units have ended already and the province is never retired.
 */
export async function setUnitRetired(ctx: CommandContext, id: number, retired: boolean): Promise<void> {
  await runCommand(ctx, retired ? "units.retire" : "units.restore", async (client, now) => {
    const { rows } = await client.query<{ level: string; valid_to: string | null; retired_at: Date | null }>(
      "SELECT level, to_char(valid_to, 'YYYY-MM-DD') AS valid_to, retired_at FROM units WHERE id = $1 FOR UPDATE",
      [id],
    );
    const unit = rows[0];
    if (!unit) throw new CommandError("units.error.notFound", 404);
    if (!["commune", "village"].includes(unit.level) || unit.valid_to !== null)
      throw new CommandError("units.error.cannotRetire", 422);
    const retiredAt = retired ? (unit.retired_at ?? now) : null;
    await client.query("UPDATE units SET retired_at = $2 WHERE id = $1", [id, retiredAt]);
    return {
      result: undefined,
      subjectType: "unit",
      subjectId: id,
      before: { retiredAt: unit.retired_at },
      after: { retiredAt },
    };
  });
}

export const retireUnit = (ctx: CommandContext, id: number) => setUnitRetired(ctx, id, true);
export const restoreUnit = (ctx: CommandContext, id: number) => setUnitRetired(ctx, id, false);
