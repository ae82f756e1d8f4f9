import type { Context } from "hono";
import { type CommandContext, CommandError } from "../../platform/commands.ts";
import { errorResponse, notFound } from "../../platform/http/errors.tsx";
import { allowed } from "../../platform/http/guards.ts";
import { page } from "../../platform/http/render.tsx";
import { formBody, intParam } from "../../platform/http/request.ts";
import type { Actor, App, AppEnv } from "../../platform/http/types.ts";
import { agenciesForUnit } from "../agencies/queries/agenciesForUnit.ts";
import { childLevelOf, createUnit, nextVillageCode } from "./commands/createUnit.ts";
import { importVillageFile } from "./commands/importVillageFile.ts";
import { setUnitRetired } from "./commands/retireUnit.ts";
import { updateUnit } from "./commands/updateUnit.ts";
import { VILLAGE_COLUMNS } from "./data/villageFile.ts";
import { bareName, typesFor } from "./naming.ts";
import { canBrowseUnits, canManageUnits, canSeeHeadContact } from "./policy.ts";
import { provinceHistory } from "./queries/history.ts";
import { currentCommunes, currentProvince } from "./queries/provinceOverview.ts";
import { isSearchable, searchUnits } from "./queries/searchUnits.ts";
import {
  ancestorsOf,
  childrenOf,
  findUnit,
  formedFrom,
  successorsOf,
  type Unit,
} from "./queries/unitDetail.ts";
import { checkUnitInput, type UnitInput } from "./unitRules.ts";
import { reorganisationDate } from "./views/common.tsx";
import { HistoryPage } from "./views/historyPage.tsx";
import { type ImportOutcome, ImportPage } from "./views/importPage.tsx";
import { UnitForm } from "./views/unitForm.tsx";
import { UnitPage } from "./views/unitPage.tsx";
import { SearchResultsPage, UnitsIndexPage } from "./views/unitsIndex.tsx";

const PAGE_SIZE = 30;
const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
const DONE: Record<string, string> = {
  created: "units.done.created",
  saved: "units.done.saved",
  retired: "units.done.retired",
  restored: "units.done.restored",
};

const commandContext = (c: Context<AppEnv>, actor: Actor): CommandContext => {
  const deps = c.get("deps");
  return { pool: deps.pool, clock: deps.clock, actorId: actor.id };
};

const unitInput = (body: Record<string, string>): UnitInput => ({
  name: body.name ?? "",
  type: body.type ?? "",
  code: body.code ?? "",
  headName: body.headName ?? "",
  headPhone: body.headPhone ?? "",
});

function formValues(unit: Unit): Record<string, string> {
  return {
    name: unit.level === "village" ? bareName(unit.name, unit.type) : unit.name,
    type: unit.type,
    code: unit.code,
    headName: unit.head_name ?? "",
    headPhone: unit.head_phone ?? "",
  };
}

/** The form for a new child of `parent`, or for editing `unit`, with what was typed and each field's error. */
async function unitFormPage(
  c: Context<AppEnv>,
  target: { parent: Unit } | { unit: Unit },
  values: Record<string, string>,
  errors: Record<string, string>,
) {
  const t = c.get("t");
  const status = Object.keys(errors).length > 0 ? 422 : 200;
  if ("parent" in target) {
    const { parent } = target;
    const level = childLevelOf(parent) ?? "village";
    const nextCode = level === "village" ? await nextVillageCode(c.get("deps").pool, parent) : null;
    const title = t(level === "village" ? "units.form.newVillage" : "units.form.newCommune", {
      parent: parent.full_name,
    });
    return page(
      c,
      title,
      (ctx) => (
        <UnitForm
          ctx={ctx}
          title={title}
          action={`/admin/units/new?parent=${parent.id}`}
          cancelHref={`/units/${parent.id}`}
          level={level}
          nextCode={nextCode}
          types={typesFor(level, true)}
          values={values}
          errors={errors}
          submitLabel={t("units.form.create")}
        />
      ),
      { status },
    );
  }
  const { unit } = target;
  const title = t("units.form.edit", { name: unit.full_name });
  const types = typesFor(unit.level, unit.valid_to === null);
  return page(
    c,
    title,
    (ctx) => (
      <UnitForm
        ctx={ctx}
        title={title}
        action={`/admin/units/${unit.id}/edit`}
        cancelHref={`/units/${unit.id}`}
        level={unit.level}
        nextCode={null}
        types={types.includes(unit.type) ? types : [...types, unit.type]}
        values={values}
        errors={errors}
        submitLabel={t("form.save")}
      />
    ),
    { status },
  );
}

function importPage(c: Context<AppEnv>, outcome: ImportOutcome, status: 200 | 413 | 422 = 200) {
  const t = c.get("t");
  return page(c, t("units.import.title"), (ctx) => <ImportPage ctx={ctx} outcome={outcome} />, { status });
}

/** A CSV template with the column headers the importer knows, UTF-8 with a BOM so Excel shows Vietnamese. */
function templateCsv(): string {
  return `\ufeff${VILLAGE_COLUMNS.map((col) => col.aliases[0]).join(",")}\r\n`;
}

export function unitsRoutes(app: App): void {
  app.get(
    "/units",
    allowed(canBrowseUnits, async (c, actor) => {
      const deps = c.get("deps");
      const t = c.get("t");
      const q = (c.req.query("q") ?? "").trim().slice(0, 100);
      if (isSearchable(q)) {
        const pageNo = intParam(c.req.query("page")) ?? 1;
        const rows = await searchUnits(deps.pool, {
          q,
          provinceCode: deps.config.provinceCode,
          limit: PAGE_SIZE + 1,
          offset: (pageNo - 1) * PAGE_SIZE,
        });
        return page(c, t("units.search.results", { q }), (ctx) => (
          <SearchResultsPage
            ctx={ctx}
            q={q}
            hits={rows.slice(0, PAGE_SIZE)}
            page={pageNo}
            hasNext={rows.length > PAGE_SIZE}
          />
        ));
      }
      const province = await currentProvince(deps.pool, deps.config.provinceCode);
      const communes = province ? await currentCommunes(deps.pool, province.id) : [];
      return page(c, province?.full_name ?? t("units.title"), (ctx) => (
        <UnitsIndexPage ctx={ctx} province={province} communes={communes} canManage={canManageUnits(actor)} />
      ));
    }),
  );

  app.get(
    "/units/history",
    allowed(canBrowseUnits, async (c) => {
      const deps = c.get("deps");
      const province = await currentProvince(deps.pool, deps.config.provinceCode);
      if (!province) return notFound(c);
      const { districts, direct } = await provinceHistory(deps.pool, province.id);
      return page(c, c.get("t")("units.history.title", { date: reorganisationDate() }), (ctx) => (
        <HistoryPage ctx={ctx} province={province} districts={districts} direct={direct} />
      ));
    }),
  );

  app.get(
    "/units/:id{[0-9]+}",
    allowed(canBrowseUnits, async (c, actor) => {
      const pool = c.get("deps").pool;
      const id = intParam(c.req.param("id"));
      const unit = id === undefined ? null : await findUnit(pool, id);
      if (!unit) return notFound(c);
      const current = unit.valid_to === null;
      const hasChildren =
        unit.level === "province" || unit.level === "district" || (unit.level === "commune" && current);
      const [crumbs, children, from, successors, agencies] = await Promise.all([
        ancestorsOf(pool, unit),
        hasChildren ? childrenOf(pool, unit) : Promise.resolve([]),
        unit.level === "commune" && current ? formedFrom(pool, unit.id) : Promise.resolve([]),
        unit.level === "commune" && !current ? successorsOf(pool, unit.id) : Promise.resolve([]),
        unit.level === "village" ? Promise.resolve([]) : agenciesForUnit(pool, unit.id),
      ]);
      const done = DONE[c.req.query("done") ?? ""] ?? null;
      return page(c, unit.full_name, (ctx) => (
        <UnitPage
          ctx={ctx}
          unit={unit}
          crumbs={crumbs}
          childUnits={children}
          formedFrom={from}
          successors={successors}
          agencies={agencies}
          canManage={canManageUnits(actor)}
          canSeeContact={(path) => canSeeHeadContact(actor, path)}
          done={done}
        />
      ));
    }),
  );

  // ---- administration ----------------------------------------------------------------------------------

  app.get(
    "/admin/units/import",
    allowed(canManageUnits, (c) => {
      const n = (name: string) => intParam(c.req.query(name));
      const count = n("count");
      const created = n("created");
      const updated = n("updated");
      if (count !== undefined && created !== undefined && updated !== undefined)
        return importPage(c, { kind: "done", count, created, updated });
      return importPage(c, { kind: "none" });
    }),
  );

  app.get(
    "/admin/units/import/template.csv",
    allowed(canManageUnits, (c) => {
      c.header("Content-Type", "text/csv; charset=utf-8");
      c.header("Content-Disposition", 'attachment; filename="danh-sach-thon-mau.csv"');
      return c.body(templateCsv());
    }),
  );

  app.post(
    "/admin/units/import",
    allowed(canManageUnits, async (c, actor) => {
      const declared = Number(c.req.header("content-length") ?? "0");
      if (declared > MAX_UPLOAD_BYTES + 64 * 1024)
        return importPage(c, { kind: "fileError", messageKey: "units.import.tooLarge" }, 413);
      const body = await c.req.parseBody();
      const file = body.file;
      if (!(file instanceof File) || (file.size === 0 && file.name === ""))
        return importPage(c, { kind: "fileError", messageKey: "units.import.noFile" }, 422);
      if (file.size > MAX_UPLOAD_BYTES)
        return importPage(c, { kind: "fileError", messageKey: "units.import.tooLarge" }, 413);
      const outcome = await importVillageFile(
        commandContext(c, actor),
        new Uint8Array(await file.arrayBuffer()),
        file.name.slice(0, 200),
      );
      if (!outcome.ok)
        return importPage(c, { kind: "errors", errors: outcome.errors, filename: file.name }, 422);
      return c.redirect(
        `/admin/units/import?count=${outcome.count}&created=${outcome.created}&updated=${outcome.updated}`,
        303,
      );
    }),
  );

  const parentFrom = async (c: Context<AppEnv>): Promise<Unit | Response> => {
    const id = intParam(c.req.query("parent"));
    const parent = id === undefined ? null : await findUnit(c.get("deps").pool, id);
    if (!parent) return notFound(c);
    if (!childLevelOf(parent)) return errorResponse(c, 422, "units.error.parentInvalid");
    return parent;
  };

  app.get(
    "/admin/units/new",
    allowed(canManageUnits, async (c) => {
      const parent = await parentFrom(c);
      if (parent instanceof Response) return parent;
      const level = childLevelOf(parent);
      return unitFormPage(c, { parent }, { type: level === "village" ? "thon" : "xa" }, {});
    }),
  );

  app.post(
    "/admin/units/new",
    allowed(canManageUnits, async (c, actor) => {
      const parent = await parentFrom(c);
      if (parent instanceof Response) return parent;
      const body = await formBody(c);
      const input = unitInput(body);
      const level = childLevelOf(parent) ?? "village";
      const checked = checkUnitInput(level, true, input);
      if (!checked.ok) return unitFormPage(c, { parent }, body, checked.errors);
      try {
        const { id } = await createUnit(commandContext(c, actor), parent.id, input);
        return c.redirect(`/units/${id}?done=created`, 303);
      } catch (err) {
        if (err instanceof CommandError && err.field)
          return unitFormPage(c, { parent }, body, { [err.field]: err.messageKey });
        if (err instanceof CommandError) return errorResponse(c, err.status, err.messageKey);
        throw err;
      }
    }),
  );

  const unitFrom = async (c: Context<AppEnv>): Promise<Unit | null> => {
    const id = intParam(c.req.param("id"));
    return id === undefined ? null : findUnit(c.get("deps").pool, id);
  };

  app.get(
    "/admin/units/:id{[0-9]+}/edit",
    allowed(canManageUnits, async (c) => {
      const unit = await unitFrom(c);
      if (!unit) return notFound(c);
      return unitFormPage(c, { unit }, formValues(unit), {});
    }),
  );

  app.post(
    "/admin/units/:id{[0-9]+}/edit",
    allowed(canManageUnits, async (c, actor) => {
      const unit = await unitFrom(c);
      if (!unit) return notFound(c);
      const body = await formBody(c);
      const input = unitInput(body);
      const checked = checkUnitInput(unit.level, unit.valid_to === null, input, unit.type);
      if (!checked.ok) return unitFormPage(c, { unit }, body, checked.errors);
      try {
        await updateUnit(commandContext(c, actor), unit.id, input);
        return c.redirect(`/units/${unit.id}?done=saved`, 303);
      } catch (err) {
        if (err instanceof CommandError && err.field)
          return unitFormPage(c, { unit }, body, { [err.field]: err.messageKey });
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
      `/admin/units/:id{[0-9]+}/${action}`,
      allowed(canManageUnits, async (c, actor) => {
        const id = intParam(c.req.param("id"));
        if (id === undefined) return notFound(c);
        try {
          await setUnitRetired(commandContext(c, actor), id, retired);
        } catch (err) {
          if (err instanceof CommandError) return errorResponse(c, err.status, err.messageKey);
          throw err;
        }
        return c.redirect(`/units/${id}?done=${retired ? "retired" : "restored"}`, 303);
      }),
    );
  }
}
