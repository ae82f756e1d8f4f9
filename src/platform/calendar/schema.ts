import { date, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/** Admin-edited calendar entries: holidays, compensatory days, and the government's yearly swaps. */
export const calendarEntries = pgTable("calendar_entries", {
  date: date("date").primaryKey(),
  kind: text("kind", { enum: ["holiday", "compensatory", "swap_workday", "swap_dayoff"] }).notNull(),
  nameVi: text("name_vi").notNull(),
  nameEn: text("name_en").notNull(),
  source: text("source", { enum: ["default", "admin"] })
    .notNull()
    .default("default"),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});
