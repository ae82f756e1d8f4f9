import { sql } from "drizzle-orm";
import {
  bigint,
  bigserial,
  boolean,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { normOf } from "../../platform/db/columns.ts";
import { agencies } from "../agencies/schema.ts";
import { units } from "../units/schema.ts";

export const users = pgTable(
  "users",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    username: text("username").notNull(),
    fullName: text("full_name").notNull(),
    email: text("email"),
    phone: text("phone"),
    passwordHash: text("password_hash").notNull(),
    locale: text("locale", { enum: ["vi", "en"] })
      .notNull()
      .default("vi"),
    active: boolean("active").notNull().default(true),
    mustChangePassword: boolean("must_change_password").notNull().default(false),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    norm: normOf(sql`full_name || ' ' || username`),
  },
  (t) => [uniqueIndex("users_username").on(sql`lower(${t.username})`)],
);

/** A role held over a unit subtree (unit_id) or for an agency (agency_id). */
export const roleGrants = pgTable(
  "role_grants",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    userId: bigint("user_id", { mode: "number" })
      .notNull()
      .references(() => users.id),
    role: text("role", {
      enum: [
        "admin",
        "coordinator",
        "leader",
        "agency_officer",
        "commune_officer",
        "village_head",
        "editor",
        "moderator",
        "trainer",
      ],
    }).notNull(),
    unitId: bigint("unit_id", { mode: "number" }).references(() => units.id),
    agencyId: bigint("agency_id", { mode: "number" }).references(() => agencies.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("role_grants_user").on(t.userId), index("role_grants_unit").on(t.unitId)],
);

/** Sessions live in the database so any of N app nodes can serve any request. The id is stored hashed. */
export const sessions = pgTable(
  "sessions",
  {
    idHash: text("id_hash").primaryKey(),
    userId: bigint("user_id", { mode: "number" })
      .notNull()
      .references(() => users.id),
    csrfToken: text("csrf_token").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("sessions_user").on(t.userId), index("sessions_expires").on(t.expiresAt)],
);

export const apiTokens = pgTable(
  "api_tokens",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    userId: bigint("user_id", { mode: "number" })
      .notNull()
      .references(() => users.id),
    name: text("name").notNull(),
    tokenHash: text("token_hash").notNull(),
    prefix: text("prefix").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (t) => [uniqueIndex("api_tokens_hash").on(t.tokenHash)],
);

/** Fixed-window counters shared by every node: login and submission rate limits. */
export const rateLimits = pgTable("rate_limits", {
  key: text("key").primaryKey(),
  windowStart: timestamp("window_start", { withTimezone: true }).notNull(),
  count: integer("count").notNull(),
});
