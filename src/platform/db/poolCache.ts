/**
 * Values kept for `ttlMs` per database pool (a process may hold several: tests open one per file), the whole map
 * emptied when it reaches `maxEntries`. A value read at a time before it was stored (a clock set back) is treated
 * as missing.
 */
export class PoolTtlCache<K, V> {
  readonly #byPool = new WeakMap<object, Map<K, { value: V; at: number }>>();

  constructor(
    readonly ttlMs: number,
    readonly maxEntries: number,
  ) {}

  get(pool: object, key: K, now: number): V | undefined {
    const hit = this.#byPool.get(pool)?.get(key);
    return hit && hit.at <= now && now < hit.at + this.ttlMs ? hit.value : undefined;
  }

  set(pool: object, key: K, value: V, now: number): void {
    let map = this.#byPool.get(pool);
    if (!map) {
      map = new Map();
      this.#byPool.set(pool, map);
    }
    if (map.size >= this.maxEntries) map.clear();
    map.set(key, { value, at: now });
  }

  delete(pool: object, key: K): void {
    this.#byPool.get(pool)?.delete(key);
  }

  clear(pool: object): void {
    this.#byPool.get(pool)?.clear();
  }
}
