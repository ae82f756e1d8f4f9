import {
  bigint,
  boolean,
  date,
  integer,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
} from "drizzle-orm/pg-core";

/**
 * Precomputed figures for the leader's overview (see stats.ts for how they are kept up to date).
 *
 * One row per petition says what that petition contributes ("facts"); the daily table holds the sums of
 * those contributions by local day × commune × agency, and the open table the open items by deadline day.
 * The sweep recomputes the facts of the petitions whose timeline moved and applies the difference to the
 * sums, so the overview reads a few thousand small rows instead of aggregating a million petitions.
 * 0 stands for "no commune" / "no agency" so that the keys can be primary keys.
 */
export const petitionStatFacts = pgTable("petition_stat_facts", {
  petitionId: bigint("petition_id", { mode: "number" }).primaryKey(),
  communeId: bigint("commune_id", { mode: "number" }).notNull(),
  agencyId: bigint("agency_id", { mode: "number" }).notNull(),
  receivedDay: date("received_day"),
  answeredDay: date("answered_day"),
  answeredOnTime: boolean("answered_on_time"),
  /** Day the village head's verdict was given (or the item closed by itself) and which one. */
  verdictDay: date("verdict_day"),
  verdict: text("verdict"),
  /** Deadline day of an item an agency holds now (assigned, in progress); null otherwise. */
  openDueDay: date("open_due_day"),
});

export const petitionDailyStats = pgTable(
  "petition_daily_stats",
  {
    day: date("day").notNull(),
    communeId: bigint("commune_id", { mode: "number" }).notNull(),
    agencyId: bigint("agency_id", { mode: "number" }).notNull(),
    received: integer("received").notNull().default(0),
    answered: integer("answered").notNull().default(0),
    answeredOnTime: integer("answered_on_time").notNull().default(0),
    satisfied: integer("satisfied").notNull().default(0),
    notSatisfied: integer("not_satisfied").notNull().default(0),
    autoClosed: integer("auto_closed").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.day, t.communeId, t.agencyId] })],
);

/**
 * The same sums by calendar month (`month` is its first day): a period of two years reads ~24 months of these
 * plus the days of its partial first and last months, instead of ~700 days of daily rows.
 */
export const petitionMonthlyStats = pgTable(
  "petition_monthly_stats",
  {
    month: date("month").notNull(),
    communeId: bigint("commune_id", { mode: "number" }).notNull(),
    agencyId: bigint("agency_id", { mode: "number" }).notNull(),
    received: integer("received").notNull().default(0),
    answered: integer("answered").notNull().default(0),
    answeredOnTime: integer("answered_on_time").notNull().default(0),
    satisfied: integer("satisfied").notNull().default(0),
    notSatisfied: integer("not_satisfied").notNull().default(0),
    autoClosed: integer("auto_closed").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.month, t.communeId, t.agencyId] })],
);

/** Items an agency holds, by the local day of their deadline: overdue now = the days before today (and today's past hours). */
export const petitionOpenDue = pgTable(
  "petition_open_due",
  {
    day: date("day").notNull(),
    communeId: bigint("commune_id", { mode: "number" }).notNull(),
    agencyId: bigint("agency_id", { mode: "number" }).notNull(),
    n: integer("n").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.day, t.communeId, t.agencyId] })],
);

/** Where the sweep has got to in the timeline (petition_events ids); a single row. */
export const petitionStatsState = pgTable("petition_stats_state", {
  id: smallint("id").primaryKey(),
  /** Events after this id are read again at the next run (one run of overlap for late commits). */
  safeEventId: bigint("safe_event_id", { mode: "number" }).notNull(),
  seenEventId: bigint("seen_event_id", { mode: "number" }).notNull(),
  refreshedAt: timestamp("refreshed_at", { withTimezone: true }).notNull(),
});
