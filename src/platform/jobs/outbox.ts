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

/** Several messages in one statement (same rules as `enqueue`); nothing to do for none. */
export async function enqueueMany(client: Queryable, msgs: readonly OutboxMessage[]): Promise<void> {
  if (msgs.length === 0) return;
  if (msgs.length === 1) return enqueue(client, msgs[0] as OutboxMessage);
  await client.query(
    `INSERT INTO outbox (topic, payload, dedupe_key, available_at)
     SELECT m.topic, m.payload, m.dedupe_key, COALESCE(m.available_at, now())
       FROM jsonb_to_recordset($1::jsonb) AS m(topic text, payload jsonb, dedupe_key text, available_at timestamptz)
     ON CONFLICT (dedupe_key) DO NOTHING`,
    [
      JSON.stringify(
        msgs.map((m) => ({
          topic: m.topic,
          payload: m.payload ?? null,
          dedupe_key: m.dedupeKey ?? null,
          available_at: m.availableAt?.toISOString() ?? null,
        })),
      ),
    ],
  );
}

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
