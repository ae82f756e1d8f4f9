import type { FC } from "hono/jsx";
import type { PageContext } from "../../../../platform/http/layout.tsx";
import { formatNumber } from "../../../../platform/i18n/i18n.ts";
import type { Option } from "../../queries/workLists.ts";
import { QUEUE_STATES, type WorkItem } from "../../queries/workQueues.ts";
import {
  Counter,
  Counters,
  DeadlineText,
  NextPager,
  PetitionHeadCells,
  PetitionHeadColumns,
  Select,
  StateBadge,
} from "./parts.tsx";

/** Working days left (positive), due today (0) or overdue by (negative); null without a running deadline. */
export type TimeLeft = { days: number; overdue: boolean } | null;

export type QueueParams = { values: Record<string, string>; states: string[] };

type Props = {
  ctx: PageContext;
  params: QueueParams;
  categories: Option[];
  communes: Option[];
  counts: { overdue: number; week: number; total: number };
  items: WorkItem[];
  timeLeft: (item: WorkItem) => TimeLeft;
  next: string | null;
  now: Date;
  agencies: { id: number; name: string }[];
};

export function queueLink(p: QueueParams, extra: Record<string, string> = {}): string {
  const s = new URLSearchParams();
  for (const [k, v] of Object.entries(p.values)) if (v.trim() !== "" && !(k in extra)) s.set(k, v);
  for (const st of p.states) s.append("state", st);
  for (const [k, v] of Object.entries(extra)) if (v !== "") s.set(k, v);
  const qs = s.toString();
  return qs ? `/petitions/queue?${qs}` : "/petitions/queue";
}

const Left: FC<{ ctx: PageContext; left: TimeLeft }> = ({ ctx, left }) => {
  if (!left) return <span class="muted">—</span>;
  const n = formatNumber(Math.abs(left.days), ctx.locale);
  if (left.overdue)
    return (
      <strong class="overdue">
        {left.days === 0
          ? ctx.t("petitions.work.queue.overdueToday")
          : ctx.t("petitions.work.queue.overdueBy", { n })}
      </strong>
    );
  if (left.days === 0) return <strong>{ctx.t("petitions.work.queue.dueToday")}</strong>;
  return <span>{ctx.t("petitions.work.queue.daysLeft", { n })}</span>;
};

/** The agency officer's queue: overdue first, then by deadline, with what is left of each deadline in working days. */
export const QueuePage: FC<Props> = ({
  ctx,
  params,
  categories,
  communes,
  counts,
  items,
  timeLeft,
  next,
  now,
  agencies,
}) => {
  const { t } = ctx;
  const v = params.values;
  const fmt = (n: number) => formatNumber(n, ctx.locale);
  const base = { values: { ...v, due: "" }, states: params.states };
  return (
    <section>
      <h1>{t("petitions.work.queue.title")}</h1>
      {agencies.map((a) => (
        <p class="muted">
          {a.name} · <a href={`/agencies/${a.id}/templates`}>{t("petitions.work.template.title")}</a>
        </p>
      ))}
      <Counters label={t("petitions.work.queue.counts")}>
        <Counter
          label={t("petitions.work.queue.overdue")}
          value={fmt(counts.overdue)}
          href={queueLink(base, { due: "overdue" })}
          current={v.due === "overdue"}
          tone={counts.overdue > 0 ? "danger" : undefined}
        />
        <Counter
          label={t("petitions.work.queue.week")}
          value={fmt(counts.week)}
          href={queueLink(base, { due: "week" })}
          current={v.due === "week"}
          tone={counts.week > 0 ? "warn" : undefined}
        />
        <Counter
          label={t("petitions.work.queue.total")}
          value={fmt(counts.total)}
          href={queueLink(base)}
          current={!v.due}
        />
      </Counters>
      <form method="get" action="/petitions/queue" class="pfilters">
        {v.due ? <input type="hidden" name="due" value={v.due} /> : null}
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
        <details open={params.states.length || v.category || v.unitId ? true : undefined}>
          <summary>{t("petitions.work.filters")}</summary>
          <div class="filter-grid">
            <fieldset class="states">
              <legend>{t("petitions.work.field.state")}</legend>
              {QUEUE_STATES.map((s) => (
                <label class="check">
                  <input type="checkbox" name="state" value={s} checked={params.states.includes(s)} />{" "}
                  {t(`state.${s}`)}
                </label>
              ))}
            </fieldset>
            <div>
              <Select
                ctx={ctx}
                name="category"
                label={t("petitions.work.field.category")}
                empty={t("petitions.work.any")}
                value={v.category}
                options={categories}
              />
              <Select
                ctx={ctx}
                name="unitId"
                label={t("petitions.work.field.commune")}
                empty={t("petitions.work.any")}
                value={v.unitId}
                options={communes}
              />
            </div>
          </div>
          <div class="actions">
            <button type="submit">{t("petitions.work.applyFilters")}</button>
            <a href="/petitions/queue">{t("petitions.work.clearFilters")}</a>
          </div>
        </details>
      </form>
      {items.length === 0 ? (
        <p>{t("petitions.work.queue.empty")}</p>
      ) : (
        <table class="cardlist">
          <thead>
            <tr>
              <PetitionHeadColumns ctx={ctx} />
              <th scope="col">{t("petitions.work.col.state")}</th>
              <th scope="col">{t("petitions.work.col.deadline")}</th>
              <th scope="col">{t("petitions.work.col.left")}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((p) => (
              <tr>
                <PetitionHeadCells ctx={ctx} p={p} />
                <td data-label={t("petitions.work.col.state")}>
                  <StateBadge ctx={ctx} state={p.state} />
                </td>
                <td data-label={t("petitions.work.col.deadline")}>
                  <DeadlineText ctx={ctx} state={p.state} deadline={p.deadline_at} now={now} flag={false} />
                </td>
                <td data-label={t("petitions.work.col.left")}>
                  <Left ctx={ctx} left={timeLeft(p)} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <NextPager
        ctx={ctx}
        first={v.after ? queueLink({ values: { ...v, after: "" }, states: params.states }) : null}
        next={next ? queueLink({ values: v, states: params.states }, { after: next }) : null}
      />
    </section>
  );
};
