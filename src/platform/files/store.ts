import { createHash } from "node:crypto";
import type { Queryable } from "../db/database.ts";
import { type Sniffed, sniff } from "./sniff.ts";

export const MAX_FILE_BYTES = 10 * 1024 * 1024;

export type StoredFile = Sniffed & { key: string; size: number };

export class FileRejected extends Error {
  constructor(public readonly messageKey: "files.error.tooLarge" | "files.error.type" | "files.error.empty") {
    super(messageKey);
  }
}

/** Checks a file by content and size, then stores it once by its hash (inside the caller's transaction). */
export async function storeFile(
  db: Queryable,
  bytes: Uint8Array,
  accept: ReadonlyArray<Sniffed["kind"]>,
): Promise<StoredFile> {
  if (bytes.length === 0) throw new FileRejected("files.error.empty");
  if (bytes.length > MAX_FILE_BYTES) throw new FileRejected("files.error.tooLarge");
  const kind = sniff(bytes);
  if (!kind || !accept.includes(kind.kind)) throw new FileRejected("files.error.type");
  const key = createHash("sha256").update(bytes).digest("hex");
  await db.query(
    "INSERT INTO files (key, mime, size, bytes) VALUES ($1, $2, $3, $4) ON CONFLICT (key) DO NOTHING",
    [key, kind.mime, bytes.length, Buffer.from(bytes)],
  );
  return { ...kind, key, size: bytes.length };
}

export async function readStoredFile(
  db: Queryable,
  key: string,
): Promise<{ mime: string; bytes: Buffer } | null> {
  if (!/^[0-9a-f]{64}$/.test(key)) return null;
  const { rows } = await db.query<{ mime: string; bytes: Buffer }>(
    "SELECT mime, bytes FROM files WHERE key = $1",
    [key],
  );
  return rows[0] ?? null;
}
