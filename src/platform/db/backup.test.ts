import assert from "node:assert/strict";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { gunzipSync, gzipSync } from "node:zlib";
import type pg from "pg";
import { appendAudit, verifyAudit } from "../audit/audit.ts";
import { type BackupProgress, backupDatabase, RestoreRefusedError, restoreDatabase } from "./backup.ts";
import { type Database, openDatabase, withTransaction } from "./database.ts";
import { runMigrations } from "./migrate.ts";
import { openTestDatabase } from "./testing.ts";

/**
 * A table beside the application's that exercises what the application's tables do not yet have: a real
 * self-referencing foreign key (with a child whose id is lower than its parent's), a generated column, exact
 * bigint/numeric, bytea, arrays (with NULLs, quotes, two dimensions), JSON null vs SQL NULL, microseconds.
 */
const PROBE_TABLE = `
  CREATE TABLE backup_probe (
    id bigserial PRIMARY KEY,
    parent_id bigint REFERENCES backup_probe(id),
    big bigint,
    amount numeric(26, 6),
    ratio double precision,
    flag boolean,
    data bytea,
    tags text[],
    nums integer[],
    grid integer[][],
    doc jsonb,
    doc_json json,
    day date,
    at timestamptz,
    local_at timestamp,
    span interval,
    uid uuid,
    label varchar(20),
    label_upper text GENERATED ALWAYS AS (upper(label)) STORED
  )`;

async function fill(database: Database): Promise<void> {
  const { pool } = database;
  await pool.query(PROBE_TABLE);
  await withTransaction(pool, async (c) => {
    const province = await c.query<{ id: number }>(
      `INSERT INTO units (level, code, name, full_name, type, path, province_code, valid_from)
       VALUES ('province', '22', 'Quảng Ninh', 'Tỉnh Quảng Ninh', 'tỉnh', '/', '22', '2025-07-01') RETURNING id`,
    );
    const p = province.rows[0]?.id;
    const commune = await c.query<{ id: number }>(
      `INSERT INTO units (level, code, name, full_name, type, parent_id, path, province_code, valid_from)
       VALUES ('commune', '06700', 'Hạ Long', 'Phường Hạ Long', 'phường', $1, $2, '22', '2025-07-01') RETURNING id`,
      [p, `/${p}/`],
    );
    const k = commune.rows[0]?.id;
    await c.query(
      `INSERT INTO units (level, code, name, full_name, type, parent_id, path, head_name, head_phone)
       VALUES ('village', 'v-1', 'Khu 1', 'Khu phố 1', 'khu phố', $1, $2, 'Nguyễn Văn A', '0912345678')`,
      [k, `/${p}/${k}/`],
    );
    const old = await c.query<{ id: number }>(
      `INSERT INTO units (level, code, name, full_name, type, path, valid_to, retired_at)
       VALUES ('commune', '06701', 'Hồng Gai', 'Phường Hồng Gai', 'phường', '/', '2025-06-30', now()) RETURNING id`,
    );
    await c.query(
      `INSERT INTO unit_lineage (old_unit_id, new_unit_id, merge_type, effective_on) VALUES ($1, $2, 'full', '2025-07-01')`,
      [old.rows[0]?.id, k],
    );
    const agency = await c.query<{ id: number }>(
      `INSERT INTO agencies (code, name, kind, unit_id) VALUES ('UBND-HL', 'UBND phường Hạ Long', 'commune_committee', $1)
       RETURNING id`,
      [k],
    );
    const user = await c.query<{ id: number }>(
      `INSERT INTO users (username, full_name, email, password_hash)
       VALUES ('nva', 'Nguyễn Văn A', 'a@example.vn', '$argon2id$v=19$m=19456,t=2,p=1$x$y') RETURNING id`,
    );
    await c.query(
      `INSERT INTO users (username, full_name, password_hash, locale, active) VALUES ('admin', 'Quản trị', 'h', 'en', false)`,
    );
    const u = user.rows[0]?.id;
    await c.query(
      `INSERT INTO role_grants (user_id, role, unit_id, agency_id) VALUES ($1, 'village_head', $2, $3)`,
      [u, k, agency.rows[0]?.id],
    );
    await c.query(
      `INSERT INTO sessions (id_hash, user_id, csrf_token, expires_at) VALUES ('abc', $1, 'csrf', now() + interval '1 day')`,
      [u],
    );
    await c.query(
      `INSERT INTO calendar_entries (date, kind, name_vi, name_en) VALUES ('2026-02-17', 'holiday', 'Tết Nguyên Đán', 'Lunar New Year')`,
    );
    await c.query(
      `INSERT INTO outbox (topic, payload, dedupe_key) VALUES ('petition.submitted', $1::jsonb, 'k1'), ('mail.send', 'null', NULL)`,
      [JSON.stringify({ petitionId: 1, to: ["a@example.vn"], nested: { z: 1, a: [1.5, null, "Đồng"] } })],
    );
    await c.query("DELETE FROM outbox WHERE topic = 'mail.send'"); // the sequence is now ahead of max(id)
  });
  for (let i = 0; i < 5; i++) {
    await withTransaction(pool, (c) =>
      appendAudit(
        c,
        {
          actorId: i,
          action: "unit.rename",
          subjectType: "unit",
          subjectId: i,
          after: { name: `Khu ${i}`, n: 1e21 },
        },
        new Date(Date.UTC(2026, 0, 1, 0, 0, i, 123)),
      ),
    );
  }
  await withTransaction(pool, async (c) => {
    // the child first, its parent later: the child's id is lower than its parent's
    const child = await c.query<{ id: number }>(
      `INSERT INTO backup_probe (big, amount, ratio, flag, data, tags, nums, grid, doc, doc_json, day, at, local_at,
                                 span, uid, label)
       VALUES (9007199254740993, 12345678901234567890.123456, 0.1, true, $1, $2, '{}', '{{1,2},{3,4}}',
               $3::jsonb, '{"b": 1, "a": 2, "a": 3}', '2026-02-17', '2026-01-02 03:04:05.123456+07',
               '2026-01-02 03:04:05.654321', '1 day 02:03:04.5', 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', 'Thôn "Đông"')
       RETURNING id`,
      [
        Buffer.from(Array.from({ length: 256 }, (_, i) => i)),
        ["a,b", 'quote "x"', null, "{brace}", ""],
        // beyond a JS number's precision: must survive as written
        '{"big": 12345678901234567890.5, "text": "Hạ Long", "list": [null, true]}',
      ],
    );
    const parent = await c.query<{ id: number }>(
      `INSERT INTO backup_probe (doc, ratio, nums, data) VALUES ('null'::jsonb, 'NaN', '{1,NULL,3}', '') RETURNING id`,
    );
    await c.query("INSERT INTO backup_probe (label) VALUES (NULL)"); // all NULL
    await c.query("UPDATE backup_probe SET parent_id = $1 WHERE id = $2", [
      parent.rows[0]?.id,
      child.rows[0]?.id,
    ]);
  });
}

async function publicTables(pool: pg.Pool | pg.PoolClient): Promise<string[]> {
  const { rows } = await pool.query<{ table_name: string }>(
    `SELECT table_name FROM information_schema.tables
      WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`,
  );
  return rows.map((r) => r.table_name);
}

/** Every table's rows (generated columns included) as JSON text, in a stable order. */
async function dump(pool: pg.Pool): Promise<Record<string, string[]>> {
  const result: Record<string, string[]> = {};
  await withTransaction(pool, async (c) => {
    await c.query("SET LOCAL TimeZone = 'UTC'");
    for (const table of await publicTables(c)) {
      const { rows } = await c.query<{ row: string }>(
        `SELECT to_jsonb(t)::text AS row FROM public."${table}" t ORDER BY 1`,
      );
      result[table] = rows.map((r) => r.row);
    }
  });
  return result;
}

async function tamperGzip(from: string, to: string, edit: (text: string) => string): Promise<void> {
  await writeFile(to, gzipSync(edit(gunzipSync(await readFile(from)).toString("utf8"))));
}

describe("backup and restore", () => {
  let source: Database;
  let target: Database;
  let dir: string;
  let file: string;

  before(async () => {
    [source, target] = await Promise.all([openTestDatabase(), openTestDatabase()]);
    dir = await mkdtemp(join(tmpdir(), "caunoi-backup-"));
    file = join(dir, "backup.jsonl.gz");
    await fill(source);
    await target.pool.query(PROBE_TABLE);
  });

  after(async () => {
    await Promise.all([source?.close(), target?.close()]);
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  test("a backup restores row for row into another database", async () => {
    const seen: BackupProgress[] = [];
    // small batches: keyset pages, multi-batch inserts, and a self-reference whose parent comes in a later batch
    const header = await backupDatabase(source.pool, file, (p) => seen.push(p), { batchRows: 2 });
    assert.equal(header.format, "caunoi-backup");
    assert.ok(header.migration?.hash);
    const tables = header.tables.map((t) => t.name);
    assert.deepEqual([...tables].sort(), await publicTables(source.pool));
    // referenced tables come first
    assert.ok(tables.indexOf("units") < tables.indexOf("agencies"));
    assert.ok(tables.indexOf("users") < tables.indexOf("role_grants"));
    assert.ok(tables.indexOf("agencies") < tables.indexOf("role_grants"));
    assert.equal(header.tables.find((t) => t.name === "units")?.rows, 4);
    assert.ok(
      !header.tables.find((t) => t.name === "users")?.columns.includes("norm"),
      "generated column skipped",
    );
    const total = header.tables.reduce((s, t) => s + t.rows, 0);
    assert.deepEqual(seen.at(-1), { table: seen.at(-1)?.table, done: total, total });

    const lines = gunzipSync(await readFile(file))
      .toString("utf8")
      .trimEnd()
      .split("\n");
    assert.equal(lines.length, 1 + total);
    const probe = lines
      .map((l) => JSON.parse(l) as { t: string; r: Record<string, unknown> })
      .find((l) => l.t === "backup_probe");
    assert.equal(probe?.r.data, Buffer.from(Array.from({ length: 256 }, (_, i) => i)).toString("base64"));
    assert.ok(
      lines.some((l) => l.includes('"big":9007199254740993')),
      "bigint written exactly",
    );

    const restoredSeen: BackupProgress[] = [];
    const counts = await restoreDatabase(target.pool, file, (p) => restoredSeen.push(p), { batchRows: 1 });
    assert.equal(counts.units, 4);
    assert.equal(counts.audit_events, 5);
    assert.equal(counts.backup_probe, 3);
    assert.equal(restoredSeen.at(-1)?.done, total);
    assert.deepEqual(await dump(target.pool), await dump(source.pool));
    assert.deepEqual(await verifyAudit(target.pool), { ok: true, count: 5 });

    // sequences continue after the restored rows, and after ids the source had already handed out
    const next = await target.pool.query<{ outbox: number; units: number }>(
      "SELECT nextval(pg_get_serial_sequence('outbox', 'id')) AS outbox, nextval(pg_get_serial_sequence('units', 'id')) AS units",
    );
    assert.equal(next.rows[0]?.outbox, 3);
    assert.equal(next.rows[0]?.units, 5);
    await withTransaction(target.pool, (c) =>
      appendAudit(c, { actorId: 1, action: "after.restore", subjectType: "system" }, new Date()),
    );
    assert.deepEqual(await verifyAudit(target.pool), { ok: true, count: 6 });
  });

  test("a second restore into a database with rows is refused and changes nothing", async () => {
    const beforeRestore = await dump(target.pool);
    await assert.rejects(restoreDatabase(target.pool, file), (err: unknown) => {
      assert.ok(err instanceof RestoreRefusedError);
      assert.match(err.message, /không trống/);
      assert.match(err.message, /not empty/);
      return true;
    });
    assert.deepEqual(await dump(target.pool), beforeRestore);
  });

  test("a backup from an unknown (newer) migration is refused", async () => {
    const newer = join(dir, "newer.jsonl.gz");
    await tamperGzip(file, newer, (text) => text.replace(/"hash":"[0-9a-f]+"/, `"hash":"${"f".repeat(64)}"`));
    await assert.rejects(restoreDatabase(target.pool, newer), /newer or different schema/);
    const other = join(dir, "other.jsonl.gz");
    await writeFile(other, gzipSync('{"format":"something-else"}\n'));
    await assert.rejects(restoreDatabase(target.pool, other), /not a Cầu Nối backup/);
  });

  test("a truncated or inconsistent file rolls back and leaves the target empty; a reordered file restores", async () => {
    const tables = await publicTables(target.pool);
    await target.pool.query(`TRUNCATE ${tables.map((t) => `public."${t}"`).join(", ")} RESTART IDENTITY`);
    const truncated = join(dir, "truncated.jsonl.gz");
    const bytes = await readFile(file);
    await writeFile(truncated, bytes.subarray(0, bytes.length - 40));
    await assert.rejects(restoreDatabase(target.pool, truncated));
    const short = join(dir, "short.jsonl.gz");
    await tamperGzip(file, short, (text) => text.split("\n").slice(0, -3).join("\n"));
    await assert.rejects(restoreDatabase(target.pool, short), /truncated file/);
    for (const rows of Object.values(await dump(target.pool))) assert.deepEqual(rows, []);
    // a file whose tables are not in an order the target can take (referencing tables first) still restores,
    // one pass per table
    const reordered = join(dir, "reordered.jsonl.gz");
    await tamperGzip(file, reordered, (text) => {
      const [head = "", ...rows] = text.trimEnd().split("\n");
      const header = JSON.parse(head) as { tables: { name: string }[] };
      header.tables.reverse();
      const rank = new Map(header.tables.map((t, i) => [t.name, i]));
      const tableOf = (line: string) => (JSON.parse(line) as { t: string }).t;
      rows.sort((x, y) => (rank.get(tableOf(x)) ?? 0) - (rank.get(tableOf(y)) ?? 0)); // stable: key order kept
      return `${[JSON.stringify(header), ...rows].join("\n")}\n`;
    });
    await restoreDatabase(target.pool, reordered, undefined, { batchRows: 1 });
    assert.deepEqual(await dump(target.pool), await dump(source.pool));
  });

  test("cross-mode: an embedded database's backup restores into the PostgreSQL server", {
    skip: process.env.TEST_DATABASE_URL ? false : "set TEST_DATABASE_URL to run",
  }, async () => {
    const embedded = await openDatabase(
      { embedded: true, databaseUrl: undefined, dataDir: "", dbPoolSize: 4 },
      { pgdata: "memory://", lock: false },
    );
    const server = await openTestDatabase();
    try {
      await runMigrations(embedded);
      const version = await embedded.pool.query<{ v: string }>("SELECT version() AS v");
      assert.match(version.rows[0]?.v ?? "", /PGlite/);
      await fill(embedded);
      await server.pool.query(PROBE_TABLE);
      const crossFile = join(dir, "embedded.jsonl.gz");
      await backupDatabase(embedded.pool, crossFile);
      await restoreDatabase(server.pool, crossFile);
      assert.deepEqual(await dump(server.pool), await dump(embedded.pool));
      assert.deepEqual(await verifyAudit(server.pool), { ok: true, count: 5 });
    } finally {
      await Promise.all([embedded.close(), server.close()]);
    }
  });
});
