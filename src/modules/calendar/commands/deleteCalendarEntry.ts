import { isLocalDate } from "../../../platform/calendar/index.ts";
import { type CommandContext, CommandError, runCommand } from "../../../platform/commands.ts";
import { findEntry } from "../queries/yearEntries.ts";

/** Removes a date from the calendar (it becomes an ordinary weekday or weekend again). */
export async function deleteCalendarEntry(ctx: CommandContext, date: string): Promise<void> {
  if (!isLocalDate(date)) throw new CommandError("calendar.error.notFound", 404);
  await runCommand(ctx, "calendar.delete_entry", async (client) => {
    const before = await findEntry(client, date);
    if (!before) throw new CommandError("calendar.error.notFound", 404);
    await client.query("DELETE FROM calendar_entries WHERE date = $1::date", [date]);
    return { result: undefined, subjectType: "calendar_entry", subjectId: date, before, after: null };
  });
}
