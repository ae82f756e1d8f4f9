/**
 * Near-duplicate petitions: band keys (what the database stores in an `int[]` column with a GIN index),
 * the product's threshold, and an in-memory index with the same behaviour as the database will have:
 * candidates are the petitions sharing a band key, ranked by `score` of their prepared features.
 *
 * Database side (later): store `bandKeys(text)` in `band_keys int[]` and `prepare(text)` as JSON beside
 * the petition; query `WHERE band_keys && $1`, re-rank the rows with `score` and keep those ≥ THRESHOLD.
 * Store FEATURE_SCHEME beside them and re-index when it changes (it changes with the dictionaries).
 */

import { ABBREVIATIONS } from "./abbreviations.ts";
import {
  bandKeysOfSignature,
  conceptKey,
  hashString,
  NUM_BANDS,
  ROWS_PER_BAND,
  signature,
} from "./minhash.ts";
import { type Analysis, analyse, syllableHash } from "./shingles.ts";
import {
  analyseOptions,
  CONCEPT_SHARE,
  type PetitionContext,
  type Prepared,
  prepareAnalysis,
  score,
  WEIGHTS,
} from "./similarity.ts";
import { STOP, WEAK } from "./stopwords.ts";
import { THESAURUS } from "./thesaurus.ts";

/**
 * Score from which two petitions are near-duplicates (the product joins a petition to the cluster of its
 * best match at or above it). Chosen in the middle of the range where both the labelled development
 * petitions and an independent hand-written set keep precision and recall ≥ 0.9 (0.18–0.24); above
 * CONCEPT_SHARE, so a shared concept alone is never enough.
 */
export const THRESHOLD = 0.2;

/** Both halves of what the database stores for a petition. */
export interface Fingerprint {
  /** Band keys and concept keys, signed 32-bit, ascending, unique. */
  readonly keys: number[];
  readonly prepared: Prepared;
}

/** The set MinHash runs on: content syllables (generic ones left out) and concepts. */
function lshFeatures(analysis: Analysis): number[] {
  const set = new Set<number>();
  for (const seg of analysis.segments) for (const s of seg) if (!s.weak) set.add(syllableHash(s.text));
  for (const c of analysis.concepts) set.add(hashString(`#${c}`));
  return Array.from(set);
}

function keysOf(analysis: Analysis): number[] {
  const keys = new Set(bandKeysOfSignature(signature(lshFeatures(analysis))));
  for (const c of analysis.concepts) keys.add(conceptKey(c));
  return Array.from(keys).sort((a, b) => a - b);
}

/** Band keys and prepared features of a petition, computed in one pass. */
export function fingerprint(text: string, context?: PetitionContext): Fingerprint {
  const analysis = analyse(text, analyseOptions(context));
  return { keys: keysOf(analysis), prepared: prepareAnalysis(analysis) };
}

/**
 * The keys the database stores: NUM_BANDS MinHash band keys plus one key per concept named, as signed
 * 32-bit integers, ascending, unique. Empty for a text with no content word. Texts that differ only in
 * diacritics, case, punctuation or abbreviations have the same keys.
 */
export function bandKeys(text: string, context?: PetitionContext): number[] {
  return keysOf(analyse(text, analyseOptions(context)));
}

/** Identifies the feature scheme (layout, weights, dictionaries): store it; re-index when it changes. */
export const FEATURE_SCHEME: string = (() => {
  const data = JSON.stringify([
    NUM_BANDS,
    ROWS_PER_BAND,
    WEIGHTS,
    CONCEPT_SHARE,
    ABBREVIATIONS,
    STOP,
    WEAK,
    THESAURUS,
  ]);
  return `v1-${NUM_BANDS}x${ROWS_PER_BAND}-${(hashString(data) >>> 0).toString(16).padStart(8, "0")}`;
})();

export interface Match {
  readonly id: string;
  readonly score: number;
}

/**
 * In-memory near-duplicate index: the same keys and score as the database, for tests, evaluation and
 * small deployments.
 */
export class SimilarityIndex {
  readonly #postings = new Map<number, Set<string>>();
  readonly #entries = new Map<string, Fingerprint>();
  readonly #order = new Map<string, number>();
  #next = 0;

  get size(): number {
    return this.#entries.size;
  }

  /** Adds (or replaces) a petition. */
  add(id: string, text: string, context?: PetitionContext): void {
    this.addFingerprint(id, fingerprint(text, context));
  }

  /** Adds (or replaces) a petition from a stored fingerprint. */
  addFingerprint(id: string, fp: Fingerprint): void {
    this.remove(id);
    this.#entries.set(id, fp);
    this.#order.set(id, this.#next++);
    for (const k of fp.keys) {
      let ids = this.#postings.get(k);
      if (ids === undefined) {
        ids = new Set();
        this.#postings.set(k, ids);
      }
      ids.add(id);
    }
  }

  remove(id: string): boolean {
    const fp = this.#entries.get(id);
    if (fp === undefined) return false;
    for (const k of fp.keys) {
      const ids = this.#postings.get(k);
      ids?.delete(id);
      if (ids?.size === 0) this.#postings.delete(k);
    }
    this.#entries.delete(id);
    this.#order.delete(id);
    return true;
  }

  /** Ids of the petitions sharing at least one key with the text, in insertion order. */
  candidates(text: string, context?: PetitionContext): string[] {
    return this.#candidatesOf(fingerprint(text, context).keys);
  }

  #candidatesOf(keys: readonly number[]): string[] {
    const found = new Set<string>();
    for (const k of keys) for (const id of this.#postings.get(k) ?? []) found.add(id);
    return Array.from(found).sort((a, b) => (this.#order.get(a) ?? 0) - (this.#order.get(b) ?? 0));
  }

  /**
   * The k best candidates by score, best first (ties: earlier petition first). Candidates scoring below
   * `minScore` (default 0: every candidate) are left out; pass THRESHOLD for near-duplicates only.
   */
  similar(text: string, k = 10, options: { context?: PetitionContext; minScore?: number } = {}): Match[] {
    return this.similarTo(fingerprint(text, options.context), k, options.minScore ?? 0);
  }

  /** Same as `similar`, from a fingerprint already computed. */
  similarTo(fp: Fingerprint, k = 10, minScore = 0): Match[] {
    const matches: Match[] = [];
    for (const id of this.#candidatesOf(fp.keys)) {
      const other = this.#entries.get(id);
      if (other === undefined) continue;
      const s = score(fp.prepared, other.prepared);
      if (s >= minScore) matches.push({ id, score: s });
    }
    // Stable sort: among equal scores the earlier petition stays first.
    matches.sort((a, b) => b.score - a.score);
    return matches.slice(0, Math.max(0, k));
  }
}
