import type { Queryable } from "../../../platform/db/database.ts";
import { FEATURE_SCHEME, fingerprint, THRESHOLD } from "../../../platform/text/detector.ts";
import { type Prepared, score } from "../../../platform/text/similarity.ts";

export type SimilarPetition = {
  id: number;
  code: string;
  title: string;
  state: string;
  village_name: string;
  commune_name: string | null;
  cluster_id: number | null;
  score: number;
};

/**
 * How a lookup reads the postings (petition_similarity_keys), chosen on the 250,000- and 1,000,000-petition
 * bench data (bench/README.md) for recall ≥ 0.95 of the exact top-10 at a bounded cost:
 * - keys are read rarest first (similarity_key_df) until their postings add up to KEY_BUDGET, and at least
 *   MIN_KEYS of them: a key held by thousands of petitions says "same topic", a rare one "same issue";
 * - at most POSTINGS_PER_KEY postings per key (the newest), so a key whose frequency is not yet counted
 *   cannot make the lookup read a whole topic;
 * - the CANDIDATES petitions sharing the most of those keys are re-ranked with the detector's score.
 */
export const LOOKUP = { KEY_BUDGET: 5000, MIN_KEYS: 6, POSTINGS_PER_KEY: 2000, CANDIDATES: 100 } as const;

/**
 * The query's keys ($1) a lookup reads, rarest first: `chosen(key, df)`, while their postings add up to $2, and
 * at least $3 of them. Shared with the benchmark that reports how many postings a lookup reads.
 */
export const CHOSEN_KEYS = `q AS (SELECT DISTINCT unnest($1::int[]) AS key),
          d AS (SELECT q.key, coalesce(f.df, 0) AS df FROM q LEFT JOIN similarity_key_df f ON f.key = q.key),
          r AS (SELECT key, df, sum(df) OVER (ORDER BY df, key) AS cum, row_number() OVER (ORDER BY df, key) AS rn FROM d),
          chosen AS (SELECT key, df FROM r WHERE cum <= $2 OR rn <= $3)`;

/**
 * Near-duplicates of a text among all submitted petitions (any village, any state), best first, at or above
 * the product threshold: the same keys, score and threshold as `npx caunoi similarity eval`. One round trip.
 */
export async function findSimilar(
  db: Queryable,
  text: string,
  options: { placeNames?: string[]; excludeId?: number; limit?: number; minScore?: number } = {},
): Promise<SimilarPetition[]> {
  const fp = fingerprint(text, { placeNames: options.placeNames ?? [] });
  if (fp.keys.length === 0) return [];
  const { rows } = await db.query<{ id: number; features: Prepared | null }>(
    `WITH ${CHOSEN_KEYS},
          cand AS (SELECT k.petition_id, count(*) AS shared
                     FROM chosen c CROSS JOIN LATERAL (
                            SELECT petition_id FROM petition_similarity_keys s
                             WHERE s.key = c.key ORDER BY petition_id DESC LIMIT $4) k
                    WHERE k.petition_id <> $6
                    GROUP BY k.petition_id ORDER BY shared DESC, k.petition_id DESC LIMIT $5)
     SELECT f.petition_id AS id, f.features FROM cand
       JOIN petition_similarity_features f ON f.petition_id = cand.petition_id AND f.feature_scheme = $7`,
    [
      fp.keys,
      LOOKUP.KEY_BUDGET,
      LOOKUP.MIN_KEYS,
      LOOKUP.POSTINGS_PER_KEY,
      LOOKUP.CANDIDATES,
      options.excludeId ?? 0,
      FEATURE_SCHEME,
    ],
  );
  const min = options.minScore ?? THRESHOLD;
  const best = rows
    .map((r) => ({ id: Number(r.id), score: r.features ? score(fp.prepared, r.features) : 0 }))
    .filter((r) => r.score >= min)
    .sort((a, b) => b.score - a.score || b.id - a.id)
    .slice(0, options.limit ?? 5);
  if (best.length === 0) return [];
  // What a person reads of the few kept: the wide rows are read for them only.
  const { rows: shown } = await db.query<Omit<SimilarPetition, "score">>(
    `SELECT p.id, p.code, p.title, p.state, v.name AS village_name, c.name AS commune_name, p.cluster_id
       FROM petitions p JOIN units v ON v.id = p.village_id LEFT JOIN units c ON c.id = v.parent_id
      WHERE p.id = ANY($1::bigint[]) AND p.state <> 'draft'`,
    [best.map((b) => b.id)],
  );
  const byId = new Map(shown.map((r) => [Number(r.id), r]));
  return best.flatMap((b) => {
    const r = byId.get(b.id);
    return r ? [{ ...r, score: b.score }] : [];
  });
}
