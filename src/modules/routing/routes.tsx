import type { Context } from "hono";
import { CommandError } from "../../platform/commands.ts";
import { errorResponse, notFound } from "../../platform/http/errors.tsx";
import { allowed } from "../../platform/http/guards.ts";
import { page } from "../../platform/http/render.tsx";
import { formBody, intParam } from "../../platform/http/request.ts";
import type { Actor, App, AppEnv } from "../../platform/http/types.ts";
import { setCategoryActive, updateCategory } from "../petitions/commands/manageCategories.ts";
import { canManageRouting } from "../petitions/policy.ts";
import { agencyOptions, categoryOptions } from "../petitions/queries/workLists.ts";
import { unitChoices } from "../units/queries/choices.ts";
import { createRule, deactivateRule } from "./commands/manageRules.ts";
import {
  findCategory,
  findRuleUnitByCode,
  findVillageByCode,
  listCategories,
  listRules,
  type RuleFilters,
} from "./queries/listRules.ts";
import { loadRules } from "./queries/proposeAgency.ts";
import { mostSpecific } from "./rules.ts";
import { CategoriesPage, CategoryForm } from "./views/categoriesPage.tsx";
import { LEVELS, RulesPage, type TestResult } from "./views/rulesPage.tsx";

const DONE: Record<string, string> = {
  created: "routing.done.created",
  deactivated: "routing.done.deactivated",
  saved: "routing.category.done.saved",
  retired: "routing.category.done.retired",
  restored: "routing.category.done.restored",
};

const CODE = /^[a-z0-9_]{1,60}$/;
const UNIT_CODE = /^[0-9A-Za-z._-]{1,40}$/;

const cmd = (c: Context<AppEnv>, actor: Actor) => ({
  pool: c.get("deps").pool,
  clock: c.get("deps").clock,
  actorId: actor.id,
});

type TestState = {
  values: Record<string, string>;
  errors: Record<string, string>;
  result: TestResult | null;
};

async function rulesPage(
  c: Context<AppEnv>,
  form: { values: Record<string, string>; errors: Record<string, string> },
  test: TestState = { values: {}, errors: {}, result: null },
  status: 200 | 404 | 409 | 422 = 200,
) {
  const deps = c.get("deps");
  const t = c.get("t");
  const q = new URL(c.req.url).searchParams;
  const filters: Record<string, string> = {};
  for (const k of ["category", "agencyId", "level", "active"]) {
    const v = q.get(k);
    if (v) filters[k] = v.slice(0, 60);
  }
  // on the tester's page the query is the tester's, not the list's
  const isTest = new URL(c.req.url).pathname.endsWith("/test");
  const f: RuleFilters = isTest
    ? {}
    : {
        category:
          filters.category === "any" || CODE.test(filters.category ?? "") ? filters.category : undefined,
        agencyId: intParam(filters.agencyId),
        level: (LEVELS as readonly string[]).includes(filters.level ?? "") ? filters.level : undefined,
        active: filters.active === "0" || filters.active === "all" ? filters.active : "1",
      };
  const [rules, categories, agencies, units] = await Promise.all([
    listRules(deps.pool, f),
    categoryOptions(deps.pool, c.get("locale")),
    agencyOptions(deps.pool, { central: false }),
    unitChoices(deps.pool, deps.config.provinceCode),
  ]);
  const unitOptions = units.map((u) => ({
    value: String(u.id),
    label: u.level === "province" ? t("routing.wholeProvince", { name: u.full_name }) : u.full_name,
  }));
  return page(
    c,
    t("routing.title"),
    (ctx) => (
      <RulesPage
        ctx={ctx}
        rules={rules}
        filters={isTest ? {} : filters}
        options={{ categories, agencies, units: unitOptions }}
        form={form}
        test={test}
        done={DONE[c.req.query("done") ?? ""] ?? null}
      />
    ),
    { wide: true, status },
  );
}

async function categoryFormPage(
  c: Context<AppEnv>,
  code: string,
  values: Record<string, string> | null,
  errors: Record<string, string>,
) {
  const category = await findCategory(c.get("deps").pool, code);
  if (!category) return notFound(c);
  const v = values ?? {
    nameVi: category.name_vi,
    nameEn: category.name_en,
    examplesVi: category.examples_vi ?? "",
    sort: String(category.sort),
  };
  return page(
    c,
    c.get("t")("routing.category.edit", { name: category.name_vi }),
    (ctx) => <CategoryForm ctx={ctx} category={category} values={v} errors={errors} />,
    {
      status: Object.keys(errors).length ? 422 : 200,
    },
  );
}

/** Routing rules and categories: the coordinator's and the admin's tables. */
export function routingRoutes(app: App): void {
  app.get(
    "/admin/routing",
    allowed(canManageRouting, (c) => rulesPage(c, { values: { level: "province" }, errors: {} })),
  );

  app.post(
    "/admin/routing",
    allowed(canManageRouting, async (c, actor) => {
      const deps = c.get("deps");
      const body = await formBody(c);
      const errors: Record<string, string> = {};
      const categoryCode = (body.categoryCode ?? "").trim();
      if (categoryCode && !CODE.test(categoryCode)) errors.categoryCode = "petitions.error.categoryUnknown";
      const level = body.level ?? "";
      if (!(LEVELS as readonly string[]).includes(level)) errors.level = "routing.error.level";
      const agencyId = intParam(body.agencyId);
      if (agencyId === undefined) errors.agencyId = "routing.error.agency";
      let unitId = intParam(body.unitId) ?? null;
      const unitCode = (body.unitCode ?? "").trim();
      if (unitCode) {
        const unit = UNIT_CODE.test(unitCode) ? await findRuleUnitByCode(deps.pool, unitCode) : null;
        if (!unit) errors.unitCode = "routing.error.unitCode";
        else unitId = unit.id;
      } else if (unitId === null) errors.unitId = "routing.error.unit";
      if (Object.keys(errors).length > 0 || agencyId === undefined)
        return rulesPage(c, { values: body, errors }, undefined, 422);
      try {
        await createRule(cmd(c, actor), {
          categoryCode: categoryCode || null,
          unitId,
          level: level as "commune" | "province",
          agencyId,
        });
      } catch (err) {
        if (err instanceof CommandError && err.field)
          return rulesPage(c, { values: body, errors: { [err.field]: err.messageKey } }, undefined, 422);
        if (err instanceof CommandError)
          return errorResponse(c, err.status === 400 ? 422 : err.status, err.messageKey);
        throw err;
      }
      return c.redirect("/admin/routing?done=created", 303);
    }),
  );

  app.post(
    "/admin/routing/:id{[0-9]+}/deactivate",
    allowed(canManageRouting, async (c, actor) => {
      const id = intParam(c.req.param("id"));
      if (id === undefined) return notFound(c);
      try {
        await deactivateRule(cmd(c, actor), id);
      } catch (err) {
        if (err instanceof CommandError)
          return errorResponse(c, err.status === 400 ? 422 : err.status, err.messageKey);
        throw err;
      }
      return c.redirect("/admin/routing?done=deactivated", 303);
    }),
  );

  // "Which agency would the rules propose?" — for a category, a village and a level; says which rule matched.
  app.get(
    "/admin/routing/test",
    allowed(canManageRouting, async (c) => {
      const deps = c.get("deps");
      const q = new URL(c.req.url).searchParams;
      const values = {
        category: (q.get("category") ?? "").slice(0, 60),
        village: (q.get("village") ?? "").trim().slice(0, 40),
        level: q.get("level") ?? "province",
      };
      const errors: Record<string, string> = {};
      const level = (LEVELS as readonly string[]).includes(values.level) ? values.level : "province";
      const category = CODE.test(values.category) ? values.category : null;
      if (!values.village) errors.village = "routing.error.villageRequired";
      const village =
        !errors.village && UNIT_CODE.test(values.village)
          ? await findVillageByCode(deps.pool, values.village)
          : null;
      if (!errors.village && !village) errors.village = "routing.error.village";
      if (!village)
        return rulesPage(
          c,
          { values: { level: "province" }, errors: {} },
          { values, errors, result: null },
          422,
        );
      const match = mostSpecific(await loadRules(deps.pool, level), category, village.path, level);
      let result: TestResult = { village, agency: null, rule: null };
      if (match) {
        const rows = await listRules(deps.pool, { active: "all" });
        const rule = rows.find((r) => r.id === match.id) ?? null;
        result = { village, agency: rule?.agency_name ?? null, rule };
      }
      return rulesPage(c, { values: { level: "province" }, errors: {} }, { values, errors, result });
    }),
  );

  // -------------------------------------------------------------------------------------------- categories
  app.get(
    "/admin/categories",
    allowed(canManageRouting, async (c) => {
      const categories = await listCategories(c.get("deps").pool);
      return page(
        c,
        c.get("t")("routing.category.title"),
        (ctx) => (
          <CategoriesPage ctx={ctx} categories={categories} done={DONE[c.req.query("done") ?? ""] ?? null} />
        ),
        {
          wide: true,
        },
      );
    }),
  );

  app.get(
    "/admin/categories/:code{[a-z0-9_]{1,60}}",
    allowed(canManageRouting, (c) => categoryFormPage(c, c.req.param("code") ?? "", null, {})),
  );

  app.post(
    "/admin/categories/:code{[a-z0-9_]{1,60}}",
    allowed(canManageRouting, async (c, actor) => {
      const code = c.req.param("code") ?? "";
      const body = await formBody(c);
      const values = {
        nameVi: body.nameVi ?? "",
        nameEn: body.nameEn ?? "",
        examplesVi: body.examplesVi ?? "",
        sort: (body.sort ?? "").trim(),
      };
      const sort = /^\d{1,4}$/.test(values.sort) ? Number(values.sort) : Number.NaN;
      try {
        await updateCategory(cmd(c, actor), code, { ...values, sort });
      } catch (err) {
        if (err instanceof CommandError && err.field)
          return categoryFormPage(c, code, values, { [err.field]: err.messageKey });
        if (err instanceof CommandError)
          return errorResponse(c, err.status === 400 ? 422 : err.status, err.messageKey);
        throw err;
      }
      return c.redirect("/admin/categories?done=saved", 303);
    }),
  );

  app.post(
    "/admin/categories/:code{[a-z0-9_]{1,60}}/active",
    allowed(canManageRouting, async (c, actor) => {
      const code = c.req.param("code") ?? "";
      const body = await formBody(c);
      const active = body.active === "1";
      try {
        await setCategoryActive(cmd(c, actor), code, active);
      } catch (err) {
        if (err instanceof CommandError)
          return errorResponse(c, err.status === 400 ? 422 : err.status, err.messageKey);
        throw err;
      }
      return c.redirect(`/admin/categories?done=${active ? "restored" : "retired"}`, 303);
    }),
  );
}
