import type { FC } from "hono/jsx";
import type { PageContext } from "../../../platform/http/layout.tsx";
import { formatDate, formatDateTime, type Translate } from "../../../platform/i18n/i18n.ts";
import type { TimelineEvent } from "../queries/getPetition.ts";
import { labelOr, StateBadge } from "./fields.tsx";

/** What an event's data adds in words: the classification at receipt, the deadline set, the days asked. */
function details(t: Translate, e: TimelineEvent): string[] {
  const d = e.data ?? {};
  const out: string[] = [];
  const str = (k: string) => (typeof d[k] === "string" ? (d[k] as string) : null);
  if (e.action === "receive") {
    const kind = str("kind");
    const urgency = str("urgency");
    const level = str("level");
    if (kind) out.push(labelOr(t, `kind.${kind}`, kind));
    if (urgency) out.push(labelOr(t, `urgency.${urgency}`, urgency));
    if (level) out.push(labelOr(t, `level.${level}`, level));
  }
  if (e.action === "redirect") {
    const procedure = str("procedure");
    if (procedure) out.push(labelOr(t, `kind.${procedure}`, procedure));
  }
  if (e.action === "join_claim") {
    const code = str("code");
    if (code) out.push(code);
  }
  const deadline = str("deadline");
  if (deadline && !Number.isNaN(Date.parse(deadline))) {
    out.push(t("petitions.timeline.deadline", { date: formatDate(new Date(deadline)) }));
  }
  const days =
    typeof d.requestedDays === "number" ? d.requestedDays : typeof d.days === "number" ? d.days : null;
  if (days !== null) out.push(t("petitions.timeline.days", { n: days }));
  if (typeof d.evidence === "number" && d.evidence > 0)
    out.push(t("petitions.timeline.evidence", { n: d.evidence }));
  if (d.publish === true) out.push(t("petitions.timeline.published"));
  return out;
}

/** Every step of the petition, oldest first; the last one is where it stands now. */
export const Timeline: FC<{ ctx: PageContext; events: TimelineEvent[] }> = ({ ctx, events }) => {
  const { t } = ctx;
  if (events.length === 0) return <p class="muted">{t("petitions.timeline.empty")}</p>;
  return (
    <ol class="timeline">
      {events.map((e, i) => {
        const current = i === events.length - 1;
        const extra = details(t, e);
        return (
          <li class={current ? "event current" : "event"} aria-current={current ? "step" : undefined}>
            <p class="when">
              <time datetime={e.at.toISOString()}>{formatDateTime(e.at)}</time>
              {current ? <span class="now-tag">{t("petitions.timeline.now")}</span> : null}
            </p>
            <p class="what">
              <strong>{labelOr(t, `action.${e.action}`, e.action)}</strong>{" "}
              {e.from_state !== e.to_state || current ? (
                <>
                  <span class="sr-only">{t("petitions.timeline.stateNow")} </span>
                  <StateBadge t={t} state={e.to_state} />
                </>
              ) : null}
            </p>
            <p class="who">
              {e.actor_name ?? t("petitions.timeline.system")}
              {e.agency_name ? ` · ${e.agency_name}` : ""}
            </p>
            {extra.length > 0 ? <p class="muted">{extra.join(" · ")}</p> : null}
            {e.note && e.action === "answer" ? (
              <details class="note">
                <summary>{t("petitions.timeline.answerText")}</summary>
                <p>{e.note}</p>
              </details>
            ) : e.note ? (
              <p class="note">{e.note}</p>
            ) : null}
          </li>
        );
      })}
    </ol>
  );
};
