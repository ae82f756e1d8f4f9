import { bigint, bigserial, boolean, index, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { agencies } from "../agencies/schema.ts";
import { units } from "../units/schema.ts";

/**
 * category × unit subtree × level → agency. A null category or unit means "any"; the most specific
 * matching rule wins (see rules.ts).
 */
export const routingRules = pgTable(
  "routing_rules",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    categoryCode: text("category_code"),
    unitId: bigint("unit_id", { mode: "number" }).references(() => units.id),
    level: text("level").notNull(),
    agencyId: bigint("agency_id", { mode: "number" })
      .notNull()
      .references(() => agencies.id),
    active: boolean("active").notNull().default(true),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("routing_rules_category").on(t.categoryCode)],
);
