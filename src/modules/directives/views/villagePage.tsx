import type { FC } from "hono/jsx";
import {
  CsrfField,
  ErrorSummary,
  Field,
  Flash,
  type PageContext,
  SelectField,
} from "../../../platform/http/layout.tsx";
import { formatDateTime } from "../../../platform/i18n/i18n.ts";
import type { DeliveryRow, OpinionRow } from "../queries/delivery.ts";
import type { AttachmentRow, DirectiveRow } from "../queries/getDirective.ts";
import { FORMS } from "../rules.ts";
import { DirectiveBody } from "./detailPage.tsx";
import { StateBadge, showDay, TextArea } from "./parts.tsx";

export type VillageForms = {
  /** which form the errors and values belong to */
  form: "dissemination" | "response" | null;
  values: Record<string, string>;
  errors: Record<string, string>;
};

export const VillagePage: FC<{
  ctx: PageContext;
  d: DirectiveRow;
  dd: DeliveryRow;
  files: AttachmentRow[];
  opinions: OpinionRow[];
  canReport: boolean;
  opinionsOpen: boolean;
  flash: string | null;
  forms: VillageForms;
}> = ({ ctx, d, dd, files, opinions, canReport, opinionsOpen, flash, forms }) => {
  const { t } = ctx;
  const base = `/directives/${d.id}/village/${dd.village_id}`;
  const none: { values: Record<string, string>; errors: Record<string, string> } = { values: {}, errors: {} };
  const dis = forms.form === "dissemination" ? forms : none;
  const res = forms.form === "response" ? forms : none;
  const disValues =
    forms.form === "dissemination"
      ? dis.values
      : {
          on: dd.disseminated_on ? showDay(dd.disseminated_on) : "",
          form: dd.dissemination_form ?? "",
          households: dd.households !== null ? String(dd.households) : "",
        };
  const resValues =
    forms.form === "response"
      ? res.values
      : {
          agree: dd.agree !== null ? String(dd.agree) : "",
          disagree: dd.disagree !== null ? String(dd.disagree) : "",
          opinions: "",
        };
  const needsReAck = dd.acknowledged_at !== null && (dd.acknowledged_version ?? 0) < d.version;
  return (
    <>
      <p class="crumbs">
        <a href="/directives/inbox">{t("directives.inbox.title")}</a>
      </p>
      <h1>{d.title}</h1>
      <p class="meta">
        {dd.village_name}, {dd.commune_name} · <StateBadge t={t} state={d.state} />
        {d.version > 1 ? ` · ${t("directives.version", { n: d.version })}` : ""}
      </p>
      <Flash ctx={ctx} messageKey={flash} />
      {d.state === "revoked" ? (
        <div class="alert error" role="status">
          {t("directives.revokedNotice")} {d.revoke_reason}
        </div>
      ) : null}
      <section class="dir-step" aria-labelledby="ack-h">
        <h2 id="ack-h">{t("directives.step.ack")}</h2>
        {dd.acknowledged_at && !needsReAck ? (
          <p class="ok">{t("directives.ackedOn", { date: formatDateTime(dd.acknowledged_at) })}</p>
        ) : canReport ? (
          <form method="post" action={`${base}/acknowledge`}>
            <CsrfField ctx={ctx} />
            {needsReAck ? (
              <p>{t("directives.reAck", { n: d.version })}</p>
            ) : (
              <p class="hint">{t("directives.ackHint", { date: showDay(d.ack_due) })}</p>
            )}
            <button type="submit">{t("directives.action.acknowledge")}</button>
          </form>
        ) : (
          <p class="muted">{t("directives.notAcked")}</p>
        )}
      </section>
      <DirectiveBody ctx={ctx} d={d} files={files} />
      <section class="dir-step" aria-labelledby="dis-h">
        <h2 id="dis-h">{t("directives.step.dis")}</h2>
        {dd.disseminated_at ? (
          <p class="ok">
            {t("directives.disDone", {
              date: showDay(dd.disseminated_on),
              form: t(`directives.form.${dd.dissemination_form ?? "village_meeting"}`),
              n: dd.households ?? 0,
            })}
            {dd.evidence_key ? (
              <>
                {" · "}
                <a href={`${base}/evidence`}>{t("directives.evidence")}</a>
              </>
            ) : null}
          </p>
        ) : (
          <p class="hint">{t("directives.disHint", { date: showDay(d.disseminate_due) })}</p>
        )}
        {canReport ? (
          <form method="post" action={`${base}/dissemination`} enctype="multipart/form-data" class="stack">
            <CsrfField ctx={ctx} />
            <ErrorSummary ctx={ctx} errors={dis.errors} />
            <Field
              ctx={ctx}
              values={disValues}
              errors={dis.errors}
              name="on"
              label={t("directives.field.on")}
              hint={t("directives.hint.date")}
              inputmode="numeric"
              required
            />
            <SelectField
              ctx={ctx}
              values={disValues}
              errors={dis.errors}
              name="form"
              label={t("directives.field.form")}
              blank={t("directives.form.choose")}
              options={FORMS.map((f) => ({ value: f, label: t(`directives.form.${f}`) }))}
              required
            />
            <Field
              ctx={ctx}
              values={disValues}
              errors={dis.errors}
              name="households"
              label={t("directives.field.households")}
              inputmode="numeric"
              required
            />
            <div class={dis.errors.evidence ? "field invalid" : "field"}>
              <label for="f-evidence">{t("directives.field.evidence")}</label>
              <p class="hint">{t("directives.hint.evidence")}</p>
              {dis.errors.evidence ? <p class="err">{t(dis.errors.evidence)}</p> : null}
              <input id="f-evidence" type="file" name="evidence" accept="image/*,application/pdf" />
            </div>
            <button type="submit">
              {t(dd.disseminated_at ? "directives.action.updateDis" : "directives.action.reportDis")}
            </button>
          </form>
        ) : null}
      </section>
      {d.opinions_until ? (
        <section class="dir-step" aria-labelledby="res-h">
          <h2 id="res-h">{t("directives.step.res")}</h2>
          {dd.responded_at ? (
            <p class="ok">{t("directives.resDone", { agree: dd.agree ?? 0, disagree: dd.disagree ?? 0 })}</p>
          ) : null}
          {canReport && opinionsOpen ? (
            <form method="post" action={`${base}/response`} class="stack">
              <CsrfField ctx={ctx} />
              <p class="hint">{t("directives.resHint", { date: showDay(d.opinions_until) })}</p>
              <ErrorSummary ctx={ctx} errors={res.errors} />
              <Field
                ctx={ctx}
                values={resValues}
                errors={res.errors}
                name="agree"
                label={t("directives.field.agree")}
                inputmode="numeric"
                required
              />
              <Field
                ctx={ctx}
                values={resValues}
                errors={res.errors}
                name="disagree"
                label={t("directives.field.disagree")}
                inputmode="numeric"
                required
              />
              <TextArea
                ctx={ctx}
                values={resValues}
                errors={res.errors}
                name="opinions"
                label={t("directives.field.opinions")}
                hint={t("directives.hint.opinions")}
                rows={5}
              />
              <button type="submit">{t("directives.action.respond")}</button>
            </form>
          ) : !opinionsOpen ? (
            <p class="muted">{t("directives.opinionsClosed")}</p>
          ) : null}
          {opinions.length > 0 ? (
            <ul class="dir-opinions">
              {opinions.map((o) => (
                <li>
                  <p>{o.text}</p>
                  {o.petition_id ? (
                    <p>
                      <a href={`/petitions/${o.petition_id}`}>
                        {t("directives.opinion.petition", { code: o.petition_code ?? "" })}
                      </a>
                    </p>
                  ) : canReport ? (
                    <form method="post" action={`${base}/opinions/${o.id}/petition`}>
                      <CsrfField ctx={ctx} />
                      <button type="submit" class="secondary">
                        {t("directives.action.toPetition")}
                      </button>
                    </form>
                  ) : null}
                </li>
              ))}
            </ul>
          ) : null}
        </section>
      ) : null}
    </>
  );
};
