import type { Queryable } from "../../platform/db/database.ts";
import type { JobDeps, Sweep } from "../../platform/http/types.ts";

/** A full recount at most this often; in between, only the petitions added since the last refresh are counted. */
const FULL_RECOUNT_MS = 24 * 3600_000;

/**
 * Refreshes the keys' document frequencies. Incremental (petitions with a higher id than last time: an indexed
 * range, cheap at any size) and, once a day, a full recount that corrects what the increments miss (drafts
 * submitted later, resubmitted texts). Lookups stay correct between refreshes, only less sharply steered.
 */
export async function refreshSimilarityDf(
  db: Queryable,
  now: Date,
  options: { full?: boolean } = {},
): Promise<{ full: boolean; petitions: number }> {
  const { rows } = await db.query<{ last_petition_id: string | number; full_at: Date | null }>(
    "SELECT last_petition_id, full_at FROM similarity_df_state WHERE name = 'petitions'",
  );
  const state = rows[0];
  const { rows: maxRows } = await db.query<{ m: string | number | null }>(
    "SELECT max(id) AS m FROM petitions",
  );
  const maxId = Number(maxRows[0]?.m ?? 0);
  const full =
    options.full || !state || !state.full_at || now.getTime() - state.full_at.getTime() > FULL_RECOUNT_MS;
  if (full) {
    await db.query(
      `INSERT INTO similarity_key_df (key, df)
       SELECT key, count(*)::int FROM petition_similarity_keys GROUP BY key
       ON CONFLICT (key) DO UPDATE SET df = EXCLUDED.df WHERE similarity_key_df.df <> EXCLUDED.df`,
    );
    await db.query(
      `DELETE FROM similarity_key_df d WHERE NOT EXISTS (SELECT 1 FROM petition_similarity_keys k WHERE k.key = d.key)`,
    );
  } else {
    await db.query(
      `INSERT INTO similarity_key_df (key, df)
       SELECT k, count(*)::int FROM petitions p, unnest(p.band_keys) AS k
        WHERE p.id > $1 AND p.id <= $2 AND p.state <> 'draft' GROUP BY k
       ON CONFLICT (key) DO UPDATE SET df = similarity_key_df.df + EXCLUDED.df`,
      [Number(state?.last_petition_id ?? 0), maxId],
    );
  }
  await db.query(
    `INSERT INTO similarity_df_state (name, last_petition_id, full_at) VALUES ('petitions', $1, $2)
     ON CONFLICT (name) DO UPDATE SET last_petition_id = EXCLUDED.last_petition_id,
       full_at = coalesce(EXCLUDED.full_at, similarity_df_state.full_at)`,
    [maxId, full ? now : null],
  );
  return { full, petitions: maxId - Number(state?.last_petition_id ?? 0) };
}

export function similarityDfSweeps(deps: Pick<JobDeps, "pool" | "clock">): Sweep[] {
  return [
    {
      name: "petitions.similarity_df",
      intervalMs: 10 * 60_000,
      run: async () => {
        await refreshSimilarityDf(deps.pool, deps.clock.now());
      },
    },
  ];
}
