import { randomUUID } from "node:crypto";
import { z } from "zod";
import { type Sniffed, sniff } from "../../platform/files/sniff.ts";
import { MAX_FILE_BYTES } from "../../platform/files/store.ts";
import type { Translate } from "../../platform/i18n/i18n.ts";
import type { Upload } from "./commands/submitPetition.ts";
import { MAX_PHOTOS } from "./commands/submitPetition.ts";
import { FILING_KINDS, KINDS, LEVELS, URGENCIES } from "./states.ts";
import { REDIRECT_PROCEDURES } from "./views/actionForms.tsx";
import { BODY_MAX, TITLE_MAX } from "./views/newPetitionPage.tsx";

/** The petition pages' forms: zod schemas whose messages are catalog keys, and the uploads they carry. */

type Body = Record<string, string | File | (string | File)[]>;

/** Every text field of a submitted form as one string (the first, if sent twice); files are left out. */
export function textValues(body: Body): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(body)) {
    if (k === "_csrf") continue;
    const s = Array.isArray(v) ? v.find((x) => typeof x === "string") : v;
    // PostgreSQL refuses NUL in text: a NUL typed or sent is dropped here, not a 500 later.
    if (typeof s === "string") out[k] = s.replaceAll("\u0000", "");
  }
  return out;
}

/** The files chosen in a field; a file input left empty sends a nameless empty part, which is nothing. */
export function filesOf(body: Body, name: string): File[] {
  const v = body[name];
  const list = Array.isArray(v) ? v : v === undefined ? [] : [v];
  return list.filter((x): x is File => typeof x !== "string" && !(x.size === 0 && x.name === ""));
}

export const newIdempotencyKey = () => randomUUID();
export const validIdempotencyKey = (v: string | undefined) => !!v && /^[A-Za-z0-9-]{8,100}$/.test(v);

/** Reads and checks uploads by content and size before anything is stored; errors are catalog keys. */
export async function readUploads(
  files: File[],
  accept: ReadonlyArray<Sniffed["kind"]>,
  max: number,
  tooMany: string,
): Promise<{ ok: true; uploads: Upload[] } | { ok: false; error: string }> {
  if (files.length > max) return { ok: false, error: tooMany };
  const uploads: Upload[] = [];
  for (const f of files) {
    if (f.size === 0) return { ok: false, error: "files.error.empty" };
    if (f.size > MAX_FILE_BYTES) return { ok: false, error: "files.error.tooLarge" };
    const bytes = new Uint8Array(await f.arrayBuffer());
    const kind = sniff(bytes);
    if (!kind || !accept.includes(kind.kind)) return { ok: false, error: "files.error.type" };
    // biome-ignore lint/suspicious/noControlCharactersInRegex: a file name is shown and stored; controls (NUL) are not
    const name = f.name.replace(/[\u0000-\u001f\u007f]/g, "").slice(0, 200) || "file";
    uploads.push({ bytes, name });
  }
  return { ok: true, uploads };
}

const id = (key: string) =>
  z
    .string()
    .trim()
    .regex(/^\d{1,15}$/, key)
    .transform(Number);
const note = z
  .string()
  .trim()
  .max(2000, "petitions.error.noteTooLong")
  .transform((v) => v || null);
const reason = z
  .string()
  .trim()
  .min(1, "petitions.error.reasonRequired")
  .max(2000, "petitions.error.noteTooLong");
const category = z
  .string()
  .trim()
  .max(100, "petitions.error.categoryUnknown")
  .transform((v) => v || null);
const households = z
  .string()
  .trim()
  .regex(/^\d{1,7}$/, "petitions.error.households")
  .transform(Number)
  .refine((n) => n >= 1 && n <= 1_000_000, "petitions.error.households");
const title = z
  .string()
  .trim()
  .min(3, "petitions.error.titleRequired")
  .max(TITLE_MAX, "petitions.error.titleTooLong");
const body = z
  .string()
  .trim()
  .min(10, "petitions.error.bodyTooShort")
  .max(BODY_MAX, "petitions.error.bodyTooLong");
const location = z
  .string()
  .trim()
  .max(300, "petitions.error.locationTooLong")
  .transform((v) => v || null);

/** The village head's form. A draft needs only a village and a title; the rest is checked when it is sent. */
export function newPetitionSchema(draft: boolean) {
  return z
    .object({
      villageId: id("petitions.error.villageRequired"),
      kind: z.enum(FILING_KINDS, { message: "petitions.error.kindRequired" }),
      categoryCode: category,
      title,
      body: draft ? z.string().trim().max(BODY_MAX, "petitions.error.bodyTooLong") : body,
      urgency: z.enum(URGENCIES, { message: "petitions.error.urgencyRequired" }),
      households,
      location,
      residentNames: z.string().trim().max(2000, "petitions.error.residentsTooLong"),
      residentPhones: z.string().trim().max(500, "petitions.error.residentsTooLong"),
      consent: z.string(),
    })
    .superRefine((v, ctx) => {
      if ((v.residentNames || v.residentPhones) && v.consent !== "yes") {
        ctx.addIssue({ code: "custom", path: ["consent"], message: "petitions.error.consentRequired" });
      }
    });
}

/** Fields a draft may leave empty get what the form would have preselected. */
export function draftDefaults(values: Record<string, string>): Record<string, string> {
  return {
    ...values,
    kind: values.kind || "recommendation",
    urgency: values.urgency || "normal",
    households: values.households?.trim() || "1",
  };
}

/**
 * "Thôn tôi cũng vậy" after typing little: the petition takes the original's title (and category), and its text
 * says which one it joins, followed by whatever note the head wrote. What the head did type is kept as typed.
 */
export function joinDefaults(
  t: Translate,
  values: Record<string, string>,
  target: { code: string; title: string; category_code: string | null },
): Record<string, string> & { title: string; body: string; categoryCode: string } {
  const typedTitle = values.title?.trim() ?? "";
  const note = values.body?.trim() ?? "";
  // "Typed little": no title of its own, or too short a text to stand alone.
  const intro = t("petitions.join.body", { code: target.code, title: target.title });
  return {
    ...draftDefaults(values),
    categoryCode: values.categoryCode || target.category_code || "",
    title: typedTitle.length >= 3 ? typedTitle : target.title.slice(0, TITLE_MAX),
    body: typedTitle.length >= 3 && note.length >= 10 ? note : note ? `${intro}\n${note}` : intro,
  };
}

export const NEW_FIELDS = [
  "villageId",
  "kind",
  "categoryCode",
  "title",
  "body",
  "urgency",
  "households",
  "location",
  "residentNames",
  "residentPhones",
  "consent",
] as const;

/** One schema per step of the detail page (the files of an answer are read beside it). */
export const actionSchemas = {
  receive: z.object({
    kind: z.enum(KINDS, { message: "petitions.error.kindRequired" }),
    categoryCode: category,
    urgency: z.enum(URGENCIES, { message: "petitions.error.urgencyRequired" }),
    level: z.enum(LEVELS, { message: "petitions.error.levelRequired" }),
  }),
  return: z.object({ reason }),
  hand_back: z.object({ reason }),
  redirect: z.object({
    procedure: z.enum(REDIRECT_PROCEDURES, { message: "petitions.error.procedureRequired" }),
    note,
  }),
  route: z.object({ agencyId: id("petitions.error.agencyRequired"), note }),
  escalate: z.object({ centralAgencyId: id("petitions.error.centralAgencyRequired"), note }),
  start: z.object({}),
  answer: z.object({
    answer: z
      .string()
      .trim()
      .min(10, "petitions.error.answerTooShort")
      .max(20_000, "petitions.error.answerTooLong"),
    publish: z.string().optional(),
  }),
  extend: z.object({
    workingDays: z
      .string()
      .trim()
      .regex(/^\d{1,2}$/, "petitions.error.extensionDays")
      .transform(Number)
      .refine((n) => n >= 1 && n <= 30, "petitions.error.extensionDays"),
    reason,
  }),
  confirm: z
    .object({
      satisfied: z.enum(["yes", "no"], { message: "petitions.error.satisfiedRequired" }),
      reason: z.string().trim().max(2000, "petitions.error.noteTooLong"),
    })
    .superRefine((v, ctx) => {
      if (v.satisfied === "no" && !v.reason) {
        ctx.addIssue({ code: "custom", path: ["reason"], message: "petitions.error.reasonRequired" });
      }
    }),
  submit: z.object({ title, body, households, location, categoryCode: category }),
  extension: z.object({
    decision: z.enum(["approve", "refuse"], { message: "petitions.error.decisionRequired" }),
    note,
  }),
} as const;

export const MAX_EVIDENCE = 10;
export { MAX_PHOTOS };
