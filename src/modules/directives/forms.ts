import { z } from "zod";
import { parseDate } from "../../platform/i18n/i18n.ts";
import { CATEGORIES, FORMS, TARGET_ROLES } from "./rules.ts";

/** The directive pages' forms: zod schemas whose messages are catalog keys. */

const text = (min: number, max: number, key: string) =>
  z.string().trim().min(min, `directives.error.${key}Required`).max(max, `directives.error.${key}TooLong`);

const day = (key: string) =>
  z
    .string()
    .trim()
    .transform((v, ctx) => {
      const d = parseDate(v);
      if (!d) ctx.addIssue({ code: "custom", message: key });
      return d ?? "";
    });

const optionalDay = z
  .string()
  .trim()
  .transform((v, ctx) => {
    if (v === "") return null;
    const d = parseDate(v);
    if (!d) ctx.addIssue({ code: "custom", message: "directives.error.date" });
    return d ?? null;
  });

export const directiveSchema = z.object({
  docNumber: text(1, 60, "docNumber"),
  docDate: day("directives.error.date"),
  issuer: text(2, 200, "issuer"),
  title: text(5, 300, "title"),
  summary: text(10, 3000, "summary"),
  body: text(10, 100_000, "body"),
  category: z.enum(CATEGORIES, { message: "directives.error.category" }),
  ackDue: day("directives.error.date"),
  disseminateDue: day("directives.error.date"),
  opinionsUntil: optionalDay,
  note: z.string().trim().max(1000, "directives.error.noteTooLong"),
});

export const DIRECTIVE_FIELDS = [
  "docNumber",
  "docDate",
  "issuer",
  "title",
  "summary",
  "body",
  "category",
  "ackDue",
  "disseminateDue",
  "opinionsUntil",
  "note",
] as const;

/** Checked boxes arrive as one string or a list. */
export function listOf(v: unknown): string[] {
  const list = Array.isArray(v) ? v : v === undefined ? [] : [v];
  return list.filter((x): x is string => typeof x === "string");
}

export function targetIds(v: unknown): number[] {
  return [
    ...new Set(
      listOf(v)
        .filter((s) => /^\d{1,15}$/.test(s))
        .map(Number),
    ),
  ].slice(0, 5000);
}

export function targetRoles(v: unknown): string[] {
  const chosen = listOf(v).filter((r) => (TARGET_ROLES as readonly string[]).includes(r));
  return chosen.length > 0 ? chosen : ["village_head"];
}

const count = (key: string) =>
  z
    .string()
    .trim()
    .regex(/^\d{1,7}$/, key)
    .transform(Number)
    .refine((n) => n <= 1_000_000, key);

export const disseminationSchema = z.object({
  on: day("directives.error.date"),
  form: z.enum(FORMS, { message: "directives.error.form" }),
  households: count("directives.error.households"),
});

export const responseSchema = z.object({
  agree: count("directives.error.count"),
  disagree: count("directives.error.count"),
  opinions: z.string().max(20_000, "directives.error.opinionsTooLong"),
});

export const revokeSchema = z.object({
  reason: z
    .string()
    .trim()
    .min(5, "directives.error.reasonRequired")
    .max(1000, "directives.error.noteTooLong"),
});
