import type { FC } from "hono/jsx";
import { CsrfField, ErrorSummary, Flash, type PageContext } from "../../../platform/http/layout.tsx";
import { formatDateTime } from "../../../platform/i18n/i18n.ts";
import type { AttachmentRow, DirectiveRow, VersionRow } from "../queries/getDirective.ts";
import { Paragraphs, StateBadge, showDay, TextArea } from "./parts.tsx";

export type DetailActions = {
  edit: boolean;
  approve: boolean;
  publish: boolean;
  correct: boolean;
  revoke: boolean;
  coverage: boolean;
};

/** The directive as issued: number, date, body, summary to read aloud, attachments. Shared with the village page. */
export const DirectiveBody: FC<{ ctx: PageContext; d: DirectiveRow; files: AttachmentRow[] }> = ({
  ctx,
  d,
  files,
}) => {
  const { t } = ctx;
  return (
    <>
      <dl class="facts">
        <dt>{t("directives.field.docNumber")}</dt>
        <dd class="code">{d.doc_number}</dd>
        <dt>{t("directives.field.docDate")}</dt>
        <dd>{showDay(d.doc_date)}</dd>
        <dt>{t("directives.field.issuer")}</dt>
        <dd>{d.issuer}</dd>
        <dt>{t("directives.field.category")}</dt>
        <dd>{t(`directives.category.${d.category}`)}</dd>
        <dt>{t("directives.field.targets")}</dt>
        <dd>{d.targets.map((x) => x.name).join(", ")}</dd>
        <dt>{t("directives.field.ackDue")}</dt>
        <dd>{showDay(d.ack_due)}</dd>
        <dt>{t("directives.field.disseminateDue")}</dt>
        <dd>{showDay(d.disseminate_due)}</dd>
        <dt>{t("directives.field.opinionsUntil")}</dt>
        <dd>{d.opinions_until ? showDay(d.opinions_until) : t("directives.noOpinions")}</dd>
      </dl>
      <section class="dir-summary" aria-labelledby="sum-h">
        <h2 id="sum-h">{t("directives.field.summary")}</h2>
        <Paragraphs text={d.summary} />
      </section>
      <details class="dir-fulltext">
        <summary>{t("directives.field.body")}</summary>
        <Paragraphs text={d.body} />
      </details>
      {files.length > 0 ? (
        <section>
          <h2>{t("directives.field.attachments")}</h2>
          <ul>
            {files.map((f) => (
              <li>
                <a href={`/directives/${d.id}/files/${f.id}`}>{f.original_name}</a> (
                {Math.ceil(f.size / 1024)} KB)
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
};

export const DetailPage: FC<{
  ctx: PageContext;
  d: DirectiveRow;
  files: AttachmentRow[];
  versions: VersionRow[];
  actions: DetailActions;
  flash: string | null;
  errors: Record<string, string>;
  values: Record<string, string>;
}> = ({ ctx, d, files, versions, actions, flash, errors, values }) => {
  const { t } = ctx;
  const post = (what: string, label: string) => (
    <form method="post" action={`/directives/${d.id}/${what}`} class="inline">
      <CsrfField ctx={ctx} />
      <button type="submit">{label}</button>
    </form>
  );
  return (
    <>
      <p class="crumbs">
        <a href="/directives">{t("directives.list.title")}</a>
      </p>
      <h1>{d.title}</h1>
      <p class="meta">
        <StateBadge t={t} state={d.state} />
        {d.version > 1 ? ` · ${t("directives.version", { n: d.version })}` : ""}
        {d.state !== "draft" && d.state !== "approved"
          ? ` · ${t("directives.villagesReached", { n: d.villages })}`
          : ""}
      </p>
      <Flash ctx={ctx} messageKey={flash} />
      <ErrorSummary ctx={ctx} errors={errors} />
      {d.revoked_at ? (
        <div class="alert error" role="status">
          {t("directives.revokedOn", { date: formatDateTime(d.revoked_at) })} {d.revoke_reason}
        </div>
      ) : null}
      <div class="actions">
        {actions.coverage ? (
          <>
            <a class="button" href={`/directives/${d.id}/coverage`}>
              {t("directives.cov.title")}
            </a>{" "}
            <a class="button secondary" href={`/directives/${d.id}/responses`}>
              {t("directives.resp.title")}
            </a>{" "}
          </>
        ) : null}
        {actions.edit ? (
          <a class="button secondary" href={`/directives/${d.id}/edit`}>
            {t("directives.action.edit")}
          </a>
        ) : null}{" "}
        {actions.approve ? post("approve", t("directives.action.approve")) : null}{" "}
        {actions.publish ? post("publish", t("directives.action.publish")) : null}{" "}
        {actions.correct ? (
          <a class="button secondary" href={`/directives/${d.id}/correct`}>
            {t("directives.action.correct")}
          </a>
        ) : null}
      </div>
      {d.state === "approved" && actions.publish ? <p class="hint">{t("directives.publishHint")}</p> : null}
      <DirectiveBody ctx={ctx} d={d} files={files} />
      {actions.revoke ? (
        <details class="dir-revoke" open={!!errors.reason}>
          <summary>{t("directives.action.revoke")}</summary>
          <form method="post" action={`/directives/${d.id}/revoke`} class="stack">
            <CsrfField ctx={ctx} />
            <TextArea
              ctx={ctx}
              name="reason"
              label={t("directives.field.reason")}
              values={values}
              errors={errors}
              rows={2}
              required
            />
            <button type="submit" class="danger">
              {t("directives.action.revoke")}
            </button>
          </form>
        </details>
      ) : null}
      {versions.length > 0 ? (
        <section>
          <h2>{t("directives.history")}</h2>
          <ol class="dir-history">
            {versions.map((v) => (
              <li>
                <strong>{t("directives.version", { n: v.version })}</strong> · {formatDateTime(v.at)} ·{" "}
                {v.by_name ?? "—"}
                {v.note ? <p>{v.note}</p> : null}
                <details>
                  <summary>{t("directives.history.show")}</summary>
                  <p>
                    <span class="code">{String(v.content.docNumber ?? "")}</span> —{" "}
                    {String(v.content.title ?? "")}
                  </p>
                  <Paragraphs text={String(v.content.summary ?? "")} />
                </details>
              </li>
            ))}
          </ol>
        </section>
      ) : null}
    </>
  );
};
