import type { Context } from "hono";
import { hasRole } from "../../platform/authz.ts";
import { CommandError } from "../../platform/commands.ts";
import { readStoredFile } from "../../platform/files/store.ts";
import { errorResponse, notFound } from "../../platform/http/errors.tsx";
import { parseForm } from "../../platform/http/forms.ts";
import { allowed, authed } from "../../platform/http/guards.ts";
import { page } from "../../platform/http/render.tsx";
import { intParam } from "../../platform/http/request.ts";
import type { Actor, App, AppEnv } from "../../platform/http/types.ts";
import { normalizeForSearch } from "../../platform/text/normalize.ts";
import { filesOf, readUploads, textValues } from "../petitions/pageForms.ts";
import { chaseVillages, sendReminders } from "./commands/reminders.ts";
import { acknowledge, opinionToPetition, recordResponse, reportDissemination } from "./commands/report.ts";
import {
  createDirective,
  type DirectiveInput,
  MAX_ATTACHMENTS,
  updateDirective,
} from "./commands/saveDirective.ts";
import {
  approveDirective,
  correctDirective,
  publishDirective,
  revokeDirective,
} from "./commands/transitions.ts";
import { coverageXlsx } from "./export.ts";
import {
  DIRECTIVE_FIELDS,
  directiveSchema,
  disseminationSchema,
  responseSchema,
  revokeSchema,
  targetIds,
  targetRoles,
} from "./forms.ts";
import {
  canApprove,
  canChase,
  canCorrect,
  canDraft,
  canEdit,
  canList,
  canPublish,
  canReport,
  canRevoke,
  canSeeCoverage,
  canView,
  coverageScope,
} from "./policy.ts";
import {
  coverageBelow,
  overdueVillages,
  searchOpinions,
  type UnitRef,
  unitRef,
  villagesOfCommune,
} from "./queries/coverage.ts";
import { getDelivery, opinionsOf } from "./queries/delivery.ts";
import {
  attachmentsOf,
  type DirectiveRow,
  getDirective,
  subjectOf,
  versionsOf,
} from "./queries/getDirective.ts";
import { listDirectives, villageInbox } from "./queries/lists.ts";
import { dueEnd } from "./rules.ts";
import { moduleClock, setTestNow, testClockEnabled } from "./testClock.ts";
import { CoveragePage } from "./views/coveragePage.tsx";
import { DetailPage } from "./views/detailPage.tsx";
import { DirectiveForm, type FormMode, type UnitChoice } from "./views/formPage.tsx";
import { InboxPage, ListPage } from "./views/listPage.tsx";
import { showDay } from "./views/parts.tsx";
import { ResponsesPage } from "./views/responsesPage.tsx";
import { type VillageForms, VillagePage } from "./views/villagePage.tsx";

type C = Context<AppEnv>;
type Status = 200 | 403 | 404 | 409 | 422;

const clockOf = (c: C) => moduleClock(c.get("deps").clock);
const ctxOf = (c: C, actor: Actor) => ({
  pool: c.get("deps").pool,
  clock: clockOf(c),
  actorId: actor.id,
  actor,
});
const statusOf = (s: number): Status => (s === 403 || s === 404 || s === 409 ? s : 422);
const pageNo = (c: C) => Math.min(10_000, intParam(c.req.query("page")) ?? 1) || 1;
const ID = "{[0-9]{1,15}}";

/** A flash key from ?done=, only if it is one of ours. */
function doneFlash(c: C): string | null {
  const done = c.req.query("done");
  if (!done || !/^[a-zA-Z]{1,30}$/.test(done)) return null;
  const key = `directives.done.${done}`;
  return c.get("t")(key) === key ? null : key;
}

async function loadVisible(c: C, actor: Actor, id: number | undefined): Promise<DirectiveRow | null> {
  if (id === undefined) return null;
  const d = await getDirective(c.get("deps").pool, id);
  return d && canView(actor, subjectOf(d)) ? d : null;
}

// ---------------------------------------------------------------------------------------------------------
// Drafting

async function unitChoices(c: C): Promise<{ province: UnitChoice | null; communes: UnitChoice[] }> {
  const { rows } = await c.get("deps").pool.query<UnitChoice>(
    `SELECT id, name, level FROM units
      WHERE valid_to IS NULL AND retired_at IS NULL
        AND ((level = 'province' AND code = $1) OR (level = 'commune' AND parent_id = (SELECT id FROM units WHERE level = 'province' AND code = $1 AND valid_to IS NULL)))
      ORDER BY level DESC, name`,
    [c.get("deps").config.provinceCode],
  );
  const list = rows.map((r) => ({ ...r, id: Number(r.id) }));
  return {
    province: list.find((r) => r.level === "province") ?? null,
    communes: list.filter((r) => r.level === "commune"),
  };
}

async function formPage(
  c: C,
  mode: FormMode,
  values: Record<string, string>,
  errors: Record<string, string>,
  chosen: number[],
  roles: string[],
  status: Status = 200,
) {
  const units = await unitChoices(c);
  return page(
    c,
    c.get("t")(`directives.form.${mode.kind}`),
    (ctx) => (
      <DirectiveForm
        ctx={ctx}
        mode={mode}
        values={values}
        errors={errors}
        province={units.province}
        communes={units.communes}
        chosen={chosen}
        roles={roles}
      />
    ),
    { status },
  );
}

function valuesOf(d: DirectiveRow): Record<string, string> {
  return {
    docNumber: d.doc_number,
    docDate: showDay(d.doc_date),
    issuer: d.issuer,
    title: d.title,
    summary: d.summary,
    body: d.body,
    category: d.category,
    ackDue: showDay(d.ack_due),
    disseminateDue: showDay(d.disseminate_due),
    opinionsUntil: d.opinions_until ? showDay(d.opinions_until) : "",
    note: "",
  };
}

async function submitForm(c: C, actor: Actor, mode: FormMode) {
  const raw = await c.req.parseBody({ all: true });
  const typed = textValues(raw);
  const values: Record<string, string> = Object.fromEntries(DIRECTIVE_FIELDS.map((k) => [k, typed[k] ?? ""]));
  const chosen = targetIds(raw.targets);
  const roles = targetRoles(raw.targetRoles);
  const form = parseForm(directiveSchema, values);
  const errors: Record<string, string> = form.ok ? {} : { ...form.errors };
  if (chosen.length === 0 && mode.kind !== "correct") errors.targets = "directives.error.noTargets";
  const uploads = await readUploads(
    filesOf(raw, "attachments"),
    ["document", "photo"],
    MAX_ATTACHMENTS,
    "directives.error.tooManyFiles",
  );
  if (!uploads.ok) errors.attachments = uploads.error;
  if (!form.ok || !uploads.ok || Object.keys(errors).length > 0)
    return formPage(c, mode, values, errors, chosen, roles, 422);
  const input: DirectiveInput = {
    ...form.data,
    targetUnitIds: chosen,
    targetRoles: roles,
    attachments: uploads.uploads,
  };
  try {
    if (mode.kind === "new") {
      const r = await createDirective(ctxOf(c, actor), input);
      return c.redirect(`/directives/${r.id}?done=created`, 303);
    }
    if (mode.kind === "edit") {
      await updateDirective(ctxOf(c, actor), mode.id, input);
      return c.redirect(`/directives/${mode.id}?done=saved`, 303);
    }
    await correctDirective(ctxOf(c, actor), mode.id, input, form.data.note);
    return c.redirect(`/directives/${mode.id}?done=corrected`, 303);
  } catch (err) {
    if (!(err instanceof CommandError)) throw err;
    if (err.status === 403 || err.status === 404) return errorResponse(c, err.status);
    const field =
      err.field && (err.field in values || err.field === "targets" || err.field === "attachments")
        ? err.field
        : "_form";
    return formPage(c, mode, values, { [field]: err.messageKey }, chosen, roles, statusOf(err.status));
  }
}

// ---------------------------------------------------------------------------------------------------------
// The detail page and its steps

async function detail(
  c: C,
  actor: Actor,
  d: DirectiveRow,
  errors: Record<string, string> = {},
  values: Record<string, string> = {},
  status: Status = 200,
) {
  const pool = c.get("deps").pool;
  const s = subjectOf(d);
  const actions = {
    edit: canEdit(actor, s),
    approve: canApprove(actor) && d.state === "draft",
    publish: canPublish(actor) && d.state === "approved",
    correct: canCorrect(actor) && d.state === "published",
    revoke: canRevoke(actor) && d.state === "published",
    coverage: (d.state === "published" || d.state === "revoked") && canList(actor),
  };
  const [files, versions] = await Promise.all([attachmentsOf(pool, d.id), versionsOf(pool, d.id)]);
  return page(
    c,
    d.title,
    (ctx) => (
      <DetailPage
        ctx={ctx}
        d={d}
        files={files}
        versions={versions}
        actions={actions}
        flash={doneFlash(c)}
        errors={errors}
        values={values}
      />
    ),
    { status },
  );
}

function step(run: (c: C, actor: Actor, id: number) => Promise<unknown>, done: string) {
  return authed(async (c, actor) => {
    const id = intParam(c.req.param("id"));
    const d = await loadVisible(c, actor, id);
    if (!d) return notFound(c);
    try {
      await run(c, actor, d.id);
      return c.redirect(`/directives/${d.id}?done=${done}`, 303);
    } catch (err) {
      if (!(err instanceof CommandError)) throw err;
      if (err.status === 403 || err.status === 404) return errorResponse(c, err.status);
      const fresh = (await getDirective(c.get("deps").pool, d.id)) ?? d;
      return detail(c, actor, fresh, { _form: err.messageKey }, {}, statusOf(err.status));
    }
  });
}

// ---------------------------------------------------------------------------------------------------------
// The village head's page

async function villagePage(
  c: C,
  actor: Actor,
  forms: VillageForms = { form: null, values: {}, errors: {} },
  status: Status = 200,
) {
  const pool = c.get("deps").pool;
  const d = await loadVisible(c, actor, intParam(c.req.param("id")));
  const villageId = intParam(c.req.param("village"));
  if (!d || villageId === undefined) return notFound(c);
  const dd = await getDelivery(pool, d.id, villageId);
  if (!dd) return notFound(c);
  const s = subjectOf(d);
  const mayReport = canReport(actor, s, dd.village_path);
  // the head of this village, the commune officer over it, and the office may look; nobody else
  if (
    !mayReport &&
    !canSeeCoverage(actor, dd.village_path) &&
    !(d.state === "revoked" && canReport(actor, { ...s, state: "published" }, dd.village_path))
  )
    return notFound(c);
  const [files, opinions] = await Promise.all([attachmentsOf(pool, d.id), opinionsOf(pool, dd.id)]);
  const now = clockOf(c).now();
  const opinionsOpen = d.opinions_until !== null && now < dueEnd(d.opinions_until);
  return page(
    c,
    d.title,
    (ctx) => (
      <VillagePage
        ctx={ctx}
        d={d}
        dd={dd}
        files={files}
        opinions={opinions}
        canReport={mayReport}
        opinionsOpen={opinionsOpen}
        flash={doneFlash(c)}
        forms={forms}
      />
    ),
    { status },
  );
}

function villageStep(
  form: VillageForms["form"],
  run: (
    c: C,
    actor: Actor,
    id: number,
    villageId: number,
    raw: Record<string, string | File | (string | File)[]>,
  ) => Promise<{ errors?: Record<string, string>; values?: Record<string, string>; redirect?: string }>,
  done: string,
) {
  return authed(async (c, actor) => {
    const id = intParam(c.req.param("id"));
    const villageId = intParam(c.req.param("village"));
    if (id === undefined || villageId === undefined) return notFound(c);
    const raw = await c.req.parseBody({ all: true });
    try {
      const out = await run(c, actor, id, villageId, raw);
      if (out.errors && Object.keys(out.errors).length > 0)
        return villagePage(c, actor, { form, values: out.values ?? {}, errors: out.errors }, 422);
      return c.redirect(out.redirect ?? `/directives/${id}/village/${villageId}?done=${done}`, 303);
    } catch (err) {
      if (!(err instanceof CommandError)) throw err;
      if (err.status === 403 || err.status === 404) return errorResponse(c, err.status);
      return villagePage(
        c,
        actor,
        { form, values: textValues(raw), errors: { [err.field ?? "_form"]: err.messageKey } },
        statusOf(err.status),
      );
    }
  });
}

// ---------------------------------------------------------------------------------------------------------
// Coverage

async function trailOf(c: C, u: UnitRef): Promise<UnitRef[]> {
  const ids = u.path.split("/").filter(Boolean).map(Number);
  const { rows } = await c
    .get("deps")
    .pool.query<UnitRef>(
      "SELECT id, name, path, level, parent_id FROM units WHERE id = ANY($1::bigint[]) AND level IN ('province', 'commune') ORDER BY length(path)",
      [ids],
    );
  return rows.map((r) => ({ ...r, id: Number(r.id) }));
}

/** Which unit the page is about: ?unit=, or a commune officer's own commune, or the only province reached. */
type Where = { under: UnitRef | null; top?: Awaited<ReturnType<typeof coverageBelow>> };

async function coverageUnit(c: C, actor: Actor, d: DirectiveRow): Promise<Where | null> {
  const pool = c.get("deps").pool;
  const scope = coverageScope(actor);
  const asked = intParam(c.req.query("unit"));
  if (asked !== undefined) {
    const u = await unitRef(pool, asked);
    if (!u || (u.level !== "province" && u.level !== "commune")) return null;
    if (!canSeeCoverage(actor, u.path)) return null;
    return { under: u };
  }
  if (scope !== null) {
    if (scope.length === 0) return null;
    const { rows } = await pool.query<{ id: number }>(
      "SELECT id FROM units WHERE path = ANY($1::text[]) AND level IN ('province', 'commune') ORDER BY path LIMIT 2",
      [scope],
    );
    if (rows.length === 1 && rows[0]) return { under: (await unitRef(pool, Number(rows[0].id))) ?? null };
    return { under: null };
  }
  const top = await coverageBelow(pool, d.id, null, null);
  if (top.rows.length === 1 && top.rows[0])
    return { under: (await unitRef(pool, top.rows[0].unit_id)) ?? null };
  // the country-wide figures are already computed: the page reuses them
  return { under: null, top };
}

/**
 * The figures of the page's unit and the rows one level below it. A commune's total is its own row among its
 * province's (so no rows are listed: its villages are shown instead); the top figures already computed are reused.
 */
async function figuresOf(
  c: C,
  d: DirectiveRow,
  where: Where,
  scope: string[] | null,
): Promise<Awaited<ReturnType<typeof coverageBelow>>> {
  const pool = c.get("deps").pool;
  const { under } = where;
  if (under?.level === "commune") {
    const parent = under.parent_id !== null ? ((await unitRef(pool, under.parent_id)) ?? null) : null;
    const { total } = await coverageBelow(pool, d.id, parent, [under.path]);
    return { total, rows: [] };
  }
  return where.top ?? coverageBelow(pool, d.id, under, scope);
}

async function coverage(c: C, actor: Actor) {
  const pool = c.get("deps").pool;
  const d = await loadVisible(c, actor, intParam(c.req.param("id")));
  if (!d || d.state === "draft" || d.state === "approved" || !canList(actor)) return notFound(c);
  const where = await coverageUnit(c, actor, d);
  if (!where) return errorResponse(c, 403);
  const { under } = where;
  const scope = coverageScope(actor);
  const now = clockOf(c).now();
  const { total, rows } = await figuresOf(c, d, where, scope);
  const villages = under?.level === "commune" ? await villagesOfCommune(pool, d.id, under.id, now) : null;
  // before the first deadline nobody can be late: skip the scan of unfinished deliveries
  const overdue =
    villages || now < dueEnd(d.ack_due)
      ? { rows: [], more: false }
      : await overdueVillages(pool, d.id, now, under, scope);
  const trail = under ? (await trailOf(c, under)).filter((u) => u.id !== under.id) : [];
  return page(
    c,
    c.get("t")("directives.cov.title"),
    (ctx) => (
      <CoveragePage
        ctx={ctx}
        d={d}
        under={under}
        trail={trail}
        total={total}
        rows={rows}
        villages={villages}
        overdue={overdue}
        canChase={under?.level === "commune" && d.state === "published" && canChase(actor, under.path)}
        flash={doneFlash(c)}
      />
    ),
    { wide: true },
  );
}

async function responses(c: C, actor: Actor) {
  const pool = c.get("deps").pool;
  const d = await loadVisible(c, actor, intParam(c.req.param("id")));
  if (!d || d.state === "draft" || d.state === "approved" || !canList(actor)) return notFound(c);
  const where = await coverageUnit(c, actor, d);
  if (!where) return errorResponse(c, 403);
  const { under } = where;
  const scope = under ? [under.path] : coverageScope(actor);
  const { total, rows } = await figuresOf(c, d, where, coverageScope(actor));
  const q = (c.req.query("q") ?? "").slice(0, 200);
  const p = pageNo(c);
  const hits = await searchOpinions(pool, d.id, normalizeForSearch(q), scope, p);
  return page(
    c,
    c.get("t")("directives.resp.title"),
    (ctx) => (
      <ResponsesPage
        ctx={ctx}
        d={d}
        under={under}
        total={total}
        rows={rows}
        q={q}
        hits={hits.rows}
        page={p}
        hasNext={hits.hasNext}
      />
    ),
    { wide: true },
  );
}

// ---------------------------------------------------------------------------------------------------------

export function directiveRoutes(app: App) {
  app.get(
    "/directives",
    authed((c, actor) => {
      if (!canList(actor))
        return hasRole(actor, "village_head") ? c.redirect("/directives/inbox", 303) : errorResponse(c, 403);
      return (async () => {
        const p = pageNo(c);
        const list = await listDirectives(c.get("deps").pool, actor, p);
        return page(c, c.get("t")("directives.list.title"), (ctx) => (
          <ListPage ctx={ctx} items={list.items} page={p} hasNext={list.hasNext} canDraft={canDraft(actor)} />
        ));
      })();
    }),
  );

  app.get(
    "/directives/inbox",
    allowed(
      (a) => hasRole(a, "village_head"),
      async (c, actor) => {
        const p = pageNo(c);
        const list = await villageInbox(c.get("deps").pool, actor, clockOf(c).now(), p);
        return page(c, c.get("t")("directives.inbox.title"), (ctx) => (
          <InboxPage ctx={ctx} items={list.items} page={p} hasNext={list.hasNext} />
        ));
      },
    ),
  );

  app.get(
    "/directives/new",
    allowed(canDraft, (c) => formPage(c, { kind: "new" }, { category: "" }, {}, [], ["village_head"])),
  );
  app.post(
    "/directives",
    allowed(canDraft, (c, actor) => submitForm(c, actor, { kind: "new" })),
  );

  app.get(
    `/directives/:id${ID}`,
    authed(async (c, actor) => {
      const d = await loadVisible(c, actor, intParam(c.req.param("id")));
      if (!d) return notFound(c);
      if (!canList(actor)) {
        // a village head reads it on their village's page
        const { rows } = await c
          .get("deps")
          .pool.query<{ village_id: number }>(
            "SELECT village_id FROM directive_deliveries WHERE directive_id = $1 AND village_id = ANY($2::bigint[]) LIMIT 1",
            [d.id, actor.grants.filter((g) => g.role === "village_head").map((g) => g.unitId ?? 0)],
          );
        return rows[0] ? c.redirect(`/directives/${d.id}/village/${rows[0].village_id}`, 303) : notFound(c);
      }
      return detail(c, actor, d);
    }),
  );

  for (const kind of ["edit", "correct"] as const) {
    app.get(
      `/directives/:id${ID}/${kind}`,
      authed(async (c, actor) => {
        const d = await loadVisible(c, actor, intParam(c.req.param("id")));
        if (!d) return notFound(c);
        const ok =
          kind === "edit" ? canEdit(actor, subjectOf(d)) : canCorrect(actor) && d.state === "published";
        if (!ok) return errorResponse(c, 403);
        return formPage(
          c,
          { kind, id: d.id },
          valuesOf(d),
          {},
          kind === "edit" ? d.targets.map((t) => t.unitId) : [],
          d.target_roles,
        );
      }),
    );
    app.post(
      `/directives/:id${ID}/${kind}`,
      authed(async (c, actor) => {
        const d = await loadVisible(c, actor, intParam(c.req.param("id")));
        if (!d) return notFound(c);
        return submitForm(c, actor, { kind, id: d.id });
      }),
    );
  }

  app.post(
    `/directives/:id${ID}/approve`,
    step((c, actor, id) => approveDirective(ctxOf(c, actor), id), "approved"),
  );
  app.post(
    `/directives/:id${ID}/publish`,
    step((c, actor, id) => publishDirective(ctxOf(c, actor), id), "published"),
  );
  app.post(
    `/directives/:id${ID}/revoke`,
    authed(async (c, actor) => {
      const d = await loadVisible(c, actor, intParam(c.req.param("id")));
      if (!d) return notFound(c);
      const values = textValues(await c.req.parseBody());
      const form = parseForm(revokeSchema, values);
      if (!form.ok) return detail(c, actor, d, form.errors, values, 422);
      try {
        await revokeDirective(ctxOf(c, actor), d.id, form.data.reason);
      } catch (err) {
        if (!(err instanceof CommandError)) throw err;
        if (err.status === 403 || err.status === 404) return errorResponse(c, err.status);
        return detail(c, actor, d, { reason: err.messageKey }, values, statusOf(err.status));
      }
      return c.redirect(`/directives/${d.id}?done=revoked`, 303);
    }),
  );

  app.get(
    `/directives/:id${ID}/files/:file${ID}`,
    authed(async (c, actor) => {
      const pool = c.get("deps").pool;
      const d = await loadVisible(c, actor, intParam(c.req.param("id")));
      if (!d) return notFound(c);
      const f = (await attachmentsOf(pool, d.id)).find((x) => x.id === Number(c.req.param("file")));
      const stored = f ? await readStoredFile(pool, f.storage_key) : null;
      if (!f || !stored) return notFound(c);
      return new Response(new Uint8Array(stored.bytes), {
        headers: {
          "content-type": stored.mime,
          "content-disposition": `attachment; filename*=UTF-8''${encodeURIComponent(f.original_name)}`,
          "x-content-type-options": "nosniff",
        },
      });
    }),
  );

  // the village head's steps
  app.get(
    `/directives/:id${ID}/village/:village${ID}`,
    authed((c, actor) => villagePage(c, actor)),
  );
  app.post(
    `/directives/:id${ID}/village/:village${ID}/acknowledge`,
    villageStep(
      null,
      async (c, actor, id, villageId) => {
        await acknowledge(ctxOf(c, actor), id, villageId);
        return {};
      },
      "acknowledged",
    ),
  );
  app.post(
    `/directives/:id${ID}/village/:village${ID}/dissemination`,
    villageStep(
      "dissemination",
      async (c, actor, id, villageId, raw) => {
        const values = textValues(raw);
        const form = parseForm(disseminationSchema, values);
        const errors: Record<string, string> = form.ok ? {} : { ...form.errors };
        const files = await readUploads(
          filesOf(raw, "evidence"),
          ["photo", "document"],
          1,
          "directives.error.oneFile",
        );
        if (!files.ok) errors.evidence = files.error;
        if (!form.ok || !files.ok) return { errors, values };
        await reportDissemination(ctxOf(c, actor), id, villageId, {
          ...form.data,
          evidence: files.uploads[0] ?? null,
        });
        return {};
      },
      "disseminated",
    ),
  );
  app.post(
    `/directives/:id${ID}/village/:village${ID}/response`,
    villageStep(
      "response",
      async (c, actor, id, villageId, raw) => {
        const values = textValues(raw);
        const form = parseForm(responseSchema, values);
        if (!form.ok) return { errors: form.errors, values };
        await recordResponse(ctxOf(c, actor), id, villageId, form.data);
        return {};
      },
      "responded",
    ),
  );
  app.post(
    `/directives/:id${ID}/village/:village${ID}/opinions/:opinion${ID}/petition`,
    villageStep(
      null,
      async (c, actor, id) => {
        const d = await getDirective(c.get("deps").pool, id);
        const title = c.get("t")("directives.opinion.petitionTitle", { number: d?.doc_number ?? "" });
        const r = await opinionToPetition(ctxOf(c, actor), Number(c.req.param("opinion")), title);
        return { redirect: `/petitions/${r.petitionId}?done=submitted` };
      },
      "petitioned",
    ),
  );
  app.get(
    `/directives/:id${ID}/village/:village${ID}/evidence`,
    authed(async (c, actor) => {
      const pool = c.get("deps").pool;
      const d = await loadVisible(c, actor, intParam(c.req.param("id")));
      const dd = d ? await getDelivery(pool, d.id, Number(c.req.param("village"))) : undefined;
      if (!d || !dd?.evidence_key) return notFound(c);
      if (
        !canReport(actor, { ...subjectOf(d), state: "published" }, dd.village_path) &&
        !canSeeCoverage(actor, dd.village_path)
      )
        return notFound(c);
      const stored = await readStoredFile(pool, dd.evidence_key);
      if (!stored) return notFound(c);
      return new Response(new Uint8Array(stored.bytes), {
        headers: {
          "content-type": stored.mime,
          "content-disposition": "attachment",
          "x-content-type-options": "nosniff",
        },
      });
    }),
  );

  // coverage, responses, export, chasing
  app.get(`/directives/:id${ID}/coverage`, authed(coverage));
  app.get(`/directives/:id${ID}/responses`, authed(responses));
  app.get(
    `/directives/:id${ID}/coverage.xlsx`,
    authed(async (c, actor) => {
      const d = await loadVisible(c, actor, intParam(c.req.param("id")));
      if (!d || d.state === "draft" || d.state === "approved" || !canList(actor)) return notFound(c);
      const where = await coverageUnit(c, actor, d);
      if (!where) return errorResponse(c, 403);
      const scope = where.under ? [where.under.path] : coverageScope(actor);
      const bytes = await coverageXlsx(c.get("deps").pool, d, scope, clockOf(c).now(), c.get("t"));
      return new Response(new Uint8Array(bytes), {
        headers: {
          "content-type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
          "content-disposition": `attachment; filename="directive-${d.id}-coverage.xlsx"`,
        },
      });
    }),
  );
  app.post(
    `/directives/:id${ID}/chase`,
    authed(async (c, actor) => {
      const pool = c.get("deps").pool;
      const d = await loadVisible(c, actor, intParam(c.req.param("id")));
      const body = textValues(await c.req.parseBody());
      const u = intParam(body.unit) !== undefined ? await unitRef(pool, Number(body.unit)) : undefined;
      if (!d || !u || u.level !== "commune" || d.state !== "published") return notFound(c);
      if (!canChase(actor, u.path)) return errorResponse(c, 403);
      await chaseVillages(pool, d.id, u.id, clockOf(c).now());
      return c.redirect(`/directives/${d.id}/coverage?unit=${u.id}&done=chased`, 303);
    }),
  );

  if (testClockEnabled()) {
    // NODE_ENV=test and CAUNOI_TEST_CLOCK=1 only: move this module's clock and run the reminder sweep now.
    app.post("/directives/test-clock", async (c) => {
      const body = textValues(await c.req.parseBody());
      const at = new Date(body.now ?? "");
      if (Number.isNaN(at.getTime())) return c.json({ error: { code: "bad_request", message: "now" } }, 400);
      setTestNow(c.get("deps").clock, at);
      const sent = await sendReminders(c.get("deps").pool, clockOf(c).now());
      return c.json({ now: clockOf(c).now().toISOString(), sent });
    });
  }
}
