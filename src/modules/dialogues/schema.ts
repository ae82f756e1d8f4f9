import { sql } from "drizzle-orm";
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
import { units } from "../units/schema.ts";

/** A dialogue conference (hội nghị đối thoại) of the province's leaders with village heads. */
export const dialogues = pgTable(
  "dialogues",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    /** What people quote: DT-2026-0003. */
    code: text("code").notNull(),
    title: text("title").notNull(),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
    venue: text("venue"),
    onlineUrl: text("online_url"),
    state: text("state").notNull().default("planned"),
    /** The question being answered now (live). */
    currentQuestionId: bigint("current_question_id", { mode: "number" }),
    /** Bumped by every change the live screens show: the SSE event id. */
    liveVersion: integer("live_version").notNull().default(0),
    createdBy: bigint("created_by", { mode: "number" }).references(() => users.id),
    idempotencyKey: text("idempotency_key"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    closedAt: timestamp("closed_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("dialogues_code").on(t.code),
    uniqueIndex("dialogues_idempotency").on(t.createdBy, t.idempotencyKey),
    index("dialogues_starts").on(t.startsAt, t.id),
  ],
);

/** Leaders who chair the dialogue. */
export const dialogueChairs = pgTable(
  "dialogue_chairs",
  {
    dialogueId: bigint("dialogue_id", { mode: "number" })
      .notNull()
      .references(() => dialogues.id),
    userId: bigint("user_id", { mode: "number" })
      .notNull()
      .references(() => users.id),
  },
  (t) => [primaryKey({ columns: [t.dialogueId, t.userId] })],
);

/** Agencies that must attend to answer. */
export const dialogueAgencies = pgTable(
  "dialogue_agencies",
  {
    dialogueId: bigint("dialogue_id", { mode: "number" })
      .notNull()
      .references(() => dialogues.id),
    agencyId: bigint("agency_id", { mode: "number" })
      .notNull()
      .references(() => agencies.id),
  },
  (t) => [primaryKey({ columns: [t.dialogueId, t.agencyId] })],
);

export const dialogueAgendaItems = pgTable(
  "dialogue_agenda_items",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    dialogueId: bigint("dialogue_id", { mode: "number" })
      .notNull()
      .references(() => dialogues.id),
    /** "08:30" local time of the dialogue's day. */
    startsAt: text("starts_at").notNull(),
    title: text("title").notNull(),
    sort: integer("sort").notNull().default(0),
  },
  (t) => [index("dialogue_agenda_dialogue").on(t.dialogueId, t.sort)],
);

/** One invited person; the token is what the QR code carries for check-in. */
export const dialogueInvitations = pgTable(
  "dialogue_invitations",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    dialogueId: bigint("dialogue_id", { mode: "number" })
      .notNull()
      .references(() => dialogues.id),
    userId: bigint("user_id", { mode: "number" })
      .notNull()
      .references(() => users.id),
    /** The unit the grant that got them invited is on (their village, for village heads). */
    unitId: bigint("unit_id", { mode: "number" }).references(() => units.id),
    role: text("role").notNull(),
    token: text("token").notNull(),
    /** Unaccented lower-case name + unit, for the check-in search. */
    searchName: text("search_name").notNull().default(""),
    checkedInAt: timestamp("checked_in_at", { withTimezone: true }),
    checkedInBy: bigint("checked_in_by", { mode: "number" }).references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("dialogue_invitations_user").on(t.dialogueId, t.userId),
    uniqueIndex("dialogue_invitations_token").on(t.token),
    index("dialogue_invitations_checked").on(t.dialogueId, t.checkedInAt),
  ],
);

export const dialogueQuestions = pgTable(
  "dialogue_questions",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    dialogueId: bigint("dialogue_id", { mode: "number" })
      .notNull()
      .references(() => dialogues.id),
    text: text("text").notNull(),
    villageId: bigint("village_id", { mode: "number" }).references(() => units.id),
    askedBy: bigint("asked_by", { mode: "number" }).references(() => users.id),
    /** 'advance' (before the day), 'floor' (typed by the moderator during the dialogue). */
    origin: text("origin").notNull().default("advance"),
    /** An existing petition of the village raised as this question. */
    petitionId: bigint("petition_id", { mode: "number" }).references(() => petitions.id),
    /** The lead question of its near-duplicate group (itself when it leads one). */
    groupId: bigint("group_id", { mode: "number" }),
    bandKeys: integer("band_keys").array(),
    features: jsonb("features"),
    featureScheme: text("feature_scheme"),
    agencyId: bigint("agency_id", { mode: "number" }).references(() => agencies.id),
    /** Order in the queue (lower first); null = not ordered yet. */
    position: integer("position"),
    /** queued → current → answered | skipped; unreached ones become petitions when the dialogue closes. */
    state: text("state").notNull().default("queued"),
    answerSummary: text("answer_summary"),
    answeredByText: text("answered_by_text"),
    answeredAt: timestamp("answered_at", { withTimezone: true }),
    /** The petition it became when the dialogue closed before it was reached. */
    followUpPetitionId: bigint("follow_up_petition_id", { mode: "number" }).references(() => petitions.id),
    idempotencyKey: text("idempotency_key"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("dialogue_questions_dialogue").on(t.dialogueId, t.state, t.position),
    uniqueIndex("dialogue_questions_idempotency").on(t.dialogueId, t.askedBy, t.idempotencyKey),
    index("dialogue_questions_band_keys").using("gin", t.bandKeys),
    index("dialogue_questions_pending_followup")
      .on(t.dialogueId)
      .where(sql`state IN ('queued', 'skipped') AND follow_up_petition_id IS NULL`),
  ],
);

/** "My village too": one support per person per question, counted by village. */
export const dialogueSupports = pgTable(
  "dialogue_supports",
  {
    questionId: bigint("question_id", { mode: "number" })
      .notNull()
      .references(() => dialogueQuestions.id),
    userId: bigint("user_id", { mode: "number" })
      .notNull()
      .references(() => users.id),
    villageId: bigint("village_id", { mode: "number" }).references(() => units.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.questionId, t.userId] })],
);
