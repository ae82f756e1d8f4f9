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

/** What audit_append() is sent for one event: its columns as stored, and its canonical JSON cut at subjectId. */
export type AuditParts = {
  at: string;
  actorId: number | null;
  action: string;
  subjectType: string;
  before: string | null;
  after: string | null;
  head: string;
  tail: string;
};

export function auditParts(e: Omit<AuditEvent, "subjectId">, at: Date): AuditParts {
  if (Number.isNaN(at.getTime())) throw new RangeError("appendAudit: invalid date");
  const before = toJsonValue(e.before);
  const after = toJsonValue(e.after);
  const { head, tail } = canonicalCut({
    at: at.toISOString(),
    actorId: e.actorId,
    action: e.action,
    subjectType: e.subjectType,
    before,
    after,
  });
  return {
    at: at.toISOString(),
    actorId: e.actorId,
    action: e.action,
    subjectType: e.subjectType,
    before: before === null ? null : JSON.stringify(before),
    after: after === null ? null : JSON.stringify(after),
    head,
    tail,
  };
}

/**
 * The audit_append(...) call (migration 0020: the lock, the last hash and the insert in one round trip) over SQL
 * expressions for each of AuditParts and the subject id (text): placeholders, or columns of rows being inserted
 * by the same statement. The database hashes prev_hash + head + the subject id as JSON + tail, which is
 * auditHash's format.
 *
 * The lock is held until the transaction ends (keep it short), and the transaction must be READ COMMITTED (the
 * default; the function refuses another): a REPEATABLE READ snapshot taken before the lock could miss the
 * previous appender's row and fork the chain. A single statement outside BEGIN is its own transaction.
 */
export function auditAppendSql(x: Record<keyof AuditParts | "subjectId", string>): string {
  return `audit_append(${AUDIT_LOCK}, (${x.at})::timestamptz, (${x.actorId})::bigint, (${x.action})::text, (${x.subjectType})::text, (${x.subjectId})::text, (${x.before})::jsonb, (${x.after})::jsonb, (${x.head})::text, (${x.tail})::text)`;
}

/** The audit_append call for one event with its values as parameters numbered from `first`. */
export function auditAppendCall(e: AuditEvent, at: Date, first: number): { sql: string; params: unknown[] } {
  const parts = auditParts(e, at);
  const n = (k: number) => `$${first + k}`;
  return {
    sql: auditAppendSql({
      at: n(0),
      actorId: n(1),
      action: n(2),
      subjectType: n(3),
      before: n(4),
      after: n(5),
      head: n(6),
      tail: n(7),
      subjectId: n(8),
    }),
    params: [
      parts.at,
      parts.actorId,
      parts.action,
      parts.subjectType,
      parts.before,
      parts.after,
      parts.head,
      parts.tail,
      e.subjectId === undefined || e.subjectId === null ? null : String(e.subjectId),
    ],
  };
}

/**
 * canonicalJson of the hashed content cut around subjectId's value: the content's keys sort as action, actorId,
 * after, at, before, subjectId, subjectType, so the head is everything before the value and the tail is
 * subjectType. head + JSON of the id + tail === canonicalJson(content) (a property test holds it to that).
 */
export function canonicalCut(content: Omit<HashedContent, "subjectId">): { head: string; tail: string } {
  const { subjectType, ...rest } = content;
  const front = canonicalJson(rest);
  return {
    head: `${front.slice(0, -1)},"subjectId":`,
    tail: `,"subjectType":${JSON.stringify(subjectType)}}`,
  };
}

/** Appends one event inside the caller's transaction (or as a statement of its own): one round trip. */
export async function appendAudit(client: Queryable, e: AuditEvent, at: Date): Promise<void> {
  const call = auditAppendCall(e, at, 1);
  await client.query(`SELECT ${call.sql}`, call.params);
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
