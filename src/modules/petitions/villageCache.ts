import type pg from "pg";
import type { Queryable } from "../../platform/db/database.ts";

export type VillageContext = { id: number; path: string; name: string; commune_name: string | null };

type Entry = { village: VillageContext; until: number };

/** How long a village's name and path are reused before being read again. */
const TTL_MS = 60_000;
const MAX_ENTRIES = 200_000;

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

const byPool = new WeakMap<pg.Pool, Map<number, Entry>>();

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
  let cache = byPool.get(pool);
  if (!cache) {
    cache = new Map();
    byPool.set(pool, cache);
  }
  const hit = cache.get(villageId);
  if (hit && hit.until > now) return hit.village;
  const village = await villageContext(pool, villageId);
  if (!village) {
    cache.delete(villageId);
    return undefined;
  }
  if (cache.size >= MAX_ENTRIES) cache.clear();
  cache.set(villageId, { village, until: now + TTL_MS });
  return village;
}

export function forgetVillage(pool: pg.Pool, villageId: number): void {
  byPool.get(pool)?.delete(villageId);
}
