// What a village is called and how its code is built (shared by the generator and the importer).

/** thôn (rural village), bản (upland village), khu phố / khu (urban quarter), tổ dân phố. */
export const VILLAGE_TYPES = ["thon", "ban", "khu_pho", "to_dan_pho"] as const;
export type VillageType = (typeof VILLAGE_TYPES)[number];

/** Builds a village code from a commune code and a 1-based sequence number: "06652-007". */
export function villageCode(communeCode: string, seq: number): string {
  return `${communeCode}-${String(seq).padStart(3, "0")}`;
}
