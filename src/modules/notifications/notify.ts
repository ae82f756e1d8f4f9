import type { Queryable } from "../../platform/db/database.ts";
import { enqueue, enqueueMany } from "../../platform/jobs/outbox.ts";

export const NOTIFY_TOPIC = "notifications.deliver";

export type NotifyPayload = {
  userId: number;
  /** Catalog keys `notify.<kind>.title` and `notify.<kind>.body`, rendered in the reader's language on delivery. */
  kind: string;
  params?: Record<string, string | number>;
  link?: string | null;
  /** Also send an email when the person has an address. */
  email?: boolean;
};

/**
 * Other modules call this inside their own transaction: the notice goes out only if their change commits,
 * and a retried delivery with the same dedupeKey never shows twice.
 */
export async function notify(client: Queryable, payload: NotifyPayload, dedupeKey?: string): Promise<void> {
  await enqueue(client, { topic: NOTIFY_TOPIC, payload, dedupeKey });
}

/** The same notice to several people in one statement (one outbox row each, deduplicated per person). */
export async function notifyAll(
  client: Queryable,
  userIds: readonly number[],
  notice: Omit<NotifyPayload, "userId">,
  dedupeKey: (userId: number) => string,
): Promise<void> {
  await enqueueMany(
    client,
    userIds.map((userId) => ({
      topic: NOTIFY_TOPIC,
      payload: { userId, ...notice },
      dedupeKey: dedupeKey(userId),
    })),
  );
}
