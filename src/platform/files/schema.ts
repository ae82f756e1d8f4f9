import { customType, integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";

const bytea = customType<{ data: Buffer }>({ dataType: () => "bytea" });

/**
 * Uploaded files, stored in the database by content hash: every app node sees them, backups include them,
 * and the same photo uploaded twice is stored once. (An S3-compatible store can replace this table later.)
 */
export const files = pgTable("files", {
  key: text("key").primaryKey(),
  mime: text("mime").notNull(),
  size: integer("size").notNull(),
  bytes: bytea("bytes").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});
