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
 * Candidates sharing a band key, at most this many (those sharing the most keys), re-ranked in the application.
 * Known limit (bench/README.md): with 64 bands of 2 rows, petitions on the same topic nearly all share a key, so
 * the candidate set grows with the table; at hundreds of thousands of petitions this query is too slow.
 */
export const MAX_CANDIDATES = 400;

/**
 * Near-duplicates of a text among all petitions (any village, any state): candidates by LSH band keys through
 * the GIN index (`band_keys && keys`), re-ranked with the detector's score on the stored features, kept at or
 * above the product threshold. The same keys, score and threshold as `npx caunoi similarity eval`.
 */
export async function findSimilar(
  db: Queryable,
  text: string,
  options: { placeNames?: string[]; excludeId?: number; limit?: number; minScore?: number } = {},
): Promise<SimilarPetition[]> {
  const fp = fingerprint(text, { placeNames: options.placeNames ?? [] });
  if (fp.keys.length === 0) return [];
  const { rows } = await db.query<Omit<SimilarPetition, "score"> & { features: Prepared | null }>(
    `SELECT p.id, p.code, p.title, p.state, v.name AS village_name, c.name AS commune_name, p.cluster_id, p.features
       FROM (SELECT id, code, title, state, village_id, cluster_id, features FROM petitions
              WHERE band_keys && $1::int[] AND feature_scheme = $2 AND state <> 'draft' AND id <> $3
              -- the candidates sharing the most keys first: an unordered LIMIT kept arbitrary ones (recall 0.12)
              ORDER BY (SELECT count(*) FROM unnest(band_keys) k WHERE k = ANY($1::int[])) DESC, id DESC
              LIMIT $4) p
       JOIN units v ON v.id = p.village_id LEFT JOIN units c ON c.id = v.parent_id`,
    [fp.keys, FEATURE_SCHEME, options.excludeId ?? 0, MAX_CANDIDATES],
  );
  const min = options.minScore ?? THRESHOLD;
  return rows
    .map(({ features, ...r }) => ({ ...r, score: features ? score(fp.prepared, features) : 0 }))
    .filter((r) => r.score >= min)
    .sort((a, b) => b.score - a.score || b.id - a.id)
    .slice(0, options.limit ?? 5);
}
