/**
 * The re-ranking score of two petitions (pure): what decides whether a candidate found by the band keys
 * is a near-duplicate.
 *
 * score(a, b) = (1 − λ) · cosine(lexical shingles) + λ · cosine(concepts), λ = CONCEPT_SHARE = 0.15.
 *
 * - Lexical channel: weighted cosine over syllables and adjacent syllable pairs (shingles.ts). Cosine,
 *   not Jaccard: petitions are short and of unequal length (one line typed on a phone against a paragraph
 *   read out at a village meeting); Jaccard divides by the union and punishes the long one for every
 *   extra detail, cosine divides by the geometric mean of the two sizes. Weights: content syllable 1,
 *   generic syllable 0.25 (stopwords.ts), pair 0.75 × the mean of its syllables (a shared pair implies its
 *   two shared syllables, already counted). Officialese, function words and the petitioner's own place
 *   names are removed before (they would make every petition of a village, or every petition, alike).
 * - Concept channel: cosine over the thesaurus concepts named ("sổ đỏ" and "GCN QSDĐ" both name
 *   land-certificate). λ is below the product threshold, so naming the same concept alone never makes a
 *   near-duplicate; it tips the balance when the same issue is told in different words. When either
 *   petition names no concept the channel abstains (score = lexical cosine): no evidence either way.
 *
 * The score is symmetric, in [0, 1], 1 for identical non-empty texts, 0 when either text is empty.
 */

import {
  type AnalyseOptions,
  type Analysis,
  analyse,
  type ShingleWeights,
  shingleHashes,
} from "./shingles.ts";

/** Weights of the lexical shingles (see the module comment). */
export const WEIGHTS: ShingleWeights = { syllable: 1, weakSyllable: 0.25, pairFactor: 0.75 };

/** Share of the concept channel in the score. Must stay below THRESHOLD (detector.ts). */
export const CONCEPT_SHARE = 0.15;

/** What a petition is compared on; plain arrays, so it can be stored as JSON beside the petition. */
export interface Prepared {
  /** 32-bit hashes (signed) of the lexical shingles, ascending, unique. */
  readonly terms: readonly number[];
  /** Weight of each term, same order. */
  readonly weights: readonly number[];
  /** Thesaurus concepts named, ascending, unique. */
  readonly concepts: readonly string[];
}

/** Who raised the petition, when known: their own place names are noise for the comparison. */
export interface PetitionContext {
  /** The petitioner's village, commune… names, or a unit label "Thôn Khe Tâm, xã Đạp Thanh". */
  readonly placeNames?: readonly string[];
}

const UNIT_WORD_RE =
  /^(thôn|thon|bản|ban|khu phố|khu pho|khu|tổ dân phố|to dan pho|tổ|to|xóm|xom|ấp|ap|làng|lang|buôn|buon|sóc|soc|xã|xa|phường|phuong|thị trấn|thi tran|đặc khu|dac khu|huyện|huyen|quận|quan|thị xã|thi xa|thành phố|thanh pho|tp\.?|tỉnh|tinh)\s+/iu;

/**
 * Place names of a unit label: "Thôn Khe Tâm, xã Đạp Thanh" → ["Khe Tâm", "Đạp Thanh"].
 * The kind words (thôn, xã…) are dropped; the names are what a petition of that unit keeps repeating.
 */
export function placeNamesOfUnit(unit: string): string[] {
  const names: string[] = [];
  for (const part of unit.normalize("NFC").split(/[,;]/)) {
    let p = part.trim();
    for (let guard = 0; guard < 3; guard++) {
      const m = UNIT_WORD_RE.exec(p);
      if (m === null) break;
      p = p.slice(m[0].length).trim();
    }
    if (p.length > 0) names.push(p);
  }
  return names;
}

/** Options of `analyse` for a petition's context. */
export function analyseOptions(context: PetitionContext | undefined): AnalyseOptions {
  const names = context?.placeNames;
  if (names === undefined || names.length === 0) return {};
  return { noiseNames: names.flatMap(placeNamesOfUnit) };
}

/** Prepared form of an analysis (see `prepare`). */
export function prepareAnalysis(analysis: Analysis): Prepared {
  const byHash = shingleHashes(analysis, WEIGHTS);
  const terms = new Int32Array(byHash.size);
  let n = 0;
  for (const h of byHash.keys()) terms[n++] = h | 0;
  terms.sort();
  const weights: number[] = new Array(terms.length);
  for (let i = 0; i < terms.length; i++) weights[i] = byHash.get((terms[i] as number) >>> 0) as number;
  return {
    terms: Array.from(terms),
    weights,
    concepts: Array.from(new Set(analysis.concepts)).sort(),
  };
}

/** The features a petition is compared on: compute once, store beside the petition. */
export function prepare(text: string, context?: PetitionContext): Prepared {
  return prepareAnalysis(analyse(text, analyseOptions(context)));
}

function lexicalCosine(a: Prepared, b: Prepared): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (const w of a.weights) na += w * w;
  for (const w of b.weights) nb += w * w;
  if (na === 0 || nb === 0) return 0;
  let i = 0;
  let j = 0;
  while (i < a.terms.length && j < b.terms.length) {
    const x = a.terms[i] as number;
    const y = b.terms[j] as number;
    if (x === y) {
      dot += (a.weights[i] as number) * (b.weights[j] as number);
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return dot / Math.sqrt(na * nb);
}

function conceptCosine(a: readonly string[], b: readonly string[]): number {
  let shared = 0;
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] as string;
    const y = b[j] as string;
    if (x === y) {
      shared++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return shared / Math.sqrt(a.length * b.length);
}

/** Similarity of two prepared petitions, symmetric, in [0, 1]. */
export function score(a: Prepared, b: Prepared): number {
  const lex = lexicalCosine(a, b);
  if (lex === 0 && (a.terms.length === 0 || b.terms.length === 0)) return 0;
  if (a.concepts.length === 0 || b.concepts.length === 0) return Math.min(1, lex);
  const s = (1 - CONCEPT_SHARE) * lex + CONCEPT_SHARE * conceptCosine(a.concepts, b.concepts);
  return Math.min(1, Math.max(0, s));
}
