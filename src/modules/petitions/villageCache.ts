import type pg from "pg";
import type { Queryable } from "../../platform/db/database.ts";
import { PoolTtlCache } from "../../platform/db/poolCache.ts";

export type VillageContext = { id: number; path: string; name: string; commune_name: string | null };

/** A village's name and path are reused for a minute before being read again. */
const villages = new PoolTtlCache<number, VillageContext>(60_000, 200_000);

/** A village as petitions need it (path, name, commune's name); undefined when unknown, retired or not a village. */
export async function villageContext(db: Queryable, villageId: number): Promise<VillageContext | undefined> {
  const { rows } = await db.query<VillageContext & { level: string }>(
    `SELECT v.id, v.path, v.name, c.name AS commune_name, v.level FROM units v LEFT JOIN units c ON c.id = v.parent_id
      WHERE v.id = $1 AND v.retired_at IS NULL`,
    [villageId],
  );
  const row = rows[0];
  if (row?.level !== "village") return undefined;
  return { id: row.id, path: row.path, name: row.name, commune_name: row.commune_name };
}

/**
 * A village's path and names, for filing a petition without a round trip to read them. What the cache says is
 * only a proposal: the submission's statement files only if the village still has that path and is not retired,
 * and reads it afresh otherwise (forget, then get). A renamed village's old name can be used for its place-name
 * tokens for up to a minute, which only shifts which words the near-duplicate detector ignores.
 */
export async function cachedVillage(
  pool: pg.Pool,
  villageId: number,
  now = Date.now(),
): Promise<VillageContext | undefined> {
  const hit = villages.get(pool, villageId, now);
  if (hit) return hit;
  const village = await villageContext(pool, villageId);
  if (!village) {
    villages.delete(pool, villageId);
    return undefined;
  }
  villages.set(pool, villageId, village, now);
  return village;
}

export function forgetVillage(pool: pg.Pool, villageId: number): void {
  villages.delete(pool, villageId);
}
