import { villageFullName } from "./commands/importVillages.ts";
import { VILLAGE_TYPES, type VillageType } from "./data/villageTypes.ts";

export type UnitLevel = "province" | "district" | "commune" | "village";

/** The word an official name starts with, by type: "Phường" + "Hạ Long" = "Phường Hạ Long". */
const PREFIX: Record<string, string> = {
  tinh: "Tỉnh",
  thanh_pho_truc_thuoc_trung_uong: "Thành phố",
  thanh_pho: "Thành phố",
  thi_xa: "Thị xã",
  huyen: "Huyện",
  quan: "Quận",
  xa: "Xã",
  phuong: "Phường",
  dac_khu: "Đặc khu",
  thi_tran: "Thị trấn",
  thon: "Thôn",
  ban: "Bản",
  khu_pho: "Khu phố",
  to_dan_pho: "Tổ dân phố",
};

/** The types a unit of this level may have; pre-2025 communes also had townships (thị trấn). */
export function typesFor(level: UnitLevel, current: boolean): readonly string[] {
  switch (level) {
    case "province":
      return ["tinh", "thanh_pho_truc_thuoc_trung_uong"];
    case "district":
      return ["thanh_pho", "thi_xa", "huyen", "quan"];
    case "commune":
      return current ? ["xa", "phuong", "dac_khu"] : ["xa", "phuong", "thi_tran"];
    case "village":
      return VILLAGE_TYPES;
  }
}

export function isVillageType(type: string): type is VillageType {
  return (VILLAGE_TYPES as readonly string[]).includes(type);
}

/**
 * Name and full name as stored. Villages keep the type word in both ("Thôn Khe Tâm", as the import does);
 * official units keep the bare name and prefix the full one ("Hạ Long" / "Phường Hạ Long").
 */
export function storedNames(
  level: UnitLevel,
  type: string,
  name: string,
): { name: string; fullName: string } {
  if (level === "village" && isVillageType(type)) {
    const full = villageFullName(name, type);
    return { name: full, fullName: full };
  }
  const prefix = PREFIX[type];
  return { name, fullName: prefix ? `${prefix} ${name}` : name };
}

/** The name as a person types it in the form: without the type word the stored name starts with. */
export function bareName(name: string, type: string): string {
  const prefix = PREFIX[type];
  if (prefix && name.toLowerCase().startsWith(`${prefix.toLowerCase()} `))
    return name.slice(prefix.length + 1);
  return name;
}

/** How many digits an official code has at each level; villages have free-form codes. */
export const OFFICIAL_CODE_DIGITS: Record<Exclude<UnitLevel, "village">, number> = {
  province: 2,
  district: 3,
  commune: 5,
};
