import type { Context } from "hono";
import {
  addDays,
  type Calendar,
  localDateTimeToInstant,
  parseLocalDate,
  toLocalDate,
  weekday,
  workingDaysBetween,
} from "../../platform/calendar/index.ts";
import { loadCalendar } from "../../platform/calendar/store.ts";
import { CommandError } from "../../platform/commands.ts";
import { errorResponse, notFound } from "../../platform/http/errors.tsx";
import { allowed } from "../../platform/http/guards.ts";
import { page } from "../../platform/http/render.tsx";
import { formBody, intParam } from "../../platform/http/request.ts";
import type { Actor, App, AppEnv, NavItem } from "../../platform/http/types.ts";
import { findAgency } from "../agencies/queries/findAgency.ts";
import {
  createAnswerTemplate,
  deleteAnswerTemplate,
  updateAnswerTemplate,
} from "./commands/answerTemplates.ts";
import { decideExtension } from "./commands/steps.ts";
import { extendDeadline } from "./deadlines.ts";
import { canListPetitions } from "./policy.ts";
import { listAnswerTemplates } from "./queries/answerTemplates.ts";
import { listPetitions, windowedSearchText } from "./queries/listPetitions.ts";
import { overviewScope, petitionOverview } from "./queries/overview.ts";
import {
  agencyOptions,
  categoryOptions,
  countPetitions,
  exportPetitions,
  unitFilterOptions,
} from "./queries/workLists.ts";
import {
  INBOX_BUCKETS,
  type InboxBucket,
  inboxCounts,
  inboxPage,
  officerAgencies,
  pendingExtensions,
  QUEUE_STATES,
  type QueueFilters,
  queueCounts,
  queuePage,
  type WorkItem,
} from "./queries/workQueues.ts";
import { statsRefreshedAt } from "./stats.ts";
import { csvStream, xlsxStream } from "./views/work/exports.ts";
import { ExtensionsPage } from "./views/work/extensionsPage.tsx";
import { InboxPage } from "./views/work/inboxPage.tsx";
import { PetitionListPage } from "./views/work/listPage.tsx";
import { OverviewPage, type Period } from "./views/work/overviewPage.tsx";
import { parseDay, parseListParams } from "./views/work/params.ts";
import { QueuePage, type TimeLeft } from "./views/work/queuePage.tsx";
import { type TemplateFormState, TemplatesPage } from "./views/work/templatesPage.tsx";
import {
  canManageTemplates,
  canSeeExtensions,
  canSeePetitionOverview,
  canUseInbox,
  canUseQueue,
} from "./workPolicy.ts";

const PAGE_SIZE = 30;
/** An export stops here (with a note row saying so): beyond it, narrow the filters. */
export const EXPORT_CAP = 200_000;
const EXPORT_BATCH = 2_000;

const grant = (actor: Actor, role: string) => actor.grants.some((g) => g.role === role);

/** The work pages in the menu: intake for communes and coordinators, the queue for agencies, extensions, the overview. */
export function workNav(actor: Actor | null): NavItem[] {
  if (!actor) return [];
  const items: NavItem[] = [];
  // village heads have "my village's petitions" instead
  if (canListPetitions(actor) && !grant(actor, "village_head"))
    items.push({ href: "/petitions", labelKey: "petitions.nav.list", order: 15 });
  if (grant(actor, "commune_officer") || grant(actor, "coordinator"))
    items.push({ href: "/petitions/inbox", labelKey: "petitions.work.nav.inbox", order: 20 });
  if (canUseQueue(actor))
    items.push({ href: "/petitions/queue", labelKey: "petitions.work.nav.queue", order: 20 });
  if (grant(actor, "coordinator"))
    items.push({ href: "/petitions/extensions", labelKey: "petitions.work.nav.extensions", order: 22 });
  if (canSeePetitionOverview(actor))
    items.push({ href: "/petitions/overview", labelKey: "petitions.work.nav.overview", order: 12 });
  return items;
}

/** Agency officers land on their queue; commune officers on their inbox (the coordinator keeps /overview). */
export function workHome(actor: Actor): string | null {
  if (canUseQueue(actor)) return "/petitions/queue";
  if (grant(actor, "commune_officer")) return "/petitions/inbox";
  return null;
}

const nowOf = (c: Context<AppEnv>) => c.get("deps").clock.now();

/** 00:00 next Monday, local time: "due this week" runs until then. */
function endOfWeek(now: Date): Date {
  const today = toLocalDate(now);
  const wd = weekday(today); // 0 = Sunday
  return localDateTimeToInstant(addDays(today, wd === 0 ? 1 : 8 - wd), "00:00");
}

/** Working days left before a running deadline, or by how many it is overdue. */
function timeLeftOf(item: WorkItem, now: Date, cal: Calendar): TimeLeft {
  if (!item.deadline_at || (item.state !== "assigned" && item.state !== "in_progress")) return null;
  if (item.deadline_at.getTime() < now.getTime())
    return { days: -workingDaysBetween(item.deadline_at, now, cal), overdue: true };
  return { days: workingDaysBetween(now, item.deadline_at, cal), overdue: false };
}

export function petitionWorkRoutes(app: App): void {
  // ------------------------------------------------------------------------------------------------- the list
  app.get(
    "/petitions",
    allowed(canListPetitions, async (c, actor) => {
      const deps = c.get("deps");
      const t = c.get("t");
      const now = nowOf(c);
      const params = parseListParams(new URL(c.req.url).searchParams);
      const failed = Object.keys(params.errors).length > 0;
      // A text search states its own total (see searchPage); otherwise the count runs beside the page.
      const searching = windowedSearchText(params.filters) !== "";
      const [units, agencies, categories, list, counted] = await Promise.all([
        unitFilterOptions(deps.pool, actor, deps.config.provinceCode),
        agencyOptions(deps.pool),
        categoryOptions(deps.pool, c.get("locale"), { inactive: true }),
        failed
          ? { items: [], next: null, total: undefined }
          : listPetitions(deps.pool, actor, params.filters, now, { after: params.after, limit: PAGE_SIZE }),
        failed || searching ? null : countPetitions(deps.pool, actor, params.filters, now),
      ]);
      const villagesOnly =
        units.length > 0 &&
        !grant(actor, "admin") &&
        !grant(actor, "agency_officer") &&
        grant(actor, "commune_officer");
      const unitLabel = villagesOnly ? t("petitions.work.field.village") : t("petitions.work.field.commune");
      const count = counted ?? list.total ?? null;
      return page(
        c,
        t("petitions.work.list.title"),
        (ctx) => (
          <PetitionListPage
            ctx={ctx}
            params={params}
            options={{ units, agencies, categories, unitLabel }}
            items={list.items}
            count={count}
            next={list.next}
            now={now}
          />
        ),
        { wide: true, status: failed ? 422 : 200 },
      );
    }),
  );

  // ------------------------------------------------------------------------------------------------ exports
  for (const format of ["csv", "xlsx"] as const) {
    app.get(
      `/petitions/export.${format}`,
      allowed(canListPetitions, async (c, actor) => {
        const deps = c.get("deps");
        const t = c.get("t");
        const now = nowOf(c);
        const params = parseListParams(new URL(c.req.url).searchParams);
        const firstError = Object.values(params.errors)[0];
        if (firstError) return errorResponse(c, 422, firstError);
        const status = { truncated: false };
        const capParam = intParam(c.req.query("cap"));
        // a smaller cap may be asked for (tests, a quick look); never a larger one
        const cap = capParam && capParam > 0 ? Math.min(capParam, EXPORT_CAP) : EXPORT_CAP;
        const rows = exportPetitions(deps.pool, actor, params.filters, now, {
          batch: EXPORT_BATCH,
          cap,
          status,
        });
        const name = `kien-nghi-${toLocalDate(now)}.${format}`;
        const body =
          format === "csv" ? csvStream({ rows, status, cap }, t) : xlsxStream({ rows, status, cap }, t);
        return c.body(body, 200, {
          "Content-Type":
            format === "csv"
              ? "text/csv; charset=utf-8"
              : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
          "Content-Disposition": `attachment; filename="${name}"`,
          "Cache-Control": "no-store",
        });
      }),
    );
  }

  // -------------------------------------------------------------------------------------------------- inbox
  app.get(
    "/petitions/inbox",
    allowed(canUseInbox, async (c, actor) => {
      const deps = c.get("deps");
      const counts = await inboxCounts(deps.pool, actor);
      const asked = c.req.query("bucket");
      const bucket: InboxBucket = (INBOX_BUCKETS as readonly string[]).includes(asked ?? "")
        ? (asked as InboxBucket)
        : (INBOX_BUCKETS.find((b) => counts[b].n > 0) ?? "submitted");
      const after = intParam(c.req.query("after"));
      const { items, next } = await inboxPage(deps.pool, actor, bucket, { after, limit: PAGE_SIZE });
      return page(
        c,
        c.get("t")("petitions.work.inbox.title"),
        (ctx) => (
          <InboxPage
            ctx={ctx}
            bucket={bucket}
            counts={counts}
            items={items}
            next={next}
            after={after !== undefined}
          />
        ),
        { wide: true },
      );
    }),
  );

  // -------------------------------------------------------------------------------------------------- queue
  app.get(
    "/petitions/queue",
    allowed(canUseQueue, async (c, actor) => {
      const deps = c.get("deps");
      const now = nowOf(c);
      const search = new URL(c.req.url).searchParams;
      const values: Record<string, string> = {};
      for (const k of ["q", "category", "unitId", "due", "after"]) {
        const v = search.get(k);
        if (v !== null && v.trim() !== "") values[k] = v.slice(0, 200);
      }
      const states = [
        ...new Set(search.getAll("state").filter((s) => (QUEUE_STATES as readonly string[]).includes(s))),
      ];
      const f: QueueFilters = {
        q: values.q?.trim() || undefined,
        category: /^[a-z0-9_]{1,60}$/.test(values.category ?? "") ? values.category : undefined,
        unitId: intParam(values.unitId),
        state: states,
        due: values.due === "overdue" || values.due === "week" ? values.due : undefined,
      };
      if (values.due && !f.due) delete values.due;
      const weekEnd = endOfWeek(now);
      const [cal, counts, list, categories, communes, agencyRows] = await Promise.all([
        loadCalendar(deps.pool),
        queueCounts(deps.pool, actor, f, now, weekEnd),
        queuePage(deps.pool, actor, f, now, weekEnd, { after: values.after, limit: PAGE_SIZE }),
        categoryOptions(deps.pool, c.get("locale"), { inactive: true }),
        unitFilterOptions(deps.pool, actor, deps.config.provinceCode),
        deps.pool.query<{ id: number; name: string }>(
          "SELECT id, name FROM agencies WHERE id = ANY($1::bigint[]) ORDER BY name",
          [officerAgencies(actor)],
        ),
      ]);
      return page(
        c,
        c.get("t")("petitions.work.queue.title"),
        (ctx) => (
          <QueuePage
            ctx={ctx}
            params={{ values, states }}
            categories={categories}
            communes={communes}
            counts={counts}
            items={list.items}
            timeLeft={(item) => timeLeftOf(item, now, cal)}
            next={list.next}
            now={now}
            agencies={agencyRows.rows}
          />
        ),
        { wide: true },
      );
    }),
  );

  // ------------------------------------------------------------------------------------------- extensions
  const extensionsPage = async (
    c: Context<AppEnv>,
    actor: Actor,
    error: { id: number; messageKey: string } | null,
    status: 200 | 403 | 404 | 409 | 422 = 200,
  ) => {
    const deps = c.get("deps");
    const [items, cal] = await Promise.all([pendingExtensions(deps.pool, actor), loadCalendar(deps.pool)]);
    const done = c.req.query("done");
    return page(
      c,
      c.get("t")("petitions.work.ext.title"),
      (ctx) => (
        <ExtensionsPage
          ctx={ctx}
          items={items}
          proposed={(r) => (r.deadline_at ? extendDeadline(r.deadline_at, r.working_days, cal) : null)}
          done={
            done === "approved"
              ? "petitions.work.ext.approved"
              : done === "refused"
                ? "petitions.work.ext.refused"
                : null
          }
          error={error}
        />
      ),
      { status },
    );
  };

  app.get(
    "/petitions/extensions",
    allowed(canSeeExtensions, (c, actor) => extensionsPage(c, actor, null)),
  );

  app.post(
    "/petitions/extensions/:requestId{[0-9]+}",
    allowed(canSeeExtensions, async (c, actor) => {
      const deps = c.get("deps");
      const id = intParam(c.req.param("requestId"));
      if (id === undefined) return notFound(c);
      const body = await formBody(c);
      if (body.decision !== "approve" && body.decision !== "refuse")
        return extensionsPage(c, actor, { id, messageKey: "petitions.work.ext.choose" }, 422);
      const note = (body.note ?? "").trim().slice(0, 1000) || null;
      try {
        await decideExtension(
          { pool: deps.pool, clock: deps.clock, actorId: actor.id, actor },
          id,
          body.decision === "approve",
          note,
        );
      } catch (err) {
        if (err instanceof CommandError) {
          const status = err.status === 400 ? 422 : err.status;
          return extensionsPage(c, actor, { id, messageKey: err.messageKey }, status);
        }
        throw err;
      }
      return c.redirect(
        `/petitions/extensions?done=${body.decision === "approve" ? "approved" : "refused"}`,
        303,
      );
    }),
  );

  // --------------------------------------------------------------------------------------------- overview
  app.get(
    "/petitions/overview",
    allowed(canSeePetitionOverview, async (c, actor) => {
      const deps = c.get("deps");
      const t = c.get("t");
      const now = nowOf(c);
      const today = toLocalDate(now);
      const [y, m] = today.split("-").map(Number) as [number, number];
      const pad = (n: number) => String(n).padStart(2, "0");
      const monthStart = `${y}-${pad(m)}-01`;
      const prevMonth = m === 1 ? { y: y - 1, m: 12 } : { y, m: m - 1 };
      const prevStart = `${prevMonth.y}-${pad(prevMonth.m)}-01`;
      const prevEnd = addDays(parseLocalDate(monthStart), -1);
      const qStart = `${y}-${pad(Math.floor((m - 1) / 3) * 3 + 1)}-01`;
      const yStart = `${y}-01-01`;
      const fromRaw = (c.req.query("from") ?? "").slice(0, 20);
      const toRaw = (c.req.query("to") ?? "").slice(0, 20);
      const errors: Record<string, string> = {};
      const from = fromRaw.trim() ? parseDay(fromRaw) : monthStart;
      const to = toRaw.trim() ? parseDay(toRaw) : today;
      if (!from) errors.from = "petitions.work.error.date";
      if (!to) errors.to = "petitions.work.error.date";
      if (from && to && from > to) errors.to = "petitions.work.error.dateOrder";
      const dd = (isoDay: string) => isoDay.split("-").reverse().join("/");
      const mk = (label: string, a: string, b: string): Period => ({
        label,
        from: a,
        to: b,
        href: `/petitions/overview?from=${encodeURIComponent(dd(a))}&to=${encodeURIComponent(dd(b))}`,
        current: a === from && b === to,
      });
      const periods = [
        mk(t("petitions.work.overview.thisMonth"), monthStart, today),
        mk(t("petitions.work.overview.lastMonth"), prevStart, prevEnd),
        mk(t("petitions.work.overview.thisQuarter"), qStart, today),
        mk(t("petitions.work.overview.thisYear"), yStart, today),
      ];
      const range = Object.keys(errors).length === 0 && from && to ? { from, to } : null;
      const [data, refreshedAt] = range
        ? await Promise.all([
            petitionOverview(deps.pool, overviewScope(actor), range, now),
            statsRefreshedAt(deps.pool),
          ])
        : [null, null];
      return page(
        c,
        t("petitions.work.overview.title"),
        (ctx) => (
          <OverviewPage
            ctx={ctx}
            values={{ from: fromRaw.trim() ? fromRaw : dd(monthStart), to: toRaw.trim() ? toRaw : dd(today) }}
            errors={errors}
            periods={periods}
            data={data}
            refreshedAt={refreshedAt}
            range={range}
          />
        ),
        { wide: true, status: range ? 200 : 422 },
      );
    }),
  );

  // ------------------------------------------------------------------------------------ answer templates
  const agencyOf = async (c: Context<AppEnv>) => {
    const id = intParam(c.req.param("id"));
    return id === undefined ? null : findAgency(c.get("deps").pool, id);
  };

  const templatesPage = async (
    c: Context<AppEnv>,
    agency: { id: number; name: string },
    form: TemplateFormState | null,
  ) => {
    const templates = await listAnswerTemplates(c.get("deps").pool, agency.id);
    const done = c.req.query("done");
    const doneKey =
      done && ["created", "saved", "deleted"].includes(done) ? `petitions.work.template.done.${done}` : null;
    return page(
      c,
      c.get("t")("petitions.work.template.titleOf", { agency: agency.name }),
      (ctx) => (
        <TemplatesPage
          ctx={ctx}
          agency={agency}
          templates={templates}
          done={form ? null : doneKey}
          form={form}
        />
      ),
      { status: form ? 422 : 200 },
    );
  };

  /** Runs a template command; a refusal becomes the form's field error (422), never a 500. */
  const templateAction = (
    run: (
      c: Context<AppEnv>,
      actor: Actor,
      agencyId: number,
      body: Record<string, string>,
    ) => Promise<string>,
    target: (c: Context<AppEnv>) => "new" | number,
  ) =>
    allowed(
      (a) => !!a,
      async (c, actor) => {
        const agency = await agencyOf(c);
        if (!agency) return notFound(c);
        if (!canManageTemplates(actor, agency.id)) return errorResponse(c, 403);
        const body = await formBody(c);
        try {
          const done = await run(c, actor, agency.id, body);
          return c.redirect(`/agencies/${agency.id}/templates?done=${done}`, 303);
        } catch (err) {
          if (err instanceof CommandError && err.field)
            return templatesPage(c, agency, {
              target: target(c),
              values: { title: body.title ?? "", body: body.body ?? "" },
              errors: { [err.field]: err.messageKey },
            });
          if (err instanceof CommandError)
            return errorResponse(c, err.status === 400 ? 422 : err.status, err.messageKey);
          throw err;
        }
      },
    );

  const ctxOf = (c: Context<AppEnv>, actor: Actor) => ({
    pool: c.get("deps").pool,
    clock: c.get("deps").clock,
    actorId: actor.id,
  });

  app.get(
    "/agencies/:id{[0-9]+}/templates",
    allowed(
      (a) => !!a,
      async (c, actor) => {
        const agency = await agencyOf(c);
        if (!agency) return notFound(c);
        if (!canManageTemplates(actor, agency.id)) return errorResponse(c, 403);
        return templatesPage(c, agency, null);
      },
    ),
  );

  app.post(
    "/agencies/:id{[0-9]+}/templates",
    templateAction(
      async (c, actor, agencyId, body) => {
        await createAnswerTemplate(ctxOf(c, actor), agencyId, {
          title: body.title ?? "",
          body: body.body ?? "",
        });
        return "created";
      },
      () => "new",
    ),
  );

  app.post(
    "/agencies/:id{[0-9]+}/templates/:tid{[0-9]+}",
    templateAction(
      async (c, actor, agencyId, body) => {
        await updateAnswerTemplate(ctxOf(c, actor), agencyId, intParam(c.req.param("tid")) ?? 0, {
          title: body.title ?? "",
          body: body.body ?? "",
        });
        return "saved";
      },
      (c) => intParam(c.req.param("tid")) ?? 0,
    ),
  );

  app.post(
    "/agencies/:id{[0-9]+}/templates/:tid{[0-9]+}/delete",
    templateAction(
      async (c, actor, agencyId) => {
        await deleteAnswerTemplate(ctxOf(c, actor), agencyId, intParam(c.req.param("tid")) ?? 0);
        return "deleted";
      },
      (c) => intParam(c.req.param("tid")) ?? 0,
    ),
  );
}
