import { bigint, bigserial, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/** Append-only; each row's hash covers its content and the previous row's hash, so an edit breaks the chain. */
export const auditEvents = pgTable("audit_events", {
  id: bigserial("id", { mode: "number" }).primaryKey(),
  at: timestamp("at", { withTimezone: true, mode: "string" }).notNull(),
  actorId: bigint("actor_id", { mode: "number" }),
  action: text("action").notNull(),
  subjectType: text("subject_type").notNull(),
  subjectId: text("subject_id"),
  before: jsonb("before"),
  after: jsonb("after"),
  prevHash: text("prev_hash").notNull(),
  hash: text("hash").notNull(),
});
