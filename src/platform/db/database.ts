import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { drizzle, type NodePgDatabase } from "drizzle-orm/node-postgres";
import pg from "pg";
import type { Config } from "../../config.ts";
import { acquireDataDirLock, type EmbeddedDatabase, startEmbeddedDatabase } from "./embedded.ts";

// bigint (int8) and numeric come back as strings by default; our ids and counts fit in a JS number.
pg.types.setTypeParser(20, (v) => Number(v));

export type Db = NodePgDatabase<Record<string, never>>;

export type Database = {
  pool: pg.Pool;
  db: Db;
  url: string;
  embedded: EmbeddedDatabase | undefined;
  close: () => Promise<void>;
};

/**
 * Opens the configured database: PostgreSQL at DATABASE_URL, or the embedded PGlite in DATA_DIR/pgdata.
 * `pgdata: "memory://"` gives a throw-away embedded database (tests).
 */
export async function openDatabase(
  config: Pick<Config, "embedded" | "databaseUrl" | "dataDir" | "dbPoolSize">,
  options: { pgdata?: string; lock?: boolean } = {},
): Promise<Database> {
  let embedded: EmbeddedDatabase | undefined;
  let release: (() => void) | undefined;
  let url = config.databaseUrl ?? "";
  if (config.embedded) {
    const pgdata = options.pgdata ?? join(config.dataDir, "pgdata");
    if (options.lock !== false && pgdata !== "memory://") release = acquireDataDirLock(config.dataDir);
    if (pgdata !== "memory://") mkdirSync(pgdata, { recursive: true });
    try {
      // Room for the pool, the health probe and the sockets still closing: pg-pool drops a client after any
      // failed query and opens a new one at once, before the server has counted the old one out; a tight
      // limit then refused the new connection ("Connection terminated unexpectedly").
      embedded = await startEmbeddedDatabase(pgdata, config.dbPoolSize * 4 + 8);
    } catch (err) {
      release?.();
      throw err;
    }
    url = embedded.url;
  }
  const pool = new pg.Pool({ connectionString: url, max: config.dbPoolSize, idleTimeoutMillis: 30_000 });
  if (embedded) sharePreparedStatements(pool);
  else ownSessions.add(pool);
  pool.on("error", () => {
    // an idle client lost its connection; the pool replaces it on next use
  });
  const db = drizzle(pool) as Db;
  return {
    pool,
    db,
    url,
    embedded,
    close: async () => {
      await pool.end();
      await embedded?.stop();
      release?.();
    },
  };
}

export type Queryable = Pick<pg.PoolClient, "query">;

/** Pools whose connections are sessions of their own (PostgreSQL), where named statements may be kept. */
const ownSessions = new WeakSet<object>();

/**
 * A hot query as a named prepared statement, which each PostgreSQL connection parses and plans once instead of
 * on every call (planning was most of the server's time for a petition submission). Unnamed elsewhere: the
 * embedded database's connections share one session, where two connections preparing one name would collide,
 * and a pool client is not known to be of which kind.
 */
export function prepared(
  db: Queryable,
  name: string,
  text: string,
  values: unknown[],
): { name?: string; text: string; values: unknown[] } {
  return ownSessions.has(db) ? { name, text, values } : { text, values };
}

/** Embedded pools: per client, the statement names it has prepared in the one shared session. */
const sharedSessions = new WeakMap<pg.Pool, Map<pg.PoolClient, { tag: number; names: Set<string> }>>();
let nextTag = 0;

function sharePreparedStatements(pool: pg.Pool): void {
  const clients = new Map<pg.PoolClient, { tag: number; names: Set<string> }>();
  sharedSessions.set(pool, clients);
  // A client leaving the pool (idle, or after an error) leaves its statements in the shared session: free them.
  pool.on("remove", (client) => {
    const entry = clients.get(client);
    clients.delete(client);
    if (!entry || entry.names.size === 0) return;
    const names = [...entry.names].map((n) => `DEALLOCATE "${n.replaceAll('"', '""')}"`).join("; ");
    pool.query(names).catch(() => {
      // the pool is ending, or the session already dropped them
    });
  });
}

/**
 * Like `prepared`, for the hottest statements, also on the embedded database: there each pooled connection names
 * its own copy (name#tag) in the session they share, so that the names do not collide, and a connection's copies
 * are deallocated when the pool drops it.
 */
export async function queryPrepared<R extends pg.QueryResultRow>(
  db: Queryable,
  name: string,
  text: string,
  values: unknown[],
): Promise<pg.QueryResult<R>> {
  const clients = sharedSessions.get(db as pg.Pool);
  if (!clients) return db.query<R>(prepared(db, name, text, values));
  const client = await (db as pg.Pool).connect();
  try {
    let entry = clients.get(client);
    if (!entry) {
      entry = { tag: ++nextTag, names: new Set() };
      clients.set(client, entry);
    }
    const tagged = `${name}#${entry.tag}`;
    entry.names.add(tagged);
    return await client.query<R>({ name: tagged, text, values });
  } finally {
    client.release();
  }
}

/** One short transaction on one client: inside it, use only `client` (on PGlite another connection would wait forever). */
export async function withTransaction<T>(
  pool: pg.Pool,
  fn: (client: pg.PoolClient) => Promise<T>,
): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    const result = await fn(client);
    await client.query("COMMIT");
    return result;
  } catch (err) {
    try {
      await client.query("ROLLBACK");
    } catch {
      // the connection is broken; releasing it with the error discards it
    }
    throw err;
  } finally {
    client.release();
  }
}
