import type { FC } from "hono/jsx";
import { CsrfField, Flash, type PageContext } from "../../../../platform/http/layout.tsx";
import { formatDate, formatNumber } from "../../../../platform/i18n/i18n.ts";
import type { PendingExtension } from "../../queries/workQueues.ts";
import { Place, StateBadge } from "./parts.tsx";

type Props = {
  ctx: PageContext;
  items: PendingExtension[];
  /** The deadline if the request is approved. */
  proposed: (r: PendingExtension) => Date | null;
  done: string | null;
  error: { id: number; messageKey: string } | null;
};

/** Extension requests waiting for the coordinator, each with its approve / refuse form. */
export const ExtensionsPage: FC<Props> = ({ ctx, items, proposed, done, error }) => {
  const { t } = ctx;
  return (
    <section>
      <h1>{t("petitions.work.ext.title")}</h1>
      <Flash ctx={ctx} messageKey={done} />
      {error ? (
        <div class="alert error" role="alert">
          {t(error.messageKey)}
        </div>
      ) : null}
      {items.length === 0 ? (
        <p>{t("petitions.work.ext.empty")}</p>
      ) : (
        <ul class="ext-list">
          {items.map((r) => {
            const next = proposed(r);
            return (
              <li class="card">
                <h2>
                  <a href={`/petitions/${r.petition_id}`}>
                    {r.code} · {r.title}
                  </a>
                </h2>
                <dl class="facts">
                  <dt>{t("petitions.work.col.place")}</dt>
                  <dd>
                    <Place village={r.village_name} commune={r.commune_name} />
                  </dd>
                  <dt>{t("petitions.work.col.holder")}</dt>
                  <dd>
                    {r.agency_name ?? "—"}
                    {r.requested_by_name ? <span class="muted"> ({r.requested_by_name})</span> : null}
                  </dd>
                  <dt>{t("petitions.work.col.state")}</dt>
                  <dd>
                    <StateBadge ctx={ctx} state={r.state} />
                  </dd>
                  <dt>{t("petitions.work.ext.asked")}</dt>
                  <dd>{t("petitions.work.ext.days", { n: formatNumber(r.working_days, ctx.locale) })}</dd>
                  <dt>{t("petitions.work.ext.reason")}</dt>
                  <dd>{r.reason}</dd>
                  <dt>{t("petitions.work.ext.deadline")}</dt>
                  <dd>
                    {r.deadline_at ? formatDate(r.deadline_at) : "—"}
                    {next ? ` → ${formatDate(next)}` : null}
                  </dd>
                </dl>
                <form method="post" action={`/petitions/extensions/${r.id}`}>
                  <CsrfField ctx={ctx} />
                  <div class={error?.id === r.id ? "field invalid" : "field"}>
                    <label for={`note-${r.id}`}>{t("petitions.work.ext.note")}</label>
                    <textarea id={`note-${r.id}`} name="note" rows={2} maxlength={1000} />
                  </div>
                  <div class="actions">
                    <button type="submit" name="decision" value="approve">
                      {t("petitions.work.ext.approve")}
                    </button>
                    <button type="submit" name="decision" value="refuse" class="secondary">
                      {t("petitions.work.ext.refuse")}
                    </button>
                  </div>
                </form>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
};
