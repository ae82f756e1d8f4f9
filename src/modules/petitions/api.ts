import { createRoute, type z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import { CommandError } from "../../platform/commands.ts";
import {
  createApi,
  errorContent,
  jsonBodyLimit,
  mountApi,
  requireActor,
  standardErrors,
} from "../../platform/http/openapi.ts";
import type { Actor, App, AppEnv } from "../../platform/http/types.ts";
import {
  AnswerSchema,
  API_ACTIONS,
  type ApiAction,
  ConfirmSchema,
  EscalateSchema,
  ExtendSchema,
  IdempotencyHeaderSchema,
  IdParamSchema,
  ListQuerySchema,
  NewPetitionSchema,
  type PetitionJson,
  type PetitionListItemJson,
  PetitionListSchema,
  PetitionSchema,
  ReasonSchema,
  ReceiveSchema,
  RedirectSchema,
  ResubmitSchema,
  RouteSchema,
  VersionOnlySchema,
} from "./apiSchemas.ts";
import type { StepContext } from "./commands/applyAction.ts";
import {
  answerPetition,
  confirmAnswer,
  escalatePetition,
  handBackPetition,
  receivePetition,
  redirectPetition,
  requestExtension,
  resubmitPetition,
  returnPetition,
  routePetition,
  startPetition,
} from "./commands/steps.ts";
import { submitPetition } from "./commands/submitPetition.ts";
import { canAct, canListPetitions } from "./policy.ts";
import { getPetition, type PetitionView } from "./queries/getPetition.ts";
import { listPetitions, type PetitionListItem } from "./queries/listPetitions.ts";
import { type Action, isState, transition } from "./states.ts";

/**
 * The petitions JSON API, mounted at /api/v1 and documented at /api/openapi.json: file a petition, list and
 * read them within the caller's scope, and take every step of the lifecycle. Each handler is parse (zod) →
 * command or query → JSON; the commands decide who may do what (403) and when (409).
 */

/** Path segment of /actions/{action} → the state machine's action. */
const ACTION_OF: Record<ApiAction, Action> = {
  receive: "receive",
  return: "return",
  redirect: "redirect",
  route: "route",
  escalate: "escalate",
  start: "start",
  answer: "answer",
  "hand-back": "hand_back",
  extend: "extend",
  confirm: "confirm",
  reopen: "reopen",
  resubmit: "submit",
};

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

function actorOf(c: Context<AppEnv>): Actor {
  const actor = c.get("actor");
  // requireActor stands before every route; this only satisfies the types.
  if (!actor) throw new HTTPException(401);
  return actor;
}

function stepContext(c: Context<AppEnv>, actor: Actor): StepContext & { actor: Actor } {
  const deps = c.get("deps");
  return { pool: deps.pool, clock: deps.clock, actorId: actor.id, actor };
}

function listItemJson(r: PetitionListItem): PetitionListItemJson {
  return {
    id: r.id,
    code: r.code,
    title: r.title,
    kind: r.kind,
    state: r.state,
    urgency: r.urgency,
    categoryCode: r.category_code,
    categoryName: r.category_name,
    villageName: r.village_name,
    communeName: r.commune_name,
    agencyName: r.agency_name,
    households: r.households,
    submittedAt: iso(r.submitted_at),
    deadlineAt: iso(r.deadline_at),
    overdueSince: iso(r.overdue_since),
  };
}

/** The actions this person may take now: allowed by the state table and by the policy. */
function actionsFor(view: PetitionView, actor: Actor): ApiAction[] {
  const state = view.petition.state;
  if (!isState(state)) return [];
  return API_ACTIONS.filter((a) => {
    const action = ACTION_OF[a];
    return transition(state, action) !== null && canAct(actor, action, view.subject);
  });
}

function petitionJson(view: PetitionView, actor: Actor): PetitionJson {
  const p = view.petition;
  return {
    id: p.id,
    code: p.code,
    kind: p.kind,
    categoryCode: p.category_code,
    categoryName: p.category_name,
    title: p.title,
    body: p.body,
    urgency: p.urgency,
    households: p.households,
    location: p.location,
    state: p.state,
    level: p.level,
    villageId: p.village_id,
    villageName: p.village_name,
    communeName: p.commune_name,
    agencyId: p.agency_id,
    agencyName: p.agency_name,
    centralAgencyName: p.central_agency_name,
    centralReportId: p.central_report_id,
    submittedBy: p.submitted_by,
    submitterName: p.submitter_name,
    submittedAt: iso(p.submitted_at),
    deadlineAt: iso(p.deadline_at),
    overdueSince: iso(p.overdue_since),
    answeredAt: iso(p.answered_at),
    closedAt: iso(p.closed_at),
    answer: p.answer,
    answerPublished: p.answer_published,
    answeredOnTime: p.answered_on_time,
    satisfaction: p.satisfaction,
    returnReason: p.return_reason,
    redirectProcedure: p.redirect_procedure,
    redirectDueAt: iso(p.redirect_due_at),
    clusterId: p.cluster_id,
    handBacks: p.hand_backs,
    version: p.version,
    timeline: view.timeline.map((e) => ({
      id: e.id,
      at: e.at.toISOString(),
      action: e.action,
      fromState: e.from_state,
      toState: e.to_state,
      actorName: e.actor_name,
      agencyName: e.agency_name,
      note: e.note,
      data: e.data,
    })),
    attachments: view.attachments.map((a) => ({
      id: a.id,
      purpose: a.purpose,
      kind: a.kind,
      mime: a.mime,
      size: a.size,
      name: a.original_name,
      eventId: a.event_id,
    })),
    ...(view.residents ? { residents: view.residents } : {}),
    pendingExtension: view.pendingExtension
      ? {
          id: view.pendingExtension.id,
          workingDays: view.pendingExtension.working_days,
          reason: view.pendingExtension.reason,
        }
      : null,
    actions: actionsFor(view, actor),
  };
}

async function visiblePetition(c: Context<AppEnv>, actor: Actor, id: number): Promise<PetitionView> {
  const view = await getPetition(c.get("deps").pool, actor, id);
  if (!view) throw new CommandError("petitions.error.notFound", 404);
  return view;
}

/**
 * Runs one step and answers the petition as it is now. A 403 or 404 on a petition the caller may not see
 * answers 404 either way, so its existence does not leak.
 */
async function step(
  c: Context<AppEnv>,
  id: number,
  run: (ctx: StepContext & { actor: Actor }) => Promise<unknown>,
  fieldAliases: Record<string, string> = {},
): Promise<PetitionJson> {
  const actor = actorOf(c);
  try {
    await run(stepContext(c, actor));
  } catch (err) {
    if (!(err instanceof CommandError)) throw err;
    if (err.status === 403 || err.status === 404) await visiblePetition(c, actor, id);
    const field = err.field ? (fieldAliases[err.field] ?? err.field) : undefined;
    throw field === err.field ? err : new CommandError(err.messageKey, err.status, field);
  }
  return petitionJson(await visiblePetition(c, actor, id), actor);
}

const petitionAnswer = (description: string) => ({
  description,
  content: { "application/json": { schema: PetitionSchema } },
});

const ACTION_DOCS: Record<ApiAction, { summary: string; description: string }> = {
  receive: {
    summary: "Receive and classify",
    description:
      "Commune officer or coordinator: `submitted` → `received`, with kind, category, urgency and level.",
  },
  return: {
    summary: "Return to the village head",
    description:
      "Commune officer or coordinator: `received` → `returned`, with the reason; the village head resubmits.",
  },
  redirect: {
    summary: "Redirect to a statutory procedure",
    description:
      "Complaints, denunciations and voter recommendations go to their legal procedure with its clock: `received` → `redirected`.",
  },
  route: {
    summary: "Route to an agency",
    description:
      "Commune officer or coordinator: to the responsible provincial agency; the answer deadline starts now. Also re-routes (every one is recorded).",
  },
  escalate: {
    summary: "Escalate to central competence",
    description: "Coordinator: into this month's open central report, addressed to a central agency.",
  },
  start: { summary: "Start work", description: "The holding agency: `assigned` → `in_progress`." },
  answer: {
    summary: "Answer",
    description:
      "The holding agency answers (at least 10 characters). Evidence files are uploaded through the web form; this JSON endpoint takes text only.",
  },
  "hand-back": {
    summary: "Hand back: not ours",
    description:
      "The holding agency hands the item back to the coordinator with a reason (counted): → `received`.",
  },
  extend: {
    summary: "Ask for an extension",
    description:
      "The holding agency asks for 1–30 more working days; the coordinator decides (no state change until then).",
  },
  confirm: {
    summary: "Confirm the answer (satisfied)",
    description: "The village head is satisfied: `answered` → `closed`.",
  },
  reopen: {
    summary: "Not satisfied: reopen",
    description: "The village head is not satisfied, with a reason: `answered` → `reopened`.",
  },
  resubmit: {
    summary: "Edit and resubmit",
    description: "The village head fixes a returned petition (or sends a draft): → `submitted`.",
  },
};

function actionRoute<A extends ApiAction, S extends z.ZodType>(action: A, schema: S, bodyRequired = true) {
  return createRoute({
    method: "post",
    path: `/petitions/{id}/actions/${action}` as `/petitions/{id}/actions/${A}`,
    tags: ["actions"],
    operationId: `petition_${ACTION_OF[action]}`,
    ...ACTION_DOCS[action],
    middleware: [requireActor, jsonBodyLimit()],
    request: {
      params: IdParamSchema,
      body: { required: bodyRequired, content: { "application/json": { schema } } },
    },
    responses: {
      200: petitionAnswer("The petition after the step, with its timeline."),
      ...standardErrors,
      409: errorContent(
        "Not allowed in the petition's current state, or `version` is stale (someone else acted first).",
      ),
    },
  });
}

export function petitionApiRoutes(app: App): void {
  const api = createApi();

  api.openapi(
    createRoute({
      method: "post",
      path: "/petitions",
      tags: ["petitions"],
      operationId: "petition_submit",
      summary: "File a petition",
      description:
        "A village head files a petition for their village. Requires an `Idempotency-Key` header: a retry with the " +
        "same key (the phone lost its signal) answers 200 with the petition already made instead of filing a second " +
        "one (201 the first time). Photos and voice notes are not accepted here — JSON carries no files; attach them " +
        "through the web form.",
      middleware: [requireActor, jsonBodyLimit()],
      request: {
        headers: IdempotencyHeaderSchema,
        body: { required: true, content: { "application/json": { schema: NewPetitionSchema } } },
      },
      responses: {
        201: petitionAnswer("Filed."),
        200: petitionAnswer("Already filed with this Idempotency-Key: the same petition."),
        ...standardErrors,
      },
    }),
    async (c) => {
      const actor = actorOf(c);
      const key = c.req.valid("header")["Idempotency-Key"]?.trim();
      if (!key) {
        const message = `Idempotency-Key: ${c.get("t")("form.required")}`;
        return c.json(
          { error: { code: "invalid", message, fields: { "Idempotency-Key": c.get("t")("form.required") } } },
          400,
        );
      }
      const b = c.req.valid("json");
      const res = await submitPetition(
        stepContext(c, actor),
        {
          villageId: b.villageId,
          kind: b.kind,
          categoryCode: b.categoryCode,
          title: b.title,
          body: b.body,
          urgency: b.urgency,
          households: b.households,
          location: b.location,
          residents: b.residents ?? null,
        },
        { idempotencyKey: key },
      );
      const json = petitionJson(res.view ?? (await visiblePetition(c, actor, res.id)), actor);
      if (res.replayed) return c.json(json, 200);
      c.header("Location", `/api/v1/petitions/${res.id}`);
      return c.json(json, 201);
    },
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/petitions",
      tags: ["petitions"],
      operationId: "petition_list",
      summary: "List petitions",
      description:
        "The petitions this person may see (their village, commune, province, or the agency they work for), newest " +
        "first or by deadline, one keyset page at a time.",
      middleware: [requireActor],
      request: { query: ListQuerySchema },
      responses: {
        200: { description: "One page.", content: { "application/json": { schema: PetitionListSchema } } },
        ...standardErrors,
      },
    }),
    async (c) => {
      const actor = actorOf(c);
      if (!canListPetitions(actor)) throw new CommandError("error.403", 403);
      const q = c.req.valid("query");
      const deps = c.get("deps");
      const page = await listPetitions(
        deps.pool,
        actor,
        {
          state: q.state,
          kind: q.kind,
          category: q.category,
          unitId: q.unitId,
          agencyId: q.agencyId,
          urgency: q.urgency,
          overdue: q.overdue,
          from: q.from,
          to: q.to,
          q: q.q,
          sort: q.sort,
        },
        deps.clock.now(),
        { after: q.after ?? null, limit: q.limit ?? 30 },
      );
      c.header("Cache-Control", "no-store");
      return c.json({ items: page.items.map(listItemJson), next: page.next }, 200);
    },
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/petitions/{id}",
      tags: ["petitions"],
      operationId: "petition_get",
      summary: "Read a petition",
      description:
        "The petition with its timeline, attachments' metadata, pending extension and the actions this person may " +
        "take now. Residents' names and phones only for the village head and the commune officer. 404 when it is " +
        "not visible to this person.",
      middleware: [requireActor],
      request: { params: IdParamSchema },
      responses: { 200: petitionAnswer("The petition."), ...standardErrors },
    }),
    async (c) => {
      const actor = actorOf(c);
      const view = await visiblePetition(c, actor, c.req.valid("param").id);
      c.header("Cache-Control", "no-store");
      return c.json(petitionJson(view, actor), 200);
    },
  );

  api.openapi(actionRoute("receive", ReceiveSchema), async (c) => {
    const { id } = c.req.valid("param");
    const b = c.req.valid("json");
    const classification = { kind: b.kind, categoryCode: b.categoryCode, urgency: b.urgency, level: b.level };
    return c.json(await step(c, id, (ctx) => receivePetition(ctx, id, classification, b.version)), 200);
  });

  api.openapi(actionRoute("return", ReasonSchema), async (c) => {
    const { id } = c.req.valid("param");
    const b = c.req.valid("json");
    return c.json(await step(c, id, (ctx) => returnPetition(ctx, id, b.reason, b.version)), 200);
  });

  api.openapi(actionRoute("redirect", RedirectSchema), async (c) => {
    const { id } = c.req.valid("param");
    const b = c.req.valid("json");
    return c.json(await step(c, id, (ctx) => redirectPetition(ctx, id, b.procedure, b.note, b.version)), 200);
  });

  api.openapi(actionRoute("route", RouteSchema), async (c) => {
    const { id } = c.req.valid("param");
    const b = c.req.valid("json");
    return c.json(await step(c, id, (ctx) => routePetition(ctx, id, b.agencyId, b.note, b.version)), 200);
  });

  api.openapi(actionRoute("escalate", EscalateSchema), async (c) => {
    const { id } = c.req.valid("param");
    const b = c.req.valid("json");
    return c.json(
      await step(c, id, (ctx) => escalatePetition(ctx, id, b.centralAgencyId, b.note, b.version)),
      200,
    );
  });

  api.openapi(actionRoute("start", VersionOnlySchema, false), async (c) => {
    const { id } = c.req.valid("param");
    const b = c.req.valid("json");
    return c.json(await step(c, id, (ctx) => startPetition(ctx, id, b.version)), 200);
  });

  api.openapi(actionRoute("answer", AnswerSchema), async (c) => {
    const { id } = c.req.valid("param");
    const b = c.req.valid("json");
    const answer = { text: b.text, publish: b.publish };
    return c.json(
      await step(c, id, (ctx) => answerPetition(ctx, id, answer, b.version), { answer: "text" }),
      200,
    );
  });

  api.openapi(actionRoute("hand-back", ReasonSchema), async (c) => {
    const { id } = c.req.valid("param");
    const b = c.req.valid("json");
    return c.json(await step(c, id, (ctx) => handBackPetition(ctx, id, b.reason, b.version)), 200);
  });

  api.openapi(actionRoute("extend", ExtendSchema), async (c) => {
    const { id } = c.req.valid("param");
    const b = c.req.valid("json");
    return c.json(
      await step(c, id, async (ctx) => {
        // requestExtension takes no expected version: check it here (the step itself still locks the row).
        if (b.version !== undefined) {
          const view = await visiblePetition(c, ctx.actor, id);
          if (view.petition.version !== b.version) throw new CommandError("petitions.error.stale", 409);
        }
        return requestExtension(ctx, id, b.workingDays, b.reason);
      }),
      200,
    );
  });

  api.openapi(actionRoute("confirm", ConfirmSchema, false), async (c) => {
    const { id } = c.req.valid("param");
    const b = c.req.valid("json");
    return c.json(await step(c, id, (ctx) => confirmAnswer(ctx, id, true, b.reason ?? null, b.version)), 200);
  });

  api.openapi(actionRoute("reopen", ReasonSchema), async (c) => {
    const { id } = c.req.valid("param");
    const b = c.req.valid("json");
    return c.json(await step(c, id, (ctx) => confirmAnswer(ctx, id, false, b.reason, b.version)), 200);
  });

  api.openapi(actionRoute("resubmit", ResubmitSchema), async (c) => {
    const { id } = c.req.valid("param");
    const b = c.req.valid("json");
    const edits = {
      title: b.title,
      body: b.body,
      households: b.households,
      location: b.location,
      categoryCode: b.categoryCode,
    };
    return c.json(await step(c, id, (ctx) => resubmitPetition(ctx, id, edits, b.version)), 200);
  });

  mountApi(app, "/api/v1", api);
}
