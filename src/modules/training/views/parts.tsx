import type { FC } from "hono/jsx";
import type { PageContext } from "../../../platform/http/layout.tsx";
import { formatDate, formatDateTime } from "../../../platform/i18n/i18n.ts";
import type { CourseSession } from "../queries/courses.ts";

/** "04/05/2026 08:00–11:00" (or two full date-times when a session runs past midnight). */
export function sessionWhen(s: Pick<CourseSession, "startsAt" | "endsAt">): string {
  const start = formatDateTime(s.startsAt);
  const end = formatDateTime(s.endsAt);
  return formatDate(s.startsAt) === formatDate(s.endsAt) ? `${start}–${end.slice(11)}` : `${start} – ${end}`;
}

export const StatusTag: FC<{ ctx: PageContext; status: string | null; completed?: boolean }> = ({
  ctx,
  status,
  completed,
}) => {
  if (completed) return <span class="tag state-done">{ctx.t("training.status.completed")}</span>;
  if (!status) return null;
  const cls = status === "enrolled" ? "state-work" : status === "waitlisted" ? "state-warn" : "state-new";
  return <span class={`tag ${cls}`}>{ctx.t(`training.status.${status}`)}</span>;
};

export const Crumbs: FC<{ ctx: PageContext; items: { href: string; label: string }[] }> = ({
  ctx,
  items,
}) => (
  <nav aria-label={ctx.t("training.crumbs")}>
    <ol class="crumbs">
      {items.map((i) => (
        <li>
          <a href={i.href}>{i.label}</a>
        </li>
      ))}
    </ol>
  </nav>
);
