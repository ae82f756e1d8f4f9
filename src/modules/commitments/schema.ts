import {
  bigint,
  bigserial,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { users } from "../accounts/schema.ts";
import { agencies } from "../agencies/schema.ts";
import { petitions } from "../petitions/schema.ts";

/**
 * A commitment (cam kết, kết luận giao việc): what a leader promised, who must do it, by when, and how far it got.
 * dialogue_id and question_id are plain numbers (no foreign key): the dialogues module owns those tables and a
 * commitment may also be made outside any dialogue.
 */
export const commitments = pgTable(
  "commitments",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    /** What people quote: CK-2026-000012. */
    code: text("code").notNull(),
    text: text("text").notNull(),
    agencyId: bigint("agency_id", { mode: "number" })
      .notNull()
      .references(() => agencies.id),
    deadlineWorkingDays: integer("deadline_working_days").notNull(),
    deadline: timestamp("deadline", { withTimezone: true }).notNull(),
    state: text("state", { enum: ["not_started", "in_progress", "done", "overdue", "cancelled"] })
      .notNull()
      .default("not_started"),
    percent: integer("percent").notNull().default(0),
    cancelReason: text("cancel_reason"),
    overdueSince: timestamp("overdue_since", { withTimezone: true }),
    doneAt: timestamp("done_at", { withTimezone: true }),
    dialogueId: bigint("dialogue_id", { mode: "number" }),
    questionId: bigint("question_id", { mode: "number" }),
    createdBy: bigint("created_by", { mode: "number" }).references(() => users.id),
    /** A retried form (same key from the same person) returns the commitment already made. */
    idempotencyKey: text("idempotency_key"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    version: integer("version").notNull().default(1),
  },
  (t) => [
    uniqueIndex("commitments_code").on(t.code),
    uniqueIndex("commitments_idempotency").on(t.createdBy, t.idempotencyKey),
    index("commitments_agency_state").on(t.agencyId, t.state, t.deadline),
    index("commitments_state_deadline").on(t.state, t.deadline),
    index("commitments_dialogue").on(t.dialogueId, t.id),
    index("commitments_question").on(t.questionId),
  ],
);

/** Evidence attached to a progress update, checked by content and stored by hash in `files`. */
export type EvidenceFile = { key: string; mime: string; size: number; name: string };

/** Every dated progress report, cancellation and overdue flag: the commitment's timeline. */
export const commitmentUpdates = pgTable(
  "commitment_updates",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    commitmentId: bigint("commitment_id", { mode: "number" })
      .notNull()
      .references(() => commitments.id),
    action: text("action", { enum: ["create", "progress", "done", "cancel", "overdue"] }).notNull(),
    fromState: text("from_state"),
    toState: text("to_state").notNull(),
    percent: integer("percent").notNull(),
    note: text("note"),
    evidence: jsonb("evidence").$type<EvidenceFile[]>().notNull().default([]),
    byUser: bigint("by_user", { mode: "number" }).references(() => users.id),
    at: timestamp("at", { withTimezone: true }).notNull(),
  },
  (t) => [index("commitment_updates_commitment").on(t.commitmentId, t.id)],
);

/** Petitions a commitment answers (the question raised them, or the leader named them). */
export const commitmentPetitions = pgTable(
  "commitment_petitions",
  {
    commitmentId: bigint("commitment_id", { mode: "number" })
      .notNull()
      .references(() => commitments.id),
    petitionId: bigint("petition_id", { mode: "number" })
      .notNull()
      .references(() => petitions.id),
  },
  (t) => [
    primaryKey({ columns: [t.commitmentId, t.petitionId] }),
    index("commitment_petitions_petition").on(t.petitionId),
  ],
);
