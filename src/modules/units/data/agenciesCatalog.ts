// The agencies a deployment starts with, as data: the province's departments, a People's
// Committee per commune, the main vertical agencies in the province and the central ministries
// and ministry-level agencies after the 2025 restructuring (escalation targets).
//
// Codes are ASCII and stable. They are unique across a national deployment: department and
// vertical codes carry the province code (`SNNMT-22`, `CA-22`), commune committees the
// commune's national code (`UBND-06652`), central agencies need none (`BO-NNMT`).

import type { Category, Commune, Department, Province } from "./officialUnits.ts";
import { fold } from "./text.ts";

export type AgencyKind = "department" | "commune_committee" | "vertical" | "central";

export interface AgencySeed {
  readonly code: string;
  readonly nameVi: string;
  readonly nameEn: string;
  readonly kind: AgencyKind;
  /** The province or commune code it serves; null for central agencies. */
  readonly unitCode: string | null;
}

/** The 14 ministries and 3 ministry-level agencies of the Government from 1 March 2025. */
export const CENTRAL_AGENCIES: readonly AgencySeed[] = [
  central("BO-QP", "Bộ Quốc phòng", "Ministry of National Defence"),
  central("BO-CA", "Bộ Công an", "Ministry of Public Security"),
  central("BO-NG", "Bộ Ngoại giao", "Ministry of Foreign Affairs"),
  central("BO-NV", "Bộ Nội vụ", "Ministry of Home Affairs"),
  central("BO-TP", "Bộ Tư pháp", "Ministry of Justice"),
  central("BO-TC", "Bộ Tài chính", "Ministry of Finance"),
  central("BO-CT", "Bộ Công Thương", "Ministry of Industry and Trade"),
  central("BO-NNMT", "Bộ Nông nghiệp và Môi trường", "Ministry of Agriculture and Environment"),
  central("BO-XD", "Bộ Xây dựng", "Ministry of Construction"),
  central("BO-VHTTDL", "Bộ Văn hóa, Thể thao và Du lịch", "Ministry of Culture, Sports and Tourism"),
  central("BO-KHCN", "Bộ Khoa học và Công nghệ", "Ministry of Science and Technology"),
  central("BO-GDDT", "Bộ Giáo dục và Đào tạo", "Ministry of Education and Training"),
  central("BO-YT", "Bộ Y tế", "Ministry of Health"),
  central("BO-DTTG", "Bộ Dân tộc và Tôn giáo", "Ministry of Ethnic and Religious Affairs"),
  central("TTCP", "Thanh tra Chính phủ", "Government Inspectorate"),
  central("NHNN", "Ngân hàng Nhà nước Việt Nam", "State Bank of Vietnam"),
  central("VPCP", "Văn phòng Chính phủ", "Government Office"),
];

function central(code: string, nameVi: string, nameEn: string): AgencySeed {
  return { code, nameVi, nameEn, kind: "central", unitCode: null };
}

/** Provinces (2026 codes) with no land border and no coast, hence no Border Guard command. */
const NO_BORDER_GUARD = new Set(["01", "19", "24", "25"]);

export interface AgencyCatalogInput {
  readonly province: Province;
  /** The province's 2026 communes; other provinces' communes are ignored. */
  readonly communes: readonly Commune[];
  /** The province's departments (for Quảng Ninh: loadDepartments()). */
  readonly departments: readonly Department[];
}

/** Department code for the deployment: the file's short code plus the province code. */
export function departmentCode(shortCode: string, provinceCode: string): string {
  return `${shortCode}-${provinceCode}`;
}

export function communeCommitteeCode(communeCode: string): string {
  return `UBND-${communeCode}`;
}

/** The vertical agencies present in a province (police, border guard, tax, social insurance, power, VBSP). */
export function verticalAgencies(province: Province): AgencySeed[] {
  const p = province.code;
  const city = province.type === "thanh_pho_truc_thuoc_trung_uong";
  const vi = `${city ? "thành phố" : "tỉnh"} ${province.name}`;
  const en = province.nameEn || province.name;
  const out: AgencySeed[] = [
    vertical(`CA-${p}`, `Công an ${vi}`, `${en} ${city ? "City" : "Provincial"} Police`, p),
  ];
  if (!NO_BORDER_GUARD.has(p)) {
    out.push(vertical(`BDBP-${p}`, `Bộ Chỉ huy Bộ đội Biên phòng ${vi}`, `${en} Border Guard Command`, p));
  }
  out.push(
    vertical(`THUE-${p}`, `Thuế ${vi}`, `${en} Tax Office`, p),
    vertical(`BHXH-${p}`, `Bảo hiểm xã hội ${vi}`, `${en} Social Security`, p),
  );
  // Hà Nội and Hồ Chí Minh City have a power corporation of their own; elsewhere a power company.
  if (p === "01" || p === "79") {
    out.push(vertical(`DL-${p}`, `Tổng công ty Điện lực ${vi}`, `${en} Power Corporation`, p));
  } else {
    out.push(vertical(`DL-${p}`, `Công ty Điện lực ${province.name}`, `${en} Power Company`, p));
  }
  out.push(
    vertical(
      `NHCSXH-${p}`,
      `Chi nhánh Ngân hàng Chính sách xã hội ${vi}`,
      `Vietnam Bank for Social Policies, ${en} branch`,
      p,
    ),
  );
  return out;
}

function vertical(code: string, nameVi: string, nameEn: string, unitCode: string): AgencySeed {
  return { code, nameVi, nameEn, kind: "vertical", unitCode };
}

/**
 * Every agency a deployment of `province` starts with, in a stable order: departments,
 * commune committees (by commune code), vertical agencies, central agencies. Codes are unique.
 */
export function buildAgencyCatalog(input: AgencyCatalogInput): AgencySeed[] {
  const { province } = input;
  const departments: AgencySeed[] = input.departments.map((d) => ({
    code: departmentCode(d.shortCode, province.code),
    nameVi: d.nameVi,
    nameEn: d.nameEn,
    kind: "department",
    unitCode: province.code,
  }));
  const committees: AgencySeed[] = input.communes
    .filter((c) => c.provinceCode === province.code)
    .slice()
    .sort((a, b) => a.code.localeCompare(b.code))
    .map((c) => ({
      code: communeCommitteeCode(c.code),
      nameVi: `UBND ${c.fullName}`,
      nameEn: `People's Committee of ${c.fullNameEn || c.fullName}`,
      kind: "commune_committee",
      unitCode: c.code,
    }));
  const all = [...departments, ...committees, ...verticalAgencies(province), ...CENTRAL_AGENCIES];
  const seen = new Set<string>();
  for (const a of all) {
    if (seen.has(a.code)) throw new Error(`duplicate agency code ${a.code}`);
    seen.add(a.code);
  }
  return all;
}

// ---------------------------------------------------------------------------------------------
// Default handlers of the proposed petition categories, as agency codes

export interface SuggestedHandlers {
  /** Provincial agency codes named by the category's default handler text, in its order. */
  readonly agencyCodes: readonly string[];
  /** True when the text names the commune People's Committee ("UBND cấp xã"). */
  readonly communeCommittee: boolean;
}

/** Short forms used in the categories file that are not a department's full name. */
const HANDLER_ALIASES: readonly (readonly [string, string])[] = [
  ["so nn&mt", "SNNMT"],
  ["van phong ubnd tinh", "VP_UBND"],
  ["trung tam phuc vu hanh chinh cong", "VP_UBND"],
  ["ban tiep cong dan", "VP_UBND"],
];
const VERTICAL_ALIASES: readonly (readonly [string, string])[] = [
  ["cong an", "CA"],
  ["bhxh", "BHXH"],
  ["bao hiem xa hoi", "BHXH"],
  ["thue", "THUE"],
  ["bien phong", "BDBP"],
];

/**
 * Reads a category's `defaultHandler` text ("Sở Xây dựng; UBND cấp xã") into agency codes of
 * the catalog built for `provinceCode`. A suggestion for seeding routing rules, not a rule.
 */
export function suggestHandlers(
  category: Category,
  departments: readonly Department[],
  provinceCode: string,
): SuggestedHandlers {
  const codes: string[] = [];
  const add = (code: string): void => {
    if (!codes.includes(code)) codes.push(code);
  };
  let communeCommittee = false;
  // Split on ";" and "/" and on "(phối hợp …)" so every named body is looked at.
  const parts = category.defaultHandler
    .split(/[;/(]/)
    .map((p) => fold(p.replace(/\)/g, "")))
    .filter((p) => p.length > 0);
  for (const part of parts) {
    const text = part.replace(/^phoi hop\s+/, "");
    if (text.includes("ubnd cap xa")) communeCommittee = true;
    const dept = departments.find((d) => text.startsWith(fold(d.nameVi)));
    if (dept !== undefined) {
      add(departmentCode(dept.shortCode, provinceCode));
      continue;
    }
    const alias = HANDLER_ALIASES.find(([prefix]) => text.startsWith(prefix));
    if (alias !== undefined && departments.some((d) => d.shortCode === alias[1])) {
      add(departmentCode(alias[1], provinceCode));
      continue;
    }
    const vert = VERTICAL_ALIASES.find(([word]) => ` ${text} `.includes(` ${word} `));
    if (vert !== undefined) add(`${vert[1]}-${provinceCode}`);
  }
  return { agencyCodes: codes, communeCommittee };
}
