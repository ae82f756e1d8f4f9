import type { Queryable } from "../db/database.ts";

export type OutboxMessage = {
  /** What the dispatcher routes on, e.g. "petition.submitted". */
  topic: string;
  /** Stored as jsonb: pass plain JSON-compatible data (undefined is stored as null). */
  payload: unknown;
  /** A message whose dedupeKey is already in the outbox (pending, done or failed) is silently skipped. */
  dedupeKey?: string;
  /** Not before this time; default: the database's now() (the transaction's start). */
  availableAt?: Date;
};

/**
 * Writes a message to the outbox. Call it with the transaction's client, inside the transaction that makes the
 * change the message is about: the message exists if and only if the change commits.
 */
export async function enqueue(client: Queryable, msg: OutboxMessage): Promise<void> {
  await client.query(
    `INSERT INTO outbox (topic, payload, dedupe_key, available_at)
     VALUES ($1, $2::jsonb, $3, COALESCE($4::timestamptz, now()))
     ON CONFLICT (dedupe_key) DO NOTHING`,
    [msg.topic, JSON.stringify(msg.payload ?? null), msg.dedupeKey ?? null, msg.availableAt ?? null],
  );
}
