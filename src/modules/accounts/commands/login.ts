import type pg from "pg";
import type { Clock } from "../../../platform/clock.ts";
import { runCommand } from "../../../platform/commands.ts";
import { clearRateLimit, hitRateLimit } from "../../../platform/http/rateLimit.ts";
import { dummyHash, verifyPassword } from "../passwords.ts";
import { createSession } from "../sessions.ts";

export type LoginResult =
  | { ok: true; userId: number; sessionToken: string; mustChangePassword: boolean }
  | { ok: false; reason: "invalid" | "rate_limited"; retryAfterSeconds?: number };

// 10 tries per account per 15 minutes, 50 per address: slow enough to stop guessing, loose enough for a
// village head who mistypes on a small keyboard.
const PER_ACCOUNT = { limit: 10, windowMs: 15 * 60_000 };
const PER_ADDRESS = { limit: 50, windowMs: 15 * 60_000 };

export async function login(
  deps: { pool: pg.Pool; clock: Clock },
  input: { username: string; password: string; ip: string },
): Promise<LoginResult> {
  const now = deps.clock.now();
  const username = input.username.trim().toLowerCase();
  const byAccount = await hitRateLimit(
    deps.pool,
    `login:u:${username}`,
    PER_ACCOUNT.limit,
    PER_ACCOUNT.windowMs,
    now,
  );
  const byAddress = await hitRateLimit(
    deps.pool,
    `login:ip:${input.ip}`,
    PER_ADDRESS.limit,
    PER_ADDRESS.windowMs,
    now,
  );
  if (!byAccount.allowed || !byAddress.allowed) {
    return {
      ok: false,
      reason: "rate_limited",
      retryAfterSeconds: Math.max(
        byAccount.allowed ? 0 : byAccount.retryAfterSeconds,
        byAddress.allowed ? 0 : byAddress.retryAfterSeconds,
      ),
    };
  }
  const { rows } = await deps.pool.query<{
    id: number;
    password_hash: string;
    must_change_password: boolean;
  }>("SELECT id, password_hash, must_change_password FROM users WHERE lower(username) = $1 AND active", [
    username,
  ]);
  const user = rows[0];
  const ok = await verifyPassword(user?.password_hash ?? (await dummyHash()), input.password);
  if (!user || !ok) return { ok: false, reason: "invalid" };
  await clearRateLimit(deps.pool, `login:u:${username}`);
  // The address limit is for guessing: a successful login gives its try back (an office behind one NAT
  // address, or a training room, logs many people in).
  await deps.pool.query("UPDATE rate_limits SET count = greatest(count - 1, 0) WHERE key = $1", [
    `login:ip:${input.ip}`,
  ]);
  const sessionToken = await runCommand(
    { ...deps, actorId: user.id },
    "account.login",
    async (client, at) => ({
      result: await createSession(client, user.id, at),
      subjectType: "user",
      subjectId: user.id,
    }),
  );
  return { ok: true, userId: user.id, sessionToken, mustChangePassword: user.must_change_password };
}
