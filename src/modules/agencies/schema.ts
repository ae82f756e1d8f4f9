import { sql } from "drizzle-orm";
import { bigint, bigserial, index, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { normOf } from "../../platform/db/columns.ts";
import { units } from "../units/schema.ts";

/** Who answers: departments, commune People's Committees, vertical agencies, central ministries. */
export const agencies = pgTable(
  "agencies",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    code: text("code").notNull(),
    name: text("name").notNull(),
    nameEn: text("name_en"),
    kind: text("kind", {
      enum: ["department", "commune_committee", "vertical", "central", "other"],
    }).notNull(),
    unitId: bigint("unit_id", { mode: "number" }).references(() => units.id),
    email: text("email"),
    retiredAt: timestamp("retired_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    norm: normOf(sql`name`),
  },
  (t) => [
    uniqueIndex("agencies_code").on(t.code),
    index("agencies_unit").on(t.unitId),
    index("agencies_norm_trgm").using("gin", sql`${t.norm} gin_trgm_ops`),
  ],
);
