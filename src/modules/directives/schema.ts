import {
  bigint,
  bigserial,
  date,
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

/** A directive and its current version; every published version is also kept in directive_versions. */
export const directives = pgTable(
  "directives",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    docNumber: text("doc_number").notNull(),
    docDate: date("doc_date", { mode: "string" }).notNull(),
    issuer: text("issuer").notNull(),
    title: text("title").notNull(),
    summary: text("summary").notNull(),
    body: text("body").notNull(),
    category: text("category").notNull(),
    /** Unit subtrees chosen as targets: [{ unitId, path, name }]. */
    targets: jsonb("targets").notNull(),
    targetRoles: text("target_roles").array().notNull(),
    ackDue: date("ack_due", { mode: "string" }).notNull(),
    disseminateDue: date("disseminate_due", { mode: "string" }).notNull(),
    opinionsUntil: date("opinions_until", { mode: "string" }),
    state: text("state", { enum: ["draft", "approved", "published", "revoked"] }).notNull(),
    version: integer("version").notNull().default(1),
    createdBy: bigint("created_by", { mode: "number" }).references(() => users.id),
    approvedBy: bigint("approved_by", { mode: "number" }).references(() => users.id),
    approvedAt: timestamp("approved_at", { withTimezone: true }),
    publishedAt: timestamp("published_at", { withTimezone: true }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    revokeReason: text("revoke_reason"),
    villages: integer("villages").notNull().default(0),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("directives_state_published").on(t.state, t.publishedAt)],
);

/** Every version as it was published (or corrected), with who and why. */
export const directiveVersions = pgTable(
  "directive_versions",
  {
    directiveId: bigint("directive_id", { mode: "number" })
      .notNull()
      .references(() => directives.id),
    version: integer("version").notNull(),
    content: jsonb("content").notNull(),
    note: text("note"),
    at: timestamp("at", { withTimezone: true }).notNull(),
    by: bigint("by", { mode: "number" }).references(() => users.id),
  },
  (t) => [primaryKey({ columns: [t.directiveId, t.version] })],
);

export const directiveAttachments = pgTable(
  "directive_attachments",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    directiveId: bigint("directive_id", { mode: "number" })
      .notNull()
      .references(() => directives.id),
    storageKey: text("storage_key").notNull(),
    mime: text("mime").notNull(),
    size: integer("size").notNull(),
    originalName: text("original_name").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("directive_attachments_directive").on(t.directiveId)],
);

/**
 * One row per target village, written by one INSERT … SELECT when the directive is published. Publishing to
 * 100,000 villages must take seconds, so the table carries only what its readers need: no foreign keys (their
 * per-row triggers cost more than the insert itself; the rows are copied from `units` under the directive's row
 * lock, and neither units nor directives are ever deleted) and two indexes, both filled in insertion order:
 * the primary key and (directive, village). Every reader goes through them: a village's inbox probes it once per
 * published directive, a commune's villages come from units.parent_id, the overdue list walks the communes whose
 * counters show unfinished villages.
 */
export const directiveDeliveries = pgTable(
  "directive_deliveries",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    directiveId: bigint("directive_id", { mode: "number" }).notNull(),
    villageId: bigint("village_id", { mode: "number" }).notNull(),
    communeId: bigint("commune_id", { mode: "number" }).notNull(),
    villagePath: text("village_path").notNull(),
    deliveredAt: timestamp("delivered_at", { withTimezone: true }).notNull(),
    acknowledgedAt: timestamp("acknowledged_at", { withTimezone: true }),
    acknowledgedBy: bigint("acknowledged_by", { mode: "number" }),
    acknowledgedVersion: integer("acknowledged_version"),
    disseminatedOn: date("disseminated_on", { mode: "string" }),
    disseminatedAt: timestamp("disseminated_at", { withTimezone: true }),
    disseminationForm: text("dissemination_form"),
    households: integer("households"),
    evidenceKey: text("evidence_key"),
    evidenceMime: text("evidence_mime"),
    agree: integer("agree"),
    disagree: integer("disagree"),
    respondedAt: timestamp("responded_at", { withTimezone: true }),
  },
  (t) => [uniqueIndex("directive_deliveries_village").on(t.directiveId, t.villageId)],
);

/** Per directive and commune: counters kept by the commands, so coverage never scans 100,000 deliveries. */
export const directiveCommuneStats = pgTable(
  "directive_commune_stats",
  {
    directiveId: bigint("directive_id", { mode: "number" })
      .notNull()
      .references(() => directives.id),
    communeId: bigint("commune_id", { mode: "number" }).notNull(),
    /** The commune's unit path, copied at publishing: coverage groups and filters by it without reading `units`. */
    communePath: text("commune_path").notNull().default(""),
    villages: integer("villages").notNull().default(0),
    acknowledged: integer("acknowledged").notNull().default(0),
    disseminated: integer("disseminated").notNull().default(0),
    households: bigint("households", { mode: "number" }).notNull().default(0),
    responded: integer("responded").notNull().default(0),
    agree: bigint("agree", { mode: "number" }).notNull().default(0),
    disagree: bigint("disagree", { mode: "number" }).notNull().default(0),
    opinions: integer("opinions").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.directiveId, t.communeId] })],
);

/** Residents' opinions as the village head wrote them down; one can become a petition. */
export const directiveOpinions = pgTable(
  "directive_opinions",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    directiveId: bigint("directive_id", { mode: "number" })
      .notNull()
      .references(() => directives.id),
    deliveryId: bigint("delivery_id", { mode: "number" })
      .notNull()
      .references(() => directiveDeliveries.id),
    communeId: bigint("commune_id", { mode: "number" }).notNull(),
    text: text("text").notNull(),
    searchText: text("search_text").notNull(),
    stance: text("stance", { enum: ["agree", "disagree", "other"] }).notNull(),
    petitionId: bigint("petition_id", { mode: "number" }),
    createdBy: bigint("created_by", { mode: "number" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    index("directive_opinions_directive").on(t.directiveId, t.communeId),
    index("directive_opinions_delivery").on(t.deliveryId),
  ],
);

/** One reminder per delivery per deadline moment: the sweep inserts here first, so it never repeats one. */
export const directiveReminders = pgTable(
  "directive_reminders",
  {
    deliveryId: bigint("delivery_id", { mode: "number" })
      .notNull()
      .references(() => directiveDeliveries.id),
    kind: text("kind").notNull(),
    at: timestamp("at", { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.deliveryId, t.kind] })],
);
