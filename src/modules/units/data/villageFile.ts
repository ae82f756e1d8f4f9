// Parsing and validating the province's village spreadsheet (XLSX or CSV). All or nothing: every
// row is checked first, and either all rows come back or every problem does.

import {
  type ColumnSpec,
  type ImportError,
  type ImportResult,
  normalisePhone,
  readTable,
} from "./importTable.ts";
import { cleanText, fold, foldKey } from "./text.ts";
import type { VillageType } from "./villageTypes.ts";

export type { ImportMessageKey } from "./importMessages.ts";
export { IMPORT_FIELD_KEYS, IMPORT_MESSAGE_KEYS, messagesEn, messagesVi } from "./importMessages.ts";
export type { FileFormat, ImportError, ImportResult } from "./importTable.ts";
export { MAX_IMPORT_ROWS, normalisePhone } from "./importTable.ts";
export { parseUserFile, type UserFileOptions, type UserImportRow } from "./userFile.ts";

export const MAX_VILLAGE_NAME = 150;
export const MAX_PERSON_NAME = 100;
export const MAX_VILLAGE_CODE = 40;

export type VillageField = "commune_code" | "village_name" | "type" | "head_name" | "phone" | "village_code";

/** The columns of a village file. The first alias is the one shown when a column is missing. */
export const VILLAGE_COLUMNS: readonly ColumnSpec<VillageField>[] = [
  {
    field: "commune_code",
    required: true,
    aliases: [
      "Mã xã",
      "commune code",
      "Mã xã/phường",
      "Mã xã, phường, đặc khu",
      "Mã đơn vị hành chính",
      "Mã ĐVHC",
      "Mã đơn vị",
    ],
  },
  {
    field: "village_name",
    required: true,
    aliases: [
      "Tên thôn",
      "village name",
      "Tên thôn, bản, khu phố",
      "Tên thôn/bản/khu phố",
      "Tên thôn, tổ dân phố",
      "Tên thôn/tổ dân phố",
      "Tên thôn, khu",
      "Thôn, bản, khu phố",
      "Tên",
    ],
  },
  { field: "type", required: false, aliases: ["Loại", "type", "Loại thôn", "Phân loại", "Loại hình"] },
  {
    field: "head_name",
    required: false,
    aliases: [
      "Họ tên trưởng thôn",
      "head name",
      "Họ và tên trưởng thôn",
      "Trưởng thôn",
      "Họ tên bí thư kiêm trưởng thôn",
      "Họ tên",
      "Họ và tên",
    ],
  },
  {
    field: "phone",
    required: false,
    aliases: ["Điện thoại", "phone", "Số điện thoại", "SĐT", "ĐT", "Điện thoại di động", "Di động", "Số ĐT"],
  },
  { field: "village_code", required: false, aliases: ["Mã thôn", "village code", "Mã thôn/TDP"] },
];

export interface VillageImportRow {
  /** Spreadsheet row it came from. */
  readonly row: number;
  readonly communeCode: string;
  /** As written (NFC, whitespace collapsed), e.g. "Thôn Đồng Mai". */
  readonly name: string;
  readonly type: VillageType;
  readonly headName: string | null;
  /** National form "0912345678", or null. */
  readonly phone: string | null;
  /** Code given in the file (optional column "Mã thôn"); null to let the importer assign one. */
  readonly code: string | null;
}

const TYPE_WORDS: ReadonlyMap<string, VillageType> = new Map([
  ["thon", "thon"],
  ["ban", "ban"],
  ["khu pho", "khu_pho"],
  ["khu", "khu_pho"],
  ["to dan pho", "to_dan_pho"],
  ["tdp", "to_dan_pho"],
  ["to", "to_dan_pho"],
]);

/** "Thôn", "thon", "Khu phố", "khu", "TỔ DÂN PHỐ", "to_dan_pho" … → the type code; null if unknown. */
export function parseVillageType(text: string): VillageType | null {
  return TYPE_WORDS.get(foldKey(text)) ?? null;
}

/** The type a name announces ("Thôn Đồng Mai" → thon, "Tổ dân phố 3" → to_dan_pho), or null. */
export function inferVillageType(name: string): VillageType | null {
  const key = foldKey(name);
  // Longest prefixes first: "khu pho" before "khu", "to dan pho" before "to".
  for (const prefix of ["to dan pho", "khu pho", "tdp", "thon", "ban", "khu"]) {
    if (key.startsWith(`${prefix} `)) return TYPE_WORDS.get(prefix) ?? null;
  }
  return null;
}

/** Commune codes are 5 digits; restores the leading zeros a spreadsheet dropped ("6652" → "06652"). */
export function normaliseCommuneCode(raw: string): string {
  const code = raw.replace(/\s/g, "");
  return /^\d{1,4}$/.test(code) ? code.padStart(5, "0") : code;
}

/** The key two village names are compared on: NFC, lower-case, without diacritics. */
export function villageNameKey(name: string): string {
  return fold(name);
}

/**
 * Parses a village file. `filename` is only reported back, never used to pick the format.
 * Checks every row and returns all problems, or all rows when there are none.
 */
export async function parseVillageFile(
  buffer: Uint8Array,
  filename: string,
  knownCommuneCodes: ReadonlySet<string>,
): Promise<ImportResult<VillageImportRow> & { readonly filename: string }> {
  const read = await readTable(buffer, VILLAGE_COLUMNS);
  if (!read.ok) return { ok: false, errors: read.errors, filename };
  const { table } = read;

  const errors: ImportError[] = [];
  const rows: VillageImportRow[] = [];
  const firstByName = new Map<string, number>();
  const firstByCode = new Map<string, number>();

  for (const r of table.rows) {
    const fail = (
      field: VillageField,
      messageKey: ImportError["messageKey"],
      value: string,
      params?: Record<string, string | number>,
    ): void => {
      errors.push(
        params === undefined
          ? { row: r.row, field, messageKey, value }
          : { row: r.row, field, messageKey, value, params },
      );
    };
    const before = errors.length;

    const rawCommune = r.get("commune_code");
    const communeCode = normaliseCommuneCode(rawCommune);
    if (communeCode === "") fail("commune_code", "import.error.emptyCommuneCode", rawCommune);
    else if (!knownCommuneCodes.has(communeCode))
      fail("commune_code", "import.error.unknownCommune", rawCommune);

    const name = cleanText(r.get("village_name"));
    if (name === "") fail("village_name", "import.error.emptyVillageName", name);
    else if (name.length > MAX_VILLAGE_NAME) {
      fail("village_name", "import.error.villageNameTooLong", name, { max: MAX_VILLAGE_NAME });
    } else {
      const key = `${communeCode}\u0000${villageNameKey(name)}`;
      const first = firstByName.get(key);
      if (first !== undefined)
        fail("village_name", "import.error.duplicateVillage", name, { firstRow: first });
      else firstByName.set(key, r.row);
    }

    const rawType = r.get("type");
    let type: VillageType | null = null;
    if (rawType !== "") {
      type = parseVillageType(rawType);
      if (type === null) fail("type", "import.error.unknownType", rawType);
    } else {
      type = inferVillageType(name);
      if (type === null && name !== "") fail("type", "import.error.missingType", rawType);
    }

    const rawHead = cleanText(r.get("head_name"));
    if (rawHead !== "" && (rawHead.length > MAX_PERSON_NAME || /\d/.test(rawHead))) {
      fail("head_name", "import.error.badHeadName", rawHead, { max: MAX_PERSON_NAME });
    }

    const rawPhone = r.get("phone");
    const phone = rawPhone === "" ? null : normalisePhone(rawPhone);
    if (rawPhone !== "" && phone === null) fail("phone", "import.error.badPhone", rawPhone);

    const rawCode = r.get("village_code");
    if (rawCode !== "") {
      if (rawCode.length > MAX_VILLAGE_CODE || !/^[A-Za-z0-9._-]+$/.test(rawCode)) {
        fail("village_code", "import.error.badVillageCode", rawCode, { max: MAX_VILLAGE_CODE });
      } else {
        const first = firstByCode.get(rawCode);
        if (first !== undefined)
          fail("village_code", "import.error.duplicateVillageCode", rawCode, { firstRow: first });
        else firstByCode.set(rawCode, r.row);
      }
    }

    if (errors.length === before && type !== null) {
      rows.push({
        row: r.row,
        communeCode,
        name,
        type,
        headName: rawHead === "" ? null : rawHead,
        phone,
        code: rawCode === "" ? null : rawCode,
      });
    }
  }

  if (errors.length > 0) return { ok: false, errors, filename };
  return { ok: true, rows, format: table.format, filename };
}
