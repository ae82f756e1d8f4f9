/**
 * A few seconds of memory for lists every article page shows ("Mới nhất", "Xem nhiều nhất"): thousands of
 * page views a minute then cost a handful of queries. Keyed by pool so that separate apps never share.
 */
export class TtlCache<T> {
  private entries = new Map<string, { at: number; value: Promise<T> }>();
  constructor(private readonly ttlMs: number) {}

  get(key: string, now: number, load: () => Promise<T>): Promise<T> {
    const hit = this.entries.get(key);
    if (hit && now - hit.at < this.ttlMs) return hit.value;
    const value = load();
    this.entries.set(key, { at: now, value });
    value.catch(() => this.entries.delete(key));
    if (this.entries.size > 500) this.entries.clear();
    return value;
  }

  clear(): void {
    this.entries.clear();
  }
}
