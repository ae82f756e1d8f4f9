import type { FC } from "hono/jsx";
import { type PageContext, Pager } from "../../../platform/http/layout.tsx";
import type { InboxItem, ListItem } from "../queries/lists.ts";
import { Share, StateBadge, showDay } from "./parts.tsx";

export const ListPage: FC<{
  ctx: PageContext;
  items: ListItem[];
  page: number;
  hasNext: boolean;
  canDraft: boolean;
}> = ({ ctx, items, page, hasNext, canDraft }) => {
  const { t } = ctx;
  return (
    <>
      <h1>{t("directives.list.title")}</h1>
      {canDraft ? (
        <p>
          <a class="button" href="/directives/new">
            {t("directives.list.new")}
          </a>
        </p>
      ) : null}
      {items.length === 0 ? <p class="muted">{t("directives.list.empty")}</p> : null}
      <ul class="dir-cards">
        {items.map((d) => (
          <li class="dir-card">
            <h2>
              <a href={`/directives/${d.id}`}>{d.title}</a>
            </h2>
            <p class="meta">
              <StateBadge t={t} state={d.state} /> <span class="code">{d.doc_number}</span>
              {d.version > 1 ? ` · ${t("directives.version", { n: d.version })}` : ""}
            </p>
            {d.state === "published" || d.state === "revoked" ? (
              <dl class="facts compact">
                <dt>{t("directives.cov.acknowledged")}</dt>
                <dd>
                  <Share part={d.acknowledged} whole={d.villages} />
                </dd>
                <dt>{t("directives.cov.disseminated")}</dt>
                <dd>
                  <Share part={d.disseminated} whole={d.villages} />
                </dd>
                <dt>{t("directives.field.ackDue")}</dt>
                <dd>{showDay(d.ack_due)}</dd>
              </dl>
            ) : null}
          </li>
        ))}
      </ul>
      <Pager ctx={ctx} page={page} hasNext={hasNext} base="/directives" />
    </>
  );
};

export const InboxPage: FC<{ ctx: PageContext; items: InboxItem[]; page: number; hasNext: boolean }> = ({
  ctx,
  items,
  page,
  hasNext,
}) => {
  const { t } = ctx;
  return (
    <>
      <h1>{t("directives.inbox.title")}</h1>
      {items.length === 0 ? <p class="muted">{t("directives.inbox.empty")}</p> : null}
      <ul class="dir-cards">
        {items.map((d) => {
          const corrected = d.acknowledged_at !== null && (d.acknowledged_version ?? 0) < d.version;
          return (
            <li class={d.overdue ? "dir-card late-card" : "dir-card"}>
              <h2>
                <a href={`/directives/${d.directive_id}/village/${d.village_id}`}>{d.title}</a>
              </h2>
              <p class="meta">
                <span class="code">{d.doc_number}</span> · {d.village_name}
                {d.state === "revoked" ? (
                  <>
                    {" · "}
                    <StateBadge t={t} state="revoked" />
                  </>
                ) : null}
                {d.overdue ? (
                  <>
                    {" · "}
                    <strong class="late">{t("directives.inbox.overdue")}</strong>
                  </>
                ) : null}
                {corrected ? (
                  <>
                    {" · "}
                    <strong>{t("directives.inbox.corrected")}</strong>
                  </>
                ) : null}
              </p>
              <dl class="facts compact">
                <dt>{t("directives.inbox.ack")}</dt>
                <dd>
                  {d.acknowledged_at
                    ? t("directives.inbox.done")
                    : t("directives.inbox.dueBy", { date: showDay(d.ack_due) })}
                </dd>
                <dt>{t("directives.inbox.dis")}</dt>
                <dd>
                  {d.disseminated_at
                    ? t("directives.inbox.done")
                    : t("directives.inbox.dueBy", { date: showDay(d.disseminate_due) })}
                </dd>
              </dl>
            </li>
          );
        })}
      </ul>
      <Pager ctx={ctx} page={page} hasNext={hasNext} base="/directives/inbox" />
    </>
  );
};
