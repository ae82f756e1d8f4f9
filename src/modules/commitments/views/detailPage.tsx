import type { FC } from "hono/jsx";
import { CsrfField, Flash, type PageContext } from "../../../platform/http/layout.tsx";
import { formatDate, formatDateTime } from "../../../platform/i18n/i18n.ts";
import { FileField, FormError, InputField, TextAreaField } from "../../petitions/views/fields.tsx";
import type { CommitmentDetail, CommitmentUpdateRow } from "../queries/getCommitment.ts";
import { FINAL_STATES } from "../states.ts";
import { ProgressBar, StateBadge } from "./commitmentList.tsx";

export type FormAction = "progress" | "done" | "cancel";
export type FormState = {
  action: FormAction;
  values: Record<string, string>;
  errors: Record<string, string>;
};

const EVIDENCE_ACCEPT = "image/jpeg,image/png,image/webp,image/heic,application/pdf";

const Entry: FC<{ ctx: PageContext; c: CommitmentDetail; u: CommitmentUpdateRow }> = ({ ctx, c, u }) => {
  const { t } = ctx;
  return (
    <li class={`ck-entry ck-entry-${u.action}`}>
      <p class="ck-entry-head">
        <time datetime={u.at.toISOString()}>{formatDateTime(u.at)}</time>{" "}
        <strong>{t(`commitments.action.${u.action}`, { n: u.percent })}</strong>{" "}
        <span class="ck-by">
          {t("commitments.detail.by", { name: u.byName ?? t("commitments.detail.system") })}
        </span>
      </p>
      {u.note ? <p class="ck-note">{u.note}</p> : null}
      {u.evidence.length > 0 ? (
        <ul class="ck-evidence" aria-label={t("commitments.detail.evidence")}>
          {u.evidence.map((e) => (
            <li>
              <a href={`/commitments/${c.id}/evidence/${e.key}`}>{e.name || e.mime}</a>
            </li>
          ))}
        </ul>
      ) : null}
    </li>
  );
};

export const DetailPage: FC<{
  ctx: PageContext;
  c: CommitmentDetail;
  canUpdate: boolean;
  canCancel: boolean;
  state?: FormState;
  flash?: string | null;
}> = ({ ctx, c, canUpdate, canCancel, state, flash }) => {
  const { t } = ctx;
  const final = FINAL_STATES.has(c.state);
  const form = (a: FormAction) => (state?.action === a ? state : undefined);
  const progressValues = form("progress")?.values ?? { percent: String(c.percent) };
  const doneValues = form("done")?.values ?? {};
  const cancelValues = form("cancel")?.values ?? {};
  return (
    <>
      <p class="ck-head">
        <span class="ck-code">{c.code}</span> <StateBadge t={t} state={c.state} />
      </p>
      <h1 class="ck-title">{c.text}</h1>
      <Flash ctx={ctx} messageKey={flash} />
      <ProgressBar
        t={t}
        percent={c.percent}
        state={c.state}
        label={t("commitments.progressLabel", { code: c.code, n: c.percent })}
      />
      <dl class="ck-meta">
        <div>
          <dt>{t("commitments.field.agency")}</dt>
          <dd>{c.agencyName}</dd>
        </div>
        <div>
          <dt>{t("commitments.field.deadline")}</dt>
          <dd>
            <time datetime={c.deadline.toISOString()}>{formatDate(c.deadline)}</time>
          </dd>
        </div>
        <div>
          <dt>{t("commitments.field.createdAt")}</dt>
          <dd>{formatDate(c.createdAt)}</dd>
        </div>
        {c.dialogueId !== null ? (
          <div>
            <dt>{t("commitments.field.dialogue")}</dt>
            <dd>
              <a href={`/dialogues/${c.dialogueId}`}>{t("commitments.dialogueLink", { id: c.dialogueId })}</a>
            </dd>
          </div>
        ) : null}
      </dl>
      {c.state === "cancelled" && c.cancelReason ? (
        <p class="ck-reason">{t("commitments.cancelledBecause", { reason: c.cancelReason })}</p>
      ) : null}
      {c.petitions.length > 0 ? (
        <section aria-labelledby="ck-petitions">
          <h2 id="ck-petitions">{t("commitments.detail.petitions")}</h2>
          <ul>
            {c.petitions.map((p) => (
              <li>
                <a href={`/petitions/${p.id}`}>{p.code}</a> {p.title}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section aria-labelledby="ck-timeline">
        <h2 id="ck-timeline">{t("commitments.detail.timeline")}</h2>
        <ol class="ck-timeline">
          {c.updates.map((u) => (
            <Entry ctx={ctx} c={c} u={u} />
          ))}
        </ol>
      </section>
      {final && (canUpdate || canCancel) ? <p class="ck-final">{t("commitments.final")}</p> : null}
      {!final && canUpdate ? (
        <>
          <section aria-labelledby="ck-report" class="ck-form">
            <h2 id="ck-report">{t("commitments.report.title")}</h2>
            <form method="post" action={`/commitments/${c.id}/progress`} enctype="multipart/form-data">
              <CsrfField ctx={ctx} />
              <input type="hidden" name="version" value={String(c.version)} />
              <FormError ctx={ctx} errors={form("progress")?.errors} />
              <InputField
                ctx={ctx}
                prefix="p"
                name="percent"
                type="number"
                inputmode="numeric"
                min={c.percent}
                max={100}
                required
                label={t("commitments.field.percent")}
                hint={t("commitments.report.percentHint", { n: c.percent })}
                values={progressValues}
                errors={form("progress")?.errors}
              />
              <TextAreaField
                ctx={ctx}
                prefix="p"
                name="note"
                rows={4}
                maxlength={4000}
                label={t("commitments.field.note")}
                hint={t("commitments.report.noteHint")}
                values={progressValues}
                errors={form("progress")?.errors}
              />
              <FileField
                ctx={ctx}
                prefix="p"
                name="evidence"
                accept={EVIDENCE_ACCEPT}
                multiple
                label={t("commitments.field.evidence")}
                hint={t("commitments.report.evidenceHint")}
                errors={form("progress")?.errors}
              />
              <button type="submit">{t("commitments.report.submit")}</button>
            </form>
          </section>
          <section aria-labelledby="ck-done" class="ck-form">
            <h2 id="ck-done">{t("commitments.done.title")}</h2>
            <p>{t("commitments.done.hint")}</p>
            <form method="post" action={`/commitments/${c.id}/done`} enctype="multipart/form-data">
              <CsrfField ctx={ctx} />
              <input type="hidden" name="version" value={String(c.version)} />
              <FormError ctx={ctx} errors={form("done")?.errors} />
              {form("done")?.errors.percent ? (
                <p class="alert error" role="alert">
                  {t(form("done")?.errors.percent ?? "")}
                </p>
              ) : null}
              <TextAreaField
                ctx={ctx}
                prefix="d"
                name="note"
                rows={4}
                maxlength={4000}
                label={t("commitments.field.result")}
                values={doneValues}
                errors={form("done")?.errors}
              />
              <FileField
                ctx={ctx}
                prefix="d"
                name="evidence"
                accept={EVIDENCE_ACCEPT}
                multiple
                label={t("commitments.field.resultEvidence")}
                hint={t("commitments.report.evidenceHint")}
                errors={form("done")?.errors}
              />
              <button type="submit">{t("commitments.done.submit")}</button>
            </form>
          </section>
        </>
      ) : null}
      {!final && canCancel ? (
        <section aria-labelledby="ck-cancel" class="ck-form">
          <h2 id="ck-cancel">{t("commitments.cancel.title")}</h2>
          <form method="post" action={`/commitments/${c.id}/cancel`}>
            <CsrfField ctx={ctx} />
            <input type="hidden" name="version" value={String(c.version)} />
            <FormError ctx={ctx} errors={form("cancel")?.errors} />
            <TextAreaField
              ctx={ctx}
              prefix="x"
              name="reason"
              rows={3}
              maxlength={1000}
              required
              label={t("commitments.field.reason")}
              values={cancelValues}
              errors={form("cancel")?.errors}
            />
            <button type="submit" class="danger">
              {t("commitments.cancel.submit")}
            </button>
          </form>
        </section>
      ) : null}
    </>
  );
};
