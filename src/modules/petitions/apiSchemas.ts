import { z } from "@hono/zod-openapi";
import { FILING_KINDS, KINDS, LEVELS, STATES, URGENCIES } from "./states.ts";

/**
 * The petitions API's shapes: one zod schema per body, query and answer, used to validate requests and to
 * write the OpenAPI document. Messages that are catalog keys are shown to the caller in their language.
 */

const MAX_ID = Number.MAX_SAFE_INTEGER;
const MAX_INT = 2_147_483_647;

/** Text a person typed: bounded, and without NUL (PostgreSQL text cannot hold it). */
const text = (max: number, requiredKey = "form.required") =>
  z
    .string()
    .trim()
    .min(1, requiredKey)
    .max(max, "form.tooLong")
    .refine((s) => !s.includes("\u0000"), "form.invalid");

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, "form.tooLong")
    .refine((s) => !s.includes("\u0000"), "form.invalid")
    .nullish()
    .transform((s) => (s ? s : null));

const id = () => z.number().int().min(1).max(MAX_ID);
const categoryCode = () =>
  z
    .string()
    .min(1)
    .max(64)
    .regex(/^[A-Za-z0-9_.-]+$/)
    .openapi({
      description: "A category code (GET the categories from the web catalogue).",
      example: "giao_thong",
    });
const version = z.number().int().min(0).max(MAX_INT).optional().openapi({
  description:
    "The petition's `version` as last read: when someone else acted since, the step answers 409 instead of overwriting.",
});

// ----- requests -----

export const NewPetitionSchema = z
  .object({
    villageId: id().openapi({ description: "The village (thôn, bản, khu phố) the petition comes from." }),
    kind: z.enum(FILING_KINDS),
    categoryCode: categoryCode(),
    title: text(200).openapi({ example: "Đường liên thôn Khe Tâm sạt lở" }),
    body: text(10_000),
    urgency: z.enum(URGENCIES).openapi({ description: "`pressing` is «bức xúc»." }),
    households: z
      .number()
      .int()
      .min(1)
      .max(1_000_000)
      .openapi({ description: "How many households it concerns." }),
    location: optionalText(500).openapi({ description: "Where in the village." }),
    residents: z
      .object({
        names: optionalText(2000),
        phones: optionalText(500),
        consent: z
          .boolean()
          .openapi({ description: "The residents agreed to their names and phones being kept." }),
      })
      .nullish()
      .openapi({
        description:
          "Restricted personal data (Luật 91/2025): visible only to the village head and the commune officer.",
      }),
  })
  .openapi("NewPetition");
export type NewPetition = z.infer<typeof NewPetitionSchema>;

export const IdempotencyHeaderSchema = z.object({
  "Idempotency-Key": z
    .string()
    .max(200, "form.tooLong")
    .optional()
    .openapi({
      param: { required: true },
      description:
        "Required. A unique key per petition (a UUID, say): a retry with the same key returns the petition already made (200) instead of a second one.",
      example: "3f0c1a9e-6b1d-4c1e-9a57-0e5d8b7c2a10",
    }),
});

export const IdParamSchema = z.object({
  id: z
    .string()
    .regex(/^\d{1,15}$/, "form.invalid")
    .transform(Number)
    .openapi({ param: { name: "id", in: "path" }, example: "42" }),
});

const csv = <T extends string>(values: readonly T[]) =>
  z
    .string()
    .max(400)
    .transform((s) =>
      s
        .split(",")
        .map((x) => x.trim())
        .filter(Boolean),
    )
    .refine((xs) => xs.every((x) => (values as readonly string[]).includes(x)), "form.invalid")
    .transform((xs) => xs as T[]);

const queryId = z
  .string()
  .regex(/^\d{1,15}$/, "form.invalid")
  .transform(Number)
  .optional();
const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "form.invalid")
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s && s >= "1900-01-01";
  }, "form.invalid")
  .optional();

export const ListQuerySchema = z
  .object({
    state: csv(STATES)
      .optional()
      .openapi({ description: "One or more states, comma-separated.", example: "assigned,in_progress" }),
    kind: z.enum(KINDS).optional(),
    category: categoryCode().optional(),
    unitId: queryId.openapi({
      description: "Only petitions from this unit's subtree (province, commune, village).",
    }),
    agencyId: queryId.openapi({ description: "Only petitions held by this agency." }),
    urgency: z.enum(URGENCIES).optional(),
    overdue: z
      .enum(["true", "false", "1", "0"])
      .transform((v) => v === "true" || v === "1")
      .optional()
      .openapi({ description: "Only items past their deadline and still with an agency." }),
    from: isoDate.openapi({ description: "Submitted on or after this day (yyyy-mm-dd, Asia/Ho_Chi_Minh)." }),
    to: isoDate.openapi({ description: "Submitted on or before this day (yyyy-mm-dd, Asia/Ho_Chi_Minh)." }),
    q: z
      .string()
      .max(200, "form.tooLong")
      .refine((s) => !s.includes("\u0000"), "form.invalid")
      .optional()
      .openapi({ description: "Full-text search; works without diacritics and with common abbreviations." }),
    sort: z
      .enum(["newest", "deadline"])
      .optional()
      .openapi({ description: "`newest` (default) or `deadline` (earliest deadline first)." }),
    after: z
      .string()
      .regex(/^\d{1,15}(_\d{1,15})?$/, "form.invalid")
      .optional()
      .openapi({ description: "The `next` cursor of the previous page." }),
    limit: z
      .string()
      .regex(/^\d{1,3}$/, "form.invalid")
      .transform(Number)
      .refine((n) => n >= 1 && n <= 200, "form.invalid")
      .optional()
      .openapi({ description: "Page size, 1–200 (default 30)." }),
  })
  .superRefine((q, ctx) => {
    // The cursor's shape follows the sort: an id for `newest`, deadline_id for `deadline`.
    if (q.after === undefined) return;
    const keyed = q.after.includes("_");
    if (keyed !== (q.sort === "deadline") || (keyed && !/^\d{1,13}_/.test(q.after)))
      ctx.addIssue({ code: "custom", path: ["after"], message: "form.invalid" });
  });

// ----- action bodies -----

export const ReceiveSchema = z
  .object({
    kind: z.enum(KINDS),
    categoryCode: categoryCode(),
    urgency: z.enum(URGENCIES),
    level: z.enum(LEVELS),
    version,
  })
  .openapi("ReceiveAction");

export const ReasonSchema = z
  .object({ reason: text(2000, "petitions.error.reasonRequired"), version })
  .openapi("ReasonAction");

export const RedirectSchema = z
  .object({
    procedure: z.enum(["complaint", "denunciation", "voter_recommendation"]),
    note: text(2000),
    version,
  })
  .openapi("RedirectAction");

export const RouteSchema = z
  .object({ agencyId: id(), note: optionalText(2000), version })
  .openapi("RouteAction");

export const EscalateSchema = z
  .object({ centralAgencyId: id(), note: optionalText(2000), version })
  .openapi("EscalateAction");

export const VersionOnlySchema = z.object({ version }).openapi("VersionOnly");

export const AnswerSchema = z
  .object({
    text: text(20_000).refine((s) => s.length >= 10, "petitions.error.answerTooShort"),
    publish: z
      .boolean()
      .openapi({ description: "Publish the answer on the public page (residents masked)." }),
    version,
  })
  .openapi("AnswerAction");

export const ExtendSchema = z
  .object({
    workingDays: z
      .number()
      .int("petitions.error.extensionDays")
      .min(1, "petitions.error.extensionDays")
      .max(30, "petitions.error.extensionDays"),
    reason: text(2000, "petitions.error.reasonRequired"),
    version,
  })
  .openapi("ExtendAction");

export const ConfirmSchema = z.object({ reason: optionalText(2000), version }).openapi("ConfirmAction");

export const ResubmitSchema = z
  .object({
    title: text(200),
    body: text(10_000),
    households: z.number().int().min(1).max(1_000_000),
    location: optionalText(500),
    categoryCode: categoryCode(),
    version,
  })
  .openapi("ResubmitAction");

// ----- answers -----

const when = z.string().nullable().openapi({ description: "ISO 8601 time (UTC)." });

export const PetitionListItemSchema = z
  .object({
    id: z.number(),
    code: z.string().openapi({ example: "KN-2026-000042" }),
    title: z.string(),
    kind: z.string(),
    state: z.string(),
    urgency: z.string(),
    categoryCode: z.string().nullable(),
    categoryName: z.string().nullable(),
    villageName: z.string(),
    communeName: z.string().nullable(),
    agencyName: z.string().nullable(),
    households: z.number(),
    submittedAt: when,
    deadlineAt: when,
    overdueSince: when,
  })
  .openapi("PetitionListItem");

export const PetitionListSchema = z
  .object({
    items: z.array(PetitionListItemSchema),
    next: z
      .string()
      .nullable()
      .openapi({ description: "Pass as `after` for the next page; null on the last." }),
  })
  .openapi("PetitionList");

export const TimelineEventSchema = z
  .object({
    id: z.number(),
    at: z.string(),
    action: z.string(),
    fromState: z.string().nullable(),
    toState: z.string(),
    actorName: z.string().nullable(),
    agencyName: z.string().nullable(),
    note: z.string().nullable(),
    data: z.record(z.string(), z.unknown()).nullable(),
  })
  .openapi("TimelineEvent");

export const AttachmentSchema = z
  .object({
    id: z.number(),
    purpose: z
      .string()
      .openapi({ description: "`submission` (photos, voice) or `evidence` (with the answer)." }),
    kind: z.string(),
    mime: z.string(),
    size: z.number(),
    name: z.string().nullable(),
    eventId: z.number().nullable(),
  })
  .openapi("Attachment");

export const API_ACTIONS = [
  "receive",
  "return",
  "redirect",
  "route",
  "escalate",
  "start",
  "answer",
  "hand-back",
  "extend",
  "confirm",
  "reopen",
  "resubmit",
] as const;
export type ApiAction = (typeof API_ACTIONS)[number];

export const PetitionSchema = z
  .object({
    id: z.number(),
    code: z.string(),
    kind: z.string(),
    categoryCode: z.string().nullable(),
    categoryName: z.string().nullable(),
    title: z.string(),
    body: z.string(),
    urgency: z.string(),
    households: z.number(),
    location: z.string().nullable(),
    state: z.string(),
    level: z.string().nullable(),
    villageId: z.number(),
    villageName: z.string(),
    communeName: z.string().nullable(),
    agencyId: z.number().nullable(),
    agencyName: z.string().nullable(),
    centralAgencyName: z.string().nullable(),
    centralReportId: z.number().nullable(),
    submittedBy: z.number(),
    submitterName: z.string(),
    submittedAt: when,
    deadlineAt: when,
    overdueSince: when,
    answeredAt: when,
    closedAt: when,
    answer: z.string().nullable(),
    answerPublished: z.boolean(),
    answeredOnTime: z.boolean().nullable(),
    satisfaction: z.string().nullable(),
    returnReason: z.string().nullable(),
    redirectProcedure: z.string().nullable(),
    redirectDueAt: when,
    clusterId: z.number().nullable(),
    handBacks: z.number(),
    version: z.number().openapi({ description: "Send it back as `version` with the next action." }),
    timeline: z.array(TimelineEventSchema),
    attachments: z.array(AttachmentSchema),
    residents: z
      .object({ names: z.string().nullable(), phones: z.string().nullable(), consent: z.boolean() })
      .optional()
      .openapi({
        description: "Present only for the village head and the commune officer over the village.",
      }),
    pendingExtension: z.object({ id: z.number(), workingDays: z.number(), reason: z.string() }).nullable(),
    actions: z
      .array(z.enum(API_ACTIONS))
      .openapi({ description: "The actions this person may take now (path segments of /actions/{action})." }),
  })
  .openapi("Petition");
export type PetitionJson = z.infer<typeof PetitionSchema>;
export type PetitionListItemJson = z.infer<typeof PetitionListItemSchema>;
