/**
 * Evaluation of the near-duplicate detector against labelled petitions (pure).
 *
 * Petitions are fed in the given order, as the product receives them: each joins the cluster of its best
 * match among the petitions already seen (found through the band keys, ranked by score) when that match
 * scores at least the threshold, else starts a cluster. Pairwise precision and recall compare the
 * resulting clusters with the labelled groups: a pair of petitions is positive when both are in one
 * group, predicted when both are in one cluster.
 */

import { fingerprint, SimilarityIndex, THRESHOLD } from "./detector.ts";

export interface LabelledPetition {
  readonly id: string;
  readonly text: string;
  /** Label: petitions with the same group are near-duplicates. */
  readonly group: string;
  /** The petitioner's unit ("Thôn Khe Tâm, xã Đạp Thanh"), when known: its names are noise. */
  readonly unit?: string;
}

export interface PairScores {
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
}

/** Cluster labels (the id of each cluster's first petition), in input order. */
export function clusterPetitions(
  items: readonly Omit<LabelledPetition, "group">[],
  threshold: number = THRESHOLD,
): string[] {
  const index = new SimilarityIndex();
  const clusterOf = new Map<string, string>();
  const out: string[] = [];
  for (const item of items) {
    const fp = fingerprint(item.text, item.unit === undefined ? undefined : { placeNames: [item.unit] });
    const best = index.similarTo(fp, 1, threshold)[0];
    const cluster = best === undefined ? item.id : (clusterOf.get(best.id) ?? best.id);
    clusterOf.set(item.id, cluster);
    out.push(cluster);
    index.addFingerprint(item.id, fp);
  }
  return out;
}

/** Pairwise precision, recall and F1 of predicted clusters against labelled groups (0/0 counts as 1). */
export function pairScores(groups: readonly string[], clusters: readonly string[]): PairScores {
  if (groups.length !== clusters.length) throw new Error("groups and clusters differ in length");
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (let i = 0; i < groups.length; i++) {
    for (let j = i + 1; j < groups.length; j++) {
      const same = groups[i] === groups[j];
      const predicted = clusters[i] === clusters[j];
      if (same && predicted) tp++;
      else if (predicted) fp++;
      else if (same) fn++;
    }
  }
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}

/** Feeds the petitions through the detector in order and scores the clusters against their groups. */
export function evaluateClusters(
  items: readonly LabelledPetition[],
  threshold: number = THRESHOLD,
): PairScores {
  return pairScores(
    items.map((i) => i.group),
    clusterPetitions(items, threshold),
  );
}

/** Parses JSONL petitions `{"id","text","group","unit"?}`; throws with the line number on bad input. */
export function parsePetitionsJsonl(jsonl: string): LabelledPetition[] {
  const out: LabelledPetition[] = [];
  const lines = jsonl.split(/\r?\n/);
  for (let n = 0; n < lines.length; n++) {
    const line = (lines[n] as string).trim();
    if (line === "") continue;
    let v: unknown;
    try {
      v = JSON.parse(line);
    } catch {
      throw new Error(`line ${n + 1}: not JSON`);
    }
    if (typeof v !== "object" || v === null) throw new Error(`line ${n + 1}: not an object`);
    const r = v as Record<string, unknown>;
    const { id, text, group, unit } = r;
    if (typeof id !== "string" && typeof id !== "number") throw new Error(`line ${n + 1}: missing "id"`);
    if (typeof text !== "string") throw new Error(`line ${n + 1}: missing "text"`);
    if (typeof group !== "string" && typeof group !== "number")
      throw new Error(`line ${n + 1}: missing "group"`);
    out.push({
      id: String(id),
      text,
      group: String(group),
      ...(typeof unit === "string" ? { unit } : {}),
    });
  }
  return out;
}

/** The one-line report: `pairs precision=P recall=R f1=F`, three decimals. */
export function formatPairScores(s: PairScores): string {
  return `pairs precision=${s.precision.toFixed(3)} recall=${s.recall.toFixed(3)} f1=${s.f1.toFixed(3)}`;
}
