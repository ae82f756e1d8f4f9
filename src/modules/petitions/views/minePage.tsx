import type { FC } from "hono/jsx";
import type { PageContext } from "../../../platform/http/layout.tsx";
import { formatDate, type Translate } from "../../../platform/i18n/i18n.ts";
import type { PetitionListItem } from "../queries/listPetitions.ts";
import { DEADLINE_STATES, isState } from "../states.ts";
import { labelOr, StateBadge } from "./fields.tsx";

const HELD_BY_COMMUNE = new Set(["submitted", "received", "returned"]);
const HELD_BY_CENTRE = new Set(["escalated_central", "in_central_report"]);

/** Who has the petition now, in words a village head understands. */
export function holderOf(
  t: Translate,
  p: { state: string; agency_name: string | null; commune_name: string | null },
): string {
  if (p.state === "draft" || p.state === "returned") return t("petitions.mine.heldBy.village");
  if (p.agency_name && isState(p.state) && DEADLINE_STATES.has(p.state)) return p.agency_name;
  if (HELD_BY_COMMUNE.has(p.state))
    return t("petitions.mine.heldBy.commune", { commune: p.commune_name ?? "" });
  if (HELD_BY_CENTRE.has(p.state)) return t("petitions.mine.heldBy.centre");
  if (p.state === "answered" || p.state === "central_answered") return t("petitions.mine.heldBy.village");
  return "—";
}

export function isLate(
  p: { state: string; deadline_at: Date | null; overdue_since: Date | null },
  now: Date,
): boolean {
  if (!isState(p.state) || !DEADLINE_STATES.has(p.state)) return false;
  return p.overdue_since !== null || (p.deadline_at !== null && p.deadline_at.getTime() < now.getTime());
}

export const Deadline: FC<{
  t: Translate;
  p: PetitionListItem | { state: string; deadline_at: Date | null; overdue_since: Date | null };
  now: Date;
}> = ({ t, p, now }) => {
  if (!p.deadline_at || !isState(p.state) || !DEADLINE_STATES.has(p.state))
    return <span class="muted">—</span>;
  return (
    <>
      <time datetime={p.deadline_at.toISOString()}>{formatDate(p.deadline_at)}</time>
      {isLate(p, now) ? (
        <>
          {" "}
          <strong class="late">{t("petitions.mine.overdue")}</strong>
        </>
      ) : null}
    </>
  );
};

const Item: FC<{ ctx: PageContext; p: PetitionListItem; now: Date }> = ({ ctx, p, now }) => {
  const { t } = ctx;
  const draft = p.state === "draft";
  return (
    <li class={isLate(p, now) ? "petition-card late-card" : "petition-card"}>
      <h3>
        <a href={draft ? `/petitions/${p.id}#act-submit` : `/petitions/${p.id}`}>{p.title}</a>
      </h3>
      <p class="meta">
        <StateBadge t={t} state={p.state} /> <span class="code">{p.code}</span>
        {" · "}
        {labelOr(t, `kind.${p.kind}`, p.kind)}
        {p.urgency !== "normal" ? (
          <>
            {" · "}
            <strong>{labelOr(t, `urgency.${p.urgency}`, p.urgency)}</strong>
          </>
        ) : null}
      </p>
      <dl class="facts compact">
        <dt>{t("petitions.mine.village")}</dt>
        <dd>{p.village_name}</dd>
        <dt>{t("petitions.mine.holder")}</dt>
        <dd>{holderOf(t, p)}</dd>
        <dt>{t("petitions.mine.deadline")}</dt>
        <dd>
          <Deadline t={t} p={p} now={now} />
        </dd>
        {p.submitted_at ? (
          <>
            <dt>{t("petitions.mine.submitted")}</dt>
            <dd>{formatDate(p.submitted_at)}</dd>
          </>
        ) : null}
      </dl>
      {draft ? (
        <p>
          <a class="button secondary" href={`/petitions/${p.id}#act-submit`}>
            {t("petitions.mine.continue")}
          </a>
        </p>
      ) : null}
    </li>
  );
};

export const MinePage: FC<{
  ctx: PageContext;
  drafts: PetitionListItem[];
  items: PetitionListItem[];
  next: string | null;
  firstPage: boolean;
  now: Date;
  flash: string | null;
}> = ({ ctx, drafts, items, next, firstPage, now, flash }) => {
  const { t } = ctx;
  return (
    <section>
      <h1>{t("petitions.mine.title")}</h1>
      {flash ? (
        <div class="alert ok" role="status">
          {t(flash)}
        </div>
      ) : null}
      <p class="actions">
        <a class="button" href="/petitions/new">
          {t("petitions.mine.new")}
        </a>
      </p>
      {drafts.length > 0 ? (
        <>
          <h2 class="list-heading">{t("petitions.mine.drafts", { n: drafts.length })}</h2>
          <ul class="petition-list">
            {drafts.map((p) => (
              <Item ctx={ctx} p={p} now={now} />
            ))}
          </ul>
        </>
      ) : null}
      <h2 class="list-heading">{t("petitions.mine.sent")}</h2>
      {items.length === 0 ? (
        <p class="muted">{firstPage ? t("petitions.mine.empty") : t("petitions.mine.noMore")}</p>
      ) : (
        <ul class="petition-list">
          {items.map((p) => (
            <Item ctx={ctx} p={p} now={now} />
          ))}
        </ul>
      )}
      <nav class="pager" aria-label={t("layout.pages")}>
        {firstPage ? <span /> : <a href="/petitions/mine">{t("petitions.mine.first")}</a>}
        {next ? (
          <a href={`/petitions/mine?after=${encodeURIComponent(next)}`}>{t("petitions.mine.older")}</a>
        ) : (
          <span />
        )}
      </nav>
    </section>
  );
};
