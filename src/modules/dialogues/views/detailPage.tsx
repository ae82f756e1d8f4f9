import type { FC } from "hono/jsx";
import type { PageContext } from "../../../platform/http/layout.tsx";
import { safeUrl } from "../../../platform/http/safeUrl.ts";
import { formatDateTime } from "../../../platform/i18n/i18n.ts";
import type { CommitmentRow } from "../../commitments/queries/listCommitments.ts";
import { CommitmentList } from "../../commitments/views/commitmentList.tsx";
import type { Dialogue, Invitation } from "../queries/getDialogue.ts";
import type { QuestionRow } from "../queries/questions.ts";
import type { DialogueAction } from "../states.ts";
import { DialogueStateBadge, PostButton } from "./parts.tsx";

export type DetailAbilities = {
  transitions: DialogueAction[];
  ask: boolean;
  support: boolean;
  seeQueue: boolean;
  runQueue: boolean;
  checkIn: boolean;
  minutes: boolean;
  draftArticle: boolean;
};

export type AskForm = { values: Record<string, string>; errors: Record<string, string> };

export const DialogueFacts: FC<{ ctx: PageContext; d: Dialogue }> = ({ ctx, d }) => {
  const { t } = ctx;
  return (
    <dl class="facts">
      <dt>{t("dialogues.field.when")}</dt>
      <dd>{formatDateTime(d.starts_at)}</dd>
      {d.venue ? (
        <>
          <dt>{t("dialogues.field.venue")}</dt>
          <dd>{d.venue}</dd>
        </>
      ) : null}
      {d.online_url ? (
        <>
          <dt>{t("dialogues.field.onlineUrl")}</dt>
          <dd>
            <a href={safeUrl(d.online_url)} rel="noopener noreferrer">
              {d.online_url}
            </a>
          </dd>
        </>
      ) : null}
      <dt>{t("dialogues.field.chairs")}</dt>
      <dd>{d.chairs.map((c) => c.full_name).join(", ")}</dd>
      <dt>{t("dialogues.field.agencies")}</dt>
      <dd>{d.agencies.map((a) => a.name).join("; ") || "—"}</dd>
      <dt>{t("dialogues.field.attendance")}</dt>
      <dd>{t("dialogues.detail.attendance", { present: d.checked_in, invited: d.invited })}</dd>
    </dl>
  );
};

const QuestionItem: FC<{
  ctx: PageContext;
  q: QuestionRow;
  d: Dialogue;
  can: DetailAbilities;
  agencies: { id: number; name: string }[];
}> = ({ ctx, q, d, can, agencies }) => {
  const { t } = ctx;
  return (
    <li class={`dq dq-${q.state}`} id={`q-${q.id}`}>
      <p class="dq-text">{q.text}</p>
      <p class="meta">
        {t("dialogues.question.from", { village: q.village_name ?? "—", commune: q.commune_name ?? "" })}
        {" · "}
        <strong>{t("dialogues.question.reach", { villages: q.villages, supports: q.supports })}</strong>
        {q.group_size > 1
          ? ` · ${t("dialogues.question.group", { n: q.group_size, lead: q.group_lead })}`
          : ""}
        {q.petition_code ? ` · ${t("dialogues.question.petition", { code: q.petition_code })}` : ""}
        {q.origin === "floor" ? ` · ${t("dialogues.question.floor")}` : ""}
        {" · "}
        <span class={`dq-state dq-state-${q.state}`}>{t(`dialogues.qstate.${q.state}`)}</span>
      </p>
      {q.agency_name ? <p class="meta">{t("dialogues.question.agency", { agency: q.agency_name })}</p> : null}
      {q.answer_summary ? (
        <p class="dq-answer">
          {t("dialogues.live.answer", { answer: q.answer_summary, by: q.answered_by_text ?? "" })}
        </p>
      ) : null}
      {q.follow_up_code ? (
        <p class="meta">
          {t("dialogues.question.followUp")}{" "}
          <a href={`/petitions/${q.follow_up_petition_id}`}>{q.follow_up_code}</a>
        </p>
      ) : null}
      {can.support && q.asked_by !== ctx.actor?.id ? (
        q.supported ? (
          <p class="ok-note">{t("dialogues.question.supported")}</p>
        ) : (
          <PostButton
            ctx={ctx}
            action={`/dialogues/${d.id}/questions/${q.id}/support`}
            label={t("dialogues.question.support")}
            kind="secondary"
          />
        )
      ) : null}
      {can.runQueue && q.state !== "answered" ? (
        <form method="post" action={`/dialogues/${d.id}/questions/${q.id}/prepare`} class="prepare">
          <input type="hidden" name="_csrf" value={ctx.csrf} />
          <label>
            {t("dialogues.question.answeringAgency")}{" "}
            <select name="agencyId">
              <option value="">{t("dialogues.question.noAgency")}</option>
              {agencies.map((a) => (
                <option value={String(a.id)} selected={a.id === q.agency_id}>
                  {a.name}
                </option>
              ))}
            </select>
          </label>{" "}
          <label>
            {t("dialogues.question.position")}{" "}
            <input
              name="position"
              inputmode="numeric"
              size={3}
              value={q.position === null ? "" : String(q.position)}
            />
          </label>{" "}
          <button type="submit" class="secondary">
            {t("dialogues.question.save")}
          </button>
        </form>
      ) : null}
    </li>
  );
};

export const DialogueDetailPage: FC<{
  ctx: PageContext;
  d: Dialogue;
  can: DetailAbilities;
  invitation: Invitation | null;
  questions: QuestionRow[];
  petitions: { id: number; code: string; title: string }[];
  agencies: { id: number; name: string }[];
  commitments: CommitmentRow[];
  ask: AskForm;
  done: string | null;
}> = ({ ctx, d, can, invitation, questions, petitions, agencies, commitments, ask, done }) => {
  const { t } = ctx;
  const visible = can.seeQueue ? questions : questions;
  return (
    <article class="dialogue">
      <p class="muted">
        <span class="code">{d.code}</span> · <DialogueStateBadge t={t} state={d.state} />
      </p>
      <h1>{d.title}</h1>
      {done ? (
        <div class="alert ok" role="status">
          <p>{t(done)}</p>
        </div>
      ) : null}
      <DialogueFacts ctx={ctx} d={d} />
      {d.agenda.length ? (
        <section aria-labelledby="agenda-h">
          <h2 id="agenda-h">{t("dialogues.detail.agenda")}</h2>
          <ul class="agenda">
            {d.agenda.map((a) => (
              <li>
                <strong>{a.starts_at}</strong> {a.title}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <nav class="dialogue-links" aria-label={t("dialogues.detail.links")}>
        <a href={`/dialogues/${d.id}/live`}>{t("dialogues.link.live")}</a>
        {can.seeQueue ? <a href={`/dialogues/${d.id}/presenter`}>{t("dialogues.link.presenter")}</a> : null}
        {can.runQueue ? <a href={`/dialogues/${d.id}/console`}>{t("dialogues.link.console")}</a> : null}
        {can.checkIn ? <a href={`/dialogues/${d.id}/check-in`}>{t("dialogues.link.checkIn")}</a> : null}
        {can.minutes ? <a href={`/dialogues/${d.id}/minutes.docx`}>{t("dialogues.link.minutes")}</a> : null}
        {d.state === "closed" || d.state === "minutes_published" ? (
          <a href={`/cong-khai/doi-thoai/${d.id}`}>{t("dialogues.link.public")}</a>
        ) : null}
      </nav>
      {can.transitions.length || can.draftArticle ? (
        <div class="actions">
          {can.transitions.map((a) => (
            <PostButton
              ctx={ctx}
              action={`/dialogues/${d.id}/state/${a}`}
              label={t(`dialogues.action.${a}`)}
            />
          ))}
          {can.draftArticle ? (
            <PostButton
              ctx={ctx}
              action={`/dialogues/${d.id}/article`}
              label={t("dialogues.action.article")}
              kind="secondary"
            />
          ) : null}
        </div>
      ) : null}
      {invitation ? (
        <section class="invitation" aria-labelledby="inv-h">
          <h2 id="inv-h">{t("dialogues.invitation.title")}</h2>
          {invitation.checked_in_at ? (
            <p class="ok-note">
              {t("dialogues.invitation.checkedIn", { at: formatDateTime(invitation.checked_in_at) })}
            </p>
          ) : (
            <>
              <p>{t("dialogues.invitation.qrHint")}</p>
              <img
                class="qr"
                src={`/dialogues/${d.id}/qr.svg`}
                alt={t("dialogues.invitation.qrAlt")}
                width="240"
                height="240"
              />
            </>
          )}
        </section>
      ) : null}
      {can.ask ? (
        <section aria-labelledby="ask-h">
          <h2 id="ask-h">{t("dialogues.ask.title")}</h2>
          {Object.keys(ask.errors).length ? (
            <div class="alert error" role="alert">
              <p>{t("form.fixBelow", { n: Object.keys(ask.errors).length })}</p>
            </div>
          ) : null}
          <form method="post" action={`/dialogues/${d.id}/questions`}>
            <input type="hidden" name="_csrf" value={ctx.csrf} />
            <input type="hidden" name="idempotencyKey" value={ask.values.idempotencyKey ?? ""} />
            <div class={ask.errors.text ? "field invalid" : "field"}>
              <label for="f-text">{t("dialogues.ask.text")}</label>
              {ask.errors.text ? (
                <p class="err" id="f-text-err">
                  {t(ask.errors.text)}
                </p>
              ) : null}
              <textarea
                id="f-text"
                name="text"
                rows={4}
                aria-describedby={ask.errors.text ? "f-text-err" : undefined}
              >
                {ask.values.text ?? ""}
              </textarea>
            </div>
            {petitions.length ? (
              <div class={ask.errors.petitionId ? "field invalid" : "field"}>
                <label for="f-petitionId">{t("dialogues.ask.petition")}</label>
                {ask.errors.petitionId ? <p class="err">{t(ask.errors.petitionId)}</p> : null}
                <select id="f-petitionId" name="petitionId">
                  <option value="">{t("dialogues.ask.noPetition")}</option>
                  {petitions.map((p) => (
                    <option value={String(p.id)} selected={ask.values.petitionId === String(p.id)}>
                      {p.code} — {p.title}
                    </option>
                  ))}
                </select>
              </div>
            ) : null}
            <button type="submit">{t("dialogues.ask.submit")}</button>
          </form>
        </section>
      ) : null}
      <section aria-labelledby="q-h">
        <h2 id="q-h">{t("dialogues.detail.questions", { n: visible.length })}</h2>
        {can.seeQueue ? <p class="hint">{t("dialogues.detail.rankHint")}</p> : null}
        {visible.length === 0 ? (
          <p class="muted">{t("dialogues.detail.noQuestions")}</p>
        ) : (
          <ol class="questions">
            {visible.map((q) => (
              <QuestionItem ctx={ctx} q={q} d={d} can={can} agencies={agencies} />
            ))}
          </ol>
        )}
      </section>
      <section aria-labelledby="ck-h">
        <h2 id="ck-h">{t("dialogues.detail.commitments")}</h2>
        <CommitmentList t={t} rows={commitments} emptyKey="dialogues.detail.noCommitments" />
      </section>
    </article>
  );
};
