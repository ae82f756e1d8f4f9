import { bigint, bigserial, index, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { users } from "../accounts/schema.ts";

/** Each user's in-app inbox. */
export const notifications = pgTable(
  "notifications",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    userId: bigint("user_id", { mode: "number" })
      .notNull()
      .references(() => users.id),
    kind: text("kind").notNull(),
    title: text("title").notNull(),
    body: text("body").notNull(),
    link: text("link"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp("read_at", { withTimezone: true }),
    /** The outbox row that delivered it: a redelivery of the same row inserts nothing. */
    outboxId: bigint("outbox_id", { mode: "number" }),
  },
  (t) => [
    index("notifications_user_created").on(t.userId, t.createdAt),
    uniqueIndex("notifications_outbox").on(t.outboxId),
  ],
);
