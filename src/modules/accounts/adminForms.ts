import { z } from "zod";
import type { Queryable } from "../../platform/db/database.ts";
import type { FieldErrors } from "../../platform/http/forms.ts";
import { intParam } from "../../platform/http/request.ts";
import { normalisePhone } from "../units/data/importTable.ts";
import type { GrantTarget } from "./policy.ts";
import { findArea, searchVillages, type VillageCandidate } from "./queries/scope.ts";
import { isRole, ROLE_SCOPE, type Role } from "./roles.ts";

export const USERNAME_PATTERN = /^[a-z0-9._-]{3,40}$/;
export const MAX_FULL_NAME = 100;
export const MAX_TOKEN_NAME = 80;
const isEmail = (v: string) => z.email().safeParse(v).success;
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is refused
const CONTROL = /[\u0000-\u001f\u007f]/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is replaced
const CONTROLS = /[\u0000-\u001f\u007f]+/g;

/** Typed search text without control characters (PostgreSQL refuses NUL in text), trimmed and bounded. */
export const searchText = (v: string | undefined, max = 100): string =>
  (v ?? "").replace(CONTROLS, " ").trim().slice(0, max);

/** Every field of the forms below, so a missing one reads as empty rather than as a type error. */
const SCOPE_DEFAULTS = { role: "", unitId: "", village: "", villageId: "", agencyId: "" };
export const withDefaults = (body: Record<string, string>, extra: Record<string, string> = {}) => ({
  ...SCOPE_DEFAULTS,
  ...extra,
  ...body,
});

const scopeShape = {
  role: z
    .string()
    .min(1, "accounts.error.roleRequired")
    .refine(isRole, { message: "accounts.error.roleUnknown" }),
  unitId: z.string().max(20, "form.invalid"),
  village: z.string().trim().max(100, "form.tooLong"),
  villageId: z.string().max(20, "form.invalid"),
  agencyId: z.string().max(20, "form.invalid"),
};

export const NEW_USER_DEFAULTS = { username: "", fullName: "", email: "", phone: "" };

export const newUserSchema = z.object({
  username: z
    .string()
    .trim()
    .toLowerCase()
    .min(1, "accounts.error.usernameRequired")
    .regex(USERNAME_PATTERN, "accounts.error.usernameFormat"),
  fullName: z
    .string()
    .trim()
    .min(1, "accounts.error.fullNameRequired")
    .max(MAX_FULL_NAME, "form.tooLong")
    .refine((v) => !CONTROL.test(v), { message: "form.invalid" }),
  email: z
    .string()
    .trim()
    .max(254, "accounts.error.emailFormat")
    .refine((v) => v === "" || isEmail(v), { message: "accounts.error.emailFormat" })
    .transform((v) => (v === "" ? null : v.toLowerCase())),
  phone: z
    .string()
    .trim()
    .max(30, "accounts.error.phoneFormat")
    .refine((v) => v === "" || normalisePhone(v) !== null, { message: "accounts.error.phoneFormat" })
    .transform((v) => (v === "" ? null : normalisePhone(v))),
  ...scopeShape,
});

export const grantSchema = z.object(scopeShape);

export const tokenSchema = z.object({
  name: z
    .string()
    .trim()
    .min(1, "accounts.error.tokenNameRequired")
    .max(MAX_TOKEN_NAME, "form.tooLong")
    .refine((v) => !CONTROL.test(v), { message: "form.invalid" }),
});

export type ScopeInput = {
  role: string;
  unitId: string;
  village: string;
  villageId: string;
  agencyId: string;
};

export type ResolvedScope =
  | {
      ok: true;
      grant: { role: Role; unitId: number | null; agencyId: number | null };
      target: GrantTarget;
      /** The village found, to keep on the form if another field needs fixing. */
      villageId: number | null;
    }
  | { ok: false; errors: FieldErrors; candidates: VillageCandidate[] };

const MAX_CANDIDATES = 20;

/**
 * Turns the area and agency fields into one grant. The village is typed (name without diacritics, or code) and
 * looked up: one match is taken, several are offered as choices on the re-rendered form (no JavaScript needed).
 * `within` limits a commune officer to their subtrees.
 */
export async function resolveScope(
  db: Queryable,
  input: ScopeInput,
  opts: { provinceCode: string; within: readonly string[] | null },
): Promise<ResolvedScope> {
  const errors: FieldErrors = {};
  let candidates: VillageCandidate[] = [];
  if (!isRole(input.role)) {
    const key = input.role ? "accounts.error.roleUnknown" : "accounts.error.roleRequired";
    return { ok: false, errors: { role: key }, candidates };
  }
  const role = input.role;
  const kind = ROLE_SCOPE[role];

  if (kind === "agency") {
    const agencyId = intParam(input.agencyId);
    if (agencyId === undefined)
      return { ok: false, errors: { agencyId: "accounts.error.agencyRequired" }, candidates };
    const found = await db.query("SELECT 1 FROM agencies WHERE id = $1 AND retired_at IS NULL", [agencyId]);
    if ((found.rowCount ?? 0) === 0)
      return { ok: false, errors: { agencyId: "accounts.error.agencyUnknown" }, candidates };
    return {
      ok: true,
      grant: { role, unitId: null, agencyId },
      target: { role, unitPath: null, unitLevel: null, agencyId },
      villageId: null,
    };
  }

  // The area select: the province or one of its communes.
  let area = null;
  if (input.unitId !== "") {
    const id = intParam(input.unitId);
    area = id === undefined ? null : await findArea(db, id, opts.provinceCode, opts.within);
    if (!area || (area.level !== "commune" && area.level !== "province"))
      errors.unitId = "accounts.error.unitUnknown";
  }
  const communeId = area?.level === "commune" ? area.id : null;

  // The village: the typed text, or the choice made among its matches on the previous round.
  let village: VillageCandidate | undefined;
  if (input.village !== "" && !errors.unitId && role !== "commune_officer") {
    const search = { text: input.village, communeId, provinceCode: opts.provinceCode, within: opts.within };
    const chosen = intParam(input.villageId);
    if (chosen !== undefined) [village] = await searchVillages(db, { ...search, limit: 1, onlyId: chosen });
    if (!village) {
      const found = await searchVillages(db, { ...search, limit: MAX_CANDIDATES + 1 });
      const exact = found.filter((f) => f.exact);
      village = found.length === 1 ? found[0] : exact.length === 1 ? exact[0] : undefined;
      // "thon 1" offers the villages named exactly "Thôn 1", not every "Thôn 1x" too
      const offered = exact.length > 1 ? exact : found;
      if (!village && found.length === 0) {
        errors.village = "accounts.error.villageNotFound";
      } else if (!village) {
        errors.villageId =
          offered.length > MAX_CANDIDATES ? "accounts.error.villageTooMany" : "accounts.error.villageChoose";
        candidates = offered.slice(0, MAX_CANDIDATES);
      }
    }
  }

  if (role === "village_head" && !village && !errors.village && !errors.villageId) {
    errors.village = "accounts.error.villageRequired";
  }
  if (role === "commune_officer") {
    if (input.village !== "") errors.village = "accounts.error.villageNotForRole";
    else if (!errors.unitId && area?.level !== "commune") errors.unitId = "accounts.error.communeRequired";
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors, candidates };

  const unit = village
    ? { id: village.id, path: village.path, level: "village" as const }
    : area
      ? { id: area.id, path: area.path, level: area.level }
      : null;
  return {
    ok: true,
    grant: { role, unitId: unit?.id ?? null, agencyId: null },
    target: { role, unitPath: unit?.path ?? null, unitLevel: unit?.level ?? null, agencyId: null },
    villageId: village?.id ?? null,
  };
}
