/**
 * MinHash signatures and LSH band keys (pure, deterministic across processes and machines).
 *
 * Layout: 128 hash functions in 64 bands of 2 rows. Two petitions share a band key with probability
 * 1 − (1 − J²)^64 for a Jaccard similarity J of their feature sets (content syllables and concepts,
 * detector.ts): 0.47 at J = 0.1, 0.77 at 0.15, 0.93 at 0.2, 0.98 at 0.25, 0.998 at 0.3.
 * Near-duplicate petitions from different villages are paraphrases, not copies: on the labelled and
 * hand-written petitions the pairs scoring above the threshold have J ≈ 0.09–0.6 (median 0.25, tenth
 * percentile 0.14), far below what the textbook 32 × 4 layout needs (J ≈ 0.45 for a 95 % chance).
 * Two rows per band is the most selective layout that still catches them; one row would make every
 * petition sharing a single common syllable a candidate, three rows miss half of them. The concept keys
 * (`conceptKey`, one per thesaurus concept named) catch the rest, the same issue told in other words:
 * together 58 of the 60 pairs scoring above the threshold share a key (97 %).
 *
 * Keys are signed 32-bit integers, so they fit a PostgreSQL `int[]` column (GIN index, `&&` query).
 */

/** Number of hash functions in a signature. */
export const NUM_HASHES = 128;
/** Rows (hash values) per band. */
export const ROWS_PER_BAND = 2;
/** Number of bands, hence of band keys per petition. */
export const NUM_BANDS = NUM_HASHES / ROWS_PER_BAND;

/** murmur3's 32-bit finaliser: a bijection on uint32 with full avalanche. */
export function fmix32(h: number): number {
  let x = h >>> 0;
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  x ^= x >>> 16;
  return x >>> 0;
}

/** 32-bit hash of a string (FNV-1a over UTF-16 code units, then fmix32). */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return fmix32(h);
}

/** splitmix32: the deterministic generator of the hash family's seeds. */
function seeds(seed: number, n: number): Uint32Array {
  const out = new Uint32Array(n);
  let state = seed >>> 0;
  for (let i = 0; i < n; i++) {
    state = (state + 0x9e3779b9) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x21f0aaad);
    z = Math.imul(z ^ (z >>> 15), 0x735a2d97);
    out[i] = (z ^ (z >>> 15)) >>> 0;
  }
  return out;
}

// Fixed forever for a given scheme: changing it changes every stored key.
const FAMILY_SEED = 0x43a0_1e11;
const SEEDS_A = seeds(FAMILY_SEED, NUM_HASHES);
const SEEDS_B = seeds(FAMILY_SEED ^ 0xdeadbeef, NUM_HASHES);

/**
 * MinHash signature of a set of 32-bit feature hashes: for each hash function i,
 * the minimum of h_i(x) = fmix32(fmix32(x ⊕ a_i) ⊕ b_i) over the set. Empty set → empty signature.
 */
export function signature(features: readonly number[]): Uint32Array {
  if (features.length === 0) return new Uint32Array(0);
  const sig = new Uint32Array(NUM_HASHES).fill(0xffffffff);
  for (const f of features) {
    for (let i = 0; i < NUM_HASHES; i++) {
      const h = fmix32(fmix32(f ^ (SEEDS_A[i] as number)) ^ (SEEDS_B[i] as number));
      if (h < (sig[i] as number)) sig[i] = h;
    }
  }
  return sig;
}

/** One key per band: a hash of the band's index and its rows' values, as a signed 32-bit integer. */
export function bandKeysOfSignature(sig: Uint32Array): number[] {
  if (sig.length === 0) return [];
  if (sig.length !== NUM_HASHES) throw new Error(`signature must have ${NUM_HASHES} values`);
  const keys: number[] = [];
  for (let b = 0; b < NUM_BANDS; b++) {
    let h = fmix32(Math.imul(b + 1, 0x9e3779b1));
    for (let r = 0; r < ROWS_PER_BAND; r++) h = fmix32(h ^ (sig[b * ROWS_PER_BAND + r] as number));
    keys.push(h | 0);
  }
  return keys;
}

/** The key shared by every petition naming a concept of the thesaurus (signed 32-bit). */
export function conceptKey(concept: string): number {
  return fmix32(hashString(`#${concept}`) ^ 0x5bd1e995) | 0;
}

/** Fraction of equal positions of two signatures: an unbiased estimate of the Jaccard similarity. */
export function estimateJaccard(a: Uint32Array, b: Uint32Array): number {
  if (a.length === 0 || a.length !== b.length) return 0;
  let eq = 0;
  for (let i = 0; i < a.length; i++) if (a[i] === b[i]) eq++;
  return eq / a.length;
}

/** Probability that two sets with Jaccard similarity `j` share at least one band key. */
export function candidateProbability(j: number, bands = NUM_BANDS, rows = ROWS_PER_BAND): number {
  return 1 - (1 - j ** rows) ** bands;
}
