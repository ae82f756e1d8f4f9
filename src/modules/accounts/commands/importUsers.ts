import type { CommandContext } from "../../../platform/commands.ts";
import { runCommand } from "../../../platform/commands.ts";
import type { ImportError } from "../../units/data/importTable.ts";
import { parseUserFile } from "../../units/data/villageFile.ts";
import { generatePassword, hashPassword } from "../passwords.ts";
import { isRole } from "../roles.ts";
import { insertUser } from "./manageUsers.ts";

export type UsersFileOutcome =
  | { ok: true; count: number; accounts: { username: string; fullName: string; password: string }[] }
  | { ok: false; errors: readonly ImportError[] };

/**
 * Imports village heads: every row is checked first (and against existing usernames); any bad row means
 * nothing is imported. Each account gets a temporary password, shown once, to change at first login.
 */
export async function importUsersFile(
  ctx: CommandContext,
  buffer: Uint8Array,
  filename: string,
): Promise<UsersFileOutcome> {
  const { rows: villages } = await ctx.pool.query<{ id: number; code: string }>(
    "SELECT id, code FROM units WHERE level = 'village' AND retired_at IS NULL",
  );
  const villageIds = new Map(villages.map((v) => [v.code, v.id]));
  const parsed = await parseUserFile(buffer, filename, new Set(villageIds.keys()));
  if (!parsed.ok) return { ok: false, errors: parsed.errors };
  const { rows: taken } = await ctx.pool.query<{ username: string }>(
    "SELECT lower(username) AS username FROM users WHERE lower(username) = ANY($1::text[])",
    [parsed.rows.map((r) => r.username.toLowerCase())],
  );
  if (taken.length > 0) {
    const takenSet = new Set(taken.map((t) => t.username));
    return {
      ok: false,
      errors: parsed.rows
        .filter((r) => takenSet.has(r.username.toLowerCase()))
        .map(
          (r): ImportError => ({
            row: r.row,
            field: "username",
            messageKey: "import.error.usernameTaken",
            value: r.username,
          }),
        ),
    };
  }
  const prepared = await Promise.all(
    parsed.rows.map(async (r) => {
      const password = generatePassword();
      return { row: r, password, hash: await hashPassword(password) };
    }),
  );
  return runCommand(ctx, "accounts.import_users", async (client) => {
    for (const p of prepared) {
      const role = isRole(p.row.role) ? p.row.role : "village_head";
      await insertUser(
        client,
        {
          username: p.row.username,
          fullName: p.row.fullName,
          phone: p.row.phone,
          email: p.row.email,
          mustChangePassword: true,
          grants: [{ role, unitId: villageIds.get(p.row.villageCode) ?? null }],
        },
        p.hash,
      );
    }
    const accounts = prepared.map((p) => ({
      username: p.row.username,
      fullName: p.row.fullName,
      password: p.password,
    }));
    return {
      result: { ok: true as const, count: accounts.length, accounts },
      subjectType: "users",
      subjectId: null,
      after: { count: accounts.length, source: filename },
    };
  });
}
