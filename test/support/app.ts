/**
 * The real application on a fresh test database (embedded PGlite, or TEST_DATABASE_URL's server) with the
 * official reference data loaded: 34 provinces, 3,321 communes, Quảng Ninh's history, agencies and holidays.
 * One per test file: it takes a few seconds to start.
 */
import { buildApp } from "../../src/app.ts";
import { loadConfig } from "../../src/config.ts";
import { createLogger } from "../../src/logger.ts";
import { createUser, type GrantInput } from "../../src/modules/accounts/commands/manageUsers.ts";
import { type Clock, systemClock } from "../../src/platform/clock.ts";
import type { CommandContext } from "../../src/platform/commands.ts";
import type { Database } from "../../src/platform/db/database.ts";
import { openTestDatabase } from "../../src/platform/db/testing.ts";
import type { App, AppDeps } from "../../src/platform/http/types.ts";
import { seedReference } from "../../src/seed.ts";
import { Browser } from "./http.ts";

export const TEST_PASSWORD = "mat-khau-thu-nghiem";

export type TestApp = {
  app: App;
  deps: AppDeps;
  database: Database;
  /** For calling commands directly in a test's setup (audited as the system). */
  ctx: CommandContext;
  /** Creates an account with the test password (no forced change) and returns a browser logged in as it. */
  userWith(username: string, ...grants: GrantInput[]): Promise<Browser>;
  /** id of a unit by level and official code (current units first). */
  unitId(level: string, code: string): Promise<number>;
  close(): Promise<void>;
};

export async function openTestApp(
  options: { clock?: Clock; env?: Record<string, string> } = {},
): Promise<TestApp> {
  const config = loadConfig({ SESSION_SECRET: "x".repeat(40), LOG_LEVEL: "silent", ...options.env });
  const clock = options.clock ?? systemClock;
  const database = await openTestDatabase();
  const ctx: CommandContext = { pool: database.pool, clock, actorId: null };
  await seedReference(config, database, ctx, true);
  const { app, deps, stop } = buildApp(config, database, clock, createLogger(config));
  return {
    app,
    deps,
    database,
    ctx,
    async userWith(username, ...grants) {
      await createUser(ctx, {
        username,
        fullName: `Người thử ${username}`,
        password: TEST_PASSWORD,
        mustChangePassword: false,
        grants,
      });
      const browser = new Browser(app);
      await browser.login(username, TEST_PASSWORD);
      return browser;
    },
    async unitId(level, code) {
      const { rows } = await database.pool.query<{ id: number }>(
        "SELECT id FROM units WHERE level = $1 AND code = $2 ORDER BY valid_to IS NULL DESC, id LIMIT 1",
        [level, code],
      );
      const id = rows[0]?.id;
      if (id === undefined) throw new Error(`no ${level} with code ${code}`);
      return id;
    },
    async close() {
      stop();
      await database.close();
    },
  };
}
