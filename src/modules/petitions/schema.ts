import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  bigint,
  bigserial,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { tsvector } from "../../platform/db/columns.ts";
import { users } from "../accounts/schema.ts";
import { agencies } from "../agencies/schema.ts";
import { units } from "../units/schema.ts";

/** The 25 proposed categories, editable by admins. */
export const categories = pgTable("categories", {
  code: text("code").primaryKey(),
  nameVi: text("name_vi").notNull(),
  nameEn: text("name_en").notNull(),
  examplesVi: text("examples_vi"),
  usualLevel: text("usual_level"),
  sort: integer("sort").notNull().default(0),
  active: boolean("active").notNull().default(true),
});

export const petitions = pgTable(
  "petitions",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    /** What people quote on the phone: KN-2026-000123. */
    code: text("code").notNull(),
    kind: text("kind").notNull(),
    categoryCode: text("category_code").references(() => categories.code),
    title: text("title").notNull(),
    body: text("body").notNull(),
    urgency: text("urgency").notNull().default("normal"),
    households: integer("households").notNull().default(1),
    location: text("location"),
    villageId: bigint("village_id", { mode: "number" })
      .notNull()
      .references(() => units.id),
    /** The village's path, copied so that subtree filters are an index prefix scan. */
    unitPath: text("unit_path").notNull(),
    submittedBy: bigint("submitted_by", { mode: "number" })
      .notNull()
      .references(() => users.id),
    state: text("state").notNull(),
    level: text("level"),
    agencyId: bigint("agency_id", { mode: "number" }).references(() => agencies.id),
    deadlineAt: timestamp("deadline_at", { withTimezone: true }),
    overdueSince: timestamp("overdue_since", { withTimezone: true }),
    escalatedForOverdueAt: timestamp("escalated_for_overdue_at", { withTimezone: true }),
    submittedAt: timestamp("submitted_at", { withTimezone: true }),
    receivedAt: timestamp("received_at", { withTimezone: true }),
    assignedAt: timestamp("assigned_at", { withTimezone: true }),
    answeredAt: timestamp("answered_at", { withTimezone: true }),
    closedAt: timestamp("closed_at", { withTimezone: true }),
    answer: text("answer"),
    answerPublished: boolean("answer_published").notNull().default(false),
    answeredBy: bigint("answered_by", { mode: "number" }).references(() => users.id),
    answeredOnTime: boolean("answered_on_time"),
    satisfaction: text("satisfaction"),
    returnReason: text("return_reason"),
    redirectProcedure: text("redirect_procedure"),
    redirectDueAt: timestamp("redirect_due_at", { withTimezone: true }),
    centralReportId: bigint("central_report_id", { mode: "number" }),
    centralAgencyId: bigint("central_agency_id", { mode: "number" }).references(() => agencies.id),
    clusterId: bigint("cluster_id", { mode: "number" }),
    /**
     * "Thôn tôi cũng vậy": the village head said this raises the same issue as that petition. Only a claim:
     * a coordinator confirms it by linking the two into one cluster (issue 4: suggestions never merge alone).
     */
    joinsPetitionId: bigint("joins_petition_id", { mode: "number" }).references(
      (): AnyPgColumn => petitions.id,
    ),
    handBacks: integer("hand_backs").notNull().default(0),
    idempotencyKey: text("idempotency_key"),
    /** Normalised (abbreviations expanded, diacritics folded) title + body, computed in the application. */
    searchText: text("search_text").notNull().default(""),
    tsv: tsvector("tsv").generatedAlwaysAs(sql`to_tsvector('simple'::regconfig, search_text)`),
    /** MinHash LSH band and concept keys of the text; their postings are in petition_similarity_keys. */
    bandKeys: integer("band_keys").array(),
    /** The detector's prepared features (re-rank without re-analysing), tagged with its feature scheme. */
    features: jsonb("features"),
    featureScheme: text("feature_scheme"),
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("petitions_code").on(t.code),
    uniqueIndex("petitions_idempotency").on(t.submittedBy, t.idempotencyKey),
    index("petitions_state_deadline").on(t.state, t.deadlineAt),
    // the newest rows of one state: the window a text search reads first (queries/listPetitions.ts)
    index("petitions_state_id").on(t.state, t.id),
    index("petitions_unit_path").using("btree", sql`${t.unitPath} text_pattern_ops`, t.id),
    index("petitions_agency_state").on(t.agencyId, t.state, t.deadlineAt),
    index("petitions_village").on(t.villageId, t.id),
    index("petitions_submitted").on(t.submittedAt, t.id),
    index("petitions_category").on(t.categoryCode, t.id),
    index("petitions_cluster").on(t.clusterId),
    index("petitions_joins").on(t.joinsPetitionId),
    index("petitions_central_report").on(t.centralReportId),
    index("petitions_tsv").using("gin", t.tsv),
  ],
);

/** Residents' names and phones: personal data, kept apart, shown only to the village head and the commune officer. */
export const petitionResidents = pgTable("petition_residents", {
  petitionId: bigint("petition_id", { mode: "number" })
    .primaryKey()
    .references(() => petitions.id),
  names: text("names"),
  phones: text("phones"),
  consent: boolean("consent").notNull().default(false),
});

/** Every step of a petition, in order: its timeline. */
export const petitionEvents = pgTable(
  "petition_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    petitionId: bigint("petition_id", { mode: "number" })
      .notNull()
      .references(() => petitions.id),
    at: timestamp("at", { withTimezone: true }).notNull(),
    actorId: bigint("actor_id", { mode: "number" }).references(() => users.id),
    action: text("action").notNull(),
    fromState: text("from_state"),
    toState: text("to_state").notNull(),
    agencyId: bigint("agency_id", { mode: "number" }).references(() => agencies.id),
    note: text("note"),
    data: jsonb("data"),
  },
  (t) => [index("petition_events_petition").on(t.petitionId, t.id)],
);

export const petitionAttachments = pgTable(
  "petition_attachments",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    petitionId: bigint("petition_id", { mode: "number" })
      .notNull()
      .references(() => petitions.id),
    eventId: bigint("event_id", { mode: "number" }).references(() => petitionEvents.id),
    purpose: text("purpose").notNull(),
    kind: text("kind").notNull(),
    mime: text("mime").notNull(),
    size: integer("size").notNull(),
    storageKey: text("storage_key").notNull(),
    originalName: text("original_name"),
    uploadedBy: bigint("uploaded_by", { mode: "number" }).references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("petition_attachments_petition").on(t.petitionId)],
);

export const extensionRequests = pgTable(
  "extension_requests",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    petitionId: bigint("petition_id", { mode: "number" })
      .notNull()
      .references(() => petitions.id),
    requestedBy: bigint("requested_by", { mode: "number" }).references(() => users.id),
    workingDays: integer("working_days").notNull(),
    reason: text("reason").notNull(),
    state: text("state").notNull().default("pending"),
    decidedBy: bigint("decided_by", { mode: "number" }).references(() => users.id),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("extension_requests_petition").on(t.petitionId)],
);

/** Periodic reports of items under central competence. */
export const centralReports = pgTable(
  "central_reports",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    periodKind: text("period_kind").notNull(),
    year: integer("year").notNull(),
    periodIndex: integer("period_index").notNull().default(0),
    state: text("state").notNull().default("open"),
    closedAt: timestamp("closed_at", { withTimezone: true }),
    closedBy: bigint("closed_by", { mode: "number" }).references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("central_reports_period").on(t.periodKind, t.year, t.periodIndex)],
);

export const answerTemplates = pgTable("answer_templates", {
  id: bigserial("id", { mode: "number" }).primaryKey(),
  agencyId: bigint("agency_id", { mode: "number" })
    .notNull()
    .references(() => agencies.id),
  title: text("title").notNull(),
  body: text("body").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

/** Near-duplicate petitions from many villages, handled as one: "raised by 37 villages". */
export const petitionClusters = pgTable(
  "petition_clusters",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    leadPetitionId: bigint("lead_petition_id", { mode: "number" })
      .notNull()
      .references(() => petitions.id),
    createdBy: bigint("created_by", { mode: "number" }).references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("petition_clusters_lead").on(t.leadPetitionId)],
);
