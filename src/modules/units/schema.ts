import { sql } from "drizzle-orm";
import {
  bigint,
  bigserial,
  date,
  index,
  pgTable,
  text,
  timestamp,
  unique,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { normOf } from "../../platform/db/columns.ts";

/** Every administrative unit and village. Keyed by the official code + when it came into force, never by name. */
export const units = pgTable(
  "units",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    level: text("level", { enum: ["province", "district", "commune", "village"] }).notNull(),
    code: text("code").notNull(),
    name: text("name").notNull(),
    fullName: text("full_name").notNull(),
    type: text("type").notNull(),
    parentId: bigint("parent_id", { mode: "number" }),
    /** '/1/57/1234/': ancestors' ids, for subtree queries with a prefix match. */
    path: text("path").notNull(),
    provinceCode: text("province_code"),
    validFrom: date("valid_from"),
    validTo: date("valid_to"),
    headName: text("head_name"),
    headPhone: text("head_phone"),
    retiredAt: timestamp("retired_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    norm: normOf(sql`name`),
  },
  (t) => [
    // pre-2025 units have no known start: NULLS NOT DISTINCT keeps their codes unique too
    unique("units_level_code_from").on(t.level, t.code, t.validFrom).nullsNotDistinct(),
    index("units_parent").on(t.parentId),
    index("units_path").using("btree", sql`${t.path} text_pattern_ops`),
    index("units_norm_trgm").using("gin", sql`${t.norm} gin_trgm_ops`),
  ],
);

/** Old → new lineage (the 2025 merger): a petition filed under an old commune counts under its successor. */
export const unitLineage = pgTable(
  "unit_lineage",
  {
    oldUnitId: bigint("old_unit_id", { mode: "number" })
      .notNull()
      .references(() => units.id),
    newUnitId: bigint("new_unit_id", { mode: "number" })
      .notNull()
      .references(() => units.id),
    mergeType: text("merge_type", { enum: ["full", "partial"] }).notNull(),
    effectiveOn: date("effective_on").notNull(),
  },
  (t) => [
    uniqueIndex("unit_lineage_pair").on(t.oldUnitId, t.newUnitId),
    index("unit_lineage_new").on(t.newUnitId),
  ],
);
