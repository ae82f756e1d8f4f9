import type { Context } from "hono";
import { type CommandContext, CommandError } from "../../platform/commands.ts";
import { errorResponse, notFound } from "../../platform/http/errors.tsx";
import { allowed } from "../../platform/http/guards.ts";
import { page } from "../../platform/http/render.tsx";
import { formBody, intParam } from "../../platform/http/request.ts";
import type { Actor, App, AppEnv } from "../../platform/http/types.ts";
import { unitChoices } from "../units/queries/choices.ts";
import { type AgencyInput, checkAgencyInput } from "./agencyRules.ts";
import { createAgency, setAgencyRetired, updateAgency } from "./commands/saveAgency.ts";
import { canBrowseAgencies, canManageAgencies } from "./policy.ts";
import { type Agency, findAgency } from "./queries/findAgency.ts";
import { isAgencyKind, listAgencies } from "./queries/listAgencies.ts";
import { AgencyForm } from "./views/agencyForm.tsx";
import { AgencyListPage } from "./views/agencyList.tsx";
import { AgencyPage } from "./views/agencyPage.tsx";

const PAGE_SIZE = 30;
const DONE: Record<string, string> = {
  created: "agencies.done.created",
  saved: "agencies.done.saved",
  retired: "agencies.done.retired",
  restored: "agencies.done.restored",
};

const commandContext = (c: Context<AppEnv>, actor: Actor): CommandContext => {
  const deps = c.get("deps");
  return { pool: deps.pool, clock: deps.clock, actorId: actor.id };
};

const agencyInput = (body: Record<string, string>): AgencyInput => ({
  code: body.code ?? "",
  name: body.name ?? "",
  nameEn: body.nameEn ?? "",
  kind: body.kind ?? "",
  unitCode: body.unitCode ?? "",
  unitId: body.unitId ?? "",
  email: body.email ?? "",
});

async function formPage(
  c: Context<AppEnv>,
  agency: Agency | null,
  values: Record<string, string>,
  errors: Record<string, string>,
) {
  const deps = c.get("deps");
  const t = c.get("t");
  const choices = await unitChoices(deps.pool, deps.config.provinceCode);
  // An agency keeps showing the unit it serves even when that unit is no longer offered to others.
  if (
    agency?.unit_id &&
    agency.unit_name &&
    agency.unit_code &&
    !choices.some((u) => u.id === agency.unit_id)
  ) {
    choices.push({
      id: agency.unit_id,
      code: agency.unit_code,
      full_name: agency.unit_name,
      level: "commune",
    });
  }
  const title = agency ? t("agencies.form.edit", { name: agency.name }) : t("agencies.form.new");
  return page(
    c,
    title,
    (ctx) => (
      <AgencyForm
        ctx={ctx}
        title={title}
        action={agency ? `/admin/agencies/${agency.id}/edit` : "/admin/agencies/new"}
        cancelHref={agency ? `/agencies/${agency.id}` : "/agencies"}
        choices={choices}
        values={values}
        errors={errors}
        submitLabel={agency ? t("form.save") : t("agencies.form.create")}
      />
    ),
    { status: Object.keys(errors).length > 0 ? 422 : 200 },
  );
}

export function agenciesRoutes(app: App): void {
  app.get(
    "/agencies",
    allowed(canBrowseAgencies, async (c, actor) => {
      const kindParam = c.req.query("kind");
      const kind = isAgencyKind(kindParam) ? kindParam : null;
      const q = (c.req.query("q") ?? "").trim().slice(0, 100);
      const pageNo = intParam(c.req.query("page")) ?? 1;
      const rows = await listAgencies(c.get("deps").pool, {
        kind,
        q: /[\p{L}\p{N}]/u.test(q) ? q : "",
        limit: PAGE_SIZE + 1,
        offset: (pageNo - 1) * PAGE_SIZE,
      });
      return page(c, c.get("t")("agencies.title"), (ctx) => (
        <AgencyListPage
          ctx={ctx}
          rows={rows.slice(0, PAGE_SIZE)}
          kind={kind}
          q={q}
          page={pageNo}
          hasNext={rows.length > PAGE_SIZE}
          canManage={canManageAgencies(actor)}
        />
      ));
    }),
  );

  app.get(
    "/agencies/:id{[0-9]+}",
    allowed(canBrowseAgencies, async (c, actor) => {
      const id = intParam(c.req.param("id"));
      const agency = id === undefined ? null : await findAgency(c.get("deps").pool, id);
      if (!agency) return notFound(c);
      const done = DONE[c.req.query("done") ?? ""] ?? null;
      return page(c, agency.name, (ctx) => (
        <AgencyPage ctx={ctx} agency={agency} canManage={canManageAgencies(actor)} done={done} />
      ));
    }),
  );

  app.get(
    "/admin/agencies/new",
    allowed(canManageAgencies, (c) => formPage(c, null, { kind: "department" }, {})),
  );

  app.post(
    "/admin/agencies/new",
    allowed(canManageAgencies, async (c, actor) => {
      const body = await formBody(c);
      const input = agencyInput(body);
      const checked = checkAgencyInput(input);
      if (!checked.ok) return formPage(c, null, body, checked.errors);
      try {
        const { id } = await createAgency(commandContext(c, actor), input);
        return c.redirect(`/agencies/${id}?done=created`, 303);
      } catch (err) {
        if (err instanceof CommandError && err.field)
          return formPage(c, null, body, { [err.field]: err.messageKey });
        if (err instanceof CommandError) return errorResponse(c, err.status, err.messageKey);
        throw err;
      }
    }),
  );

  const agencyFrom = async (c: Context<AppEnv>): Promise<Agency | null> => {
    const id = intParam(c.req.param("id"));
    return id === undefined ? null : findAgency(c.get("deps").pool, id);
  };

  app.get(
    "/admin/agencies/:id{[0-9]+}/edit",
    allowed(canManageAgencies, async (c) => {
      const agency = await agencyFrom(c);
      if (!agency) return notFound(c);
      return formPage(
        c,
        agency,
        {
          code: agency.code,
          name: agency.name,
          nameEn: agency.name_en ?? "",
          kind: agency.kind,
          unitCode: "",
          unitId: agency.unit_id === null ? "" : String(agency.unit_id),
          email: agency.email ?? "",
        },
        {},
      );
    }),
  );

  app.post(
    "/admin/agencies/:id{[0-9]+}/edit",
    allowed(canManageAgencies, async (c, actor) => {
      const agency = await agencyFrom(c);
      if (!agency) return notFound(c);
      const body = await formBody(c);
      const input = agencyInput(body);
      const checked = checkAgencyInput(input);
      if (!checked.ok) return formPage(c, agency, body, checked.errors);
      try {
        await updateAgency(commandContext(c, actor), agency.id, input);
        return c.redirect(`/agencies/${agency.id}?done=saved`, 303);
      } catch (err) {
        if (err instanceof CommandError && err.field)
          return formPage(c, agency, body, { [err.field]: err.messageKey });
        if (err instanceof CommandError) return errorResponse(c, err.status, err.messageKey);
        throw err;
      }
    }),
  );

  for (const [action, retired] of [
    ["retire", true],
    ["restore", false],
  ] as const) {
    app.post(
      `/admin/agencies/:id{[0-9]+}/${action}`,
      allowed(canManageAgencies, async (c, actor) => {
        const id = intParam(c.req.param("id"));
        if (id === undefined) return notFound(c);
        try {
          await setAgencyRetired(commandContext(c, actor), id, retired);
        } catch (err) {
          if (err instanceof CommandError) return errorResponse(c, err.status, err.messageKey);
          throw err;
        }
        return c.redirect(`/agencies/${id}?done=${retired ? "retired" : "restored"}`, 303);
      }),
    );
  }
}
