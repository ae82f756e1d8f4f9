import type { Context } from "hono";
import { isLocalDate, toLocalDate } from "../../platform/calendar/index.ts";
import { type CommandContext, CommandError } from "../../platform/commands.ts";
import { errorResponse } from "../../platform/http/errors.tsx";
import { allowed } from "../../platform/http/guards.ts";
import { page } from "../../platform/http/render.tsx";
import { formBody, intParam } from "../../platform/http/request.ts";
import type { Actor, App, AppEnv } from "../../platform/http/types.ts";
import type { Params } from "../../platform/i18n/i18n.ts";
import { formatIsoDate } from "../units/views/common.tsx";
import { deleteCalendarEntry } from "./commands/deleteCalendarEntry.ts";
import { restoreDefaultHolidays } from "./commands/restoreDefaultHolidays.ts";
import { saveCalendarEntry } from "./commands/saveCalendarEntry.ts";
import { checkEntry, type EntryForm, yearInRange } from "./entryRules.ts";
import { canManageCalendar } from "./policy.ts";
import { findEntry, yearEntries } from "./queries/yearEntries.ts";
import { CalendarPage } from "./views/calendarPage.tsx";

const commandContext = (c: Context<AppEnv>, actor: Actor): CommandContext => {
  const deps = c.get("deps");
  return { pool: deps.pool, clock: deps.clock, actorId: actor.id };
};

/** ?year=, or this year in Vietnam. */
function yearOf(c: Context<AppEnv>): number {
  const asked = intParam(c.req.query("year"));
  if (asked !== undefined && yearInRange(asked)) return asked;
  return Number(toLocalDate(c.get("deps").clock.now()).slice(0, 4));
}

function doneOf(c: Context<AppEnv>): { key: string; params: Params } | null {
  const done = c.req.query("done");
  const date = c.req.query("date") ?? "";
  if ((done === "saved" || done === "deleted") && isLocalDate(date))
    return { key: `calendar.done.${done}`, params: { date: formatIsoDate(date) } };
  if (done === "defaults")
    return { key: "calendar.done.defaults", params: { n: intParam(c.req.query("n")) ?? 0 } };
  return null;
}

async function calendarPage(
  c: Context<AppEnv>,
  year: number,
  values: Record<string, string>,
  errors: Record<string, string>,
) {
  const entries = await yearEntries(c.get("deps").pool, year);
  const t = c.get("t");
  return page(
    c,
    t("calendar.title", { year: String(year) }),
    (ctx) => (
      <CalendarPage
        ctx={ctx}
        year={year}
        entries={entries}
        values={values}
        errors={errors}
        done={Object.keys(errors).length > 0 ? null : doneOf(c)}
      />
    ),
    { status: Object.keys(errors).length > 0 ? 422 : 200 },
  );
}

const entryForm = (body: Record<string, string>): EntryForm => ({
  date: body.date ?? "",
  kind: body.kind ?? "",
  nameVi: body.nameVi ?? "",
  nameEn: body.nameEn ?? "",
});

export function calendarRoutes(app: App): void {
  app.get(
    "/admin/calendar",
    allowed(canManageCalendar, async (c) => {
      const year = yearOf(c);
      const editing = c.req.query("done") ? undefined : c.req.query("date");
      const entry = editing && isLocalDate(editing) ? await findEntry(c.get("deps").pool, editing) : null;
      const values: Record<string, string> = entry
        ? { date: formatIsoDate(entry.date), kind: entry.kind, nameVi: entry.name_vi, nameEn: entry.name_en }
        : { kind: "holiday" };
      return calendarPage(c, year, values, {});
    }),
  );

  app.post(
    "/admin/calendar",
    allowed(canManageCalendar, async (c, actor) => {
      const body = await formBody(c);
      const form = entryForm(body);
      const checked = checkEntry(form);
      if (!checked.ok) return calendarPage(c, yearOf(c), body, checked.errors);
      try {
        const { date } = await saveCalendarEntry(commandContext(c, actor), form);
        return c.redirect(`/admin/calendar?year=${date.slice(0, 4)}&done=saved&date=${date}`, 303);
      } catch (err) {
        if (err instanceof CommandError && err.field)
          return calendarPage(c, yearOf(c), body, { [err.field]: err.messageKey });
        throw err;
      }
    }),
  );

  app.post(
    "/admin/calendar/:date{[0-9]{4}-[0-9]{2}-[0-9]{2}}/delete",
    allowed(canManageCalendar, async (c, actor) => {
      const date = c.req.param("date") ?? "";
      try {
        await deleteCalendarEntry(commandContext(c, actor), date);
      } catch (err) {
        if (err instanceof CommandError) return errorResponse(c, err.status, err.messageKey);
        throw err;
      }
      return c.redirect(`/admin/calendar?year=${date.slice(0, 4)}&done=deleted&date=${date}`, 303);
    }),
  );

  app.post(
    "/admin/calendar/defaults",
    allowed(canManageCalendar, async (c, actor) => {
      const year = intParam(c.req.query("year"));
      if (year === undefined || !yearInRange(year)) return errorResponse(c, 400);
      const { added } = await restoreDefaultHolidays(commandContext(c, actor), year);
      return c.redirect(`/admin/calendar?year=${year}&done=defaults&n=${added}`, 303);
    }),
  );
}
