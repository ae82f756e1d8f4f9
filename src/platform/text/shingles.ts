/**
 * From a petition's text to weighted syllable shingles (pure).
 *
 * Vietnamese writes one syllable per space-separated word, and most words span two syllables ("sạt lở",
 * "phụ cấp", "trưởng thôn", "bụi than"). So a petition is described by its syllables (1-shingles, which
 * survive paraphrase: "sạt lở" / "sạt taluy" share "sạt") and its adjacent syllable pairs (2-shingles,
 * which capture the compound words and tell "đường ống" (pipe) from "mặt đường" (road surface)).
 * Longer shingles are too specific for petitions that say the same thing in other words.
 * Beside them, the concepts of the petition vocabulary (thesaurus.ts) it names.
 *
 * Everything is computed on the folded (unaccented, lower-case) words with abbreviations expanded, so a
 * petition typed without diacritics, with "GCN QSDĐ" or with other punctuation gives the same shingles.
 */

import { DEFAULT_EXPANDER, type Expander } from "./abbreviations.ts";
import { foldLower, toNfc } from "./chars.ts";
import { fmix32, hashString } from "./minhash.ts";
import { STOP, WEAK } from "./stopwords.ts";
import { type ConceptGroup, THESAURUS } from "./thesaurus.ts";

const WORD_RE = /[\p{L}\p{N}]+/gu;

/** Folded, lower-case words of a text, after abbreviation expansion. */
export function foldedWords(text: string, expander: Expander = DEFAULT_EXPANDER): string[] {
  return expander.expandFolded(toNfc(text)).match(WORD_RE) ?? [];
}

function wordsOf(phrase: string): string[] {
  return foldLower(toNfc(phrase)).match(WORD_RE) ?? [];
}

interface TrieNode<T> {
  next: Map<string, TrieNode<T>>;
  values: T[];
}

function newNode<T>(): TrieNode<T> {
  return { next: new Map(), values: [] };
}

function insert<T>(root: TrieNode<T>, words: readonly string[], value: T): TrieNode<T> {
  let node = root;
  for (const w of words) {
    let child = node.next.get(w);
    if (child === undefined) {
      child = newNode<T>();
      node.next.set(w, child);
    }
    node = child;
  }
  if (!node.values.includes(value)) node.values.push(value);
  return node;
}

export type NoiseKind = "stop" | "weak";

/** The STOP and WEAK words and phrases of stopwords.ts (or an edited copy), ready for matching. */
export interface NoiseLexicon {
  /** Longest STOP or WEAK phrase starting at `at`, or null for a content word. */
  readonly match: (words: readonly string[], at: number) => { length: number; kind: NoiseKind } | null;
}

export function buildNoiseLexicon(stop: readonly string[], weak: readonly string[]): NoiseLexicon {
  const root = newNode<NoiseKind>();
  for (const p of weak) {
    const w = wordsOf(p);
    if (w.length > 0) insert(root, w, "weak");
  }
  // A phrase listed in both is STOP.
  for (const p of stop) {
    const w = wordsOf(p);
    if (w.length > 0) insert(root, w, "stop").values = ["stop"];
  }
  return {
    match(words, at) {
      let node: TrieNode<NoiseKind> | undefined = root;
      let best: { length: number; kind: NoiseKind } | null = null;
      for (let j = at; j < words.length; j++) {
        node = node.next.get(words[j] as string);
        if (node === undefined) break;
        const kind = node.values[0];
        if (kind !== undefined) best = { length: j - at + 1, kind };
      }
      return best;
    },
  };
}

export const DEFAULT_NOISE: NoiseLexicon = buildNoiseLexicon(STOP, WEAK);

/** The concept groups of thesaurus.ts (or an edited copy), ready for matching. */
export interface ConceptIndex {
  /** Concepts named in a word sequence ("" separates segments and never matches), each once. */
  readonly find: (words: readonly string[]) => string[];
}

export function buildConceptIndex(groups: readonly ConceptGroup[]): ConceptIndex {
  const root = newNode<string>();
  for (const g of groups) {
    for (const term of g.terms) {
      const w = wordsOf(term);
      if (w.length > 0) insert(root, w, g.concept);
    }
  }
  return {
    find(words) {
      const found = new Set<string>();
      for (let i = 0; i < words.length; i++) {
        let node = root.next.get(words[i] as string);
        for (let j = i + 1; node !== undefined; j++) {
          for (const c of node.values) found.add(c);
          if (j >= words.length) break;
          node = node.next.get(words[j] as string);
        }
      }
      return Array.from(found);
    },
  };
}

export const DEFAULT_CONCEPTS: ConceptIndex = buildConceptIndex(THESAURUS);

/** A syllable that survived the noise filter: `weak` for generic words (see stopwords.ts). */
export interface Syllable {
  readonly text: string;
  readonly weak: boolean;
}

/** What a petition says, for comparison. */
export interface Analysis {
  /** Runs of syllables; STOP words and phrases separate runs (no pair is formed across them). */
  readonly segments: readonly (readonly Syllable[])[];
  /** Concepts of the petition vocabulary named in the text. */
  readonly concepts: readonly string[];
}

export interface AnalyseOptions {
  /**
   * Names that are noise for this petition: its own village and commune ("Khe Tâm", "Đạp Thanh").
   * Every petition names its own unit; two villages raising the same issue do not share it.
   */
  readonly noiseNames?: readonly string[];
  readonly expander?: Expander;
  readonly noise?: NoiseLexicon;
  readonly concepts?: ConceptIndex;
}

// Words after which a number is a unit's number ("khu 5", "thôn 2", "tổ 7"), not content.
const UNIT_MARKERS = new Set(["thon", "ban", "xa", "phuong", "khu", "pho", "to", "xom", "ap", "doi", "lang"]);
const NUMBER_RE = /^\p{N}+\p{L}?$/u;

/**
 * Removes the given names. A name of several syllables goes wherever it appears; a one-syllable name
 * ("Mới", "5") only right after a unit word ("thôn Mới"), since alone it is usually an ordinary word.
 */
function removeNames(words: readonly string[], names: readonly string[]): string[] {
  const seqs = names
    .map(wordsOf)
    .filter((s) => s.length > 0)
    .sort((a, b) => b.length - a.length);
  if (seqs.length === 0) return [...words];
  const out: string[] = [];
  let i = 0;
  outer: while (i < words.length) {
    for (const s of seqs) {
      if (s.length === 1 && !(i > 0 && UNIT_MARKERS.has(words[i - 1] as string))) continue;
      let k = 0;
      while (k < s.length && words[i + k] === s[k]) k++;
      if (k === s.length) {
        i += k;
        continue outer;
      }
    }
    out.push(words[i] as string);
    i++;
  }
  return out;
}

/** Splits a petition into noise-filtered syllable runs and finds the concepts it names. */
export function analyse(text: string, options: AnalyseOptions = {}): Analysis {
  let words = foldedWords(text, options.expander);
  if (options.noiseNames !== undefined && options.noiseNames.length > 0) {
    words = removeNames(words, options.noiseNames);
  }
  const noise = options.noise ?? DEFAULT_NOISE;
  const segments: Syllable[][] = [];
  const withBreaks: string[] = [];
  let current: Syllable[] = [];
  const cut = (): void => {
    if (current.length > 0) segments.push(current);
    current = [];
    if (withBreaks[withBreaks.length - 1] !== "") withBreaks.push("");
  };
  let i = 0;
  while (i < words.length) {
    const w = words[i] as string;
    if (NUMBER_RE.test(w) && i > 0 && UNIT_MARKERS.has(words[i - 1] as string)) {
      i++;
      continue;
    }
    const m = noise.match(words, i);
    if (m === null) {
      current.push({ text: w, weak: false });
      withBreaks.push(w);
      i++;
      continue;
    }
    if (m.kind === "stop") {
      cut();
      i += m.length;
      continue;
    }
    for (let k = 0; k < m.length; k++) {
      const text = words[i + k] as string;
      current.push({ text, weak: true });
      withBreaks.push(text);
    }
    i += m.length;
  }
  cut();
  return { segments, concepts: (options.concepts ?? DEFAULT_CONCEPTS).find(withBreaks) };
}

/** The petition's syllables in text order, noise removed (a convenience over `analyse`). */
export function syllables(text: string, options: AnalyseOptions = {}): Syllable[] {
  return analyse(text, options).segments.flat();
}

/** A weighted shingle: a syllable or a pair of adjacent syllables ("a b"). */
export interface Shingle {
  readonly text: string;
  readonly weight: number;
}

export interface ShingleWeights {
  /** A content syllable. */
  readonly syllable: number;
  /** A generic (WEAK) syllable. */
  readonly weakSyllable: number;
  /** A pair weighs this times the mean weight of its two syllables. */
  readonly pairFactor: number;
}

/**
 * The shingles of an analysed petition, each once (set semantics: repeating a word does not make a
 * petition more similar to another; a word both generic and content somewhere keeps the higher weight).
 * The readable form of `shingleHashes`.
 */
export function shingles(analysis: Analysis, weights: ShingleWeights): Shingle[] {
  const seen = new Map<string, number>();
  const put = (text: string, weight: number): void => {
    const old = seen.get(text);
    if (old === undefined || weight > old) seen.set(text, weight);
  };
  const w = (s: Syllable): number => (s.weak ? weights.weakSyllable : weights.syllable);
  for (const seg of analysis.segments) {
    for (let i = 0; i < seg.length; i++) {
      const a = seg[i] as Syllable;
      put(a.text, w(a));
      const b = seg[i + 1];
      if (b !== undefined) put(`${a.text} ${b.text}`, (weights.pairFactor * (w(a) + w(b))) / 2);
    }
  }
  return Array.from(seen, ([text, weight]) => ({ text, weight }));
}

// Syllable hashes are memoised: the folded Vietnamese vocabulary is a few thousand syllables.
const syllableHashes = new Map<string, number>();

/** 32-bit hash of a syllable (uint32). */
export function syllableHash(syllable: string): number {
  let h = syllableHashes.get(syllable);
  if (h === undefined) {
    if (syllableHashes.size >= 200_000) syllableHashes.clear();
    h = hashString(syllable);
    syllableHashes.set(syllable, h);
  }
  return h;
}

/** 32-bit hash of an ordered pair of syllables from their hashes (uint32). */
export function pairHash(a: number, b: number): number {
  return fmix32(Math.imul(a, 0x9e3779b1) ^ fmix32(b ^ 0x7f4a7c15));
}

/** Same set as `shingles`, keyed by 32-bit hash (uint32) → weight: what is stored and compared. */
export function shingleHashes(analysis: Analysis, weights: ShingleWeights): Map<number, number> {
  const seen = new Map<number, number>();
  const put = (h: number, weight: number): void => {
    const old = seen.get(h);
    if (old === undefined || weight > old) seen.set(h, weight);
  };
  for (const seg of analysis.segments) {
    let prevHash = 0;
    let prevWeight = 0;
    for (let i = 0; i < seg.length; i++) {
      const a = seg[i] as Syllable;
      const h = syllableHash(a.text);
      const w = a.weak ? weights.weakSyllable : weights.syllable;
      put(h, w);
      if (i > 0) put(pairHash(prevHash, h), (weights.pairFactor * (prevWeight + w)) / 2);
      prevHash = h;
      prevWeight = w;
    }
  }
  return seen;
}
