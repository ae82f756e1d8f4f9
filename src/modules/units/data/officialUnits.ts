// Official administrative units (see ../shared/data/vn-admin/SOURCES.md): the 2026 two-level
// structure for the whole country, and the pre-2025 districts and communes of the deployment
// province with their old → new lineage. Pure reading and shaping; no database.

import { existsSync } from "node:fs";
import { join } from "node:path";
import { dirPath, field, oneOf, readDataCsv } from "./csvFiles.ts";
import { cleanText, splitList } from "./text.ts";

/** The day the 2025 reorganisation took effect: 2026 units start, pre-2025 units end (exclusive). */
export const REORGANISATION_DATE = "2025-07-01";

export const PROVINCE_TYPES = ["tinh", "thanh_pho_truc_thuoc_trung_uong"] as const;
export type ProvinceType = (typeof PROVINCE_TYPES)[number];

export const COMMUNE_TYPES = ["xa", "phuong", "dac_khu"] as const;
export type CommuneType = (typeof COMMUNE_TYPES)[number];

export const OLD_DISTRICT_TYPES = ["thanh_pho", "thi_xa", "huyen", "quan"] as const;
export type OldDistrictType = (typeof OLD_DISTRICT_TYPES)[number];

/**
 * `huyen` only occurs in the national mapping: island districts that had no commune-level
 * units (Bạch Long Vĩ, Cồn Cỏ, Hoàng Sa, Lý Sơn, Côn Đảo) appear there as units themselves.
 */
export const OLD_COMMUNE_TYPES = ["xa", "phuong", "thi_tran", "huyen"] as const;
export type OldCommuneType = (typeof OLD_COMMUNE_TYPES)[number];

export type MergeType = "full" | "partial";

interface Validity {
  /** ISO date the unit came into force, or null when unknown (pre-2025 units). */
  readonly validFrom: string | null;
  /** ISO date the unit ceased to exist (exclusive end), or null while it is current. */
  readonly validTo: string | null;
}

export interface Province extends Validity {
  readonly code: string;
  readonly name: string;
  readonly fullName: string;
  readonly type: ProvinceType;
  readonly nameEn: string;
  readonly fullNameEn: string;
  /** ASCII slug, e.g. "quang_ninh". */
  readonly codeName: string;
}

export interface Commune extends Validity {
  readonly code: string;
  readonly name: string;
  readonly fullName: string;
  readonly type: CommuneType;
  readonly provinceCode: string;
  readonly nameEn: string;
  readonly fullNameEn: string;
}

export interface OldProvince extends Validity {
  readonly code: string;
  readonly name: string;
  readonly fullName: string;
  /** The 2026 province it became part of. */
  readonly newProvinceCode: string;
}

export interface OldDistrict extends Validity {
  readonly code: string;
  readonly name: string;
  readonly fullName: string;
  readonly type: OldDistrictType;
  /** The pre-2025 province code. */
  readonly provinceCode: string;
}

export interface OldCommune extends Validity {
  readonly code: string;
  readonly name: string;
  readonly fullName: string;
  readonly type: OldCommuneType;
  /** Null for the few units the national mapping lists without a district. */
  readonly districtCode: string | null;
  /** The pre-2025 province code (null when the mapping does not say). */
  readonly provinceCode: string | null;
}

/** One old commune → one 2026 commune. An old commune split between several has one link each. */
export interface LineageLink {
  readonly oldCode: string;
  readonly newCode: string;
  /** `full`: the whole old commune went into the new one; `partial`: only part of it. */
  readonly mergeType: MergeType;
}

export interface OfficialUnits {
  /** The deployment province's 2026 code, e.g. "22". */
  readonly provinceCode: string;
  readonly province: Province;
  /** All 34 provinces of 2026. */
  readonly provinces: readonly Province[];
  /** All 3,321 commune-level units of 2026 (the whole country). */
  readonly communes: readonly Commune[];
  /** The deployment province's 2026 communes (54 for Quảng Ninh). */
  readonly provinceCommunes: readonly Commune[];
  /** The 63 provinces before 2025, with the 2026 province each became part of. */
  readonly oldProvinces: readonly OldProvince[];
  /** The deployment province's districts before 2025 (13 for Quảng Ninh). */
  readonly oldDistricts: readonly OldDistrict[];
  /** The deployment province's communes before 2025 (171 for Quảng Ninh). */
  readonly oldCommunes: readonly OldCommune[];
  /** Old → new links for the deployment province's old communes. */
  readonly lineage: readonly LineageLink[];
  /** Where the pre-2025 units came from. */
  readonly pre2025Source: "province_files" | "national_mapping";
}

const CURRENT = { validFrom: REORGANISATION_DATE, validTo: null } as const;
const ENDED = { validFrom: null, validTo: REORGANISATION_DATE } as const;

const F_PROVINCES = "provinces_2026.csv";
const F_COMMUNES = "communes_2026.csv";
const F_OLD_PROVINCES = "provinces_pre2025.csv";
const F_MAPPING = "commune_mapping_2025_old_to_new.csv";

/**
 * Reads the official unit files in `dir` (a path or a file: URL to .../vn-admin/).
 * Pre-2025 units come from `<slug>_districts_pre2025.csv` / `<slug>_communes_pre2025.csv`
 * when the province has them (Quảng Ninh does), otherwise from the national mapping's old_*
 * columns. Throws when a file is missing or inconsistent.
 */
export function loadOfficialUnits(dir: string | URL, provinceCode = "22"): OfficialUnits {
  const provinces = loadProvinces(dir);
  const province = provinces.find((p) => p.code === provinceCode);
  if (province === undefined) throw new Error(`unknown province code "${provinceCode}"`);

  const communes = loadCommunes(dir);
  const provinceCommunes = communes.filter((c) => c.provinceCode === provinceCode);
  const newCodes = new Set(communes.map((c) => c.code));
  const oldProvinces = loadOldProvinces(dir);

  const mapping = loadMapping(dir, provinceCode);

  const districtsFile = `${province.codeName}_districts_pre2025.csv`;
  const communesFile = `${province.codeName}_communes_pre2025.csv`;
  const hasProvinceFiles =
    existsSync(join(dirPath(dir), districtsFile)) && existsSync(join(dirPath(dir), communesFile));

  const pre = hasProvinceFiles
    ? fromProvinceFiles(dir, districtsFile, communesFile, provinceCode, mapping)
    : fromNationalMapping(mapping);

  for (const link of pre.lineage) {
    if (!newCodes.has(link.newCode)) {
      throw new Error(`lineage ${link.oldCode} → ${link.newCode}: no such 2026 commune`);
    }
  }

  return {
    provinceCode,
    province,
    provinces,
    communes,
    provinceCommunes,
    oldProvinces,
    oldDistricts: pre.districts,
    oldCommunes: pre.communes,
    lineage: pre.lineage,
    pre2025Source: hasProvinceFiles ? "province_files" : "national_mapping",
  };
}

/** The 2026 communes an old commune's territory now belongs to (empty when unknown). */
export function successorCodes(lineage: readonly LineageLink[], oldCode: string): string[] {
  return lineage.filter((l) => l.oldCode === oldCode).map((l) => l.newCode);
}

/** The old communes that (wholly or partly) formed a 2026 commune. */
export function predecessorCodes(lineage: readonly LineageLink[], newCode: string): string[] {
  return lineage.filter((l) => l.newCode === newCode).map((l) => l.oldCode);
}

function loadProvinces(dir: string | URL): Province[] {
  const rows = readDataCsv(dir, F_PROVINCES, [
    "code",
    "name",
    "full_name",
    "type",
    "name_en",
    "full_name_en",
    "code_name",
  ]);
  return rows.map((r, i) => ({
    code: field(r, "code", F_PROVINCES, i),
    name: field(r, "name", F_PROVINCES, i),
    fullName: field(r, "full_name", F_PROVINCES, i),
    type: oneOf(field(r, "type", F_PROVINCES, i), PROVINCE_TYPES, F_PROVINCES, i, "type"),
    nameEn: r.name_en ?? "",
    fullNameEn: r.full_name_en ?? "",
    codeName: field(r, "code_name", F_PROVINCES, i),
    ...CURRENT,
  }));
}

function loadCommunes(dir: string | URL): Commune[] {
  const rows = readDataCsv(dir, F_COMMUNES, [
    "code",
    "name",
    "full_name",
    "type",
    "province_code",
    "name_en",
    "full_name_en",
  ]);
  return rows.map((r, i) => ({
    code: field(r, "code", F_COMMUNES, i),
    name: field(r, "name", F_COMMUNES, i),
    fullName: field(r, "full_name", F_COMMUNES, i),
    type: oneOf(field(r, "type", F_COMMUNES, i), COMMUNE_TYPES, F_COMMUNES, i, "type"),
    provinceCode: field(r, "province_code", F_COMMUNES, i),
    nameEn: r.name_en ?? "",
    fullNameEn: r.full_name_en ?? "",
    ...CURRENT,
  }));
}

function loadOldProvinces(dir: string | URL): OldProvince[] {
  const rows = readDataCsv(dir, F_OLD_PROVINCES, ["code", "name", "full_name", "new_province_code"]);
  return rows.map((r, i) => ({
    code: field(r, "code", F_OLD_PROVINCES, i),
    name: field(r, "name", F_OLD_PROVINCES, i),
    fullName: field(r, "full_name", F_OLD_PROVINCES, i),
    newProvinceCode: field(r, "new_province_code", F_OLD_PROVINCES, i),
    ...ENDED,
  }));
}

/** One row of the national mapping, typed. */
interface MappingRow {
  oldCode: string;
  oldFullName: string;
  oldDistrictCode: string | null;
  oldDistrictFullName: string;
  oldProvinceCode: string | null;
  newCode: string;
  mergeType: MergeType;
}

/** The national mapping's rows whose new commune lies in `provinceCode`. */
function loadMapping(dir: string | URL, provinceCode: string): MappingRow[] {
  const rows = readDataCsv(dir, F_MAPPING, [
    "old_code",
    "old_full_name",
    "old_district_code",
    "old_district_full_name",
    "old_province_code",
    "new_code",
    "new_province_code",
    "merge_type",
  ]);
  const out: MappingRow[] = [];
  rows.forEach((r, i) => {
    if (r.new_province_code !== provinceCode) return;
    out.push({
      oldCode: field(r, "old_code", F_MAPPING, i),
      oldFullName: field(r, "old_full_name", F_MAPPING, i),
      oldDistrictCode: r.old_district_code || null,
      oldDistrictFullName: r.old_district_full_name ?? "",
      oldProvinceCode: r.old_province_code || null,
      newCode: field(r, "new_code", F_MAPPING, i),
      mergeType: oneOf(
        field(r, "merge_type", F_MAPPING, i),
        ["full", "partial"] as const,
        F_MAPPING,
        i,
        "merge_type",
      ),
    });
  });
  return out;
}

interface Pre2025 {
  districts: OldDistrict[];
  communes: OldCommune[];
  lineage: LineageLink[];
}

function fromProvinceFiles(
  dir: string | URL,
  districtsFile: string,
  communesFile: string,
  provinceCode: string,
  mapping: readonly MappingRow[],
): Pre2025 {
  const districtRows = readDataCsv(dir, districtsFile, ["code", "name", "full_name", "type"]);
  const districts: OldDistrict[] = districtRows.map((r, i) => ({
    code: field(r, "code", districtsFile, i),
    name: field(r, "name", districtsFile, i),
    fullName: field(r, "full_name", districtsFile, i),
    type: oneOf(field(r, "type", districtsFile, i), OLD_DISTRICT_TYPES, districtsFile, i, "type"),
    provinceCode,
    ...ENDED,
  }));
  const districtCodes = new Set(districts.map((d) => d.code));

  const mappingByOld = new Map<string, MappingRow[]>();
  for (const m of mapping) {
    const list = mappingByOld.get(m.oldCode) ?? [];
    list.push(m);
    mappingByOld.set(m.oldCode, list);
  }

  const communeRows = readDataCsv(dir, communesFile, [
    "code",
    "name",
    "full_name",
    "type",
    "district_code",
    "new_commune_codes",
  ]);
  const communes: OldCommune[] = [];
  const lineage: LineageLink[] = [];
  communeRows.forEach((r, i) => {
    const code = field(r, "code", communesFile, i);
    const districtCode = field(r, "district_code", communesFile, i);
    if (!districtCodes.has(districtCode)) {
      throw new Error(`${communesFile}: row ${i + 2}: unknown district ${districtCode}`);
    }
    const mapped = mappingByOld.get(code) ?? [];
    communes.push({
      code,
      name: field(r, "name", communesFile, i),
      fullName: field(r, "full_name", communesFile, i),
      type: oneOf(field(r, "type", communesFile, i), OLD_COMMUNE_TYPES, communesFile, i, "type"),
      districtCode,
      provinceCode: mapped[0]?.oldProvinceCode ?? provinceCode,
      ...ENDED,
    });
    // The province file names the successors; the national mapping says full or partial.
    const successors = splitList(r.new_commune_codes ?? "");
    for (const newCode of successors) {
      const m = mapped.find((x) => x.newCode === newCode);
      const mergeType: MergeType = m !== undefined ? m.mergeType : successors.length > 1 ? "partial" : "full";
      lineage.push({ oldCode: code, newCode, mergeType });
    }
    for (const m of mapped) {
      if (!successors.includes(m.newCode)) {
        lineage.push({ oldCode: code, newCode: m.newCode, mergeType: m.mergeType });
      }
    }
  });
  return { districts, communes, lineage };
}

const OLD_COMMUNE_PREFIXES: readonly (readonly [string, OldCommuneType])[] = [
  ["Thị trấn ", "thi_tran"],
  ["Phường ", "phuong"],
  ["Xã ", "xa"],
  ["Huyện ", "huyen"],
];
const OLD_DISTRICT_PREFIXES: readonly (readonly [string, OldDistrictType])[] = [
  ["Thành phố ", "thanh_pho"],
  ["Thị xã ", "thi_xa"],
  ["Quận ", "quan"],
  ["Huyện ", "huyen"],
];

function splitPrefix<T extends string>(
  fullName: string,
  prefixes: readonly (readonly [string, T])[],
): { name: string; type: T } | null {
  for (const [prefix, type] of prefixes) {
    if (fullName.startsWith(prefix)) return { name: cleanText(fullName.slice(prefix.length)), type };
  }
  return null;
}

function fromNationalMapping(mapping: readonly MappingRow[]): Pre2025 {
  const districts = new Map<string, OldDistrict>();
  const communes = new Map<string, OldCommune>();
  const lineage: LineageLink[] = [];
  for (const m of mapping) {
    if (m.oldDistrictCode !== null && !districts.has(m.oldDistrictCode)) {
      const split = splitPrefix(m.oldDistrictFullName, OLD_DISTRICT_PREFIXES);
      if (split === null) throw new Error(`${F_MAPPING}: district type of "${m.oldDistrictFullName}"`);
      districts.set(m.oldDistrictCode, {
        code: m.oldDistrictCode,
        name: split.name,
        fullName: m.oldDistrictFullName,
        type: split.type,
        provinceCode: m.oldProvinceCode ?? "",
        ...ENDED,
      });
    }
    if (!communes.has(m.oldCode)) {
      const split = splitPrefix(m.oldFullName, OLD_COMMUNE_PREFIXES);
      if (split === null) throw new Error(`${F_MAPPING}: commune type of "${m.oldFullName}"`);
      communes.set(m.oldCode, {
        code: m.oldCode,
        name: split.name,
        fullName: m.oldFullName,
        type: split.type,
        districtCode: m.oldDistrictCode,
        provinceCode: m.oldProvinceCode,
        ...ENDED,
      });
    }
    lineage.push({ oldCode: m.oldCode, newCode: m.newCode, mergeType: m.mergeType });
  }
  return { districts: [...districts.values()], communes: [...communes.values()], lineage };
}

// ---------------------------------------------------------------------------------------------
// Petition categories and the province's departments

export interface Category {
  readonly code: string;
  readonly nameVi: string;
  readonly nameEn: string;
  /** Comma-separated examples, as in the file. */
  readonly examplesVi: string;
  /** Suggested default handler(s) in Quảng Ninh, free text as in the file ("Sở Xây dựng; UBND cấp xã"). */
  readonly defaultHandler: string;
  /** Usual level(s) as in the file: "xã/tỉnh", "tỉnh/trung ương", "-". */
  readonly usualLevel: string;
  /** `usualLevel` as codes. */
  readonly usualLevels: readonly ("xa" | "tinh" | "trung_uong")[];
}

const F_CATEGORIES = "pakn_categories_proposed.csv";

export function loadCategories(dir: string | URL): Category[] {
  const rows = readDataCsv(dir, F_CATEGORIES, [
    "code",
    "name_vi",
    "name_en",
    "examples_vi",
    "default_handler_quang_ninh",
    "usual_level",
  ]);
  return rows.map((r, i) => {
    const usualLevel = r.usual_level ?? "";
    return {
      code: field(r, "code", F_CATEGORIES, i),
      nameVi: field(r, "name_vi", F_CATEGORIES, i),
      nameEn: field(r, "name_en", F_CATEGORIES, i),
      examplesVi: r.examples_vi ?? "",
      defaultHandler: r.default_handler_quang_ninh ?? "",
      usualLevel,
      usualLevels: parseLevels(usualLevel),
    };
  });
}

function parseLevels(value: string): ("xa" | "tinh" | "trung_uong")[] {
  const out: ("xa" | "tinh" | "trung_uong")[] = [];
  for (const part of splitList(value, "/")) {
    const p = part.normalize("NFC").toLowerCase();
    if (p === "xã") out.push("xa");
    else if (p === "tỉnh") out.push("tinh");
    else if (p === "trung ương") out.push("trung_uong");
  }
  return out;
}

export interface Department {
  /** ASCII short code from the file, e.g. "SNNMT", "VP_UBND". */
  readonly shortCode: string;
  readonly nameVi: string;
  readonly nameEn: string;
  readonly notes: string;
}

const F_DEPARTMENTS = "quang_ninh_departments_2025.csv";

/** Quảng Ninh's provincial departments (the only province with such a file so far). */
export function loadDepartments(dir: string | URL, file = F_DEPARTMENTS): Department[] {
  const rows = readDataCsv(dir, file, ["short_code", "name_vi", "name_en", "notes"]);
  return rows.map((r, i) => ({
    shortCode: field(r, "short_code", file, i),
    nameVi: field(r, "name_vi", file, i),
    nameEn: field(r, "name_en", file, i),
    notes: r.notes ?? "",
  }));
}
