import type { FC } from "hono/jsx";
import { formatDate, type Translate } from "../../../platform/i18n/i18n.ts";
import type { CommitmentRow } from "../queries/listCommitments.ts";

/** A native <progress>: accessible, needs no script and no inline style (the CSP forbids them). */
export const ProgressBar: FC<{ t: Translate; percent: number; state: string; label: string }> = ({
  t,
  percent,
  state,
  label,
}) => (
  <span class="ck-progress">
    <progress class={`ck-bar ck-bar-${state}`} max="100" value={String(percent)} aria-label={label}>
      {`${percent}%`}
    </progress>
    <span class="ck-pct" aria-hidden="true">
      {t("commitments.percent", { n: percent })}
    </span>
  </span>
);

export const StateBadge: FC<{ t: Translate; state: string }> = ({ t, state }) => (
  <span class={`ck-state ck-state-${state}`}>{t(`commitments.state.${state}`)}</span>
);

/**
 * A list of commitments with progress bars, for work lists, the public page and a dialogue's page.
 * `href` says where each links (null: no link, e.g. on a public page for a visitor); `showDialogue` adds a link to
 * the dialogue's page (for signed-in readers).
 */
export const CommitmentList: FC<{
  t: Translate;
  rows: CommitmentRow[];
  href?: (row: CommitmentRow) => string | null;
  showDialogue?: boolean;
  /** Shown when there are no rows. */
  emptyKey?: string;
}> = ({ t, rows, href = (r) => `/commitments/${r.id}`, showDialogue = false, emptyKey }) => {
  if (rows.length === 0) return <p class="ck-empty">{t(emptyKey ?? "commitments.list.empty")}</p>;
  return (
    <ul class="ck-list">
      {rows.map((r) => {
        const link = href(r);
        const label = t("commitments.progressLabel", { code: r.code, n: r.percent });
        return (
          <li class={`ck-item ck-item-${r.state}`}>
            <p class="ck-head">
              <span class="ck-code">{r.code}</span> <StateBadge t={t} state={r.state} />
            </p>
            <p class="ck-text">{link ? <a href={link}>{r.text}</a> : r.text}</p>
            <ProgressBar t={t} percent={r.percent} state={r.state} label={label} />
            <dl class="ck-meta">
              <div>
                <dt>{t("commitments.field.agency")}</dt>
                <dd>{r.agencyName}</dd>
              </div>
              <div>
                <dt>{t("commitments.field.deadline")}</dt>
                <dd>
                  <time datetime={r.deadline.toISOString()}>{formatDate(r.deadline)}</time>
                </dd>
              </div>
              <div>
                <dt>{t("commitments.field.lastUpdate")}</dt>
                <dd>{r.lastUpdateAt ? formatDate(r.lastUpdateAt) : t("commitments.noUpdate")}</dd>
              </div>
              {showDialogue && r.dialogueId !== null ? (
                <div>
                  <dt>{t("commitments.field.dialogue")}</dt>
                  <dd>
                    <a href={`/dialogues/${r.dialogueId}`}>
                      {t("commitments.dialogueLink", { id: r.dialogueId })}
                    </a>
                  </dd>
                </div>
              ) : null}
            </dl>
            {r.state === "cancelled" && r.cancelReason ? (
              <p class="ck-reason">{t("commitments.cancelledBecause", { reason: r.cancelReason })}</p>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
};
