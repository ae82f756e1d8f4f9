import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { PoolTtlCache } from "./poolCache.ts";

test("a value is served from when it was stored until ttl later, for its own pool only", () => {
  const cache = new PoolTtlCache<string, number>(1_000, 10);
  const a = {};
  const b = {};
  cache.set(a, "k", 1, 5_000);
  assert.equal(cache.get(a, "k", 5_000), 1);
  assert.equal(cache.get(a, "k", 5_999), 1);
  assert.equal(cache.get(a, "k", 6_000), undefined, "expired");
  assert.equal(cache.get(a, "k", 4_999), undefined, "a clock set back does not serve it");
  assert.equal(cache.get(b, "k", 5_000), undefined, "another pool's");
  cache.delete(a, "k");
  assert.equal(cache.get(a, "k", 5_000), undefined);
});

test("property: never more than maxEntries kept; clear empties one pool", () => {
  fc.assert(
    fc.property(fc.array(fc.nat(50), { maxLength: 200 }), fc.integer({ min: 1, max: 20 }), (keys, max) => {
      const cache = new PoolTtlCache<number, number>(10_000, max);
      const pool = {};
      const other = {};
      cache.set(other, 0, 0, 0);
      for (const k of keys) cache.set(pool, k, k, 0);
      const kept = Array.from({ length: 51 }, (_, k) => cache.get(pool, k, 0)).filter((v) => v !== undefined);
      assert.ok(kept.length <= max);
      if (keys.length > 0) assert.equal(cache.get(pool, keys.at(-1) as number, 0), keys.at(-1));
      cache.clear(pool);
      assert.equal(cache.get(pool, keys[0] ?? 0, 0), undefined);
      assert.equal(cache.get(other, 0, 0), 0);
    }),
  );
});
