import { randomUUID } from "node:crypto";
import type { Context } from "hono";
import { CommandError } from "../../platform/commands.ts";
import { readStoredFile } from "../../platform/files/store.ts";
import { errorResponse, notFound } from "../../platform/http/errors.tsx";
import { allowed, authed } from "../../platform/http/guards.ts";
import { page } from "../../platform/http/render.tsx";
import { intParam } from "../../platform/http/request.ts";
import type { Actor, App, AppEnv } from "../../platform/http/types.ts";
import { createCommitment } from "./commands/createCommitment.ts";
import { type CommitmentStepInput, type Upload, updateCommitment } from "./commands/updateCommitment.ts";
import { agenciesOf, canCancel, canCreate, canListAll, canListMine, canUpdate, canView } from "./policy.ts";
import { evidenceOf, getCommitment } from "./queries/getCommitment.ts";
import { listCommitments } from "./queries/listCommitments.ts";
import {
  activeAgencies,
  agenciesWithCommitments,
  countByState,
  dialogueHeadings,
} from "./queries/summary.ts";
import { isCommitmentState } from "./states.ts";
import { DetailPage, type FormAction, type FormState } from "./views/detailPage.tsx";
import type { ListFilters } from "./views/filters.tsx";
import { AllPage, MinePage } from "./views/listPages.tsx";
import { NewPage } from "./views/newPage.tsx";
import { groupByDialogue, PublicPage } from "./views/publicPage.tsx";

type C = Context<AppEnv>;
type Body = Record<string, string | File | (string | File)[]>;

const OK_KEYS = new Set(["progress", "done", "cancel", "created"]);
const PUBLIC_LIMIT = 1000;

const ctxOf = (c: C, actor: Actor) => {
  const deps = c.get("deps");
  return { pool: deps.pool, clock: deps.clock, actorId: actor.id, actor };
};

const statusOf = (s: number): 403 | 404 | 409 | 422 => (s === 403 || s === 404 || s === 409 ? s : 422);

/** Filters from the query string; anything unknown is ignored rather than refused. */
function filtersOf(c: C): ListFilters {
  const q = new URL(c.req.url).searchParams;
  const agencyId = intParam(q.get("agency") ?? undefined);
  const state = q.get("state") ?? "";
  return { agencyId, state: isCommitmentState(state) ? state : undefined };
}

function textValues(raw: Body): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(raw)) if (typeof v === "string" && k !== "_csrf") out[k] = v;
  return out;
}

async function uploadsOf(raw: Body, name: string): Promise<Upload[]> {
  const v = raw[name];
  const list = Array.isArray(v) ? v : v === undefined ? [] : [v];
  const out: Upload[] = [];
  // A file input left empty still sends one nameless, empty part.
  for (const f of list)
    if (typeof f !== "string" && (f.size > 0 || f.name))
      out.push({ bytes: new Uint8Array(await f.arrayBuffer()), name: f.name });
  return out;
}

async function detail(
  c: C,
  actor: Actor,
  id: number,
  state?: FormState,
  status: 200 | 403 | 404 | 409 | 422 = 200,
) {
  const cm = await getCommitment(c.get("deps").pool, id);
  if (!cm) return notFound(c);
  const ok = new URL(c.req.url).searchParams.get("ok");
  return page(
    c,
    cm.code,
    (ctx) => (
      <DetailPage
        ctx={ctx}
        c={cm}
        canUpdate={canUpdate(actor, { agencyId: cm.agencyId })}
        canCancel={canCancel(actor)}
        state={state}
        flash={ok && OK_KEYS.has(ok) ? `commitments.ok.${ok}` : null}
      />
    ),
    { status },
  );
}

/** Reads the step's form into the command's input; the state table and command validate the rest. */
async function stepInput(
  action: FormAction,
  raw: Body,
  values: Record<string, string>,
): Promise<CommitmentStepInput> {
  if (action === "cancel") return { action, reason: values.reason ?? "" };
  const evidence = await uploadsOf(raw, "evidence");
  if (action === "done") return { action, percent: 100, note: values.note ?? "", evidence };
  const text = (values.percent ?? "").trim();
  const percent = /^\d{1,3}$/.test(text) ? Number(text) : Number.NaN;
  return { action, percent, note: values.note ?? "", evidence };
}

export function commitmentRoutes(app: App): void {
  app.get("/cong-khai/cam-ket", async (c) => {
    const pool = c.get("deps").pool;
    const filters = filtersOf(c);
    const [rows, agencies, counts] = await Promise.all([
      listCommitments(pool, { ...filters, limit: PUBLIC_LIMIT, order: "created" }),
      agenciesWithCommitments(pool),
      countByState(pool),
    ]);
    const headings = await dialogueHeadings(pool, [
      ...new Set(rows.map((r) => r.dialogueId).filter((d): d is number => d !== null)),
    ]);
    return page(c, c.get("t")("commitments.public.title"), (ctx) => (
      <PublicPage
        ctx={ctx}
        groups={groupByDialogue(rows, headings)}
        total={rows.length}
        filters={filters}
        agencies={agencies}
        counts={counts}
      />
    ));
  });

  app.get(
    "/commitments/mine",
    allowed(canListMine, async (c, actor) => {
      const pool = c.get("deps").pool;
      const filters = filtersOf(c);
      const agencyIds = agenciesOf(actor);
      const [rows, counts] = await Promise.all([
        listCommitments(pool, { state: filters.state, agencyIds, order: "deadline", limit: 500 }),
        countByState(pool, { agencyIds }),
      ]);
      return page(c, c.get("t")("commitments.mine.title"), (ctx) => (
        <MinePage ctx={ctx} rows={rows} filters={filters} counts={counts} />
      ));
    }),
  );

  app.get(
    "/commitments",
    allowed(canListAll, async (c, actor) => {
      const pool = c.get("deps").pool;
      const filters = filtersOf(c);
      const [rows, agencies, counts] = await Promise.all([
        listCommitments(pool, { ...filters, order: "deadline", limit: 500 }),
        agenciesWithCommitments(pool),
        countByState(pool, { agencyId: filters.agencyId }),
      ]);
      const ok = new URL(c.req.url).searchParams.get("ok");
      return page(c, c.get("t")("commitments.all.title"), (ctx) => (
        <AllPage
          ctx={ctx}
          rows={rows}
          filters={filters}
          agencies={agencies}
          counts={counts}
          canCreate={canCreate(actor)}
          flash={ok === "created" ? "commitments.ok.created" : null}
        />
      ));
    }),
  );

  const newForm = async (
    c: C,
    values: Record<string, string>,
    errors: Record<string, string>,
    status: 200 | 422 = 200,
  ) => {
    const agencies = await activeAgencies(c.get("deps").pool);
    return page(
      c,
      c.get("t")("commitments.new.title"),
      (ctx) => (
        <NewPage
          ctx={ctx}
          agencies={agencies}
          values={values}
          errors={errors}
          idempotencyKey={randomUUID()}
        />
      ),
      { status },
    );
  };

  app.get(
    "/commitments/new",
    allowed(canCreate, (c) => newForm(c, {}, {})),
  );

  app.post(
    "/commitments",
    allowed(canCreate, async (c, actor) => {
      const values = textValues(await c.req.parseBody({ all: true }));
      const errors: Record<string, string> = {};
      const agencyId = intParam(values.agencyId);
      if (!agencyId) errors.agencyId = "commitments.error.agency";
      const daysText = (values.deadlineWorkingDays ?? "").trim();
      const days = /^\d{1,4}$/.test(daysText) ? Number(daysText) : Number.NaN;
      const codes = (values.petitionCodes ?? "")
        .split(/[\s,;]+/)
        .map((s) => s.trim().toUpperCase())
        .filter(Boolean)
        .slice(0, 50);
      let petitionIds: number[] = [];
      if (codes.length > 0) {
        const { rows } = await c
          .get("deps")
          .pool.query<{ id: string }>("SELECT id FROM petitions WHERE code = ANY($1::text[])", [codes]);
        if (rows.length !== new Set(codes).size) errors.petitionCodes = "commitments.error.petitions";
        petitionIds = rows.map((r) => Number(r.id));
      }
      if (Object.keys(errors).length > 0) return newForm(c, values, errors, 422);
      try {
        const made = await createCommitment(ctxOf(c, actor), {
          text: values.text ?? "",
          agencyId: agencyId as number,
          deadlineWorkingDays: days,
          petitionIds,
          idempotencyKey: values.idempotencyKey ?? null,
        });
        return c.redirect(`/commitments/${made.id}?ok=created`, 303);
      } catch (err) {
        if (!(err instanceof CommandError)) throw err;
        const field = err.field === "petitionIds" ? "petitionCodes" : (err.field ?? "_form");
        return newForm(c, values, { [field]: err.messageKey }, 422);
      }
    }),
  );

  app.get(
    "/commitments/:id{[0-9]+}",
    allowed(canView, async (c, actor) => {
      const id = intParam(c.req.param("id"));
      return id ? detail(c, actor, id) : notFound(c);
    }),
  );

  app.post(
    "/commitments/:id{[0-9]+}/:action{progress|done|cancel}",
    authed(async (c, actor) => {
      const id = intParam(c.req.param("id"));
      const action = c.req.param("action") as FormAction;
      if (!id) return notFound(c);
      const raw = await c.req.parseBody({ all: true });
      const values = textValues(raw);
      const version = intParam(values.version);
      try {
        await updateCommitment(ctxOf(c, actor), id, await stepInput(action, raw, values), version);
        return c.redirect(`/commitments/${id}?ok=${action}`, 303);
      } catch (err) {
        if (!(err instanceof CommandError)) throw err;
        if (err.status === 404) return notFound(c);
        if (err.status === 403) return errorResponse(c, 403);
        const errors = { [err.field ?? "_form"]: err.messageKey };
        return detail(c, actor, id, { action, values, errors }, statusOf(err.status));
      }
    }),
  );

  app.get(
    "/commitments/:id{[0-9]+}/evidence/:key{[0-9a-f]{64}}",
    allowed(canView, async (c) => {
      const id = intParam(c.req.param("id"));
      const key = c.req.param("key") ?? "";
      const pool = c.get("deps").pool;
      const meta = id ? await evidenceOf(pool, id, key) : undefined;
      const file = meta ? await readStoredFile(pool, key) : null;
      if (!meta || !file) return notFound(c);
      const name = encodeURIComponent(meta.name || `evidence-${key.slice(0, 8)}`).replace(
        /['()*!]/g,
        (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`,
      );
      const inline = /^image\/(jpeg|png|webp)$|^application\/pdf$/.test(file.mime);
      return c.body(new Uint8Array(file.bytes), 200, {
        "Content-Type": file.mime,
        "Content-Length": String(file.bytes.length),
        "Content-Disposition": `${inline ? "inline" : "attachment"}; filename*=UTF-8''${name}`,
        "X-Content-Type-Options": "nosniff",
        "Cache-Control": "private, max-age=3600",
      });
    }),
  );
}
