import { fileURLToPath } from "node:url";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import type { Database } from "./database.ts";

export const migrationsFolder = fileURLToPath(new URL("../../../drizzle", import.meta.url));

// Several app nodes may start at once: one migrates, the others wait on the lock and find nothing to do.
const MIGRATION_LOCK = 7_311_001;

export async function runMigrations(database: Database): Promise<void> {
  const lockClient = await database.pool.connect();
  try {
    await lockClient.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK]);
    await migrate(database.db, { migrationsFolder });
  } finally {
    try {
      await lockClient.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK]);
    } finally {
      lockClient.release();
    }
  }
}
