import type { Context } from "hono";
import { hasRole } from "../../platform/authz.ts";
import { CommandError } from "../../platform/commands.ts";
import { readStoredFile } from "../../platform/files/store.ts";
import { notFound, wantsJson } from "../../platform/http/errors.tsx";
import { parseForm } from "../../platform/http/forms.ts";
import { allowed, authed } from "../../platform/http/guards.ts";
import { Layout } from "../../platform/http/layout.tsx";
import { page, pageContext } from "../../platform/http/render.tsx";
import { intParam } from "../../platform/http/request.ts";
import type { Actor, App, AppEnv } from "../../platform/http/types.ts";
import { proposeAgency } from "../routing/queries/proposeAgency.ts";
import { claimSameIssue } from "./commands/joins.ts";
import {
  answerPetition,
  confirmAnswer,
  decideExtension,
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
import {
  actionSchemas,
  draftDefaults,
  filesOf,
  joinDefaults,
  MAX_EVIDENCE,
  MAX_PHOTOS,
  NEW_FIELDS,
  newIdempotencyKey,
  newPetitionSchema,
  readUploads,
  textValues,
  validIdempotencyKey,
} from "./pageForms.ts";
import { canAct, canDecideExtension, canFileFor, canListPetitions, canView } from "./policy.ts";
import { listAnswerTemplates } from "./queries/answerTemplates.ts";
import { getPetition, type PetitionView } from "./queries/getPetition.ts";
import { joinClaimOf, joinersOf, joinTarget } from "./queries/joins.ts";
import { listPetitions } from "./queries/listPetitions.ts";
import {
  activeCategories,
  centralAgencies,
  filingVillages,
  MAX_SIMILAR_TEXT as MAX_TEXT,
  routingAgencies,
  similarForViewer,
  type VillageOption,
  type VisibleSimilar,
} from "./queries/pageData.ts";
import { publicAnswer } from "./queries/publicAnswer.ts";
import { allowedActions, isState, STATES, transition } from "./states.ts";
import { type ActionOptions, type FormAction, type FormState, isFormAction } from "./views/actionForms.tsx";
import { DetailPage } from "./views/detailPage.tsx";
import type { Errors, Values } from "./views/fields.tsx";
import type { JoinInfo } from "./views/joinViews.tsx";
import { MinePage } from "./views/minePage.tsx";
import { NewPetitionPage } from "./views/newPetitionPage.tsx";
import { PublicAnswerPage } from "./views/publicPage.tsx";
import { SimilarList } from "./views/similarList.tsx";
import { villageContext } from "./villageCache.ts";

type C = Context<AppEnv>;
type Status = 200 | 403 | 404 | 409 | 422;

const isVillageHead = (actor: Actor) => hasRole(actor, "village_head");
const SENT_STATES = STATES.filter((s) => s !== "draft");
const ctxOf = (c: C, actor: Actor) => {
  const deps = c.get("deps");
  return { pool: deps.pool, clock: deps.clock, actorId: actor.id, actor };
};
const statusOf = (s: number): Status => (s === 403 || s === 404 || s === 409 ? s : 422);

// ---------------------------------------------------------------------------------------------------------
// The village head's form

async function newForm(
  c: C,
  actor: Actor,
  values: Values,
  errors: Errors,
  extra: {
    similar?: VisibleSimilar[] | null;
    filesLost?: boolean;
    status?: Status;
    villages?: VillageOption[];
  } = {},
) {
  const pool = c.get("deps").pool;
  const villages = extra.villages ?? (await filingVillages(pool, actor));
  const categories = await activeCategories(pool);
  return page(
    c,
    c.get("t")("petitions.form.title"),
    (ctx) => (
      <NewPetitionPage
        ctx={ctx}
        villages={villages}
        categories={categories}
        values={values}
        errors={errors}
        similar={extra.similar ?? null}
        filesLost={extra.filesLost ?? false}
      />
    ),
    { status: extra.status ?? 200 },
  );
}

async function placeNames(c: C, villageId: number | undefined): Promise<string[]> {
  if (!villageId) return [];
  const v = await villageContext(c.get("deps").pool, villageId);
  return v ? [v.name, v.commune_name ?? ""].filter(Boolean) : [];
}

async function postNew(c: C, actor: Actor) {
  const pool = c.get("deps").pool;
  const raw = await c.req.parseBody({ all: true });
  const typed = textValues(raw);
  const values: Values = Object.fromEntries(NEW_FIELDS.map((k) => [k, typed[k] ?? ""]));
  values.idempotency_key = validIdempotencyKey(typed.idempotency_key)
    ? (typed.idempotency_key as string)
    : newIdempotencyKey();
  // "Thôn tôi cũng vậy" beside a similar petition: a submit that also records which one it joins.
  const joins = intParam(typed.joins);
  const intent = joins
    ? "submit"
    : typed.intent === "draft"
      ? "draft"
      : typed.intent === "similar"
        ? "similar"
        : "submit";
  const photos = filesOf(raw, "photos");
  const voices = filesOf(raw, "voice");
  const filesLost = photos.length + voices.length > 0;
  const villages = await filingVillages(pool, actor);
  if (villages.length === 1 && !values.villageId) values.villageId = String(villages[0]?.id);

  if (intent === "similar") {
    const text = `${values.title}\n${values.body}`.slice(0, MAX_TEXT);
    const similar =
      text.trim().length < 10
        ? []
        : await similarForViewer(pool, actor, text, {
            placeNames: await placeNames(c, intParam(values.villageId)),
          });
    return newForm(c, actor, values, {}, { similar, filesLost, villages });
  }

  const draft = intent === "draft";
  const target = joins ? await joinTarget(pool, joins) : null;
  if (joins && !target) {
    return newForm(
      c,
      actor,
      values,
      { _form: "petitions.join.error.gone" },
      { filesLost, status: 422, villages },
    );
  }
  const form = parseForm(
    newPetitionSchema(draft),
    draft ? draftDefaults(values) : target ? joinDefaults(c.get("t"), values, target) : values,
  );
  const errors: Errors = form.ok ? {} : { ...form.errors };
  const photoCheck = await readUploads(photos, ["photo"], MAX_PHOTOS, "petitions.error.tooManyPhotos");
  if (!photoCheck.ok) errors.photos = photoCheck.error;
  const voiceCheck = await readUploads(voices, ["audio"], 1, "petitions.error.oneVoice");
  if (!voiceCheck.ok) errors.voice = voiceCheck.error;
  if (!form.ok || !photoCheck.ok || !voiceCheck.ok) {
    return newForm(c, actor, values, errors, { filesLost, status: 422, villages });
  }
  const d = form.data;
  try {
    const result = await submitPetition(
      ctxOf(c, actor),
      {
        villageId: d.villageId,
        kind: d.kind,
        categoryCode: d.categoryCode,
        title: d.title,
        body: d.body,
        urgency: d.urgency,
        households: d.households,
        location: d.location,
        residents:
          d.residentNames || d.residentPhones
            ? { names: d.residentNames || null, phones: d.residentPhones || null, consent: true }
            : null,
        photos: photoCheck.uploads,
        voice: voiceCheck.uploads[0] ?? null,
      },
      { idempotencyKey: values.idempotency_key, draft },
    );
    if (target) {
      await claimSameIssue(ctxOf(c, actor), result.id, target.id);
      return c.redirect(`/petitions/${result.id}?done=joined`, 303);
    }
    return c.redirect(`/petitions/${result.id}?done=${draft ? "draft" : "submitted"}`, 303);
  } catch (err) {
    if (!(err instanceof CommandError)) throw err;
    const field =
      err.field && (NEW_FIELDS as readonly string[]).concat(["photos", "voice"]).includes(err.field)
        ? err.field
        : "_form";
    return newForm(
      c,
      actor,
      values,
      { [field]: err.messageKey },
      { filesLost, status: statusOf(err.status), villages },
    );
  }
}

// ---------------------------------------------------------------------------------------------------------
// The detail page and its steps

/** The steps this person may take now: allowed by the state table and by the policy, with a form here. */
function availableActions(actor: Actor, view: PetitionView): FormAction[] {
  const state = view.petition.state;
  if (!isState(state)) return [];
  const list = allowedActions(state).filter(
    (a): a is FormAction => isFormAction(a) && canAct(actor, a, view.subject),
  );
  return list.filter((a) => {
    if (a === "reopen") return !list.includes("confirm");
    if (a === "extend") return view.pendingExtension === null;
    if (a === "submit") return view.petition.state !== "draft" || view.petition.submitted_by === actor.id;
    return true;
  });
}

async function actionOptions(c: C, view: PetitionView, actions: FormAction[]): Promise<ActionOptions> {
  const pool = c.get("deps").pool;
  const p = view.petition;
  const needs = (...a: FormAction[]) => a.some((x) => actions.includes(x));
  const categories = needs("receive", "submit") ? await activeCategories(pool) : [];
  let agencies: ActionOptions["agencies"] = [];
  let proposedAgencyId: number | null = null;
  if (needs("route")) {
    proposedAgencyId = await proposeAgency(
      pool,
      p.category_code,
      p.unit_path,
      p.level === "commune" ? "commune" : "province",
    );
    agencies = await routingAgencies(pool, p.unit_path, proposedAgencyId ?? p.agency_id);
  }
  const central = needs("escalate") ? await centralAgencies(pool) : [];
  const templates =
    needs("answer") && p.agency_id !== null ? await listAnswerTemplates(pool, p.agency_id) : [];
  const templateId = intParam(c.req.query("template"));
  return {
    categories,
    agencies,
    proposedAgencyId,
    centralAgencies: central,
    templates,
    template: templates.find((x) => x.id === templateId) ?? null,
  };
}

/**
 * Issue 4 on the petition page: the village's "same issue as KN-…" claim, the villages that joined this one,
 * and — for whoever receives it and the coordinator — its near-duplicates without a click.
 */
async function joinInfo(c: C, actor: Actor, view: PetitionView, actions: FormAction[]): Promise<JoinInfo> {
  const pool = c.get("deps").pool;
  const p = view.petition;
  const state = isState(p.state) ? p.state : null;
  const canLink =
    p.cluster_id === null &&
    state !== null &&
    transition(state, "merge") !== null &&
    canAct(actor, "merge", view.subject);
  const showSimilar =
    p.state !== "draft" &&
    (actions.includes("receive") || (p.cluster_id === null && canAct(actor, "merge", view.subject)));
  const [claim, joiners, similar] = await Promise.all([
    joinClaimOf(pool, p.id),
    joinersOf(pool, p.id),
    showSimilar
      ? similarForViewer(pool, actor, `${p.title}\n${p.body}`, {
          placeNames: [p.village_name, p.commune_name ?? ""].filter(Boolean),
          excludeId: p.id,
        })
      : Promise.resolve(null),
  ]);
  return {
    claim,
    joiners: joiners
      .filter((j) => canView(actor, { unitPath: j.unit_path, agencyId: j.agency_id }))
      .map((j) => ({
        id: j.id,
        code: j.code,
        title: j.title,
        linked: j.cluster_id !== null && j.cluster_id === p.cluster_id,
      })),
    similar,
    canLink,
    officer: !hasRole(actor, "village_head") || !canFileFor(actor, p.unit_path),
  };
}

async function detail(c: C, actor: Actor, id: number, state: FormState | null, status: Status = 200) {
  const deps = c.get("deps");
  const view = await getPetition(deps.pool, actor, id);
  if (!view) return notFound(c);
  const actions = availableActions(actor, view);
  const options = await actionOptions(c, view, actions);
  const join = await joinInfo(c, actor, view, actions);
  const done = c.req.query("done");
  const flash = state === null && done && /^[a-z_]{1,40}$/.test(done) ? `petitions.done.${done}` : null;
  const known = flash && c.get("t")(flash) !== flash ? flash : null;
  return page(
    c,
    view.petition.title,
    (ctx) => (
      <DetailPage
        ctx={ctx}
        view={view}
        now={deps.clock.now()}
        actions={actions}
        options={options}
        state={state}
        canDecideExtension={canDecideExtension(actor, view.subject)}
        flash={known}
        join={join}
      />
    ),
    { status },
  );
}

type Outcome = { errors: Errors } | { done: string };
type Body = Record<string, string | File | (string | File)[]>;

/** Parses the step's form and calls its command; CommandErrors are left to the caller. */
async function runAction(
  c: C,
  actor: Actor,
  id: number,
  action: FormAction,
  raw: Body,
  values: Values,
): Promise<Outcome> {
  const ctx = ctxOf(c, actor);
  const v = intParam(values.version);
  // Every form carries the version it was drawn from: without it we cannot tell a stale form.
  if (v === undefined) return { errors: { _form: "petitions.error.stale" } };
  switch (action) {
    case "receive": {
      const f = parseForm(actionSchemas.receive, values);
      if (!f.ok) return { errors: f.errors };
      await receivePetition(ctx, id, f.data, v);
      return { done: "receive" };
    }
    case "return":
    case "hand_back": {
      const f = parseForm(actionSchemas.return, values);
      if (!f.ok) return { errors: f.errors };
      await (action === "return" ? returnPetition : handBackPetition)(ctx, id, f.data.reason, v);
      return { done: action };
    }
    case "redirect": {
      const f = parseForm(actionSchemas.redirect, values);
      if (!f.ok) return { errors: f.errors };
      await redirectPetition(ctx, id, f.data.procedure, f.data.note ?? "", v);
      return { done: "redirect" };
    }
    case "route": {
      const f = parseForm(actionSchemas.route, values);
      if (!f.ok) return { errors: f.errors };
      await routePetition(ctx, id, f.data.agencyId, f.data.note, v);
      return { done: "route" };
    }
    case "escalate": {
      const f = parseForm(actionSchemas.escalate, values);
      if (!f.ok) return { errors: f.errors };
      await escalatePetition(ctx, id, f.data.centralAgencyId, f.data.note, v);
      return { done: "escalate" };
    }
    case "start":
      await startPetition(ctx, id, v);
      return { done: "start" };
    case "answer": {
      const f = parseForm(actionSchemas.answer, values);
      const files = await readUploads(
        filesOf(raw, "files"),
        ["photo", "document", "audio"],
        MAX_EVIDENCE,
        "petitions.error.tooManyFiles",
      );
      if (!f.ok || !files.ok)
        return { errors: { ...(f.ok ? {} : f.errors), ...(files.ok ? {} : { files: files.error }) } };
      await answerPetition(
        ctx,
        id,
        { text: f.data.answer, publish: f.data.publish === "yes", files: files.uploads },
        v,
      );
      return { done: "answer" };
    }
    case "extend": {
      const f = parseForm(actionSchemas.extend, values);
      if (!f.ok) return { errors: f.errors };
      await requestExtension(ctx, id, f.data.workingDays, f.data.reason);
      return { done: "extend" };
    }
    case "confirm":
    case "reopen": {
      const f = parseForm(
        actionSchemas.confirm,
        action === "reopen" ? { ...values, satisfied: "no" } : values,
      );
      if (!f.ok) return { errors: f.errors };
      const satisfied = f.data.satisfied === "yes";
      await confirmAnswer(ctx, id, satisfied, f.data.reason || null, v);
      return { done: satisfied ? "confirm" : "reopen" };
    }
    case "submit": {
      const f = parseForm(actionSchemas.submit, values);
      if (!f.ok) return { errors: f.errors };
      await resubmitPetition(ctx, id, f.data, v);
      return { done: "submit" };
    }
  }
}

// ---------------------------------------------------------------------------------------------------------

const INLINE = /^(image\/|audio\/|application\/pdf$)/;

function escapeAttr(s: string): string {
  return s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

export function petitionRoutes(app: App): void {
  app.get(
    "/petitions/new",
    allowed(isVillageHead, (c, actor) =>
      newForm(
        c,
        actor,
        { idempotency_key: newIdempotencyKey(), kind: "recommendation", urgency: "normal", households: "1" },
        {},
      ),
    ),
  );
  app.post("/petitions/new", allowed(isVillageHead, postNew));

  // Similar petitions while the text is typed (issue 4): an HTML fragment for the form's script, JSON on request.
  app.get(
    "/petitions/similar",
    allowed(canListPetitions, async (c, actor) => {
      const text = (c.req.query("text") ?? "").slice(0, MAX_TEXT);
      const pool = c.get("deps").pool;
      const items =
        text.trim().length < 10
          ? []
          : await similarForViewer(pool, actor, text, {
              placeNames: await placeNames(c, intParam(c.req.query("village"))),
              excludeId: intParam(c.req.query("exclude")),
            });
      c.header("Cache-Control", "no-store");
      if (wantsJson(c)) {
        return c.json({
          items: items.map((i) => ({
            id: i.canOpen ? i.id : null,
            title: i.title,
            state: i.state,
            village: i.village_name,
            commune: i.commune_name,
            score: Math.round(i.score * 1000) / 1000,
          })),
        });
      }
      const joinable = c.req.query("join") === "1" && isVillageHead(actor);
      return c.html(<SimilarList t={c.get("t")} items={items} joinable={joinable} />);
    }),
  );

  app.get(
    "/petitions/mine",
    allowed(isVillageHead, async (c, actor) => {
      const deps = c.get("deps");
      const now = deps.clock.now();
      const afterRaw = c.req.query("after");
      const after = afterRaw && /^\d{1,15}$/.test(afterRaw) ? afterRaw : null;
      // Someone who is also an officer sees here only their village's petitions, not their whole scope.
      const villageGrants = actor.grants.filter((g) => g.role === "village_head" && g.unitId !== null);
      const onlyVillage = actor.grants.every((g) => g.role === "village_head");
      const filters = !onlyVillage && villageGrants[0]?.unitId ? { unitId: villageGrants[0].unitId } : {};
      const drafts = after
        ? []
        : (await listPetitions(deps.pool, actor, { ...filters, state: ["draft"] }, now, { limit: 50 })).items;
      const page1 = await listPetitions(deps.pool, actor, { ...filters, state: SENT_STATES }, now, {
        after,
        limit: 20,
      });
      return page(c, c.get("t")("petitions.mine.title"), (ctx) => (
        <MinePage
          ctx={ctx}
          drafts={drafts}
          items={page1.items}
          next={page1.next}
          firstPage={!after}
          now={now}
          flash={null}
        />
      ));
    }),
  );

  app.get(
    "/petitions/:id{[0-9]+}",
    authed(async (c, actor) => {
      const id = intParam(c.req.param("id"));
      return id ? detail(c, actor, id, null) : notFound(c);
    }),
  );

  app.get(
    "/petitions/:id{[0-9]+}/files/:fileId{[0-9]+}",
    authed(async (c, actor) => {
      const id = intParam(c.req.param("id"));
      const fileId = intParam(c.req.param("fileId"));
      const pool = c.get("deps").pool;
      const view = id ? await getPetition(pool, actor, id) : null;
      const a = view?.attachments.find((x) => x.id === fileId);
      const file = a ? await readStoredFile(pool, a.storage_key) : null;
      if (!a || !file) return notFound(c);
      // RFC 5987: everything but attr-chars percent-encoded (encodeURIComponent leaves ' ( ) * ! alone).
      const name = encodeURIComponent(a.original_name || `file-${a.id}`).replace(
        /['()*!]/g,
        (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`,
      );
      return c.body(new Uint8Array(file.bytes), 200, {
        "Content-Type": a.mime,
        "Content-Length": String(file.bytes.length),
        "Content-Disposition": `${INLINE.test(a.mime) ? "inline" : "attachment"}; filename*=UTF-8''${name}`,
        "X-Content-Type-Options": "nosniff",
        "Cache-Control": "private, max-age=3600",
      });
    }),
  );

  app.post(
    "/petitions/:id{[0-9]+}/actions/:action",
    authed(async (c, actor) => {
      const id = intParam(c.req.param("id"));
      const action = c.req.param("action") ?? "";
      if (!id || !isFormAction(action)) return notFound(c);
      // Someone who may not see the petition learns nothing, not even that it exists.
      if (!(await getPetition(c.get("deps").pool, actor, id))) return notFound(c);
      const raw = await c.req.parseBody({ all: true });
      const values = textValues(raw);
      try {
        const outcome = await runAction(c, actor, id, action, raw, values);
        if ("errors" in outcome) {
          const stale = outcome.errors._form === "petitions.error.stale";
          return detail(c, actor, id, { action, values, errors: outcome.errors }, stale ? 409 : 422);
        }
        return c.redirect(`/petitions/${id}?done=${outcome.done}`, 303);
      } catch (err) {
        if (!(err instanceof CommandError)) throw err;
        if (err.status === 404) return notFound(c);
        return detail(
          c,
          actor,
          id,
          { action, values, errors: { [err.field ?? "_form"]: err.messageKey } },
          statusOf(err.status),
        );
      }
    }),
  );

  app.post(
    "/petitions/:id{[0-9]+}/extension/:requestId{[0-9]+}",
    authed(async (c, actor) => {
      const id = intParam(c.req.param("id"));
      const requestId = intParam(c.req.param("requestId"));
      const pool = c.get("deps").pool;
      const view = id ? await getPetition(pool, actor, id) : null;
      if (!id || !view) return notFound(c);
      const values = textValues(await c.req.parseBody({ all: true }));
      const state = (errors: Errors): FormState => ({ action: "extension", values, errors });
      if (!requestId || view.pendingExtension?.id !== requestId)
        return detail(c, actor, id, state({ _form: "petitions.error.notAllowedNow" }), 409);
      const form = parseForm(actionSchemas.extension, values);
      if (!form.ok) return detail(c, actor, id, state(form.errors), 422);
      const approve = form.data.decision === "approve";
      try {
        await decideExtension(ctxOf(c, actor), requestId, approve, form.data.note);
      } catch (err) {
        if (!(err instanceof CommandError)) throw err;
        if (err.status === 404) return notFound(c);
        return detail(c, actor, id, state({ [err.field ?? "_form"]: err.messageKey }), statusOf(err.status));
      }
      return c.redirect(`/petitions/${id}?done=${approve ? "extension_approved" : "extension_refused"}`, 303);
    }),
  );

  // The public page of a published answer: no login, residents' identities masked.
  app.get("/p/:code", async (c) => {
    const deps = c.get("deps");
    const a = await publicAnswer(deps.pool, c.req.param("code"));
    if (!a) return notFound(c);
    const ctx = pageContext(c);
    const html = await (
      <Layout ctx={ctx} title={a.title}>
        <PublicAnswerPage ctx={ctx} a={a} />
      </Layout>
    ).toString();
    const description = a.answer.replace(/\s+/g, " ").slice(0, 200);
    const head = [
      `<meta name="robots" content="index">`,
      `<meta property="og:type" content="article">`,
      `<meta property="og:title" content="${escapeAttr(a.title)}">`,
      `<meta property="og:description" content="${escapeAttr(description)}">`,
      `<meta property="og:url" content="${escapeAttr(`${deps.config.baseUrl.replace(/\/$/, "")}/p/${a.code}`)}">`,
      `<meta name="description" content="${escapeAttr(description)}">`,
    ].join("");
    return c.html(html.replace("<title>", `${head}<title>`));
  });
}
