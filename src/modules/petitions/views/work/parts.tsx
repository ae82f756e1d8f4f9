import type { Child, FC } from "hono/jsx";
import type { PageContext } from "../../../../platform/http/layout.tsx";
import { formatDate, formatNumber } from "../../../../platform/i18n/i18n.ts";
import type { CappedCount, Option } from "../../queries/workLists.ts";

/** States grouped for the badge's look; the words always say the state, colour only repeats it. */
const STATE_TONE: Record<string, string> = {
  draft: "muted",
  submitted: "new",
  received: "new",
  returned: "warn",
  redirected: "muted",
  assigned: "work",
  in_progress: "work",
  answered: "done",
  reopened: "warn",
  escalated_central: "work",
  in_central_report: "work",
  central_answered: "done",
  merged: "muted",
  closed: "done",
};

export const StateBadge: FC<{ ctx: PageContext; state: string }> = ({ ctx, state }) => (
  <span class={`state state-${STATE_TONE[state] ?? "muted"}`}>{ctx.t(`state.${state}`)}</span>
);

export const UrgencyTag: FC<{ ctx: PageContext; urgency: string }> = ({ ctx, urgency }) =>
  urgency === "normal" ? null : <span class={`tag urgency-${urgency}`}>{ctx.t(`urgency.${urgency}`)}</span>;

export const isOverdueNow = (state: string, deadline: Date | null, now: Date) =>
  (state === "assigned" || state === "in_progress") &&
  deadline !== null &&
  deadline.getTime() < now.getTime();

/** A deadline as dd/mm/yyyy with a worded "overdue" flag. */
export const DeadlineText: FC<{
  ctx: PageContext;
  state: string;
  deadline: Date | null;
  now: Date;
  flag?: boolean;
}> = ({ ctx, state, deadline, now, flag = true }) => {
  if (!deadline) return <span class="muted">—</span>;
  return (
    <>
      <time datetime={deadline.toISOString()}>{formatDate(deadline)}</time>
      {flag && isOverdueNow(state, deadline, now) ? (
        <>
          {" "}
          <strong class="overdue">{ctx.t("petitions.work.overdue")}</strong>
        </>
      ) : null}
    </>
  );
};

export const Place: FC<{ village: string; commune: string | null }> = ({ village, commune }) => (
  <>
    {village}
    {commune ? <span class="muted">, {commune}</span> : null}
  </>
);

/** "1.234" or "hơn 1.000". */
export function countText(ctx: PageContext, c: CappedCount): string {
  const n = formatNumber(c.n, ctx.locale);
  return c.capped ? ctx.t("petitions.work.moreThan", { n }) : n;
}

type SelectProps = {
  ctx: PageContext;
  name: string;
  /** defaults to f-{name}; give another when two forms on a page share a field name */
  id?: string;
  label: string;
  options: Option[];
  value?: string;
  empty?: string;
  error?: string;
  hint?: string;
};

/** A labelled select keeping its value, with its error beside it. */
export const Select: FC<SelectProps> = (p) => {
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
      <select
        id={id}
        name={p.name}
        aria-invalid={p.error ? "true" : undefined}
        aria-describedby={describedBy}
      >
        {p.empty !== undefined ? <option value="">{p.empty}</option> : null}
        {p.options.map((o) => (
          <option value={o.value} selected={o.value === (p.value ?? "")}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
};

/** Keyset pages: back to the first page, and the next one (the cursor kept in the link with every filter). */
export const NextPager: FC<{ ctx: PageContext; first: string | null; next: string | null }> = ({
  ctx,
  first,
  next,
}) =>
  first || next ? (
    <nav class="pager" aria-label={ctx.t("layout.pages")}>
      {first ? <a href={first}>{ctx.t("petitions.work.firstPage")}</a> : <span />}
      {next ? (
        <a href={next} rel="next">
          {ctx.t("layout.next")}
        </a>
      ) : (
        <span />
      )}
    </nav>
  ) : null;

/** A row of figures at the top of a work page; each can be a link to the items it counts. */
export const Counters: FC<{ label: string; children?: Child }> = ({ label, children }) => (
  <ul class="counters" aria-label={label}>
    {children}
  </ul>
);

export const Counter: FC<{
  label: string;
  value: string;
  href?: string;
  current?: boolean;
  tone?: string;
}> = (p) => (
  <li class={`counter${p.tone ? ` ${p.tone}` : ""}`}>
    {p.href ? (
      <a href={p.href} aria-current={p.current ? "true" : undefined}>
        <span class="n">{p.value}</span> <span class="l">{p.label}</span>
      </a>
    ) : (
      <span class="inner">
        <span class="n">{p.value}</span> <span class="l">{p.label}</span>
      </span>
    )}
  </li>
);

/** The first four columns every work table shares: code, title (with urgency), village and commune, category. */
export const PetitionHeadColumns: FC<{ ctx: PageContext }> = ({ ctx }) => (
  <>
    <th scope="col">{ctx.t("petitions.work.col.code")}</th>
    <th scope="col">{ctx.t("petitions.work.col.title")}</th>
    <th scope="col">{ctx.t("petitions.work.col.place")}</th>
    <th scope="col">{ctx.t("petitions.work.col.category")}</th>
  </>
);

type HeadItem = {
  id: number;
  code: string;
  title: string;
  urgency: string;
  village_name: string;
  commune_name: string | null;
  category_name: string | null;
};

/** The cells under PetitionHeadColumns; `children` adds to the title cell (e.g. a hand-back tag). */
export const PetitionHeadCells: FC<{ ctx: PageContext; p: HeadItem; children?: Child }> = ({
  ctx,
  p,
  children,
}) => (
  <>
    <td data-label={ctx.t("petitions.work.col.code")} class="code">
      {p.code}
    </td>
    <td class="title">
      <a href={`/petitions/${p.id}`}>{p.title}</a> <UrgencyTag ctx={ctx} urgency={p.urgency} />
      {children}
    </td>
    <td data-label={ctx.t("petitions.work.col.place")}>
      <Place village={p.village_name} commune={p.commune_name} />
    </td>
    <td data-label={ctx.t("petitions.work.col.category")}>
      {p.category_name ?? <span class="muted">—</span>}
    </td>
  </>
);
