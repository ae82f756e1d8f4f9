import { bigint, integer, jsonb, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";

/**
 * The near-duplicate index as postings: one row per (key, petition) for every submitted petition's band and
 * concept keys, kept by a trigger on `petitions` (see the migration), so every write path — the commands, an
 * import, the bench generator — keeps it right.
 *
 * Why postings in a btree and not only the GIN on `band_keys` (DESIGN §4 first said GIN): a lookup must read
 * the rarest keys first, read at most a bounded number of postings per key, and rank petitions by how many
 * keys they share — all three are ordered, bounded index-only scans on (key, petition_id), and none of them
 * is possible through a GIN bitmap, which returns every petition holding any key in no useful order. At
 * 1,000,000 petitions a topic's keys are held by tens of thousands of rows each (bench/README.md).
 * No foreign key: petitions are never deleted by the product, and 64 FK probes per submission cost more than
 * they protect; the trigger removes postings when a row goes.
 */
export const petitionSimilarityKeys = pgTable(
  "petition_similarity_keys",
  {
    key: integer("key").notNull(),
    petitionId: bigint("petition_id", { mode: "number" }).notNull(),
  },
  (t) => [primaryKey({ name: "petition_similarity_keys_pk", columns: [t.key, t.petitionId] })],
);

/**
 * How many petitions hold each key (document frequency), refreshed by a sweep: approximate on purpose — it only
 * steers which keys a lookup reads first, and a counter updated on every submission would be a hot row for
 * every common key (the lesson of per-signature counters).
 */
export const similarityKeyDf = pgTable("similarity_key_df", {
  key: integer("key").primaryKey(),
  df: integer("df").notNull(),
});

/** Where the incremental refresh of `similarity_key_df` stopped, and when it last recounted everything. */
export const similarityDfState = pgTable("similarity_df_state", {
  name: text("name").primaryKey(),
  lastPetitionId: bigint("last_petition_id", { mode: "number" }).notNull().default(0),
  fullAt: timestamp("full_at", { withTimezone: true }),
});

/**
 * The detector's prepared features of every submitted petition, apart from the wide `petitions` row: a lookup
 * re-ranks ~100 candidates, and reading them from a narrow table that stays in the buffer cache costs a fraction
 * of fetching 100 random rows of a multi-gigabyte table. Kept by the same trigger as the postings.
 */
export const petitionSimilarityFeatures = pgTable("petition_similarity_features", {
  petitionId: bigint("petition_id", { mode: "number" }).primaryKey(),
  features: jsonb("features").notNull(),
  featureScheme: text("feature_scheme").notNull(),
});
