import type { FC } from "hono/jsx";
import { CsrfField, ErrorSummary, Flash, type PageContext } from "../../../platform/http/layout.tsx";
import { Select } from "../../petitions/views/work/parts.tsx";
import type { RuleRow } from "../queries/listRules.ts";

export type Option = { value: string; label: string };

export type TestResult = {
  village: { name: string; commune_name: string | null };
  agency: string | null;
  rule: RuleRow | null;
};

type Props = {
  ctx: PageContext;
  rules: RuleRow[];
  filters: Record<string, string>;
  options: { categories: Option[]; agencies: Option[]; units: Option[] };
  form: { values: Record<string, string>; errors: Record<string, string> };
  test: { values: Record<string, string>; errors: Record<string, string>; result: TestResult | null };
  done: string | null;
};

export const LEVELS = ["commune", "province"] as const;

/** "Any category", "Xã Tiên Yên", "whole province": how a rule reads. */
export function ruleCategory(
  ctx: PageContext,
  r: Pick<RuleRow, "category_code" | "category_vi" | "category_en">,
): string {
  if (!r.category_code) return ctx.t("routing.anyCategory");
  return (ctx.locale === "en" ? r.category_en : r.category_vi) ?? r.category_code;
}

export function ruleUnit(ctx: PageContext, r: Pick<RuleRow, "unit_id" | "unit_name" | "unit_level">): string {
  if (!r.unit_id) return ctx.t("routing.anywhere");
  if (r.unit_level === "province") return ctx.t("routing.wholeProvince", { name: r.unit_name ?? "" });
  return r.unit_name ?? "—";
}

const TextField: FC<{
  ctx: PageContext;
  name: string;
  id?: string;
  label: string;
  value?: string;
  error?: string;
  hint?: string;
}> = (p) => {
  const id = p.id ?? `f-${p.name}`;
  const describedBy =
    [p.hint ? `${id}-hint` : "", p.error ? `${id}-err` : ""].filter(Boolean).join(" ") || undefined;
  return (
    <div class={p.error ? "field invalid" : "field"}>
      <label for={id}>{p.label}</label>
      {p.hint ? (
        <p class="hint" id={`${id}-hint`}>
          {p.hint}
        </p>
      ) : null}
      {p.error ? (
        <p class="err" id={`${id}-err`}>
          {p.ctx.t(p.error)}
        </p>
      ) : null}
      <input
        id={id}
        name={p.name}
        value={p.value ?? ""}
        aria-invalid={p.error ? "true" : undefined}
        aria-describedby={describedBy}
      />
    </div>
  );
};

/** The routing table: filters, the rules, a tester ("which agency would this go to?") and a form to add a rule. */
export const RulesPage: FC<Props> = ({ ctx, rules, filters, options, form, test, done }) => {
  const { t } = ctx;
  const levelOptions = LEVELS.map((l) => ({ value: l, label: t(`level.${l}`) }));
  const categoryFilter = [{ value: "any", label: t("routing.anyCategory") }, ...options.categories];
  return (
    <section>
      <h1>{t("routing.title")}</h1>
      <p class="muted">{t("routing.intro")}</p>
      <p>
        <a href="/admin/categories">{t("routing.category.title")}</a>
      </p>
      <Flash ctx={ctx} messageKey={done} />

      <h2 id="test">{t("routing.test.title")}</h2>
      <form method="get" action="/admin/routing/test" class="panel" novalidate>
        <ErrorSummary
          ctx={ctx}
          errors={Object.fromEntries(Object.entries(test.errors).map(([k, v]) => [`t-${k}`, v]))}
        />
        <div class="filter-grid">
          <Select
            ctx={ctx}
            name="category"
            id="f-t-category"
            label={t("routing.field.category")}
            empty={t("routing.noCategory")}
            value={test.values.category}
            options={options.categories}
          />
          <TextField
            ctx={ctx}
            name="village"
            id="f-t-village"
            label={t("routing.test.village")}
            hint={t("routing.test.villageHint")}
            value={test.values.village}
            error={test.errors.village}
          />
          <Select
            ctx={ctx}
            name="level"
            id="f-t-level"
            label={t("routing.field.level")}
            value={test.values.level ?? "province"}
            options={levelOptions}
          />
        </div>
        <button type="submit">{t("routing.test.run")}</button>
      </form>
      {test.result ? (
        <div class="alert ok" role="status">
          <p>
            {t("routing.test.for", {
              village: test.result.village.commune_name
                ? `${test.result.village.name}, ${test.result.village.commune_name}`
                : test.result.village.name,
            })}
          </p>
          {test.result.agency && test.result.rule ? (
            <p>
              <strong>{t("routing.test.proposed", { agency: test.result.agency })}</strong>
              <br />
              {t("routing.test.rule", {
                id: test.result.rule.id,
                category: ruleCategory(ctx, test.result.rule),
                unit: ruleUnit(ctx, test.result.rule),
                level: t(`level.${test.result.rule.level}`),
              })}
            </p>
          ) : (
            <p>
              <strong>{t("routing.test.none")}</strong>
            </p>
          )}
        </div>
      ) : null}

      <h2>{t("routing.rules")}</h2>
      <form method="get" action="/admin/routing" class="pfilters">
        <div class="filter-grid">
          <Select
            ctx={ctx}
            name="category"
            id="f-filter-category"
            label={t("routing.field.category")}
            empty={t("petitions.work.any")}
            value={filters.category}
            options={categoryFilter}
          />
          <Select
            ctx={ctx}
            name="agencyId"
            id="f-filter-agencyId"
            label={t("routing.field.agency")}
            empty={t("petitions.work.any")}
            value={filters.agencyId}
            options={options.agencies}
          />
          <Select
            ctx={ctx}
            name="level"
            id="f-filter-level"
            label={t("routing.field.level")}
            empty={t("petitions.work.any")}
            value={filters.level}
            options={levelOptions}
          />
          <Select
            ctx={ctx}
            name="active"
            id="f-filter-active"
            label={t("routing.field.active")}
            value={filters.active ?? "1"}
            options={[
              { value: "1", label: t("routing.active.yes") },
              { value: "0", label: t("routing.active.no") },
              { value: "all", label: t("routing.active.all") },
            ]}
          />
        </div>
        <div class="actions">
          <button type="submit">{t("petitions.work.applyFilters")}</button>
          <a href="/admin/routing">{t("petitions.work.clearFilters")}</a>
        </div>
      </form>
      <p role="status">{t("routing.count", { n: rules.length })}</p>
      {rules.length === 0 ? null : (
        <table class="cardlist">
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">{t("routing.field.category")}</th>
              <th scope="col">{t("routing.field.unit")}</th>
              <th scope="col">{t("routing.field.level")}</th>
              <th scope="col">{t("routing.field.agency")}</th>
              <th scope="col">{t("routing.field.active")}</th>
            </tr>
          </thead>
          <tbody>
            {rules.map((r) => (
              <tr>
                <td data-label="#">{r.id}</td>
                <td data-label={t("routing.field.category")}>{ruleCategory(ctx, r)}</td>
                <td data-label={t("routing.field.unit")}>{ruleUnit(ctx, r)}</td>
                <td data-label={t("routing.field.level")}>{t(`level.${r.level}`)}</td>
                <td data-label={t("routing.field.agency")}>
                  <a href={`/agencies/${r.agency_id}`}>{r.agency_name}</a>
                </td>
                <td data-label={t("routing.field.active")}>
                  {r.active ? (
                    <form method="post" action={`/admin/routing/${r.id}/deactivate`} class="inline">
                      <CsrfField ctx={ctx} />
                      {t("routing.active.yes")} ·{" "}
                      <button type="submit" class="link">
                        {t("routing.deactivate")}
                        <span class="sr-only"> #{r.id}</span>
                      </button>
                    </form>
                  ) : (
                    <span class="tag retired">{t("routing.active.no")}</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <h2 id="new">{t("routing.add")}</h2>
      <form method="post" action="/admin/routing" novalidate>
        <CsrfField ctx={ctx} />
        <ErrorSummary ctx={ctx} errors={form.errors} />
        <Select
          ctx={ctx}
          name="categoryCode"
          label={t("routing.field.category")}
          empty={t("routing.anyCategory")}
          value={form.values.categoryCode}
          options={options.categories}
          error={form.errors.categoryCode}
        />
        <Select
          ctx={ctx}
          name="unitId"
          label={t("routing.field.unit")}
          hint={t("routing.unitHint")}
          value={form.values.unitId}
          options={options.units}
          error={form.errors.unitId}
        />
        <TextField
          ctx={ctx}
          name="unitCode"
          label={t("routing.field.unitCode")}
          hint={t("routing.unitCodeHint")}
          value={form.values.unitCode}
          error={form.errors.unitCode}
        />
        <Select
          ctx={ctx}
          name="level"
          label={t("routing.field.level")}
          value={form.values.level ?? "province"}
          options={levelOptions}
          error={form.errors.level}
        />
        <Select
          ctx={ctx}
          name="agencyId"
          label={t("routing.field.agency")}
          empty={t("routing.chooseAgency")}
          value={form.values.agencyId}
          options={options.agencies}
          error={form.errors.agencyId}
        />
        <button type="submit">{t("routing.addButton")}</button>
      </form>
    </section>
  );
};
