import assert from "node:assert/strict";
import { describe, test } from "node:test";
import fc from "fast-check";
import {
  bandKeysOfSignature,
  candidateProbability,
  conceptKey,
  estimateJaccard,
  fmix32,
  hashString,
  NUM_BANDS,
  NUM_HASHES,
  ROWS_PER_BAND,
  signature,
} from "./minhash.ts";

const features = (from: number, to: number): number[] => {
  const out: number[] = [];
  for (let i = from; i < to; i++) out.push(hashString(`f${i}`));
  return out;
};

const isInt32 = (k: number): boolean => Number.isInteger(k) && k >= -(2 ** 31) && k < 2 ** 31;

describe("hashes", () => {
  test("golden values: the same on every machine and version (stored keys depend on them)", () => {
    assert.equal(hashString(""), 2872998923);
    assert.equal(hashString("duong"), 3478635376);
    assert.equal(fmix32(1), 1364076727);
    assert.deepEqual(
      bandKeysOfSignature(signature(features(1, 6))).slice(0, 4),
      [-1893106727, 542712370, 1379899861, 1871592740],
    );
    assert.equal(conceptKey("land-certificate"), -1577698039);
  });

  test("layout: 128 hashes in 64 bands of 2 rows", () => {
    assert.equal(NUM_HASHES, 128);
    assert.equal(NUM_BANDS * ROWS_PER_BAND, NUM_HASHES);
    assert.equal(bandKeysOfSignature(signature(features(0, 10))).length, NUM_BANDS);
  });
});

describe("signature", () => {
  test("empty set: empty signature, no keys", () => {
    assert.equal(signature([]).length, 0);
    assert.deepEqual(bandKeysOfSignature(signature([])), []);
  });

  test("property: independent of order and repetition; keys are signed 32-bit integers", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 0xffffffff }), { minLength: 1, maxLength: 60 }),
        (xs) => {
          const sig = signature(xs);
          assert.deepEqual(signature([...xs].reverse().concat(xs)), sig);
          for (const k of bandKeysOfSignature(sig)) assert.ok(isInt32(k));
        },
      ),
    );
  });

  test("estimates Jaccard similarity without bias", () => {
    let err = 0;
    let n = 0;
    for (let shift = 0; shift <= 90; shift += 10) {
      const a = features(0, 100);
      const b = features(shift, 100 + shift);
      const j = (100 - shift) / (100 + shift);
      const est = estimateJaccard(signature(a), signature(b));
      assert.ok(Math.abs(est - j) < 0.15, `J=${j} estimated ${est}`);
      err += est - j;
      n++;
    }
    assert.ok(Math.abs(err / n) < 0.05, `mean error ${err / n}`);
  });

  test("sets sharing a band key more often as they are more alike", () => {
    const share = (a: number[], b: number[]): boolean => {
      const ka = new Set(bandKeysOfSignature(signature(a)));
      return bandKeysOfSignature(signature(b)).some((k) => ka.has(k));
    };
    assert.ok(share(features(0, 40), features(10, 50)));
    assert.ok(!share(features(0, 40), features(1000, 1040)));
  });
});

describe("candidateProbability", () => {
  test("the S-curve of 64 bands × 2 rows", () => {
    assert.ok(candidateProbability(0.3) > 0.99);
    assert.ok(candidateProbability(0.25) > 0.95);
    assert.ok(candidateProbability(0.2) > 0.9);
    assert.ok(candidateProbability(0.03) < 0.06);
    assert.equal(candidateProbability(0), 0);
    assert.equal(candidateProbability(1), 1);
  });
});
