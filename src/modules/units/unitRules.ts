import { normalisePhone } from "./data/importTable.ts";
import { MAX_PERSON_NAME, MAX_VILLAGE_CODE, MAX_VILLAGE_NAME } from "./data/villageFile.ts";
import { typesFor, type UnitLevel } from "./naming.ts";

/** What an admin types for a unit, already trimmed. */
export type UnitInput = {
  name: string;
  type: string;
  /** Empty: for a new village, the next `${communeCode}-nnn` is assigned. */
  code: string;
  headName: string;
  headPhone: string;
};

export type CleanUnitInput = {
  name: string;
  type: string;
  code: string | null;
  headName: string | null;
  /** National form 0912345678. */
  headPhone: string | null;
};

const CODE_ERROR: Record<Exclude<UnitLevel, "village">, { re: RegExp; key: string }> = {
  province: { re: /^\d{2}$/, key: "units.error.codeFormatProvince" },
  district: { re: /^\d{3}$/, key: "units.error.codeFormatDistrict" },
  commune: { re: /^\d{5}$/, key: "units.error.codeFormatCommune" },
};

/**
 * Checks a unit form for a unit of `level` (pure; the commands and the routes share it). Returns the cleaned
 * input, or each field's error as a catalog key.
 */
export function checkUnitInput(
  level: UnitLevel,
  current: boolean,
  input: UnitInput,
  allowedType?: string,
): { ok: true; data: CleanUnitInput } | { ok: false; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const name = input.name.trim().replace(/\s+/g, " ");
  if (name === "") errors.name = "units.error.nameRequired";
  else if (name.length > MAX_VILLAGE_NAME) errors.name = "units.error.nameTooLong";
  if (!typesFor(level, current).includes(input.type) && input.type !== allowedType)
    errors.type = "units.error.typeInvalid";
  const code = input.code.trim();
  if (level === "village") {
    if (code !== "" && (code.length > MAX_VILLAGE_CODE || !/^[A-Za-z0-9._-]+$/.test(code)))
      errors.code = "units.error.codeFormatVillage";
  } else if (code === "") errors.code = "units.error.codeRequired";
  else if (!CODE_ERROR[level].re.test(code)) errors.code = CODE_ERROR[level].key;
  const headName = level === "village" ? input.headName.trim().replace(/\s+/g, " ") : "";
  if (headName.length > MAX_PERSON_NAME || /\d/.test(headName))
    errors.headName = "units.error.headNameInvalid";
  const rawPhone = level === "village" ? input.headPhone.trim() : "";
  const headPhone = rawPhone === "" ? null : normalisePhone(rawPhone);
  if (rawPhone !== "" && headPhone === null) errors.headPhone = "units.error.phoneInvalid";
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    data: { name, type: input.type, code: code === "" ? null : code, headName: headName || null, headPhone },
  };
}
