import { type CommandContext, CommandError, runCommand } from "../../../platform/commands.ts";
import type { Queryable } from "../../../platform/db/database.ts";

export type CategoryEdit = { nameVi: string; nameEn: string; examplesVi: string; sort: number };

type CategoryRow = {
  name_vi: string;
  name_en: string;
  examples_vi: string | null;
  sort: number;
  active: boolean;
};

async function locked(client: Queryable, code: string): Promise<CategoryRow> {
  const { rows } = await client.query<CategoryRow>(
    "SELECT name_vi, name_en, examples_vi, sort, active FROM categories WHERE code = $1 FOR UPDATE",
    [code],
  );
  const row = rows[0];
  if (!row) throw new CommandError("routing.category.error.notFound", 404);
  return row;
}

/** Renames a category (vi/en), edits its examples and its place in the lists. Its code never changes. */
export async function updateCategory(ctx: CommandContext, code: string, e: CategoryEdit): Promise<void> {
  const nameVi = e.nameVi.trim();
  const nameEn = e.nameEn.trim();
  const examples = e.examplesVi.trim();
  if (!nameVi) throw new CommandError("routing.category.error.nameVi", 422, "nameVi");
  if (!nameEn) throw new CommandError("routing.category.error.nameEn", 422, "nameEn");
  if (nameVi.length > 200) throw new CommandError("form.tooLong", 422, "nameVi");
  if (nameEn.length > 200) throw new CommandError("form.tooLong", 422, "nameEn");
  if (examples.length > 2000) throw new CommandError("form.tooLong", 422, "examplesVi");
  if (!Number.isInteger(e.sort) || e.sort < 0 || e.sort > 9999)
    throw new CommandError("routing.category.error.sort", 422, "sort");
  await runCommand(ctx, "petitions.category_update", async (client) => {
    const before = await locked(client, code);
    await client.query(
      "UPDATE categories SET name_vi = $2, name_en = $3, examples_vi = $4, sort = $5 WHERE code = $1",
      [code, nameVi, nameEn, examples || null, e.sort],
    );
    return {
      result: undefined,
      subjectType: "category",
      subjectId: code,
      before,
      after: {
        name_vi: nameVi,
        name_en: nameEn,
        examples_vi: examples || null,
        sort: e.sort,
        active: before.active,
      },
    };
  });
}

/** A retired category is no longer offered on forms; petitions filed under it keep it. */
export async function setCategoryActive(ctx: CommandContext, code: string, active: boolean): Promise<void> {
  await runCommand(
    ctx,
    active ? "petitions.category_activate" : "petitions.category_deactivate",
    async (client) => {
      const before = await locked(client, code);
      await client.query("UPDATE categories SET active = $2 WHERE code = $1", [code, active]);
      return {
        result: undefined,
        subjectType: "category",
        subjectId: code,
        before: { active: before.active },
        after: { active },
      };
    },
  );
}
