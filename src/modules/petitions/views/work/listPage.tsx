import type { FC } from "hono/jsx";
import { ErrorSummary, type PageContext } from "../../../../platform/http/layout.tsx";
import type { PetitionListItem } from "../../queries/listPetitions.ts";
import type { CappedCount, Option } from "../../queries/workLists.ts";
import { KINDS, STATES, URGENCIES } from "../../states.ts";
import { hasFilters, type ListParams, withParams } from "./params.ts";
import {
  countText,
  DeadlineText,
  NextPager,
  PetitionHeadCells,
  PetitionHeadColumns,
  Select,
  StateBadge,
} from "./parts.tsx";

export type ListOptions = { units: Option[]; agencies: Option[]; categories: Option[]; unitLabel: string };

type Props = {
  ctx: PageContext;
  params: ListParams;
  options: ListOptions;
  items: PetitionListItem[];
  count: CappedCount | null;
  next: string | null;
  now: Date;
};

/** The filter form: search first (what people use most), the rest folded away on a phone until opened. */
const Filters: FC<{ ctx: PageContext; params: ListParams; options: ListOptions }> = ({
  ctx,
  params,
  options,
}) => {
  const { t } = ctx;
  const v = params.values;
  const e = params.errors;
  const dateField = (name: "from" | "to", label: string) => (
    <div class={e[name] ? "field invalid" : "field"}>
      <label for={`f-${name}`}>{label}</label>
      <p class="hint" id={`f-${name}-hint`}>
        {t("petitions.work.dateHint")}
      </p>
      {e[name] ? (
        <p class="err" id={`f-${name}-err`}>
          {t(e[name])}
        </p>
      ) : null}
      <input
        id={`f-${name}`}
        name={name}
        value={v[name] ?? ""}
        inputmode="numeric"
        placeholder="dd/mm/yyyy"
        aria-invalid={e[name] ? "true" : undefined}
        aria-describedby={e[name] ? `f-${name}-hint f-${name}-err` : `f-${name}-hint`}
      />
    </div>
  );
  return (
    <form method="get" action="/petitions" class="pfilters">
      <div class="search">
        <label for="f-q" class="sr-only">
          {t("petitions.work.searchLabel")}
        </label>
        <input
          id="f-q"
          name="q"
          type="search"
          value={v.q ?? ""}
          placeholder={t("petitions.work.searchPlaceholder")}
        />
        <button type="submit">{t("form.search")}</button>
      </div>
      <details open={hasFilters(params) || Object.keys(e).length > 0 ? true : undefined}>
        <summary>{t("petitions.work.filters")}</summary>
        <div class="filter-grid">
          <fieldset class="states">
            <legend>{t("petitions.work.field.state")}</legend>
            {STATES.filter((s) => s !== "draft").map((s) => (
              <label class="check">
                <input type="checkbox" name="state" value={s} checked={params.states.includes(s)} />{" "}
                {t(`state.${s}`)}
              </label>
            ))}
          </fieldset>
          <div>
            <Select
              ctx={ctx}
              name="kind"
              label={t("petitions.work.field.kind")}
              empty={t("petitions.work.any")}
              value={v.kind}
              options={KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) }))}
            />
            <Select
              ctx={ctx}
              name="category"
              label={t("petitions.work.field.category")}
              empty={t("petitions.work.any")}
              value={v.category}
              options={options.categories}
            />
            {options.units.length ? (
              <Select
                ctx={ctx}
                name="unitId"
                label={options.unitLabel}
                empty={t("petitions.work.any")}
                value={v.unitId}
                options={options.units}
              />
            ) : null}
            <Select
              ctx={ctx}
              name="agencyId"
              label={t("petitions.work.field.agency")}
              empty={t("petitions.work.any")}
              value={v.agencyId}
              options={options.agencies}
            />
            <Select
              ctx={ctx}
              name="urgency"
              label={t("petitions.work.field.urgency")}
              empty={t("petitions.work.any")}
              value={v.urgency}
              options={URGENCIES.map((u) => ({ value: u, label: t(`urgency.${u}`) }))}
            />
          </div>
          <div>
            {dateField("from", t("petitions.work.field.from"))}
            {dateField("to", t("petitions.work.field.to"))}
            <div class="field">
              <label class="check">
                <input type="checkbox" name="overdue" value="1" checked={v.overdue === "1"} />{" "}
                {t("petitions.work.field.overdueOnly")}
              </label>
            </div>
            <Select
              ctx={ctx}
              name="sort"
              label={t("petitions.work.field.sort")}
              value={v.sort === "deadline" ? "deadline" : "newest"}
              options={[
                { value: "newest", label: t("petitions.work.sort.newest") },
                { value: "deadline", label: t("petitions.work.sort.deadline") },
              ]}
            />
          </div>
        </div>
        <div class="actions">
          <button type="submit">{t("petitions.work.applyFilters")}</button>
          <a href="/petitions">{t("petitions.work.clearFilters")}</a>
        </div>
      </details>
    </form>
  );
};

export const PetitionListPage: FC<Props> = ({ ctx, params, options, items, count, next, now }) => {
  const { t } = ctx;
  const failed = Object.keys(params.errors).length > 0;
  return (
    <section>
      <h1>{t("petitions.work.list.title")}</h1>
      <ErrorSummary ctx={ctx} errors={params.errors} />
      <Filters ctx={ctx} params={params} options={options} />
      {failed ? (
        <p>{t("petitions.work.fixFilters")}</p>
      ) : (
        <>
          <div class="list-head">
            <p class="count" role="status">
              {count ? t("petitions.work.found", { n: countText(ctx, count) }) : null}
            </p>
            <p class="exports">
              {t("petitions.work.export")}:{" "}
              <a href={withParams("/petitions/export.csv", params)} download>
                CSV
              </a>{" "}
              ·{" "}
              <a href={withParams("/petitions/export.xlsx", params)} download>
                Excel (XLSX)
              </a>
            </p>
          </div>
          {items.length === 0 ? (
            <p>{t("petitions.work.none")}</p>
          ) : (
            <table class="cardlist">
              <caption class="sr-only">{t("petitions.work.list.caption")}</caption>
              <thead>
                <tr>
                  <PetitionHeadColumns ctx={ctx} />
                  <th scope="col">{t("petitions.work.col.state")}</th>
                  <th scope="col">{t("petitions.work.col.holder")}</th>
                  <th scope="col">{t("petitions.work.col.deadline")}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((p) => (
                  <tr>
                    <PetitionHeadCells ctx={ctx} p={p} />
                    <td data-label={t("petitions.work.col.state")}>
                      <StateBadge ctx={ctx} state={p.state} />
                    </td>
                    <td data-label={t("petitions.work.col.holder")}>
                      {p.agency_name ?? <span class="muted">—</span>}
                    </td>
                    <td data-label={t("petitions.work.col.deadline")}>
                      <DeadlineText ctx={ctx} state={p.state} deadline={p.deadline_at} now={now} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <NextPager
            ctx={ctx}
            first={params.after ? withParams("/petitions", params) : null}
            next={next ? withParams("/petitions", params, { after: next }) : null}
          />
        </>
      )}
    </section>
  );
};
