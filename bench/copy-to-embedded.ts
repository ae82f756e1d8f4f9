/**
 * Copies the PostgreSQL benchmark database into a new embedded (PGlite) data directory, so that the benchmarks can
 * run embedded at a million petitions: generating that data embedded with bench/generate.ts takes hours (~20 ms a
 * petition), copying it takes a fraction of that.
 *
 *   node --import tsx bench/copy-to-embedded.ts --from postgres://…/caunoi_bench --to /tmp/caunoi-bench-emb1m [--force]
 *   BENCH_DB=embedded BENCH_DATA_DIR=/tmp/caunoi-bench-emb1m npm run bench -- similarity petitions
 *
 * `--from` defaults to the benchmarks' PostgreSQL URL (BENCH_DATABASE_URL); `--to` is required and must not hold a
 * database yet (`--force` removes it first). The source is only read.
 *
 * Steps:
 *  1. schema: the project's own code opens the new directory (bench/app.ts `openTarget`: PGlite in its child
 *     process, every migration), then the bench-only tables are created with the generator's DDL;
 *  2. load: PGlite opened in-process on the same pgdata with the app's extensions, `wal_level=minimal` for this
 *     process only, one transaction that drops the big tables' secondary indexes, truncates every copied table and
 *     loads each one chunk by chunk (`COPY … FREEZE` from `/dev/blob`, triggers and foreign-key checks off). The
 *     chunks are exported by `psql` (the `pg` driver has no COPY streams here) by ranges of heap blocks (`ctid`),
 *     all under one snapshot exported from the source, so the copy is consistent and each export is a sequential
 *     read; the next chunk is exported while the current one loads;
 *  3. indexes: the dropped indexes and keys rebuilt from the target's own definitions;
 *  4. sequences set to the source's values, `ANALYZE`, row counts of both sides printed side by side.
 */
import { spawn } from "node:child_process";
import { existsSync, readdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { unaccent } from "@electric-sql/pglite/contrib/unaccent";
import pg from "pg";
import { formatDuration } from "../src/platform/cli/progress.ts";
import { acquireDataDirLock } from "../src/platform/db/embedded.ts";
import { openTarget, PG_URL } from "./app.ts";

/** A chunk's CSV is held in memory twice (ours and PGlite's copy inside the WASM heap, limited to 2 GB): keep it small. */
const TARGET_CHUNK_BYTES = 48 * 1024 * 1024;
/** Blocks of the first chunk of a big table, before its CSV size per block is known. */
const FIRST_CHUNK_BLOCKS = 2048;
/** A table this large (source estimate) loads without its secondary indexes: one sorted build beats row-by-row. */
const BIG_TABLE_ROWS = 100_000;
/** Index builds sort in memory up to this, then spill to temporary files; PGlite's WASM heap is at most 2 GB. */
const MAINTENANCE_WORK_MEM = "256MB";

/** The bench-only tables the benchmarks read, with bench/generate.ts's DDL (bench_key_df and the trigram index
 *  are not needed: bench/similarity.ts builds its trigram index itself when missing). */
const BENCH_TABLES_DDL = [
  "CREATE TABLE IF NOT EXISTS bench_meta (key text PRIMARY KEY, value text NOT NULL)",
  "CREATE TABLE IF NOT EXISTS bench_petition_groups (petition_id bigint PRIMARY KEY, group_id int NOT NULL)",
  "CREATE TABLE IF NOT EXISTS bench_queries (id serial PRIMARY KEY, group_id int NOT NULL, village_id bigint NOT NULL, text text NOT NULL, place_names jsonb NOT NULL)",
];

type TableInfo = { name: string; blocks: number; estimate: number; columns: string[] };
type Rebuild = { table: string; name: string; sql: string; drop: string };
type Chunk = { from: number; to: number | null; csv: Buffer; exportMs: number };
type Timings = { schema: number; exportTotal: number; copyTotal: number; loadWall: number; indexes: number };

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const ident = (name: string) => `"${name.replaceAll('"', '""')}"`;
const fmt = (n: number) => Math.round(n).toLocaleString("en-US");
const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const rate = (rows: number, ms: number) => (ms > 0 ? fmt((rows / ms) * 1000) : "-");
const log = (line: string) => process.stderr.write(`${line}\n`);

/** The source's public tables with their size in heap blocks and their stored (not generated) columns. */
async function sourceTables(client: pg.Client): Promise<Map<string, TableInfo>> {
  const { rows } = await client.query<{ name: string; blocks: number; estimate: number; columns: string[] }>(
    `SELECT c.relname AS name,
            (pg_relation_size(c.oid) / current_setting('block_size')::int)::float8 AS blocks,
            greatest(c.reltuples, 0)::float8 AS estimate,
            array(SELECT a.attname::text FROM pg_attribute a
                   WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
                   ORDER BY a.attnum) AS columns
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind = 'r'
      ORDER BY c.relname`,
  );
  return new Map(rows.map((r) => [r.name, r]));
}

/** The same for the target: its stored columns are the ones a COPY can fill. */
async function targetColumns(db: PGlite): Promise<Map<string, string[]>> {
  const { rows } = await db.query<{ name: string; columns: string[] }>(
    `SELECT c.relname AS name,
            array(SELECT a.attname::text FROM pg_attribute a
                   WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
                   ORDER BY a.attnum) AS columns
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind = 'r'`,
  );
  return new Map(rows.map((r) => [r.name, r.columns]));
}

/**
 * What to take off the big tables during the load: their indexes that back no constraint, and their primary keys
 * and unique constraints that no foreign key depends on (the postings' primary key: 64 M rows). Definitions are
 * the target's own, so the rebuild gives exactly what the migrations made.
 */
async function indexesToRebuild(db: PGlite, tables: string[]): Promise<Rebuild[]> {
  if (tables.length === 0) return [];
  const { rows: plain } = await db.query<{ table: string; name: string; sql: string }>(
    `SELECT i.tablename AS table, i.indexname AS name, i.indexdef AS sql
       FROM pg_indexes i
      WHERE i.schemaname = 'public' AND i.tablename = ANY($1::text[])
        AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = format('public.%I', i.indexname)::regclass)
      ORDER BY i.tablename, i.indexname`,
    [tables],
  );
  const { rows: keys } = await db.query<{ table: string; name: string; def: string }>(
    `SELECT t.relname AS table, k.conname AS name, pg_get_constraintdef(k.oid) AS def
       FROM pg_constraint k JOIN pg_class t ON t.oid = k.conrelid JOIN pg_namespace n ON n.oid = t.relnamespace
      WHERE n.nspname = 'public' AND t.relname = ANY($1::text[]) AND k.contype IN ('p', 'u')
        AND NOT EXISTS (SELECT 1 FROM pg_constraint f WHERE f.contype = 'f' AND f.conindid = k.conindid)
      ORDER BY t.relname, k.conname`,
    [tables],
  );
  return [
    ...plain.map((r) => ({
      table: r.table,
      name: r.name,
      sql: r.sql,
      drop: `DROP INDEX public.${ident(r.name)}`,
    })),
    ...keys.map((r) => ({
      table: r.table,
      name: r.name,
      sql: `ALTER TABLE public.${ident(r.table)} ADD CONSTRAINT ${ident(r.name)} ${r.def}`,
      drop: `ALTER TABLE public.${ident(r.table)} DROP CONSTRAINT ${ident(r.name)}`,
    })),
  ];
}

/**
 * One chunk of a table as CSV, read by psql inside the source snapshot (so every chunk sees the same data).
 * A range of heap blocks is a TID range scan: each export reads only its own pages, in their physical order.
 */
function exportChunk(
  url: string,
  snapshot: string,
  table: string,
  columns: string[],
  from: number,
  to: number | null,
): Promise<Chunk> {
  const started = performance.now();
  const range = `ctid >= '(${from},0)'::tid${to === null ? "" : ` AND ctid < '(${to},0)'::tid`}`;
  const select = `SELECT ${columns.map(ident).join(", ")} FROM public.${ident(table)} WHERE ${range}`;
  const child = spawn(
    "psql",
    [
      "-X",
      "-q",
      "-v",
      "ON_ERROR_STOP=1",
      "-d",
      url,
      "-c",
      "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY",
      "-c",
      `SET TRANSACTION SNAPSHOT '${snapshot}'`,
      "-c",
      `COPY (${select}) TO STDOUT WITH (FORMAT csv)`,
      "-c",
      "COMMIT",
    ],
    { env: { ...process.env, PGCLIENTENCODING: "UTF8" }, stdio: ["ignore", "pipe", "pipe"] },
  );
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  child.stdout.on("data", (b: Buffer) => out.push(b));
  child.stderr.on("data", (b: Buffer) => err.push(b));
  return new Promise((resolve, reject) => {
    child.once("error", reject);
    child.once("close", (code) => {
      if (code === 0) resolve({ from, to, csv: Buffer.concat(out), exportMs: performance.now() - started });
      else reject(new Error(`psql export of ${table} failed (${code}): ${Buffer.concat(err).toString()}`));
    });
  });
}

/** Copies one table chunk by chunk; the export of the next chunk runs while PGlite loads the current one. */
async function copyTable(
  db: PGlite,
  url: string,
  snapshot: string,
  t: TableInfo,
  columns: string[],
  timings: Timings,
): Promise<number> {
  if (t.blocks === 0) {
    log(`${t.name}: empty`);
    return 0;
  }
  const started = performance.now();
  const copySql = `COPY public.${ident(t.name)} (${columns.map(ident).join(", ")}) FROM '/dev/blob' WITH (FORMAT csv, FREEZE)`;
  // A small table is one chunk; a big one starts small and sizes its chunks from the bytes per block seen so far.
  let blocks = t.blocks * 8192 <= TARGET_CHUNK_BYTES ? t.blocks : FIRST_CHUNK_BLOCKS;
  const next = (from: number) => {
    // The last chunk has no upper bound, so nothing past the size measured at the start is missed.
    const to = from + blocks >= t.blocks ? null : from + blocks;
    return exportChunk(url, snapshot, t.name, columns, from, to);
  };
  let pending: Promise<Chunk> | null = next(0);
  let rows = 0;
  let bytes = 0;
  let n = 0;
  try {
    while (pending) {
      const chunk: Chunk = await pending;
      timings.exportTotal += chunk.exportMs;
      bytes += chunk.csv.length;
      if (chunk.to !== null) {
        const seenPerBlock = chunk.csv.length / Math.max(1, chunk.to - chunk.from);
        const wanted = seenPerBlock > 0 ? TARGET_CHUNK_BYTES / seenPerBlock : blocks * 4;
        blocks = Math.max(16, Math.round(Math.min(wanted, blocks * 4)));
        pending = next(chunk.to);
      } else pending = null;
      const t0 = performance.now();
      let loaded = 0;
      if (chunk.csv.length > 0) {
        const r = await db.query(copySql, [], { blob: new Blob([chunk.csv]) });
        loaded = r.affectedRows ?? 0;
      }
      const loadMs = performance.now() - t0;
      timings.copyTotal += loadMs;
      rows += loaded;
      n++;
      if (t.blocks > FIRST_CHUNK_BLOCKS || n > 1) {
        const upTo = chunk.to ?? t.blocks;
        log(
          `${t.name}: chunk ${n}, blocks ${fmt(chunk.from)}–${fmt(upTo)} of ${fmt(t.blocks)} (${Math.floor((upTo / t.blocks) * 100)}%), ` +
            `${fmt(loaded)} rows, ${mb(chunk.csv.length)}; export ${secs(chunk.exportMs)}, load ${secs(loadMs)} (${rate(loaded, loadMs)} rows/s); ` +
            `table so far ${fmt(rows)} rows at ${rate(rows, performance.now() - started)} rows/s`,
        );
      }
    }
  } catch (err) {
    // The next chunk's export may still be running: its own failure must not surface as an unhandled rejection.
    void pending?.catch(() => undefined);
    throw err;
  }
  const ms = performance.now() - started;
  log(`${t.name}: ${fmt(rows)} rows, ${mb(bytes)} of CSV in ${secs(ms)} (${rate(rows, ms)} rows/s)`);
  return rows;
}

async function main(): Promise<void> {
  const from = arg("from") ?? PG_URL;
  const to = arg("to");
  if (!to) throw new Error("usage: bench/copy-to-embedded.ts [--from postgres://…] --to DIR [--force]");
  const pgdata = join(to, "pgdata");
  if (existsSync(pgdata) && readdirSync(pgdata).length > 0) {
    if (!process.argv.includes("--force"))
      throw new Error(`${pgdata} already holds a database (--force replaces it)`);
    acquireDataDirLock(to)(); // throws while another process uses it
    rmSync(to, { recursive: true, force: true });
  }
  const started = performance.now();
  const timings: Timings = { schema: 0, exportTotal: 0, copyTotal: 0, loadWall: 0, indexes: 0 };

  // 1. The schema, made by the product's own migrations through the same path the benchmarks open it by.
  let t0 = performance.now();
  const app = await openTarget({ label: "embedded", env: { DATABASE_URL: undefined, DATA_DIR: to } });
  try {
    for (const ddl of BENCH_TABLES_DDL) await app.pool.query(ddl);
  } finally {
    await app.close();
  }
  timings.schema = performance.now() - t0;
  log(`schema: migrations and bench tables in ${secs(timings.schema)}`);

  // The source, read under one exported snapshot that every psql export joins.
  const source = new pg.Client({ connectionString: from });
  await source.connect();
  await source.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
  const snapshot = (await source.query<{ s: string }>("SELECT pg_export_snapshot() AS s")).rows[0]?.s;
  if (!snapshot) throw new Error("no snapshot from the source");
  const src = await sourceTables(source);

  const release = acquireDataDirLock(to);
  // wal_level=minimal for this process only: tables truncated in the loading transaction are then written without
  // WAL (synced at commit), and COPY FREEZE marks their pages all-visible, so index-only scans need no VACUUM.
  const db = await PGlite.create(pgdata, {
    extensions: { unaccent, pg_trgm },
    startParams: [...PGlite.defaultStartParams, "-c", "wal_level=minimal", "-c", "max_wal_senders=0"],
  });
  // Until the rebuild ends, the definitions of what the committed load left without its indexes (printed on failure).
  let unbuilt: Rebuild[] = [];
  try {
    const dst = await targetColumns(db);
    const common = [...src.values()].filter((t) => dst.has(t.name));
    const sourceOnly = [...src.keys()].filter((n) => !dst.has(n));
    const targetOnly = [...dst.keys()].filter((n) => !src.has(n));
    if (sourceOnly.length) log(`not copied (source only): ${sourceOnly.join(", ")}`);
    if (targetOnly.length) log(`left as the migrations made them (target only): ${targetOnly.join(", ")}`);
    const columnsOf = new Map<string, string[]>();
    for (const t of common) {
      const target = dst.get(t.name) ?? [];
      const cols = target.filter((c) => t.columns.includes(c));
      const missing = [
        ...target.filter((c) => !cols.includes(c)),
        ...t.columns.filter((c) => !cols.includes(c)),
      ];
      if (missing.length) log(`${t.name}: columns on one side only, not copied: ${missing.join(", ")}`);
      columnsOf.set(t.name, cols);
    }

    // 2. The load: one transaction, so that TRUNCATE makes every table new in it (no WAL, COPY FREEZE allowed).
    t0 = performance.now();
    await db.exec("SET session_replication_role = replica"); // no triggers (postings), no foreign-key checks
    await db.exec("BEGIN");
    const big = common.filter((t) => t.estimate >= BIG_TABLE_ROWS).map((t) => t.name);
    const rebuilds = await indexesToRebuild(db, big);
    for (const r of rebuilds) await db.exec(r.drop);
    log(`dropped for the load: ${rebuilds.map((r) => r.name).join(", ")}`);
    // The migrations may have written reference or state rows: the copy replaces them all.
    await db.exec(`TRUNCATE ${common.map((t) => `public.${ident(t.name)}`).join(", ")}`);
    // Small tables first: a mistake in the schema mapping shows in seconds, not after the big ones.
    const order = [...common].sort((a, b) => a.blocks - b.blocks);
    const loaded = new Map<string, number>();
    for (const t of order)
      loaded.set(t.name, await copyTable(db, from, snapshot, t, columnsOf.get(t.name) ?? [], timings));
    await db.exec("COMMIT");
    unbuilt = rebuilds;
    timings.loadWall = performance.now() - t0;
    log(
      `load: ${secs(timings.loadWall)} (export ${secs(timings.exportTotal)}, load ${secs(timings.copyTotal)}, partly overlapped)`,
    );

    // 3. The indexes and keys, each built once from the loaded rows.
    t0 = performance.now();
    await db.exec(`SET maintenance_work_mem = '${MAINTENANCE_WORK_MEM}'`);
    for (const r of rebuilds) {
      const i0 = performance.now();
      log(`index ${r.name} on ${r.table}: building…`);
      await db.exec(r.sql);
      unbuilt = unbuilt.filter((x) => x !== r);
      log(`index ${r.name} on ${r.table}: ${secs(performance.now() - i0)}`);
    }
    timings.indexes = performance.now() - t0;
    log(`indexes: ${secs(timings.indexes)}`);

    // 4. Sequences at the source's values, statistics, and the counts side by side.
    const { rows: seqs } = await source.query<{ name: string }>(
      `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND c.relkind = 'S' ORDER BY c.relname`,
    );
    const { rows: targetSeqs } = await db.query<{ name: string }>(
      `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND c.relkind = 'S'`,
    );
    const haveSeq = new Set(targetSeqs.map((s) => s.name));
    let set = 0;
    for (const s of seqs) {
      if (!haveSeq.has(s.name)) continue;
      const { rows } = await source.query<{ v: string; called: boolean }>(
        `SELECT last_value::text AS v, is_called AS called FROM public.${ident(s.name)}`,
      );
      const v = rows[0];
      if (!v) continue;
      await db.query("SELECT setval($1::regclass, $2::bigint, $3)", [
        `public.${ident(s.name)}`,
        v.v,
        v.called,
      ]);
      set++;
    }
    log(`sequences: ${set} set to the source's values`);
    t0 = performance.now();
    await db.exec("ANALYZE");
    log(`analyze: ${secs(performance.now() - t0)}`);

    t0 = performance.now();
    let mismatches = 0;
    log(`\n${"table".padEnd(32)} ${"PostgreSQL".padStart(12)} ${"embedded".padStart(12)}`);
    for (const t of [...common].sort((a, b) => b.blocks - a.blocks)) {
      const q = `SELECT count(*)::float8 AS n FROM public.${ident(t.name)}`;
      const a = Number((await source.query<{ n: number }>(q)).rows[0]?.n ?? Number.NaN);
      const b = Number((await db.query<{ n: number }>(q)).rows[0]?.n ?? Number.NaN);
      if (a !== b) mismatches++;
      if (a !== 0 || b !== 0)
        log(
          `${t.name.padEnd(32)} ${fmt(a).padStart(12)} ${fmt(b).padStart(12)}${a === b ? "" : "  MISMATCH"}`,
        );
      if (b !== loaded.get(t.name)) log(`  (${t.name}: COPY reported ${fmt(loaded.get(t.name) ?? 0)})`);
    }
    log(
      `counts: ${mismatches === 0 ? "all equal" : `${mismatches} table(s) differ`} (${secs(performance.now() - t0)})`,
    );
    log(
      `\ntotal ${formatDuration(performance.now() - started)}: schema ${secs(timings.schema)}, ` +
        `load ${secs(timings.loadWall)} (export ${secs(timings.exportTotal)}, COPY into PGlite ${secs(timings.copyTotal)}), ` +
        `indexes ${secs(timings.indexes)}`,
    );
    if (mismatches > 0) process.exitCode = 1;
  } catch (err) {
    if (unbuilt.length)
      log(`indexes not rebuilt (definitions):\n${unbuilt.map((r) => `  ${r.sql};`).join("\n")}`);
    throw err;
  } finally {
    await source.query("ROLLBACK").catch(() => undefined);
    await source.end();
    await db.close();
    release();
  }
}

await main();
