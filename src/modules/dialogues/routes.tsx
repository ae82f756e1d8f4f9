import { randomUUID } from "node:crypto";
import type { Context } from "hono";
import QRCode from "qrcode";
import { type CommandContext, CommandError } from "../../platform/commands.ts";
import { errorResponse, notFound } from "../../platform/http/errors.tsx";
import { allowed, authed } from "../../platform/http/guards.ts";
import { page } from "../../platform/http/render.tsx";
import { formBody, intParam } from "../../platform/http/request.ts";
import type { Actor, App, AppEnv } from "../../platform/http/types.ts";
import { createTranslator, parseDate } from "../../platform/i18n/i18n.ts";
import { createCommitment } from "../commitments/commands/createCommitment.ts";
import { listCommitments } from "../commitments/queries/listCommitments.ts";
import { provinceOf } from "../reports/central/queries/centralReport.ts";
import { draftArticleFrom } from "./article.ts";
import { checkIn } from "./commands/checkIn.ts";
import { type AgendaItem, createDialogue } from "./commands/createDialogue.ts";
import { carryOverUnreached } from "./commands/followUps.ts";
import { addFloorQuestion, askQuestion, prepareQuestion, supportQuestion } from "./commands/questions.ts";
import { moveQueue, recordAnswer } from "./commands/queue.ts";
import { transitionDialogue } from "./commands/transition.ts";
import type { LiveChange } from "./live/bus.ts";
import { liveFor } from "./live/registry.ts";
import { liveStream } from "./live/sse.ts";
import { buildMinutesDocx } from "./minutes.ts";
import {
  canAsk,
  canCheckIn,
  canCreateDialogue,
  canDownloadMinutes,
  canDraftArticle,
  canRunQueue,
  canSeeQueue,
  canSupport,
  canTransition,
  canViewDialogue,
  type DialogueSubject,
  isPublic,
  seesAllDialogues,
} from "./policy.ts";
import { invitationByToken, searchInvitees } from "./queries/checkInSearch.ts";
import {
  type Dialogue,
  getDialogue,
  type Invitation,
  invitationOf,
  listDialogues,
  subjectFor,
  subjectOf,
} from "./queries/getDialogue.ts";
import { loadLiveState } from "./queries/liveState.ts";
import { attendanceByRole, invitedVillages, newDialogueOptions } from "./queries/options.ts";
import { listQuestions, questionOf, raisablePetitions } from "./queries/questions.ts";
import { availableActions, isDialogueAction, type QueueMove } from "./states.ts";
import { CheckInPage, ScannedPage } from "./views/checkInPage.tsx";
import { type ConsoleForms, ConsolePage } from "./views/consolePage.tsx";
import { type AskForm, DialogueDetailPage } from "./views/detailPage.tsx";
import { DialogueListPage } from "./views/listPage.tsx";
import { LivePhonePage, PresenterPage } from "./views/livePages.tsx";
import { type NewDialogueForm, NewDialoguePage } from "./views/newPage.tsx";
import { PublicDialoguePage } from "./views/publicPage.tsx";

const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
const TIME = /^([01]?\d|2[0-3])[:hH.]([0-5]\d)$/;

const cmd = (c: Context<AppEnv>, actor: Actor | null): CommandContext => ({
  pool: c.get("deps").pool,
  clock: c.get("deps").clock,
  actorId: actor?.id ?? null,
});

/** After a committed change: tell this node's screens (no-op on PostgreSQL, where the NOTIFY does it). */
const changed = (c: Context<AppEnv>, id: number, change: LiveChange = "full") =>
  liveFor(c.get("deps")).bus.changed(id, change);

type Loaded = { d: Dialogue; s: DialogueSubject; invitation: Invitation | null };

async function load(c: Context<AppEnv>, actor: Actor | null): Promise<Loaded | Response> {
  const id = intParam(c.req.param("id"));
  if (id === undefined) return notFound(c);
  const pool = c.get("deps").pool;
  const d = await getDialogue(pool, id);
  if (!d) return notFound(c);
  const invitation = actor ? await invitationOf(pool, d.id, actor.id) : null;
  const s = subjectOf(d, invitation !== null);
  if (!canViewDialogue(actor, s)) return errorResponse(c, 403);
  return { d, s, invitation };
}

/** A CommandError as the right 4xx page; anything else is a real fault. */
function refused(c: Context<AppEnv>, err: unknown): Response | Promise<Response> {
  if (err instanceof CommandError)
    return errorResponse(c, err.status === 400 ? 422 : err.status, err.messageKey);
  throw err;
}

async function multi(c: Context<AppEnv>): Promise<Record<string, string[]>> {
  const body = await c.req.parseBody({ all: true });
  const out: Record<string, string[]> = {};
  for (const [k, v] of Object.entries(body)) {
    const list = Array.isArray(v) ? v : [v];
    out[k] = list.filter((x): x is string => typeof x === "string");
  }
  return out;
}

const ids = (list: string[] | undefined) =>
  [...new Set((list ?? []).map((v) => intParam(v)).filter((v): v is number => v !== undefined))].slice(
    0,
    500,
  );

/** "08:00 Khai mạc" per line. */
function parseAgenda(text: string): AgendaItem[] | null {
  const items: AgendaItem[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line) continue;
    const m = /^(\d{1,2}[:hH.]\d{2})\s*[-–:]?\s*(.+)$/.exec(line);
    const time = m?.[1] ? TIME.exec(m[1]) : null;
    if (!m?.[2] || !time) return null;
    items.push({ startsAt: `${time[1]?.padStart(2, "0")}:${time[2]}`, title: m[2].slice(0, 300) });
  }
  return items.length > 60 ? null : items;
}

async function newPage(c: Context<AppEnv>, form: NewDialogueForm, status: 200 | 422 = 200) {
  const deps = c.get("deps");
  const options = await newDialogueOptions(deps.pool, deps.config.provinceCode);
  return page(
    c,
    c.get("t")("dialogues.new.title"),
    (ctx) => <NewDialoguePage ctx={ctx} options={options} form={form} />,
    {
      status,
      wide: true,
    },
  );
}

async function detailPage(
  c: Context<AppEnv>,
  actor: Actor,
  { d, s, invitation }: Loaded,
  ask: AskForm = { values: { idempotencyKey: randomUUID() }, errors: {} },
  status: 200 | 409 | 422 = 200,
) {
  const pool = c.get("deps").pool;
  const [questions, petitions, commitments] = await Promise.all([
    listQuestions(pool, d.id, actor.id),
    invitation?.unit_id && canAsk(actor, s)
      ? raisablePetitions(pool, invitation.unit_id)
      : Promise.resolve([]),
    listCommitments(pool, { dialogueId: d.id, limit: 200 }),
  ]);
  const can = {
    transitions: availableActions(d.state).filter((a) => canTransition(actor, s, a)),
    ask: canAsk(actor, s),
    support: canSupport(actor, s),
    seeQueue: canSeeQueue(actor, s),
    runQueue: canRunQueue(actor, s),
    checkIn: canCheckIn(actor, s),
    minutes: canDownloadMinutes(actor, s),
    draftArticle: canDraftArticle(actor, s),
  };
  const done = c.req.query("done");
  return page(
    c,
    d.title,
    (ctx) => (
      <DialogueDetailPage
        ctx={ctx}
        d={d}
        can={can}
        invitation={invitation}
        questions={questions}
        petitions={petitions}
        agencies={d.agencies}
        commitments={commitments}
        ask={ask}
        done={done && /^[a-zA-Z]{1,30}$/.test(done) ? `dialogues.done.${done}` : null}
      />
    ),
    { status, wide: true },
  );
}

/** The dialogue, for those who may run its queue (chairs, moderators, the coordinator); otherwise the refusal. */
async function loadForQueue(c: Context<AppEnv>, actor: Actor): Promise<Loaded | Response> {
  const l = await load(c, actor);
  if (l instanceof Response) return l;
  return canRunQueue(actor, l.s) ? l : await errorResponse(c, 403);
}

/**
 * Runs one console form's command. A refusal naming a field shows the console again with the message beside
 * that field and what was typed; `live`: the change moves the live screens.
 */
async function consoleForm(
  c: Context<AppEnv>,
  l: Loaded,
  forms: ConsoleForms,
  form: keyof ConsoleForms,
  done: string,
  live: boolean,
  run: () => Promise<unknown>,
): Promise<Response> {
  try {
    await run();
  } catch (err) {
    if (err instanceof CommandError && err.field) {
      forms[form].errors = { [err.field]: err.messageKey };
      return consolePage(c, l, forms, 422);
    }
    return refused(c, err);
  }
  if (live) changed(c, l.d.id);
  return c.redirect(`/dialogues/${l.d.id}/console?done=${done}`, 303);
}

const emptyConsole = (): ConsoleForms => ({
  answer: { values: {}, errors: {} },
  commitment: { values: { idempotencyKey: randomUUID() }, errors: {} },
  floor: { values: {}, errors: {} },
});

async function consolePage(
  c: Context<AppEnv>,
  { d }: Loaded,
  forms = emptyConsole(),
  status: 200 | 422 = 200,
) {
  const pool = c.get("deps").pool;
  const [questions, villages, commitments] = await Promise.all([
    listQuestions(pool, d.id),
    invitedVillages(pool, d.id),
    listCommitments(pool, { dialogueId: d.id, limit: 500 }),
  ]);
  const done = c.req.query("done");
  return page(
    c,
    c.get("t")("dialogues.console.title"),
    (ctx) => (
      <ConsolePage
        ctx={ctx}
        d={d}
        questions={questions}
        agencies={d.agencies}
        villages={villages}
        forms={forms}
        commitmentsMade={commitments.length}
        done={done && /^[a-zA-Z]{1,30}$/.test(done) ? `dialogues.done.${done}` : null}
      />
    ),
    { status, wide: true },
  );
}

export function dialoguesRoutes(app: App): void {
  app.get(
    "/dialogues",
    authed(async (c, actor) => {
      const pool = c.get("deps").pool;
      const rows = seesAllDialogues(actor)
        ? await listDialogues(pool)
        : await listDialogues(pool, {
            forUser: actor.id,
            agencyIds: actor.grants.flatMap((g) =>
              g.role === "agency_officer" && g.agencyId ? [g.agencyId] : [],
            ),
          });
      return page(c, c.get("t")("dialogues.list.title"), (ctx) => (
        <DialogueListPage ctx={ctx} rows={rows} canCreate={canCreateDialogue(actor)} />
      ));
    }),
  );

  app.get(
    "/dialogues/new",
    allowed(canCreateDialogue, (c) =>
      newPage(c, {
        values: { idempotencyKey: randomUUID(), role: "village_head", time: "08:00" },
        lists: { chairIds: [], agencyIds: [], unitIds: [] },
        errors: {},
      }),
    ),
  );

  app.post(
    "/dialogues/new",
    allowed(canCreateDialogue, async (c, actor) => {
      const all = await multi(c);
      const one = (k: string) => (all[k]?.[0] ?? "").trim();
      const values: Record<string, string> = {};
      for (const k of ["title", "date", "time", "venue", "onlineUrl", "role", "agenda", "idempotencyKey"])
        values[k] = one(k).slice(0, 4000);
      const lists = {
        chairIds: all.chairIds ?? [],
        agencyIds: all.agencyIds ?? [],
        unitIds: all.unitIds ?? [],
      };
      const errors: Record<string, string> = {};
      if (!values.title) errors.title = "dialogues.error.title";
      else if (values.title.length > 300) errors.title = "dialogues.error.titleLong";
      const date = parseDate(values.date ?? "");
      if (!date) errors.date = "dialogues.error.date";
      const time = TIME.exec(values.time ?? "");
      if (!time) errors.time = "dialogues.error.time";
      if (!values.venue && !values.onlineUrl) errors.venue = "dialogues.error.venue";
      if (values.onlineUrl && !/^https?:\/\/[^\s]{3,}$/i.test(values.onlineUrl))
        errors.onlineUrl = "dialogues.error.onlineUrl";
      const role = values.role === "commune_officer" ? "commune_officer" : "village_head";
      const chairIds = ids(lists.chairIds);
      if (chairIds.length === 0) errors.chairIds = "dialogues.error.chairs";
      const unitIds = ids(lists.unitIds);
      if (unitIds.length === 0) errors.units = "dialogues.error.units";
      const agenda = parseAgenda(values.agenda ?? "");
      if (!agenda) errors.agenda = "dialogues.error.agenda";
      const form = { values, lists, errors };
      if (Object.keys(errors).length || !date || !time || !agenda) return newPage(c, form, 422);
      const startsAt = new Date(`${date}T${time[1]?.padStart(2, "0")}:${time[2]}:00+07:00`);
      try {
        const r = await createDialogue(cmd(c, actor), {
          title: values.title ?? "",
          startsAt,
          venue: values.venue || null,
          onlineUrl: values.onlineUrl || null,
          chairIds,
          agencyIds: ids(lists.agencyIds),
          invite: { unitIds, role },
          agenda,
          idempotencyKey: values.idempotencyKey,
        });
        return c.redirect(`/dialogues/${r.id}?done=created`, 303);
      } catch (err) {
        if (err instanceof CommandError && err.field)
          return newPage(c, { ...form, errors: { [err.field]: err.messageKey } }, 422);
        return refused(c, err);
      }
    }),
  );

  app.get(
    "/dialogues/:id{[0-9]+}",
    authed(async (c, actor) => {
      const l = await load(c, actor);
      return l instanceof Response ? l : detailPage(c, actor, l);
    }),
  );

  app.post(
    "/dialogues/:id{[0-9]+}/state/:action",
    authed(async (c, actor) => {
      const l = await load(c, actor);
      if (l instanceof Response) return l;
      const action = c.req.param("action");
      if (!isDialogueAction(action)) return notFound(c);
      if (!canTransition(actor, l.s, action)) return errorResponse(c, 403);
      try {
        await transitionDialogue(cmd(c, actor), l.d.id, action);
      } catch (err) {
        return refused(c, err);
      }
      changed(c, l.d.id);
      if (action === "close") {
        const deps = c.get("deps");
        await carryOverUnreached(deps.pool, deps.clock, l.d.id, createTranslator(deps.catalogs, "vi"));
      }
      return c.redirect(
        `/dialogues/${l.d.id}?done=${action.replace(/_(\w)/g, (_, x: string) => x.toUpperCase())}`,
        303,
      );
    }),
  );

  // ------------------------------------------------------------------------------------------- questions
  app.post(
    "/dialogues/:id{[0-9]+}/questions",
    authed(async (c, actor) => {
      const l = await load(c, actor);
      if (l instanceof Response) return l;
      if (!canAsk(actor, l.s)) return errorResponse(c, 403);
      const body = await formBody(c);
      const values = {
        text: (body.text ?? "").slice(0, 5000),
        petitionId: body.petitionId ?? "",
        idempotencyKey: body.idempotencyKey ?? "",
      };
      const petitionId = values.petitionId ? (intParam(values.petitionId) ?? -1) : null;
      const errors: Record<string, string> = {};
      if (petitionId === -1) errors.petitionId = "dialogues.error.petition";
      if (!values.text.trim() && petitionId === null) errors.text = "dialogues.error.questionText";
      if (Object.keys(errors).length) return detailPage(c, actor, l, { values, errors }, 422);
      try {
        const r = await askQuestion({ ...cmd(c, actor), actorId: actor.id }, l.d.id, {
          text: values.text,
          petitionId,
          idempotencyKey: values.idempotencyKey,
        });
        changed(c, l.d.id);
        return c.redirect(`/dialogues/${l.d.id}?done=${r.grouped ? "askedGrouped" : "asked"}#q-${r.id}`, 303);
      } catch (err) {
        if (err instanceof CommandError && err.field)
          return detailPage(c, actor, l, { values, errors: { [err.field]: err.messageKey } }, 422);
        return refused(c, err);
      }
    }),
  );

  app.post(
    "/dialogues/:id{[0-9]+}/questions/:qid{[0-9]+}/support",
    authed(async (c, actor) => {
      const l = await load(c, actor);
      if (l instanceof Response) return l;
      if (!canSupport(actor, l.s)) return errorResponse(c, 403);
      const qid = intParam(c.req.param("qid"));
      if (qid === undefined) return notFound(c);
      try {
        await supportQuestion({ ...cmd(c, actor), actorId: actor.id }, l.d.id, qid);
      } catch (err) {
        return refused(c, err);
      }
      changed(c, l.d.id);
      return c.redirect(`/dialogues/${l.d.id}?done=supported#q-${qid}`, 303);
    }),
  );

  app.post(
    "/dialogues/:id{[0-9]+}/questions/:qid{[0-9]+}/prepare",
    authed(async (c, actor) => {
      const l = await loadForQueue(c, actor);
      if (l instanceof Response) return l;
      const qid = intParam(c.req.param("qid"));
      if (qid === undefined) return notFound(c);
      const body = await formBody(c);
      const agencyId = body.agencyId ? intParam(body.agencyId) : null;
      const pos = (body.position ?? "").trim();
      const position = pos ? intParam(pos) : null;
      if (agencyId === undefined || position === undefined || (position !== null && position > 100000))
        return errorResponse(c, 422, "dialogues.error.prepare");
      try {
        await prepareQuestion(cmd(c, actor), l.d.id, qid, { agencyId, position });
      } catch (err) {
        return refused(c, err);
      }
      changed(c, l.d.id);
      return c.redirect(`/dialogues/${l.d.id}?done=prepared#q-${qid}`, 303);
    }),
  );

  // ----------------------------------------------------------------------------------------- the console
  app.get(
    "/dialogues/:id{[0-9]+}/console",
    authed(async (c, actor) => {
      const l = await loadForQueue(c, actor);
      if (l instanceof Response) return l;
      return consolePage(c, l);
    }),
  );

  app.post(
    "/dialogues/:id{[0-9]+}/queue/:move{next|skip|call}",
    authed(async (c, actor) => {
      const l = await loadForQueue(c, actor);
      if (l instanceof Response) return l;
      const kind = c.req.param("move");
      let move: QueueMove;
      if (kind === "call") {
        const qid = intParam((await formBody(c)).questionId);
        if (qid === undefined) return errorResponse(c, 422);
        move = { kind: "call", id: qid };
      } else move = { kind: kind === "skip" ? "skip" : "next" };
      try {
        await moveQueue(cmd(c, actor), l.d.id, move);
      } catch (err) {
        return refused(c, err);
      }
      changed(c, l.d.id);
      return c.redirect(`/dialogues/${l.d.id}/console`, 303);
    }),
  );

  app.post(
    "/dialogues/:id{[0-9]+}/queue/answer",
    authed(async (c, actor) => {
      const l = await loadForQueue(c, actor);
      if (l instanceof Response) return l;
      const body = await formBody(c);
      const values = {
        summary: (body.summary ?? "").slice(0, 6000),
        answeredBy: (body.answeredBy ?? "").slice(0, 300),
      };
      const forms = emptyConsole();
      forms.answer.values = values;
      const questionId = intParam(body.questionId);
      if (questionId === undefined) return errorResponse(c, 422);
      return consoleForm(c, l, forms, "answer", "answered", true, () =>
        recordAnswer(cmd(c, actor), l.d.id, { questionId, ...values }),
      );
    }),
  );

  app.post(
    "/dialogues/:id{[0-9]+}/queue/floor",
    authed(async (c, actor) => {
      const l = await loadForQueue(c, actor);
      if (l instanceof Response) return l;
      const body = await formBody(c);
      const forms = emptyConsole();
      forms.floor.values = { text: (body.text ?? "").slice(0, 5000), villageId: body.villageId ?? "" };
      const villageId = intParam(body.villageId);
      if (villageId === undefined) {
        forms.floor.errors = { villageId: "dialogues.error.village" };
        if (!(body.text ?? "").trim()) forms.floor.errors.text = "dialogues.error.questionText";
        return consolePage(c, l, forms, 422);
      }
      return consoleForm(c, l, forms, "floor", "floorAdded", true, () =>
        addFloorQuestion(cmd(c, actor), l.d.id, { text: body.text ?? "", villageId }),
      );
    }),
  );

  app.post(
    "/dialogues/:id{[0-9]+}/questions/:qid{[0-9]+}/commitment",
    authed(async (c, actor) => {
      const l = await loadForQueue(c, actor);
      if (l instanceof Response) return l;
      const qid = intParam(c.req.param("qid"));
      if (qid === undefined) return notFound(c);
      const pool = c.get("deps").pool;
      const q = await questionOf(pool, l.d.id, qid);
      if (!q) return notFound(c);
      const body = await formBody(c);
      const forms = emptyConsole();
      forms.commitment.values = {
        text: (body.text ?? "").slice(0, 5000),
        agencyId: body.agencyId ?? "",
        deadlineWorkingDays: body.deadlineWorkingDays ?? "",
        idempotencyKey: body.idempotencyKey ?? "",
      };
      const agencyId = intParam(body.agencyId);
      const days = intParam((body.deadlineWorkingDays ?? "").trim());
      const errors: Record<string, string> = {};
      if (agencyId === undefined) errors.agencyId = "dialogues.error.agency";
      if (days === undefined) errors.deadlineWorkingDays = "dialogues.error.days";
      if (!(body.text ?? "").trim()) errors.text = "dialogues.error.commitmentText";
      if (Object.keys(errors).length || agencyId === undefined || days === undefined) {
        forms.commitment.errors = errors;
        return consolePage(c, l, forms, 422);
      }
      return consoleForm(c, l, forms, "commitment", "commitment", false, () =>
        createCommitment(cmd(c, actor), {
          text: body.text ?? "",
          agencyId,
          deadlineWorkingDays: days,
          dialogueId: l.d.id,
          questionId: qid,
          petitionIds: q.petition_id ? [q.petition_id] : [],
          idempotencyKey: body.idempotencyKey || null,
        }),
      );
    }),
  );

  // ------------------------------------------------------------------------------------- live screens
  app.get(
    "/dialogues/:id{[0-9]+}/events",
    authed(async (c, actor) => {
      const l = await load(c, actor);
      return l instanceof Response ? l : liveStream(c, l.d.id);
    }),
  );

  app.get(
    "/dialogues/:id{[0-9]+}/presenter",
    authed(async (c, actor) => {
      const l = await load(c, actor);
      if (l instanceof Response) return l;
      if (!canSeeQueue(actor, l.s)) return errorResponse(c, 403);
      const s = await loadLiveState(c.get("deps").pool, l.d.id);
      if (!s) return notFound(c);
      return c.html(<PresenterPage t={c.get("t")} locale={c.get("locale")} s={s} id={l.d.id} />);
    }),
  );

  app.get(
    "/dialogues/:id{[0-9]+}/live",
    authed(async (c, actor) => {
      const l = await load(c, actor);
      if (l instanceof Response) return l;
      const s = await loadLiveState(c.get("deps").pool, l.d.id);
      if (!s) return notFound(c);
      return page(c, c.get("t")("dialogues.live.title"), (ctx) => (
        <LivePhonePage ctx={ctx} s={s} id={l.d.id} />
      ));
    }),
  );

  // ------------------------------------------------------------------------------------------ check-in
  app.get(
    "/dialogues/:id{[0-9]+}/check-in",
    authed(async (c, actor) => {
      const l = await load(c, actor);
      if (l instanceof Response) return l;
      if (!canCheckIn(actor, l.s)) return errorResponse(c, 403);
      const q = (c.req.query("q") ?? "").slice(0, 100);
      const results = q.trim() ? await searchInvitees(c.get("deps").pool, l.d.id, q) : [];
      const who = (c.req.query("who") ?? "").slice(0, 200);
      const done = who ? c.get("t")("dialogues.checkIn.done", { name: who }) : null;
      return page(c, c.get("t")("dialogues.checkIn.title"), (ctx) => (
        <CheckInPage ctx={ctx} d={l.d} q={q} results={results} done={done} />
      ));
    }),
  );

  app.post(
    "/dialogues/:id{[0-9]+}/check-in",
    authed(async (c, actor) => {
      const l = await load(c, actor);
      if (l instanceof Response) return l;
      if (!canCheckIn(actor, l.s)) return errorResponse(c, 403);
      const body = await formBody(c);
      const invitationId = intParam(body.invitationId);
      if (invitationId === undefined) return errorResponse(c, 422);
      try {
        const r = await checkIn(cmd(c, actor), l.d.id, { invitationId });
        changed(c, l.d.id, "attendance");
        const q = (body.q ?? "").slice(0, 100);
        return c.redirect(
          `/dialogues/${l.d.id}/check-in?who=${encodeURIComponent(r.fullName)}&q=${encodeURIComponent(q)}`,
          303,
        );
      } catch (err) {
        return refused(c, err);
      }
    }),
  );

  // The URL in the QR code: the desk scans it with a phone and confirms with one tap.
  app.get(
    "/dialogues/check-in/:token{[0-9a-f]{32}}",
    authed(async (c, actor) => {
      const pool = c.get("deps").pool;
      const p = await invitationByToken(pool, c.req.param("token") ?? "");
      if (!p) return notFound(c);
      const d = await getDialogue(pool, p.dialogue_id);
      if (!d || !canCheckIn(actor, await subjectFor(pool, d, actor))) return errorResponse(c, 403);
      return page(c, c.get("t")("dialogues.checkIn.scanned"), (ctx) => (
        <ScannedPage ctx={ctx} p={p} token={c.req.param("token") ?? ""} />
      ));
    }),
  );

  app.post(
    "/dialogues/check-in/:token{[0-9a-f]{32}}",
    authed(async (c, actor) => {
      const pool = c.get("deps").pool;
      const token = c.req.param("token") ?? "";
      const p = await invitationByToken(pool, token);
      if (!p) return notFound(c);
      const d = await getDialogue(pool, p.dialogue_id);
      if (!d || !canCheckIn(actor, await subjectFor(pool, d, actor))) return errorResponse(c, 403);
      try {
        const r = await checkIn(cmd(c, actor), d.id, { token });
        changed(c, d.id, "attendance");
        return c.redirect(`/dialogues/${d.id}/check-in?who=${encodeURIComponent(r.fullName)}`, 303);
      } catch (err) {
        return refused(c, err);
      }
    }),
  );

  app.get(
    "/dialogues/:id{[0-9]+}/qr.svg",
    authed(async (c, actor) => {
      const l = await load(c, actor);
      if (l instanceof Response) return l;
      const inv = l.invitation;
      if (!inv) return notFound(c);
      const svg = await QRCode.toString(`${c.get("deps").config.baseUrl}/dialogues/check-in/${inv.token}`, {
        type: "svg",
        errorCorrectionLevel: "M",
        margin: 2,
      });
      c.header("Cache-Control", "private, no-store");
      return c.body(svg, 200, { "Content-Type": "image/svg+xml; charset=utf-8" });
    }),
  );

  // ------------------------------------------------------------------------------------------- after
  app.get(
    "/dialogues/:id{[0-9]+}/minutes.docx",
    authed(async (c, actor) => {
      const l = await load(c, actor);
      if (l instanceof Response) return l;
      if (!canDownloadMinutes(actor, l.s)) return errorResponse(c, 403);
      const deps = c.get("deps");
      const [questions, commitments, roles, province] = await Promise.all([
        listQuestions(deps.pool, l.d.id),
        listCommitments(deps.pool, { dialogueId: l.d.id, limit: 1000, order: "created" }),
        attendanceByRole(deps.pool, l.d.id),
        provinceOf(deps.pool, deps.config.provinceCode),
      ]);
      const body = await buildMinutesDocx(
        { d: l.d, questions, commitments, attendanceByRole: roles },
        {
          t: createTranslator(deps.catalogs, "vi"),
          province: province ?? { name: "", fullName: "" },
          issuer: "committee",
          date: l.d.closed_at ?? deps.clock.now(),
        },
      );
      c.header("Content-Type", DOCX);
      c.header("Content-Disposition", `attachment; filename="bien-ban-${l.d.code}.docx"`);
      return c.body(new Uint8Array(body));
    }),
  );

  app.post(
    "/dialogues/:id{[0-9]+}/article",
    authed(async (c, actor) => {
      const l = await load(c, actor);
      if (l instanceof Response) return l;
      if (!canDraftArticle(actor, l.s)) return errorResponse(c, 403);
      const deps = c.get("deps");
      try {
        const r = await draftArticleFrom(cmd(c, actor), l.d, createTranslator(deps.catalogs, "vi"));
        return c.redirect(r ? `/dialogues/${l.d.id}?done=article` : `/dialogues/${l.d.id}?done=noNews`, 303);
      } catch (err) {
        return refused(c, err);
      }
    }),
  );

  app.get("/cong-khai/doi-thoai/:id{[0-9]+}", async (c) => {
    const pool = c.get("deps").pool;
    const id = intParam(c.req.param("id"));
    const d = id === undefined ? null : await getDialogue(pool, id);
    if (!d || !isPublic(d)) return notFound(c);
    const [questions, commitments] = await Promise.all([
      listQuestions(pool, d.id),
      listCommitments(pool, { dialogueId: d.id, limit: 1000, order: "created" }),
    ]);
    return page(
      c,
      d.title,
      (ctx) => <PublicDialoguePage ctx={ctx} d={d} questions={questions} commitments={commitments} />,
      { wide: true },
    );
  });
}
