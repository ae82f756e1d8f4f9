/**
 * Vietnamese text: normalisation for search and name matching, abbreviations, and the near-duplicate
 * detector (MinHash over syllable shingles, LSH band keys, re-ranking score). Pure: no I/O, no database.
 */

export {
  ABBREVIATIONS,
  type AbbreviationEntry,
  buildExpander,
  DEFAULT_EXPANDER,
  type Expander,
} from "./abbreviations.ts";
export {
  bandKeys,
  FEATURE_SCHEME,
  type Fingerprint,
  fingerprint,
  type Match,
  SimilarityIndex,
  THRESHOLD,
} from "./detector.ts";
export {
  clusterPetitions,
  evaluateClusters,
  formatPairScores,
  type LabelledPetition,
  type PairScores,
  pairScores,
  parsePetitionsJsonl,
} from "./evaluate.ts";
export { NUM_BANDS, NUM_HASHES, ROWS_PER_BAND } from "./minhash.ts";
export {
  canonicalTones,
  foldDiacritics,
  normalizeForDisplayMatch,
  normalizeForSearch,
  punctuationToSpaces,
  type ToneStyle,
  toNfc,
} from "./normalize.ts";
export { analyse, buildConceptIndex, buildNoiseLexicon, shingles, syllables } from "./shingles.ts";
export {
  CONCEPT_SHARE,
  type PetitionContext,
  type Prepared,
  placeNamesOfUnit,
  prepare,
  score,
  WEIGHTS,
} from "./similarity.ts";
export { STOP, WEAK } from "./stopwords.ts";
export { type ConceptGroup, THESAURUS } from "./thesaurus.ts";
