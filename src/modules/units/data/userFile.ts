// Parsing and validating a spreadsheet of village heads' accounts (XLSX or CSV), all or nothing.

import {
  type ColumnSpec,
  type ImportError,
  type ImportResult,
  normalisePhone,
  readTable,
} from "./importTable.ts";
import { cleanText, foldKey } from "./text.ts";

export type UserField = "username" | "full_name" | "phone" | "email" | "village_code" | "role";

export const USER_COLUMNS: readonly ColumnSpec<UserField>[] = [
  {
    field: "username",
    required: true,
    aliases: ["Tên đăng nhập", "username", "Tài khoản", "Tên tài khoản", "login"],
  },
  {
    field: "full_name",
    required: true,
    aliases: ["Họ tên", "full name", "Họ và tên", "fullname", "Họ tên trưởng thôn", "Họ và tên trưởng thôn"],
  },
  {
    field: "phone",
    required: true,
    aliases: ["Điện thoại", "phone", "Số điện thoại", "SĐT", "ĐT", "Điện thoại di động", "Di động", "Số ĐT"],
  },
  { field: "email", required: false, aliases: ["Email", "e-mail", "Thư điện tử", "Địa chỉ email"] },
  { field: "village_code", required: true, aliases: ["Mã thôn", "village code", "Mã thôn/TDP"] },
  { field: "role", required: false, aliases: ["Vai trò", "role", "Chức vụ", "Chức danh"] },
];

export interface UserImportRow {
  readonly row: number;
  /** Lower-case ASCII. */
  readonly username: string;
  readonly fullName: string;
  /** National form "0912345678". */
  readonly phone: string;
  /** Lower-case, or null. */
  readonly email: string | null;
  readonly villageCode: string;
  readonly role: string;
}

export interface UserFileOptions {
  /** Role codes a row may name; default ["village_head"]. */
  readonly allowedRoles?: readonly string[];
  /** Role of rows that name none; default "village_head". */
  readonly defaultRole?: string;
}

export const MAX_FULL_NAME = 100;

/** Vietnamese titles of a village head ("Trưởng thôn", "Bí thư chi bộ kiêm trưởng thôn", "Tổ trưởng TDP" …). */
function isVillageHeadTitle(key: string): boolean {
  return /\b(truong (thon|ban|khu|khu pho|lang|ap)|to truong)\b/.test(key);
}

function parseRole(text: string, allowed: readonly string[]): string | null {
  const raw = text.trim();
  const exact = allowed.find((r) => r === raw || r === raw.toLowerCase());
  if (exact !== undefined) return exact;
  const key = foldKey(raw);
  const byKey = allowed.find((r) => foldKey(r) === key);
  if (byKey !== undefined) return byKey;
  if (isVillageHeadTitle(key) && allowed.includes("village_head")) return "village_head";
  return null;
}

/**
 * Parses a user file. Every row must name a village in `knownVillageCodes`; usernames and
 * emails must be unique in the file, and a village may have one head.
 */
export async function parseUserFile(
  buffer: Uint8Array,
  filename: string,
  knownVillageCodes: ReadonlySet<string>,
  options: UserFileOptions = {},
): Promise<ImportResult<UserImportRow> & { readonly filename: string }> {
  const allowed = options.allowedRoles ?? ["village_head"];
  const defaultRole = options.defaultRole ?? "village_head";
  const read = await readTable(buffer, USER_COLUMNS);
  if (!read.ok) return { ok: false, errors: read.errors, filename };
  const { table } = read;

  const errors: ImportError[] = [];
  const rows: UserImportRow[] = [];
  const firstByUsername = new Map<string, number>();
  const firstByEmail = new Map<string, number>();
  const firstHeadByVillage = new Map<string, number>();

  for (const r of table.rows) {
    const fail = (
      field: UserField,
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

    const rawUsername = r.get("username");
    const username = rawUsername.toLowerCase();
    if (username === "") fail("username", "import.error.emptyUsername", rawUsername);
    else if (!/^[a-z0-9][a-z0-9._-]{2,63}$/.test(username))
      fail("username", "import.error.badUsername", rawUsername);
    else {
      const first = firstByUsername.get(username);
      if (first !== undefined)
        fail("username", "import.error.duplicateUsername", rawUsername, { firstRow: first });
      else firstByUsername.set(username, r.row);
    }

    const fullName = cleanText(r.get("full_name"));
    if (fullName === "") fail("full_name", "import.error.emptyFullName", fullName);
    else if (fullName.length > MAX_FULL_NAME || /\d/.test(fullName)) {
      fail("full_name", "import.error.badFullName", fullName, { max: MAX_FULL_NAME });
    }

    const rawPhone = r.get("phone");
    const phone = normalisePhone(rawPhone);
    if (rawPhone === "") fail("phone", "import.error.emptyPhone", rawPhone);
    else if (phone === null) fail("phone", "import.error.badPhone", rawPhone);

    const rawEmail = r.get("email");
    const email = rawEmail === "" ? null : rawEmail.toLowerCase();
    if (email !== null) {
      if (email.length > 254 || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email))
        fail("email", "import.error.badEmail", rawEmail);
      else {
        const first = firstByEmail.get(email);
        if (first !== undefined) fail("email", "import.error.duplicateEmail", rawEmail, { firstRow: first });
        else firstByEmail.set(email, r.row);
      }
    }

    const rawRole = r.get("role");
    const role = rawRole === "" ? defaultRole : parseRole(rawRole, allowed);
    if (role === null) fail("role", "import.error.unknownRole", rawRole, { allowed: allowed.join(", ") });

    const villageCode = r.get("village_code").replace(/\s/g, "");
    if (villageCode === "") fail("village_code", "import.error.emptyVillageCode", villageCode);
    else if (!knownVillageCodes.has(villageCode))
      fail("village_code", "import.error.unknownVillage", villageCode);
    else if (role === "village_head") {
      const first = firstHeadByVillage.get(villageCode);
      if (first !== undefined) {
        fail("village_code", "import.error.duplicateVillageHead", villageCode, { firstRow: first });
      } else firstHeadByVillage.set(villageCode, r.row);
    }

    if (errors.length === before && phone !== null && role !== null) {
      rows.push({ row: r.row, username, fullName, phone, email, villageCode, role });
    }
  }

  if (errors.length > 0) return { ok: false, errors, filename };
  return { ok: true, rows, format: table.format, filename };
}
