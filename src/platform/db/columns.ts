import type { SQL } from "drizzle-orm";
import { sql } from "drizzle-orm";
import { customType, text } from "drizzle-orm/pg-core";

/**
 * A stored, indexable search form of a name: lower case, diacritics folded (đ→d), so "ha long" finds "Hạ Long".
 * caunoi_norm() is created by the first migration (unaccent wrapped as IMMUTABLE so it can feed an index).
 */
export const normOf = (expression: SQL) =>
  text("norm").notNull().generatedAlwaysAs(sql`caunoi_norm(${expression})`);

/** PostgreSQL's tsvector, which drizzle has no builder for. */
export const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });
