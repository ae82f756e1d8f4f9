import { isAgencyKind } from "./queries/listAgencies.ts";

/** What an admin types for an agency (strings as sent by the form). */
export type AgencyInput = {
  code: string;
  name: string;
  nameEn: string;
  kind: string;
  unitCode: string;
  unitId: string;
  email: string;
};

export type CleanAgencyInput = {
  code: string;
  name: string;
  nameEn: string | null;
  kind: "department" | "commune_committee" | "vertical" | "central" | "other";
  /** The official code typed; wins over the picker. */
  unitCode: string | null;
  unitId: number | null;
  email: string | null;
};

const clean = (s: string) => s.trim().replace(/\s+/g, " ");

/** Checks an agency form (pure): the cleaned input, or each field's error as a catalog key. */
export function checkAgencyInput(
  input: AgencyInput,
): { ok: true; data: CleanAgencyInput } | { ok: false; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const code = input.code.trim();
  if (code === "") errors.code = "agencies.error.codeRequired";
  else if (!/^[A-Za-z0-9._-]{2,40}$/.test(code)) errors.code = "agencies.error.codeFormat";
  const name = clean(input.name);
  if (name === "") errors.name = "agencies.error.nameRequired";
  else if (name.length > 200) errors.name = "agencies.error.nameTooLong";
  const nameEn = clean(input.nameEn);
  if (nameEn.length > 200) errors.nameEn = "agencies.error.nameTooLong";
  const kind = input.kind;
  if (!isAgencyKind(kind)) errors.kind = "agencies.error.kindInvalid";
  const unitCode = input.unitCode.trim();
  if (unitCode !== "" && !/^\d{2,5}$/.test(unitCode)) errors.unitCode = "agencies.error.unitUnknown";
  const unitId = input.unitId.trim();
  if (unitId !== "" && !/^\d{1,15}$/.test(unitId)) errors.unitId = "agencies.error.unitInvalid";
  const email = input.email.trim();
  if (email !== "" && (email.length > 200 || !/^[^\s@<>"]+@[^\s@<>"]+\.[^\s@<>"]+$/.test(email)))
    errors.email = "agencies.error.emailFormat";
  if (Object.keys(errors).length > 0 || !isAgencyKind(kind)) return { ok: false, errors };
  return {
    ok: true,
    data: {
      code,
      name,
      nameEn: nameEn || null,
      kind,
      unitCode: unitCode || null,
      unitId: unitId === "" ? null : Number(unitId),
      email: email || null,
    },
  };
}
