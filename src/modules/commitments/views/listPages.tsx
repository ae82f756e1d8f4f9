import type { FC } from "hono/jsx";
import { BarChart } from "../../../platform/charts/barChart.tsx";
import { Flash, type PageContext } from "../../../platform/http/layout.tsx";
import type { CommitmentRow } from "../queries/listCommitments.ts";
import { COMMITMENT_STATES, type CommitmentState } from "../states.ts";
import { CommitmentList } from "./commitmentList.tsx";
import { FilterForm, type ListFilters } from "./filters.tsx";

export const StateChart: FC<{ ctx: PageContext; counts: Record<CommitmentState, number>; title: string }> = ({
  ctx,
  counts,
  title,
}) => (
  // A narrow drawing in a narrow box: its labels stay legible on a 360 px phone without growing on a desktop.
  <div class="ck-chart">
    <BarChart
      title={title}
      width={360}
      bars={COMMITMENT_STATES.map((s) => ({ label: ctx.t(`commitments.state.${s}`), value: counts[s] }))}
    />
  </div>
);

/** An agency's own commitments: overdue first, then by deadline. */
export const MinePage: FC<{
  ctx: PageContext;
  rows: CommitmentRow[];
  filters: ListFilters;
  counts: Record<CommitmentState, number>;
}> = ({ ctx, rows, filters, counts }) => (
  <>
    <h1>{ctx.t("commitments.mine.title")}</h1>
    <p>{ctx.t("commitments.mine.intro")}</p>
    <StateChart ctx={ctx} counts={counts} title={ctx.t("commitments.summary")} />
    <FilterForm ctx={ctx} action="/commitments/mine" filters={filters} />
    <p class="ck-count">{ctx.t("commitments.count", { n: rows.length })}</p>
    <CommitmentList t={ctx.t} rows={rows} showDialogue />
  </>
);

/** The coordinator's follow-up of every commitment. */
export const AllPage: FC<{
  ctx: PageContext;
  rows: CommitmentRow[];
  filters: ListFilters;
  agencies: { id: number; name: string }[];
  counts: Record<CommitmentState, number>;
  canCreate: boolean;
  flash?: string | null;
}> = ({ ctx, rows, filters, agencies, counts, canCreate, flash }) => (
  <>
    <h1>{ctx.t("commitments.all.title")}</h1>
    <Flash ctx={ctx} messageKey={flash} />
    {canCreate ? (
      <p>
        <a class="button" href="/commitments/new">
          {ctx.t("commitments.all.new")}
        </a>
      </p>
    ) : null}
    <StateChart ctx={ctx} counts={counts} title={ctx.t("commitments.summary")} />
    <FilterForm ctx={ctx} action="/commitments" agencies={agencies} filters={filters} />
    <p class="ck-count">{ctx.t("commitments.count", { n: rows.length })}</p>
    <CommitmentList t={ctx.t} rows={rows} showDialogue />
  </>
);
