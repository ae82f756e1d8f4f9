import { randomBytes } from "node:crypto";
import pg from "pg";
import { type Database, openDatabase } from "./database.ts";
import { runMigrations } from "./migrate.ts";

/**
 * A fresh, migrated database for one test file: a throw-away embedded PGlite by default, or a new database
 * on the PostgreSQL server named by TEST_DATABASE_URL (the same suite runs on both in CI).
 */
export async function openTestDatabase(): Promise<Database> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    const database = await openDatabase(
      { embedded: true, databaseUrl: undefined, dataDir: "", dbPoolSize: 4 },
      { pgdata: "memory://", lock: false },
    );
    await runMigrations(database);
    return database;
  }
  const name = `caunoi_t_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({
    embedded: false,
    databaseUrl: url.toString(),
    dataDir: "",
    dbPoolSize: 6,
  });
  await runMigrations(database);
  const close = database.close;
  return {
    ...database,
    close: async () => {
      await close();
      const drop = new pg.Client({ connectionString: serverUrl });
      await drop.connect();
      await drop.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await drop.end();
    },
  };
}
