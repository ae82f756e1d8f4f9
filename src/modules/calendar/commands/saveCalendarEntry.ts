import { type CommandContext, CommandError, runCommand } from "../../../platform/commands.ts";
import { checkEntry, type EntryForm } from "../entryRules.ts";
import { findEntry } from "../queries/yearEntries.ts";

/** Adds or replaces the entry of a date; an entry an admin saved is kept when the defaults are re-added. */
export async function saveCalendarEntry(ctx: CommandContext, form: EntryForm): Promise<{ date: string }> {
  const checked = checkEntry(form);
  if (!checked.ok) {
    const [field, key] = Object.entries(checked.errors)[0] ?? ["_form", "form.invalid"];
    throw new CommandError(key, 422, field);
  }
  const e = checked.data;
  return runCommand(ctx, "calendar.save_entry", async (client, now) => {
    const before = await findEntry(client, e.date);
    await client.query(
      `INSERT INTO calendar_entries (date, kind, name_vi, name_en, source, updated_at)
       VALUES ($1::date, $2, $3, $4, 'admin', $5)
       ON CONFLICT (date) DO UPDATE SET kind = EXCLUDED.kind, name_vi = EXCLUDED.name_vi,
         name_en = EXCLUDED.name_en, source = 'admin', updated_at = EXCLUDED.updated_at`,
      [e.date, e.kind, e.nameVi, e.nameEn, now],
    );
    return {
      result: { date: e.date },
      subjectType: "calendar_entry",
      subjectId: e.date,
      before,
      after: { date: e.date, kind: e.kind, name_vi: e.nameVi, name_en: e.nameEn, source: "admin" },
    };
  });
}
