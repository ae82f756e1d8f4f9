import { seedDefaultHolidays } from "../../../platform/calendar/store.ts";
import { type CommandContext, CommandError, runCommand } from "../../../platform/commands.ts";
import { yearInRange } from "../entryRules.ts";

/** Re-adds the statutory holidays of a year; dates that already have an entry (an admin's) are left alone. */
export async function restoreDefaultHolidays(ctx: CommandContext, year: number): Promise<{ added: number }> {
  if (!yearInRange(year)) throw new CommandError("calendar.error.yearRange", 422);
  return runCommand(ctx, "calendar.restore_defaults", async (client) => {
    const added = await seedDefaultHolidays(client, [year]);
    return { result: { added }, subjectType: "calendar", subjectId: year, after: { year, added } };
  });
}
