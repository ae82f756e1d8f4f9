import type { FC } from "hono/jsx";
import type { PageContext } from "../../../platform/http/layout.tsx";
import { formatDateTime } from "../../../platform/i18n/i18n.ts";
import type { CommitmentRow } from "../../commitments/queries/listCommitments.ts";
import { CommitmentList } from "../../commitments/views/commitmentList.tsx";
import type { Dialogue } from "../queries/getDialogue.ts";
import type { QuestionRow } from "../queries/questions.ts";

/**
 * The public summary of a closed dialogue: what was asked (by which village; no person's name), what was
 * answered and by whom, what was promised and how far it got, and where the unanswered questions went.
 */
export const PublicDialoguePage: FC<{
  ctx: PageContext;
  d: Dialogue;
  questions: QuestionRow[];
  commitments: CommitmentRow[];
}> = ({ ctx, d, questions, commitments }) => {
  const { t } = ctx;
  const answered = questions.filter((q) => q.state === "answered");
  const carried = questions.filter((q) => q.state !== "answered");
  return (
    <article class="dialogue public">
      <p class="muted">{t("dialogues.public.kicker")}</p>
      <h1>{d.title}</h1>
      <dl class="facts">
        <dt>{t("dialogues.field.when")}</dt>
        <dd>{formatDateTime(d.starts_at)}</dd>
        {d.venue ? (
          <>
            <dt>{t("dialogues.field.venue")}</dt>
            <dd>{d.venue}</dd>
          </>
        ) : null}
        <dt>{t("dialogues.field.chairs")}</dt>
        <dd>{d.chairs.map((c) => c.full_name).join(", ")}</dd>
        <dt>{t("dialogues.field.attendance")}</dt>
        <dd>{t("dialogues.detail.attendance", { present: d.checked_in, invited: d.invited })}</dd>
      </dl>
      <p>
        {t("dialogues.public.summary", {
          questions: questions.length,
          answered: answered.length,
          commitments: commitments.length,
        })}
      </p>
      <h2>{t("dialogues.public.answered")}</h2>
      <ol class="questions">
        {answered.map((q) => (
          <li class="dq">
            <p class="dq-text">{q.text}</p>
            <p class="meta">
              {t("dialogues.public.fromVillage", {
                village: q.village_name ?? "—",
                commune: q.commune_name ?? "",
              })}
            </p>
            <p class="dq-answer">
              {t("dialogues.live.answer", { answer: q.answer_summary ?? "", by: q.answered_by_text ?? "" })}
            </p>
          </li>
        ))}
      </ol>
      <h2>{t("dialogues.detail.commitments")}</h2>
      <CommitmentList t={t} rows={commitments} href={() => null} emptyKey="dialogues.detail.noCommitments" />
      {carried.length ? (
        <>
          <h2>{t("dialogues.public.carried")}</h2>
          <p>{t("dialogues.public.carriedHint")}</p>
          <ul>
            {carried.map((q) => (
              <li>
                {q.text} <span class="muted">— {q.village_name ?? ""}</span>
                {q.follow_up_code ? <span class="code"> ({q.follow_up_code})</span> : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </article>
  );
};
