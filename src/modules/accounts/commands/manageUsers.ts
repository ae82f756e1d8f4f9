import { randomBytes } from "node:crypto";
import type pg from "pg";
import { type CommandContext, CommandError, runCommand } from "../../../platform/commands.ts";
import { generatePassword, hashPassword, MIN_PASSWORD_LENGTH, verifyPassword } from "../passwords.ts";
import { ROLE_SCOPE, type Role } from "../roles.ts";
import { API_TOKEN_PREFIX, destroyUserSessions, forgetApiTokenActors, sha256 } from "../sessions.ts";

export type GrantInput = { role: Role; unitId?: number | null; agencyId?: number | null };

export type NewUser = {
  username: string;
  fullName: string;
  email?: string | null;
  phone?: string | null;
  password?: string;
  locale?: "vi" | "en";
  mustChangePassword?: boolean;
  grants: GrantInput[];
};

async function checkGrant(client: pg.PoolClient, g: GrantInput): Promise<void> {
  const scope = ROLE_SCOPE[g.role];
  if (scope === "agency") {
    if (!g.agencyId) throw new CommandError("accounts.error.agencyRequired", 422, "agencyId");
    const r = await client.query("SELECT 1 FROM agencies WHERE id = $1 AND retired_at IS NULL", [g.agencyId]);
    if (r.rowCount === 0) throw new CommandError("accounts.error.agencyUnknown", 422, "agencyId");
  }
  if (scope === "unit" && !g.unitId) throw new CommandError("accounts.error.unitRequired", 422, "unitId");
  if (g.unitId) {
    const r = await client.query("SELECT 1 FROM units WHERE id = $1 AND retired_at IS NULL", [g.unitId]);
    if (r.rowCount === 0) throw new CommandError("accounts.error.unitUnknown", 422, "unitId");
  }
}

/** Inserts one user with grants inside the caller's transaction; used by the command and the bulk import. */
export async function insertUser(client: pg.PoolClient, u: NewUser, passwordHash: string): Promise<number> {
  const exists = await client.query("SELECT 1 FROM users WHERE lower(username) = lower($1)", [u.username]);
  if ((exists.rowCount ?? 0) > 0) throw new CommandError("accounts.error.usernameTaken", 409, "username");
  const { rows } = await client.query<{ id: number }>(
    `INSERT INTO users (username, full_name, email, phone, password_hash, locale, must_change_password)
     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
    [
      u.username,
      u.fullName,
      u.email ?? null,
      u.phone ?? null,
      passwordHash,
      u.locale ?? "vi",
      u.mustChangePassword ?? true,
    ],
  );
  const id = rows[0]?.id;
  if (id === undefined) throw new Error("insert returned no id");
  for (const g of u.grants) {
    await checkGrant(client, g);
    await client.query(
      "INSERT INTO role_grants (user_id, role, unit_id, agency_id) VALUES ($1, $2, $3, $4)",
      [id, g.role, g.unitId ?? null, g.agencyId ?? null],
    );
  }
  return id;
}

/** Creates an account; without a password one is generated and returned once, to be handed over in person. */
export async function createUser(ctx: CommandContext, u: NewUser): Promise<{ id: number; password: string }> {
  const password = u.password ?? generatePassword();
  if (password.length < MIN_PASSWORD_LENGTH)
    throw new CommandError("accounts.error.passwordShort", 422, "password");
  const passwordHash = await hashPassword(password);
  return runCommand(ctx, "account.create", async (client) => {
    const id = await insertUser(client, u, passwordHash);
    return {
      result: { id, password },
      subjectType: "user",
      subjectId: id,
      after: { username: u.username, fullName: u.fullName, grants: u.grants },
    };
  });
}

export async function changePassword(
  ctx: CommandContext & { actorId: number },
  input: { current: string; next: string; keepSessionToken?: string },
): Promise<void> {
  if (input.next.length < MIN_PASSWORD_LENGTH)
    throw new CommandError("accounts.error.passwordShort", 422, "next");
  const { rows } = await ctx.pool.query<{ password_hash: string }>(
    "SELECT password_hash FROM users WHERE id = $1",
    [ctx.actorId],
  );
  const stored = rows[0]?.password_hash;
  if (!stored || !(await verifyPassword(stored, input.current))) {
    throw new CommandError("accounts.error.currentWrong", 422, "current");
  }
  if (input.current === input.next) throw new CommandError("accounts.error.passwordSame", 422, "next");
  const hash = await hashPassword(input.next);
  await runCommand(ctx, "account.change_password", async (client) => {
    await client.query("UPDATE users SET password_hash = $2, must_change_password = false WHERE id = $1", [
      ctx.actorId,
      hash,
    ]);
    await destroyUserSessions(client, ctx.actorId, input.keepSessionToken);
    return { result: undefined, subjectType: "user", subjectId: ctx.actorId };
  });
}

/** An admin resets a forgotten password: a new one is shown once; the person must change it at next login. */
export async function resetPassword(ctx: CommandContext, userId: number): Promise<string> {
  const password = generatePassword();
  const hash = await hashPassword(password);
  await runCommand(ctx, "account.reset_password", async (client) => {
    const r = await client.query(
      "UPDATE users SET password_hash = $2, must_change_password = true WHERE id = $1",
      [userId, hash],
    );
    if (r.rowCount === 0) throw new CommandError("accounts.error.notFound", 404);
    await destroyUserSessions(client, userId);
    return { result: undefined, subjectType: "user", subjectId: userId };
  });
  return password;
}

/** Deactivation ends every session at once; the account and its history stay. */
export async function setUserActive(ctx: CommandContext, userId: number, active: boolean): Promise<void> {
  await runCommand(ctx, active ? "account.activate" : "account.deactivate", async (client) => {
    const before = await client.query<{ active: boolean }>(
      "SELECT active FROM users WHERE id = $1 FOR UPDATE",
      [userId],
    );
    if (before.rowCount === 0) throw new CommandError("accounts.error.notFound", 404);
    if (!active && userId === ctx.actorId) throw new CommandError("accounts.error.cannotDeactivateSelf", 409);
    await client.query("UPDATE users SET active = $2 WHERE id = $1", [userId, active]);
    if (!active) {
      await destroyUserSessions(client, userId);
      await client.query(
        "UPDATE api_tokens SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL",
        [userId],
      );
    }
    return {
      result: undefined,
      subjectType: "user",
      subjectId: userId,
      before: before.rows[0],
      after: { active },
    };
  });
  forgetApiTokenActors(ctx.pool);
}

export async function addGrant(ctx: CommandContext, userId: number, g: GrantInput): Promise<void> {
  await runCommand(ctx, "account.grant_add", async (client) => {
    await checkGrant(client, g);
    const dup = await client.query(
      "SELECT 1 FROM role_grants WHERE user_id = $1 AND role = $2 AND unit_id IS NOT DISTINCT FROM $3 AND agency_id IS NOT DISTINCT FROM $4",
      [userId, g.role, g.unitId ?? null, g.agencyId ?? null],
    );
    if ((dup.rowCount ?? 0) > 0) throw new CommandError("accounts.error.grantExists", 409);
    await client.query(
      "INSERT INTO role_grants (user_id, role, unit_id, agency_id) VALUES ($1, $2, $3, $4)",
      [userId, g.role, g.unitId ?? null, g.agencyId ?? null],
    );
    return { result: undefined, subjectType: "user", subjectId: userId, after: g };
  });
  forgetApiTokenActors(ctx.pool);
}

export async function removeGrant(ctx: CommandContext, userId: number, grantId: number): Promise<void> {
  await runCommand(ctx, "account.grant_remove", async (client) => {
    const r = await client.query(
      "DELETE FROM role_grants WHERE id = $1 AND user_id = $2 RETURNING role, unit_id, agency_id",
      [grantId, userId],
    );
    if (r.rowCount === 0) throw new CommandError("accounts.error.notFound", 404);
    return { result: undefined, subjectType: "user", subjectId: userId, before: r.rows[0] };
  });
  forgetApiTokenActors(ctx.pool);
}

/** API tokens for integrations: shown once, stored hashed. */
export async function createApiToken(ctx: CommandContext, userId: number, name: string): Promise<string> {
  const token = `${API_TOKEN_PREFIX}${randomBytes(24).toString("base64url")}`;
  await runCommand(ctx, "account.token_create", async (client) => {
    const u = await client.query("SELECT 1 FROM users WHERE id = $1 AND active", [userId]);
    if (u.rowCount === 0) throw new CommandError("accounts.error.notFound", 404);
    const { rows } = await client.query<{ id: number }>(
      "INSERT INTO api_tokens (user_id, name, token_hash, prefix) VALUES ($1, $2, $3, $4) RETURNING id",
      [userId, name, sha256(token), token.slice(0, 8)],
    );
    return {
      result: undefined,
      subjectType: "api_token",
      subjectId: rows[0]?.id ?? null,
      after: { userId, name },
    };
  });
  return token;
}

export async function revokeApiToken(ctx: CommandContext, tokenId: number): Promise<void> {
  await runCommand(ctx, "account.token_revoke", async (client) => {
    const r = await client.query(
      "UPDATE api_tokens SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL",
      [tokenId],
    );
    if (r.rowCount === 0) throw new CommandError("accounts.error.notFound", 404);
    return { result: undefined, subjectType: "api_token", subjectId: tokenId };
  });
  forgetApiTokenActors(ctx.pool);
}

export async function setLocale(
  ctx: CommandContext & { actorId: number },
  locale: "vi" | "en",
): Promise<void> {
  await runCommand(ctx, "account.locale", async (client) => {
    await client.query("UPDATE users SET locale = $2 WHERE id = $1", [ctx.actorId, locale]);
    return { result: undefined, subjectType: "user", subjectId: ctx.actorId, after: { locale } };
  });
  forgetApiTokenActors(ctx.pool);
}
