import { createHash } from "node:crypto";
import type pg from "pg";
import type { Queryable } from "../db/database.ts";

/**
 * The hash-chained audit log. Every row stores `prev_hash` (the previous row's hash, 64 zeros for the first)
 * and `hash = sha256(prev_hash + canonicalJson(content))`, so editing, deleting or reordering a row breaks
 * the chain from that row on. Appenders are serialised by a transaction-scoped advisory lock, which makes
 * id order the chain order on one embedded database and on N app nodes alike.
 */

/** Advisory lock key for appenders (7_311_001 is the migration lock). */
export const AUDIT_LOCK = 7_311_002;

export const GENESIS_HASH = "0".repeat(64);

export type AuditEvent = {
  actorId: number | null;
  action: string;
  subjectType: string;
  subjectId?: string | number | null;
  before?: unknown;
  after?: unknown;
};

export type AuditVerification =
  | { ok: true; count: number }
  /** `count`: rows that verified before `brokenAt`, the id of the first row whose hash or link is wrong. */
  | { ok: false; count: number; brokenAt: number; reason: string };

/**
 * JSON with object keys sorted recursively (UTF-16 code-unit order) and no whitespace, so a value hashes
 * the same whatever its key order, and the same after it went through jsonb (which reorders keys).
 * Follows JSON.stringify otherwise: toJSON() is applied, undefined/functions/symbols are dropped from
 * objects and become null in arrays, non-finite numbers become null; a bigint throws.
 */
export function canonicalJson(value: unknown): string {
  return canonical(value) ?? "null";
}

function canonical(input: unknown): string | undefined {
  let value = input;
  if (
    value !== null &&
    typeof value === "object" &&
    typeof (value as { toJSON?: unknown }).toJSON === "function"
  ) {
    value = (value as { toJSON: () => unknown }).toJSON();
  }
  if (value === null) return "null";
  switch (typeof value) {
    case "string":
      return JSON.stringify(value);
    case "number":
      return Number.isFinite(value) ? JSON.stringify(value) : "null";
    case "boolean":
      return value ? "true" : "false";
    case "bigint":
      throw new TypeError("canonicalJson: a bigint cannot be represented in JSON");
    case "object": {
      if (Array.isArray(value)) return `[${value.map((item) => canonical(item) ?? "null").join(",")}]`;
      const record = value as Record<string, unknown>;
      const parts: string[] = [];
      for (const key of Object.keys(record).sort()) {
        const encoded = canonical(record[key]);
        if (encoded !== undefined) parts.push(`${JSON.stringify(key)}:${encoded}`);
      }
      return `{${parts.join(",")}}`;
    }
    default:
      return undefined; // undefined, function, symbol
  }
}

type HashedContent = {
  at: string;
  actorId: number | null;
  action: string;
  subjectType: string;
  subjectId: string | null;
  before: unknown;
  after: unknown;
};

export function auditHash(prevHash: string, content: HashedContent): string {
  return createHash("sha256")
    .update(prevHash + canonicalJson(content))
    .digest("hex");
}

/** What jsonb will give back: the JSON value (Dates as strings, undefined dropped); undefined → SQL NULL. */
function toJsonValue(value: unknown): unknown {
  if (value === undefined || value === null) return null;
  const text = JSON.stringify(value);
  return text === undefined ? null : (JSON.parse(text) as unknown);
}

/**
 * Appends one event inside the caller's transaction (the lock is held until it commits or rolls back, so keep
 * the transaction short). The caller's transaction must be READ COMMITTED (the default): a REPEATABLE READ
 * snapshot taken before the lock could miss the previous appender's row and fork the chain.
 */
export async function appendAudit(client: Queryable, e: AuditEvent, at: Date): Promise<void> {
  if (Number.isNaN(at.getTime())) throw new RangeError("appendAudit: invalid date");
  // The lock, then the last hash read with a snapshot taken after it (see migration 0019): one round trip.
  const head = await client.query<{ hash: string | null; isolation: string }>(
    "SELECT hash, isolation FROM audit_chain_head($1)",
    [AUDIT_LOCK],
  );
  const isolation = head.rows[0]?.isolation;
  if (isolation !== "read committed") {
    throw new Error(`appendAudit needs a READ COMMITTED transaction (this one is ${isolation ?? "unknown"})`);
  }
  const prevHash = head.rows[0]?.hash ?? GENESIS_HASH;
  const content: HashedContent = {
    at: at.toISOString(),
    actorId: e.actorId,
    action: e.action,
    subjectType: e.subjectType,
    subjectId: e.subjectId === undefined || e.subjectId === null ? null : String(e.subjectId),
    before: toJsonValue(e.before),
    after: toJsonValue(e.after),
  };
  const hash = auditHash(prevHash, content);
  await client.query(
    `INSERT INTO audit_events (at, actor_id, action, subject_type, subject_id, before, after, prev_hash, hash)
     VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7::jsonb, $8, $9)`,
    [
      content.at,
      content.actorId,
      content.action,
      content.subjectType,
      content.subjectId,
      content.before === null ? null : JSON.stringify(content.before),
      content.after === null ? null : JSON.stringify(content.after),
      prevHash,
      hash,
    ],
  );
}

type AuditRow = {
  id: number;
  at_us: string;
  actor_id: number | null;
  action: string;
  subject_type: string;
  subject_id: string | null;
  before: unknown;
  after: unknown;
  prev_hash: string;
  hash: string;
};

const VERIFY_BATCH = 1000;

/**
 * Walks the whole chain in id order, a batch at a time (keyset pagination), recomputing every hash from what
 * the database gives back. Reports the first row whose content does not match its hash, or whose prev_hash
 * is not the previous row's hash (a row deleted, inserted or moved before it). Removing rows from the end
 * cannot be seen from the chain alone: compare the last hash with one kept elsewhere for that.
 */
export async function verifyAudit(
  pool: pg.Pool,
  options: { batchSize?: number } = {},
): Promise<AuditVerification> {
  const batchSize = options.batchSize ?? VERIFY_BATCH;
  let prevHash = GENESIS_HASH;
  let lastId = 0;
  let count = 0;
  for (;;) {
    // `at` as text with microseconds, so a sub-millisecond edit is not rounded away by the Date parser.
    const { rows } = await pool.query<AuditRow>(
      `SELECT id, to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US') AS at_us, actor_id, action,
              subject_type, subject_id, before, after, prev_hash, hash
         FROM audit_events WHERE id > $1 ORDER BY id LIMIT $2`,
      [lastId, batchSize],
    );
    for (const row of rows) {
      if (row.prev_hash !== prevHash) {
        return {
          ok: false,
          count,
          brokenAt: row.id,
          reason:
            count === 0
              ? "the first row does not start the chain (rows before it were deleted?)"
              : "prev_hash is not the previous row's hash: a row was deleted, inserted or reordered",
        };
      }
      const content: HashedContent = {
        at: `${row.at_us.slice(0, -3)}Z`,
        actorId: row.actor_id,
        action: row.action,
        subjectType: row.subject_type,
        subjectId: row.subject_id,
        before: row.before,
        after: row.after,
      };
      if (!row.at_us.endsWith("000") || auditHash(prevHash, content) !== row.hash) {
        return {
          ok: false,
          count,
          brokenAt: row.id,
          reason: "the row's content does not match its hash: it was edited",
        };
      }
      prevHash = row.hash;
      count++;
    }
    const last = rows.at(-1);
    if (!last || rows.length < batchSize) return { ok: true, count };
    lastId = last.id;
  }
}
