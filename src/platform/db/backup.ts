import { createReadStream, createWriteStream } from "node:fs";
import { rename, rm } from "node:fs/promises";
import { pipeline } from "node:stream/promises";
import { StringDecoder } from "node:string_decoder";
import { createGunzip, createGzip } from "node:zlib";
import type pg from "pg";
import { z } from "zod";
import { type Queryable, withTransaction } from "./database.ts";

/**
 * Logical backup and restore, the same in embedded (PGlite) and server mode, so a backup of the embedded
 * database restores into a PostgreSQL server (the upgrade path).
 *
 * File: gzip'd JSON lines. Line 1 is the header; then one line per row, `{"t": table, "r": {column: value}}`,
 * tables in foreign-key order, each table's rows in primary-key order. Values are encoded by PostgreSQL itself
 * (to_jsonb), and decoded by it on restore (the rows never become JS numbers, so bigint and numeric stay exact):
 *   - SQL NULL: the key is absent (so a jsonb column's JSON `null` stays distinct from SQL NULL)
 *   - numbers and booleans as JSON numbers and booleans; text as strings
 *   - timestamptz as ISO 8601 strings in UTC with microseconds; date as YYYY-MM-DD
 *   - json/jsonb as the JSON value itself; bytea as base64
 *   - one-dimensional arrays as JSON arrays; other arrays, enums, domains and composites as PostgreSQL text
 * Generated columns are left out (the target computes them).
 */

export const BACKUP_FORMAT = "caunoi-backup";
export const BACKUP_VERSION = 1;

const headerSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(BACKUP_VERSION),
  createdAt: z.string(),
  /** The last drizzle migration applied to the source. */
  migration: z.object({ hash: z.string(), createdAt: z.number() }).nullable(),
  tables: z.array(
    z.object({ name: z.string(), rows: z.number().int().min(0), columns: z.array(z.string()) }),
  ),
  /** Sequences' last values, so restored ids are never handed out again (even those of deleted rows). */
  sequences: z.array(z.object({ table: z.string(), column: z.string(), lastValue: z.string().nullable() })),
});

export type BackupHeader = z.infer<typeof headerSchema>;

export type BackupProgress = { table: string; done: number; total: number };
export type ProgressCallback = (progress: BackupProgress) => void;

/** Rows per SELECT while reading, and at most this many rows (or INSERT_MAX_CHARS) per INSERT while restoring. */
const BATCH_ROWS = 1000;
export type BatchOptions = { batchRows?: number };
const INSERT_MAX_CHARS = 4_000_000;

/** A restore that was refused before anything changed: the message is in Vietnamese, then English. */
export class RestoreRefusedError extends Error {
  constructor(vi: string, en: string) {
    super(`${vi}\n${en}`);
    this.name = "RestoreRefusedError";
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Schema discovery

type ColumnKind = "plain" | "text" | "json" | "jsonb" | "bytea" | "array";

type Column = {
  name: string;
  /** SQL type, as format_type gives it (safe to splice into SQL). */
  type: string;
  elemType: string | null;
  /** Array elements that to_jsonb would not give back as text (composites, json): the array goes as text. */
  elemNeedsText: boolean;
  kind: ColumnKind;
  nullable: boolean;
  generated: boolean;
  identityAlways: boolean;
};

type Table = {
  name: string;
  columns: Column[];
  /** Primary-key columns in key order; empty: the table has none and is paged by ctid. */
  key: string[];
  /** Tables this one references (foreign keys to other tables). */
  dependsOn: Set<string>;
  /** Foreign keys of the table to itself: their columns. */
  selfReferences: string[][];
};

type ColumnRow = {
  table_name: string;
  column_name: string;
  is_generated: string;
  identity_generation: string | null;
  is_nullable: string;
  type: string;
  typname: string;
  typtype: string;
  typcategory: string;
  elem_type: string | null;
  elem_typtype: string | null;
  elem_typname: string | null;
};

/** Every ordinary table of the public schema, from information_schema (+ pg_catalog for types, keys and FKs). */
async function readSchema(client: Queryable): Promise<Map<string, Table>> {
  const tables = new Map<string, Table>();
  const tableRows = await client.query<{ table_name: string }>(
    `SELECT t.table_name
       FROM information_schema.tables t
       JOIN pg_class c ON c.oid = format('%I.%I', t.table_schema, t.table_name)::regclass
      WHERE t.table_schema = 'public' AND t.table_type = 'BASE TABLE' AND NOT c.relispartition
      ORDER BY t.table_name`,
  );
  for (const { table_name } of tableRows.rows) {
    tables.set(table_name, {
      name: table_name,
      columns: [],
      key: [],
      dependsOn: new Set(),
      selfReferences: [],
    });
  }
  const columnRows = await client.query<ColumnRow>(
    `SELECT c.table_name, c.column_name, c.is_generated, c.identity_generation, c.is_nullable,
            format_type(a.atttypid, a.atttypmod) AS type, ty.typname, ty.typtype, ty.typcategory,
            CASE WHEN ty.typelem <> 0 AND ty.typcategory = 'A' THEN format_type(ty.typelem, a.atttypmod) END AS elem_type,
            et.typtype AS elem_typtype, et.typname AS elem_typname
       FROM information_schema.columns c
       JOIN pg_attribute a ON a.attrelid = format('%I.%I', c.table_schema, c.table_name)::regclass
                          AND a.attname = c.column_name
       JOIN pg_type ty ON ty.oid = a.atttypid
       LEFT JOIN pg_type et ON et.oid = ty.typelem AND ty.typcategory = 'A'
      WHERE c.table_schema = 'public'
      ORDER BY c.table_name, c.ordinal_position`,
  );
  for (const row of columnRows.rows) {
    const table = tables.get(row.table_name);
    if (!table) continue; // a view or a partition
    let kind: ColumnKind = "text";
    if (row.typtype === "b") {
      if (row.typname === "json" || row.typname === "jsonb" || row.typname === "bytea") kind = row.typname;
      else if (row.elem_type !== null) kind = "array";
      else kind = "plain";
    }
    table.columns.push({
      name: row.column_name,
      type: row.type,
      elemType: row.elem_type,
      elemNeedsText: row.elem_typtype === "c" || row.elem_typname === "json" || row.elem_typname === "jsonb",
      kind,
      nullable: row.is_nullable === "YES",
      generated: row.is_generated === "ALWAYS",
      identityAlways: row.identity_generation === "ALWAYS",
    });
  }
  const constraintRows = await client.query<{
    contype: string;
    table_name: string;
    ref_table: string | null;
    columns: string[];
  }>(
    `SELECT con.contype, rel.relname AS table_name, ref.relname AS ref_table,
            array_agg(att.attname::text ORDER BY k.ord) AS columns
       FROM pg_constraint con
       JOIN pg_class rel ON rel.oid = con.conrelid
       JOIN pg_namespace ns ON ns.oid = rel.relnamespace AND ns.nspname = 'public'
       LEFT JOIN pg_class ref ON ref.oid = con.confrelid
       CROSS JOIN LATERAL unnest(con.conkey) WITH ORDINALITY AS k(attnum, ord)
       JOIN pg_attribute att ON att.attrelid = con.conrelid AND att.attnum = k.attnum
      WHERE con.contype IN ('p', 'f')
      GROUP BY con.oid, con.contype, rel.relname, ref.relname`,
  );
  for (const row of constraintRows.rows) {
    const table = tables.get(row.table_name);
    if (!table) continue;
    if (row.contype === "p") table.key = row.columns;
    else if (row.ref_table === row.table_name) table.selfReferences.push(row.columns);
    else if (row.ref_table !== null && tables.has(row.ref_table)) table.dependsOn.add(row.ref_table);
  }
  return tables;
}

/** Referenced tables before referencing ones (Kahn's algorithm, ties by name); a cycle between tables throws. */
function dependencyOrder(tables: Map<string, Table>): string[] {
  const order: string[] = [];
  const placed = new Set<string>();
  const remaining = [...tables.keys()].sort();
  while (remaining.length > 0) {
    const index = remaining.findIndex((name) =>
      [...(tables.get(name)?.dependsOn ?? [])].every((dep) => placed.has(dep)),
    );
    if (index < 0) {
      throw new Error(`foreign keys form a cycle between tables: ${remaining.join(", ")}`);
    }
    const [name] = remaining.splice(index, 1);
    if (name === undefined) break;
    order.push(name);
    placed.add(name);
  }
  return order;
}

const ident = (name: string) => `"${name.replaceAll('"', '""')}"`;
const qualified = (table: string) => `public.${ident(table)}`;

// ---------------------------------------------------------------------------------------------------------------
// Backup

/** A column's value as JSON text, computed by PostgreSQL (see the file comment). */
function encodeExpression(column: Column): string {
  const c = ident(column.name);
  switch (column.kind) {
    case "jsonb":
      return c;
    case "json":
      return `to_jsonb(${c})`;
    case "bytea":
      return `to_jsonb(translate(encode(${c}, 'base64'), E'\\n', ''))`;
    case "array":
      return column.elemNeedsText
        ? `to_jsonb(${c}::text)`
        : `CASE WHEN array_ndims(${c}) > 1 OR array_lower(${c}, 1) <> 1 THEN to_jsonb(${c}::text) ELSE to_jsonb(${c}) END`;
    case "text":
      return `to_jsonb(${c}::text)`;
    case "plain":
      return `to_jsonb(${c})`;
  }
}

type MigrationRow = { hash: string; created_at: number | string | null };

async function appliedMigrations(client: Queryable): Promise<MigrationRow[] | null> {
  const exists = await client.query<{ found: boolean }>(
    "SELECT to_regclass('drizzle.__drizzle_migrations') IS NOT NULL AS found",
  );
  if (!exists.rows[0]?.found) return null;
  const { rows } = await client.query<MigrationRow>(
    "SELECT hash, created_at FROM drizzle.__drizzle_migrations ORDER BY created_at, id",
  );
  return rows;
}

/**
 * Writes a consistent snapshot of every table of the public schema to `file` (gzip'd JSON lines), reading each
 * table in keyset-paginated batches inside one REPEATABLE READ READ ONLY transaction. The file appears only
 * when complete (written to `file.partial`, then renamed). In embedded mode the transaction holds PGlite's
 * single backend: other queries wait until the backup ends.
 */
export async function backupDatabase(
  pool: pg.Pool,
  file: string,
  onProgress?: ProgressCallback,
  options: BatchOptions = {},
): Promise<BackupHeader> {
  const batchRows = options.batchRows ?? BATCH_ROWS;
  const partial = `${file}.partial`;
  const client = await pool.connect();
  let header: BackupHeader | undefined;
  try {
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    // timestamps written in UTC; floats with their shortest exact form
    await client.query("SET LOCAL TimeZone = 'UTC'");
    await client.query("SET LOCAL extra_float_digits = 3");
    const schema = await readSchema(client);
    const order = dependencyOrder(schema);
    const migrations = await appliedMigrations(client);
    const last = migrations?.at(-1);

    const tables: BackupHeader["tables"] = [];
    for (const name of order) {
      const counted = await client.query<{ n: string }>(`SELECT count(*)::text AS n FROM ${qualified(name)}`);
      const columns = (schema.get(name)?.columns ?? []).filter((c) => !c.generated).map((c) => c.name);
      tables.push({ name, rows: Number(counted.rows[0]?.n ?? 0), columns });
    }
    const sequenceRows = await client.query<{
      table_name: string;
      column_name: string;
      last_value: string | null;
    }>(
      `SELECT table_name, column_name, pg_sequence_last_value(seq)::text AS last_value
         FROM (SELECT table_name, column_name,
                      pg_get_serial_sequence(format('%I.%I', table_schema, table_name), column_name)::regclass AS seq
                 FROM information_schema.columns WHERE table_schema = 'public') s
        WHERE seq IS NOT NULL ORDER BY table_name, column_name`,
    );
    header = {
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      createdAt: new Date().toISOString(),
      migration: last ? { hash: last.hash, createdAt: Number(last.created_at) } : null,
      tables,
      sequences: sequenceRows.rows.map((r) => ({
        table: r.table_name,
        column: r.column_name,
        lastValue: r.last_value,
      })),
    };
    const total = tables.reduce((sum, t) => sum + t.rows, 0);
    const headerLine = `${JSON.stringify(header)}\n`;

    async function* lines(): AsyncGenerator<string> {
      yield headerLine;
      let done = 0;
      for (const name of order) {
        const table = schema.get(name);
        if (!table) continue;
        for await (const batch of readTable(client, table, batchRows)) {
          yield batch.text;
          done += batch.rows;
          onProgress?.({ table: name, done, total });
        }
      }
    }
    await pipeline(lines, createGzip(), createWriteStream(partial));
    await client.query("COMMIT");
    await rename(partial, file);
    return header;
  } catch (err) {
    await client.query("ROLLBACK").catch(() => undefined);
    await rm(partial, { force: true });
    throw err;
  } finally {
    client.release();
  }
}

/** One table's rows in key order, as ready-made lines, a batch at a time. */
async function* readTable(
  client: Queryable,
  table: Table,
  batchRows: number,
): AsyncGenerator<{ text: string; rows: number }> {
  const columns = table.columns.filter((c) => !c.generated);
  const keyColumns = table.key.map((name) => table.columns.find((c) => c.name === name));
  // keyset on the primary key; a table without one is paged by ctid (stable within the snapshot)
  const keyExprs = table.key.length > 0 ? table.key.map(ident) : ["ctid"];
  const keyTypes = table.key.length > 0 ? keyColumns.map((c) => c?.type ?? "text") : ["tid"];
  const select = [
    ...keyExprs.map((k, i) => `${k}::text AS k${i}`),
    ...columns.map((c, i) => `${encodeExpression(c)}::text AS v${i}`),
  ].join(", ");
  const after = `(${keyExprs.join(", ")}) > (${keyTypes.map((t, i) => `$${i + 1}::${t}`).join(", ")})`;
  const orderBy = keyExprs.join(", ");
  const prefix = `{"t":${JSON.stringify(table.name)},"r":{`;
  const names = columns.map((c) => `${JSON.stringify(c.name)}:`);
  let lastKey: string[] | null = null;
  for (;;) {
    const sql: string =
      lastKey === null
        ? `SELECT ${select} FROM ${qualified(table.name)} ORDER BY ${orderBy} LIMIT ${batchRows}`
        : `SELECT ${select} FROM ${qualified(table.name)} WHERE ${after} ORDER BY ${orderBy} LIMIT ${batchRows}`;
    const result: pg.QueryResult<Record<string, string | null>> = await client.query(sql, lastKey ?? []);
    const rows = result.rows;
    if (rows.length === 0) return;
    let text = "";
    for (const row of rows) {
      const parts: string[] = [];
      for (let i = 0; i < columns.length; i++) {
        const value = row[`v${i}`];
        if (value !== null && value !== undefined) parts.push(`${names[i]}${value}`);
      }
      text += `${prefix}${parts.join(",")}}}\n`;
    }
    const lastRow: Record<string, string | null> | undefined = rows[rows.length - 1];
    lastKey = keyExprs.map((_, i): string => lastRow?.[`k${i}`] ?? "");
    yield { text, rows: rows.length };
    if (rows.length < batchRows) return;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Restore

/** The JSON text of one line's row as a SQL value of the column's type (the inverse of encodeExpression). */
function decodeExpression(column: Column): string {
  const value = `l.r->${quoteLiteral(column.name)}`;
  const text = `l.r->>${quoteLiteral(column.name)}`;
  switch (column.kind) {
    case "jsonb":
      return value;
    case "json":
      return `(${value})::json`;
    case "bytea":
      return `decode(${text}, 'base64')`;
    case "array":
      return `CASE jsonb_typeof(${value})
        WHEN 'string' THEN (${text})::${column.type}
        WHEN 'array' THEN ARRAY(SELECT a.x::${column.elemType} FROM jsonb_array_elements_text(${value}) WITH ORDINALITY AS a(x, n) ORDER BY a.n)
      END`;
    case "text":
    case "plain":
      return `(${text})::${column.type}`;
  }
}

const quoteLiteral = (s: string) => `'${s.replaceAll("'", "''")}'`;

/** Lines of a gzip'd file, streamed; a truncated or corrupt file throws. */
async function* readLines(file: string): AsyncGenerator<string> {
  const source = createReadStream(file);
  const gunzip = createGunzip();
  source.on("error", (err) => gunzip.destroy(err));
  source.pipe(gunzip);
  const decoder = new StringDecoder("utf8");
  let rest = "";
  try {
    for await (const chunk of gunzip) {
      rest += decoder.write(chunk as Buffer);
      let start = 0;
      for (let end = rest.indexOf("\n"); end >= 0; end = rest.indexOf("\n", start)) {
        yield rest.slice(start, end);
        start = end + 1;
      }
      rest = rest.slice(start);
    }
    rest += decoder.end();
    if (rest.length > 0) yield rest;
  } finally {
    source.destroy();
    gunzip.destroy();
  }
}

const TABLE_PREFIX = /^\{"t":("(?:[^"\\]|\\.)*"),/;

function lineTable(line: string): string {
  const match = TABLE_PREFIX.exec(line);
  const name: unknown =
    match?.[1] !== undefined ? JSON.parse(match[1]) : (JSON.parse(line) as { t?: unknown }).t;
  if (typeof name !== "string") throw new Error("backup file: a row line has no table name");
  return name;
}

async function readHeader(file: string): Promise<{ header: BackupHeader; lines: AsyncGenerator<string> }> {
  const lines = readLines(file);
  try {
    const first = await lines.next();
    let parsed: unknown;
    try {
      parsed = first.done ? undefined : JSON.parse(first.value);
    } catch {
      parsed = undefined;
    }
    const header = headerSchema.safeParse(parsed);
    if (!header.success) {
      throw new RestoreRefusedError(
        `${file} không phải là tệp sao lưu Cầu Nối (định dạng ${BACKUP_FORMAT} phiên bản ${BACKUP_VERSION}).`,
        `${file} is not a Cầu Nối backup (format ${BACKUP_FORMAT} version ${BACKUP_VERSION}).`,
      );
    }
    return { header: header.data, lines };
  } catch (err) {
    await lines.return(undefined);
    throw err;
  }
}

/** Refuses (changing nothing) unless the target is migrated, knows the backup's migration, fits it and is empty. */
async function checkTarget(
  client: Queryable,
  header: BackupHeader,
  schema: Map<string, Table>,
): Promise<void> {
  const migrations = await appliedMigrations(client);
  if (migrations === null || migrations.length === 0) {
    throw new RestoreRefusedError(
      "Cơ sở dữ liệu đích chưa được khởi tạo: chạy `caunoi migrate` trước khi khôi phục.",
      "The target database is not migrated: run `caunoi migrate` before restoring.",
    );
  }
  if (header.migration === null) {
    throw new RestoreRefusedError(
      "Tệp sao lưu không ghi phiên bản lược đồ (migration) nên không thể khôi phục.",
      "The backup records no schema migration, so it cannot be restored.",
    );
  }
  const { hash, createdAt } = header.migration;
  if (!migrations.some((m) => m.hash === hash)) {
    throw new RestoreRefusedError(
      `Tệp sao lưu được tạo với lược đồ mới hơn hoặc khác phiên bản này (migration ${createdAt}, ${hash.slice(0, 12)}): hãy cập nhật phần mềm trước.`,
      `The backup was made with a newer or different schema than this version knows (migration ${createdAt}, ${hash.slice(0, 12)}): upgrade the software first.`,
    );
  }
  for (const saved of header.tables) {
    const table = schema.get(saved.name);
    const missing = table
      ? saved.columns.filter((name) => !table.columns.some((c) => c.name === name && !c.generated))
      : [];
    if (!table || missing.length > 0) {
      const what = table ? `${saved.name}.${missing.join(", ")}` : saved.name;
      throw new RestoreRefusedError(
        `Cơ sở dữ liệu đích không có ${what} của tệp sao lưu.`,
        `The target database has no ${what}, which the backup contains.`,
      );
    }
  }
  const names = [...schema.keys()];
  if (names.length === 0) return;
  // nobody writes while we check and fill (readers may go on)
  await client.query(`LOCK TABLE ${names.map(qualified).join(", ")} IN EXCLUSIVE MODE`);
  const nonEmpty = await client.query<{ name: string }>(
    names
      .map((n) => `SELECT ${quoteLiteral(n)} AS name WHERE EXISTS (SELECT 1 FROM ${qualified(n)})`)
      .join(" UNION ALL "),
  );
  if (nonEmpty.rows.length > 0) {
    const list = nonEmpty.rows.map((r) => r.name).join(", ");
    throw new RestoreRefusedError(
      `Cơ sở dữ liệu đích không trống (có dữ liệu trong: ${list}). Chỉ khôi phục vào một cơ sở dữ liệu mới, đã chạy migrate; không có gì bị thay đổi.`,
      `The target database is not empty (rows in: ${list}). Restore only into a new, migrated database; nothing was changed.`,
    );
  }
}

type TableRestorer = {
  add(line: string): Promise<void>;
  finish(): Promise<number>;
};

/**
 * Inserts one table's lines in multi-row batches (the JSON goes to PostgreSQL as one jsonb array and is decoded
 * there). Self-references (a table's foreign key to itself, e.g. a parent_id): a child may come before its parent
 * in key order (a village moved under a commune created after it), so nullable self-referencing columns are
 * inserted as NULL and set afterwards from a temporary table, once every row of the table exists. A NOT NULL
 * self-reference (or one on a table without a primary key) cannot be deferred: its rows go in key order.
 */
async function tableRestorer(
  client: Queryable,
  table: Table,
  savedColumns: string[],
  batchRows: number,
  onRows: (n: number) => void,
): Promise<TableRestorer> {
  const columns = savedColumns.map((name) => {
    const column = table.columns.find((c) => c.name === name);
    if (!column) throw new Error(`no column ${table.name}.${name}`);
    return column;
  });
  const deferred = new Set<string>();
  if (table.key.length > 0) {
    for (const fk of table.selfReferences) {
      const cols = fk.map((name) => table.columns.find((c) => c.name === name));
      if (cols.every((c) => c?.nullable && !table.key.includes(c.name))) for (const c of fk) deferred.add(c);
    }
  }
  const deferredSaved = columns.filter((c) => deferred.has(c.name));
  const overriding = columns.some((c) => c.identityAlways) ? " OVERRIDING SYSTEM VALUE" : "";
  const insertSql = `INSERT INTO ${qualified(table.name)} (${columns.map((c) => ident(c.name)).join(", ")})${overriding}
    SELECT ${columns.map((c) => (deferred.has(c.name) ? `NULL::${c.type}` : decodeExpression(c))).join(", ")}
      FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS x(line, n)
      CROSS JOIN LATERAL (SELECT x.line->'r' AS r) AS l
     ORDER BY x.n`;
  const keyColumns = table.key.map((name) => table.columns.find((c) => c.name === name));
  if (deferredSaved.length > 0) {
    await client.query(
      "CREATE TEMP TABLE IF NOT EXISTS caunoi_restore_deferred (r jsonb NOT NULL) ON COMMIT DROP",
    );
    await client.query("TRUNCATE caunoi_restore_deferred");
  }
  const keepSql = `INSERT INTO caunoi_restore_deferred (r)
    SELECT x.line->'r' FROM jsonb_array_elements($1::jsonb) AS x(line)
     WHERE (x.line->'r') ?| ARRAY[${deferredSaved.map((c) => quoteLiteral(c.name)).join(", ")}]::text[]`;

  let batch: string[] = [];
  let chars = 0;
  let count = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    const json = `[${batch.join(",")}]`;
    await client.query(insertSql, [json]);
    if (deferredSaved.length > 0) await client.query(keepSql, [json]);
    count += batch.length;
    onRows(batch.length);
    batch = [];
    chars = 0;
  };
  return {
    async add(line) {
      batch.push(line);
      chars += line.length;
      if (batch.length >= batchRows || chars >= INSERT_MAX_CHARS) await flush();
    },
    async finish() {
      await flush();
      if (deferredSaved.length > 0) {
        await client.query(
          `UPDATE ${qualified(table.name)} AS t
              SET ${deferredSaved.map((c) => `${ident(c.name)} = ${decodeExpression(c)}`).join(", ")}
             FROM caunoi_restore_deferred AS l
            WHERE ${keyColumns.map((c) => `t.${ident(c?.name ?? "")} = (l.r->>${quoteLiteral(c?.name ?? "")})::${c?.type}`).join(" AND ")}`,
        );
        await client.query("TRUNCATE caunoi_restore_deferred");
      }
      return count;
    },
  };
}

/**
 * Restores a backup into a migrated, empty database (run `runMigrations` first), all in one transaction:
 * tables in the target's foreign-key order, rows in multi-row batches, then every sequence moved past both the
 * restored ids and the source's last value. Refuses (with RestoreRefusedError, changing nothing) a non-empty
 * or unmigrated target, or a backup from a schema the target does not know. Returns the rows restored per table.
 */
export async function restoreDatabase(
  pool: pg.Pool,
  file: string,
  onProgress?: ProgressCallback,
  options: BatchOptions = {},
): Promise<Record<string, number>> {
  const batchRows = options.batchRows ?? BATCH_ROWS;
  const first = await readHeader(file);
  const { header } = first;
  let lines: AsyncGenerator<string> | undefined = first.lines;
  try {
    return await withTransaction(pool, async (client) => {
      const schema = await readSchema(client);
      await checkTarget(client, header, schema);

      const saved = new Map(header.tables.map((t) => [t.name, t]));
      const order = dependencyOrder(schema).filter((name) => saved.has(name));
      const total = header.tables.reduce((sum, t) => sum + t.rows, 0);
      const counts: Record<string, number> = {};
      let done = 0;
      let current = "";
      const onRows = (n: number) => {
        done += n;
        onProgress?.({ table: current, done, total });
      };

      // The backup lists its tables in the source's foreign-key order. If that order suits the target too
      // (always, unless the schema changed), one pass over the file does; otherwise one pass per table.
      const position = new Map(header.tables.map((t, i) => [t.name, i]));
      const fileOrderFits = header.tables.every((t, i) =>
        [...(schema.get(t.name)?.dependsOn ?? [])].every((dep) => (position.get(dep) ?? -1) < i),
      );
      const passes: (string[] | null)[] = fileOrderFits ? [null] : order.map((name) => [name]);

      for (const only of passes) {
        const source: AsyncGenerator<string> = lines ?? (await readHeader(file)).lines;
        lines = undefined;
        let restorer: TableRestorer | undefined;
        const finished = new Set<string>();
        const finishCurrent = async () => {
          if (!restorer) return;
          counts[current] = await restorer.finish();
          finished.add(current);
          restorer = undefined;
        };
        try {
          for await (const line of source) {
            if (line.length === 0) continue;
            const name = lineTable(line);
            if (only && !only.includes(name)) continue;
            if (name !== current || !restorer) {
              await finishCurrent();
              const table = schema.get(name);
              const savedTable = saved.get(name);
              if (!table || !savedTable || finished.has(name)) {
                throw new Error(`backup file: unexpected rows of table ${name}`);
              }
              current = name;
              restorer = await tableRestorer(client, table, savedTable.columns, batchRows, onRows);
            }
            await restorer.add(line);
          }
          await finishCurrent();
        } finally {
          await source.return(undefined);
        }
      }

      for (const t of header.tables) {
        counts[t.name] ??= 0;
        if (counts[t.name] !== t.rows) {
          throw new Error(
            `backup file: ${t.name} has ${counts[t.name]} rows, the header says ${t.rows} (truncated file?)`,
          );
        }
      }
      await resetSequences(client, header);
      const ordered: Record<string, number> = {};
      for (const name of order) ordered[name] = counts[name] ?? 0;
      return ordered;
    });
  } finally {
    await lines?.return(undefined);
  }
}

/** Every serial/identity sequence of the public schema continues after max(id) and the source's last value. */
async function resetSequences(client: Queryable, header: BackupHeader): Promise<void> {
  const { rows } = await client.query<{ table_name: string; column_name: string; seq: string }>(
    `SELECT table_name, column_name, seq FROM (
       SELECT table_name, column_name,
              pg_get_serial_sequence(format('%I.%I', table_schema, table_name), column_name) AS seq
         FROM information_schema.columns WHERE table_schema = 'public') s
      WHERE seq IS NOT NULL`,
  );
  for (const row of rows) {
    const savedValue =
      header.sequences.find((s) => s.table === row.table_name && s.column === row.column_name)?.lastValue ??
      null;
    await client.query(
      `SELECT setval($1::regclass, v) FROM (
         SELECT GREATEST((SELECT max(${ident(row.column_name)})::bigint FROM ${qualified(row.table_name)}), $2::bigint) AS v
       ) s WHERE v IS NOT NULL`,
      [row.seq, savedValue],
    );
  }
}
