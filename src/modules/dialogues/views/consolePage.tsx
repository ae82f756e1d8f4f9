import type { FC } from "hono/jsx";
import type { PageContext } from "../../../platform/http/layout.tsx";
import type { Dialogue } from "../queries/getDialogue.ts";
import type { QuestionRow } from "../queries/questions.ts";
import { DialogueStateBadge, PostButton } from "./parts.tsx";

export type ConsoleForms = {
  answer: { values: Record<string, string>; errors: Record<string, string> };
  commitment: { values: Record<string, string>; errors: Record<string, string> };
  floor: { values: Record<string, string>; errors: Record<string, string> };
};

const Err: FC<{ ctx: PageContext; errors: Record<string, string>; name: string }> = ({
  ctx,
  errors,
  name,
}) =>
  errors[name] ? (
    <p class="err" id={`e-${name}`}>
      {ctx.t(errors[name] ?? "")}
    </p>
  ) : null;

export const ConsolePage: FC<{
  ctx: PageContext;
  d: Dialogue;
  questions: QuestionRow[];
  agencies: { id: number; name: string }[];
  villages: { id: number; name: string; commune: string | null }[];
  forms: ConsoleForms;
  done: string | null;
  commitmentsMade: number;
}> = ({ ctx, d, questions, agencies, villages, forms, done, commitmentsMade }) => {
  const { t } = ctx;
  const current = questions.find((q) => q.id === d.current_question_id) ?? null;
  const waiting = questions.filter((q) => q.state === "queued" || q.state === "skipped");
  const live = d.state === "live";
  return (
    <div class="console">
      <p class="muted">
        <a href={`/dialogues/${d.id}`}>{d.title}</a> · <DialogueStateBadge t={t} state={d.state} /> ·{" "}
        {t("dialogues.detail.attendance", { present: d.checked_in, invited: d.invited })}
      </p>
      <h1>{t("dialogues.console.title")}</h1>
      {done ? (
        <div class="alert ok" role="status">
          <p>{t(done)}</p>
        </div>
      ) : null}
      {!live ? <p class="alert warn">{t("dialogues.console.notLive")}</p> : null}
      <section class="console-current" aria-labelledby="cur-h">
        <h2 id="cur-h">{t("dialogues.live.now")}</h2>
        {current ? (
          <>
            <p class="dq-text big" id="console-current">
              {current.text}
            </p>
            <p class="meta">
              {t("dialogues.live.askedBy", {
                village: [current.village_name, current.commune_name].filter(Boolean).join(", "),
                asker: current.asker_name ?? "—",
              })}
              {current.agency_name
                ? ` · ${t("dialogues.question.agency", { agency: current.agency_name })}`
                : ""}
            </p>
            {live ? (
              <form method="post" action={`/dialogues/${d.id}/queue/answer`} class="answer-form">
                <input type="hidden" name="_csrf" value={ctx.csrf} />
                <input type="hidden" name="questionId" value={String(current.id)} />
                <div class={forms.answer.errors.summary ? "field invalid" : "field"}>
                  <label for="f-summary">{t("dialogues.console.summary")}</label>
                  <Err ctx={ctx} errors={forms.answer.errors} name="summary" />
                  <textarea id="f-summary" name="summary" rows={3}>
                    {forms.answer.values.summary ?? current.answer_summary ?? ""}
                  </textarea>
                </div>
                <div class={forms.answer.errors.answeredBy ? "field invalid" : "field"}>
                  <label for="f-answeredBy">{t("dialogues.console.answeredBy")}</label>
                  <Err ctx={ctx} errors={forms.answer.errors} name="answeredBy" />
                  <input
                    id="f-answeredBy"
                    name="answeredBy"
                    value={forms.answer.values.answeredBy ?? current.answered_by_text ?? ""}
                  />
                </div>
                <button type="submit">{t("dialogues.console.saveAnswer")}</button>
              </form>
            ) : null}
            {live && current.state === "answered" ? (
              <details class="commitment-form" open={Object.keys(forms.commitment.errors).length > 0}>
                <summary>{t("dialogues.console.commitment")}</summary>
                <form method="post" action={`/dialogues/${d.id}/questions/${current.id}/commitment`}>
                  <input type="hidden" name="_csrf" value={ctx.csrf} />
                  <input
                    type="hidden"
                    name="idempotencyKey"
                    value={forms.commitment.values.idempotencyKey ?? ""}
                  />
                  <div class={forms.commitment.errors.text ? "field invalid" : "field"}>
                    <label for="f-ck-text">{t("dialogues.console.commitmentText")}</label>
                    <Err ctx={ctx} errors={forms.commitment.errors} name="text" />
                    <textarea id="f-ck-text" name="text" rows={3}>
                      {forms.commitment.values.text ?? ""}
                    </textarea>
                  </div>
                  <div class={forms.commitment.errors.agencyId ? "field invalid" : "field"}>
                    <label for="f-ck-agency">{t("dialogues.console.commitmentAgency")}</label>
                    <Err ctx={ctx} errors={forms.commitment.errors} name="agencyId" />
                    <select id="f-ck-agency" name="agencyId">
                      <option value="">{t("dialogues.question.noAgency")}</option>
                      {agencies.map((a) => (
                        <option
                          value={String(a.id)}
                          selected={
                            (forms.commitment.values.agencyId ?? String(current.agency_id ?? "")) ===
                            String(a.id)
                          }
                        >
                          {a.name}
                        </option>
                      ))}
                    </select>
                  </div>
                  <div class={forms.commitment.errors.deadlineWorkingDays ? "field invalid" : "field"}>
                    <label for="f-ck-days">{t("dialogues.console.commitmentDays")}</label>
                    <Err ctx={ctx} errors={forms.commitment.errors} name="deadlineWorkingDays" />
                    <input
                      id="f-ck-days"
                      name="deadlineWorkingDays"
                      inputmode="numeric"
                      value={forms.commitment.values.deadlineWorkingDays ?? "30"}
                    />
                  </div>
                  <button type="submit">{t("dialogues.console.createCommitment")}</button>
                </form>
              </details>
            ) : null}
          </>
        ) : (
          <p class="muted">{t("dialogues.live.noCurrent")}</p>
        )}
        {live ? (
          <div class="actions">
            <PostButton
              ctx={ctx}
              action={`/dialogues/${d.id}/queue/next`}
              label={t("dialogues.console.next")}
            />
            {current && current.state === "current" ? (
              <PostButton
                ctx={ctx}
                action={`/dialogues/${d.id}/queue/skip`}
                label={t("dialogues.console.skip")}
                kind="secondary"
              />
            ) : null}
          </div>
        ) : null}
        <p class="meta">{t("dialogues.console.commitmentsMade", { n: commitmentsMade })}</p>
      </section>
      <section aria-labelledby="queue-h">
        <h2 id="queue-h">{t("dialogues.console.queue", { n: waiting.length })}</h2>
        <ol class="queue">
          {waiting.map((q) => (
            <li class={`dq dq-${q.state}`}>
              <p class="dq-text">{q.text}</p>
              <p class="meta">
                {[q.village_name, q.commune_name].filter(Boolean).join(", ")} ·{" "}
                {t("dialogues.question.reach", { villages: q.villages, supports: q.supports })}
                {q.agency_name ? ` · ${q.agency_name}` : ""} · {t(`dialogues.qstate.${q.state}`)}
              </p>
              {live ? (
                <PostButton
                  ctx={ctx}
                  action={`/dialogues/${d.id}/queue/call`}
                  fields={{ questionId: String(q.id) }}
                  label={t("dialogues.console.call")}
                  kind="secondary"
                />
              ) : null}
            </li>
          ))}
        </ol>
      </section>
      {live ? (
        <section aria-labelledby="floor-h">
          <h2 id="floor-h">{t("dialogues.console.floor")}</h2>
          <form method="post" action={`/dialogues/${d.id}/queue/floor`}>
            <input type="hidden" name="_csrf" value={ctx.csrf} />
            <div class={forms.floor.errors.villageId ? "field invalid" : "field"}>
              <label for="f-villageId">{t("dialogues.console.floorVillage")}</label>
              <Err ctx={ctx} errors={forms.floor.errors} name="villageId" />
              <select id="f-villageId" name="villageId">
                <option value="">{t("dialogues.console.chooseVillage")}</option>
                {villages.map((v) => (
                  <option value={String(v.id)} selected={forms.floor.values.villageId === String(v.id)}>
                    {v.name}
                    {v.commune ? ` — ${v.commune}` : ""}
                  </option>
                ))}
              </select>
            </div>
            <div class={forms.floor.errors.text ? "field invalid" : "field"}>
              <label for="f-floor-text">{t("dialogues.console.floorText")}</label>
              <Err ctx={ctx} errors={forms.floor.errors} name="text" />
              <textarea id="f-floor-text" name="text" rows={3}>
                {forms.floor.values.text ?? ""}
              </textarea>
            </div>
            <button type="submit" class="secondary">
              {t("dialogues.console.addFloor")}
            </button>
          </form>
        </section>
      ) : null}
    </div>
  );
};
