import type { FC } from "hono/jsx";
import { hasRole } from "../../../platform/authz.ts";
import type { PageContext } from "../../../platform/http/layout.tsx";
import { formatDate, formatDateTime, formatNumber } from "../../../platform/i18n/i18n.ts";
import type { Attachment, PetitionView } from "../queries/getPetition.ts";
import {
  ActionForms,
  type ActionOptions,
  ExtensionDecision,
  type FormAction,
  type FormState,
} from "./actionForms.tsx";
import { labelOr, StateBadge } from "./fields.tsx";
import { JoinClaimNote, type JoinInfo, ReceiptSimilar } from "./joinViews.tsx";
import { Deadline, holderOf } from "./minePage.tsx";
import { Timeline } from "./timeline.tsx";

export type DetailProps = {
  ctx: PageContext;
  view: PetitionView;
  now: Date;
  actions: FormAction[];
  options: ActionOptions;
  state: FormState | null;
  canDecideExtension: boolean;
  flash: string | null;
  /** "Thôn tôi cũng vậy" claims and the similar petitions at receipt (issue 4). */
  join?: JoinInfo;
};

const fileUrl = (petitionId: number, a: Attachment) => `/petitions/${petitionId}/files/${a.id}`;
/** Browsers show these inline; HEIC photos from iPhones are offered as a link instead. */
const showable = (mime: string) => ["image/jpeg", "image/png", "image/webp"].includes(mime);

const Files: FC<{ ctx: PageContext; petitionId: number; files: Attachment[] }> = ({
  ctx,
  petitionId,
  files,
}) => {
  const { t } = ctx;
  const photos = files.filter((f) => f.kind === "photo");
  const audio = files.filter((f) => f.kind === "audio");
  const docs = files.filter((f) => f.kind === "document");
  return (
    <>
      {photos.length > 0 ? (
        <ul class="thumbs">
          {photos.map((f, i) => (
            <li>
              <a href={fileUrl(petitionId, f)}>
                {showable(f.mime) ? (
                  <img
                    src={fileUrl(petitionId, f)}
                    alt={t("petitions.detail.photoN", { n: i + 1 })}
                    loading="lazy"
                    width="160"
                    height="120"
                  />
                ) : (
                  t("petitions.detail.photoN", { n: i + 1 })
                )}
              </a>
            </li>
          ))}
        </ul>
      ) : null}
      {audio.map((f) => (
        <figure class="voice">
          <figcaption>{t("petitions.detail.voice")}</figcaption>
          {/* biome-ignore lint/a11y/useMediaCaption: a voice note recorded at a village meeting has no transcript; the petition text says what it is about */}
          <audio controls preload="none" src={fileUrl(petitionId, f)}>
            <a href={fileUrl(petitionId, f)}>{t("petitions.detail.listen")}</a>
          </audio>
        </figure>
      ))}
      {docs.length > 0 ? (
        <ul class="docs">
          {docs.map((f) => (
            <li>
              <a href={fileUrl(petitionId, f)}>{f.original_name || t("petitions.detail.document")}</a>{" "}
              <span class="muted">
                ({t("petitions.detail.size", { kb: Math.max(1, Math.round(f.size / 1024)) })})
              </span>
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
};

export const DetailPage: FC<DetailProps> = ({
  ctx,
  view,
  now,
  actions,
  options,
  state,
  canDecideExtension,
  flash,
  join,
}) => {
  const { t } = ctx;
  const p = view.petition;
  const submission = view.attachments.filter((a) => a.purpose === "submission");
  const evidence = view.attachments.filter((a) => a.purpose === "evidence");
  const answeredBy = [...view.timeline]
    .reverse()
    .find((e) => e.action === "answer" || e.action === "central_answer");
  return (
    <article class="petition">
      <p class="crumbs-back">
        {hasRole(ctx.actor, "village_head") ? (
          <a href="/petitions/mine">{t("petitions.mine.back")}</a>
        ) : (
          <a href="/">{t("petitions.detail.home")}</a>
        )}
      </p>
      {flash ? (
        <div class="alert ok" role="status">
          {t(flash)}
        </div>
      ) : null}
      {state && Object.keys(state.errors).length > 0 ? (
        <div class="alert error" role="alert">
          <p>{t("petitions.detail.notDone")}</p>
          <ul>
            {[...new Set(Object.values(state.errors))].map((key) => (
              <li>
                <a href={`#act-${state.action === "reopen" ? "confirm" : state.action}`}>{t(key)}</a>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <h1>{p.title}</h1>
      <p class="meta">
        <StateBadge t={t} state={p.state} /> <span class="code">{p.code}</span>
      </p>
      <dl class="facts">
        <dt>{t("petitions.detail.kind")}</dt>
        <dd>{labelOr(t, `kind.${p.kind}`, p.kind)}</dd>
        <dt>{t("petitions.form.category")}</dt>
        <dd>{p.category_name ?? t("petitions.detail.noCategory")}</dd>
        <dt>{t("petitions.form.urgency")}</dt>
        <dd>{labelOr(t, `urgency.${p.urgency}`, p.urgency)}</dd>
        <dt>{t("petitions.detail.households")}</dt>
        <dd>{formatNumber(p.households, ctx.locale)}</dd>
        <dt>{t("petitions.detail.place")}</dt>
        <dd>{p.commune_name ? `${p.village_name}, ${p.commune_name}` : p.village_name}</dd>
        {p.location ? (
          <>
            <dt>{t("petitions.form.location")}</dt>
            <dd>{p.location}</dd>
          </>
        ) : null}
        <dt>{t("petitions.detail.submitter")}</dt>
        <dd>{p.submitter_name}</dd>
        {p.submitted_at ? (
          <>
            <dt>{t("petitions.mine.submitted")}</dt>
            <dd>{formatDateTime(p.submitted_at)}</dd>
          </>
        ) : null}
        {p.level ? (
          <>
            <dt>{t("petitions.act.level")}</dt>
            <dd>{labelOr(t, `level.${p.level}`, p.level)}</dd>
          </>
        ) : null}
        <dt>{t("petitions.mine.holder")}</dt>
        <dd>
          {p.central_agency_name && !p.agency_name
            ? p.central_agency_name
            : holderOf(t, { ...p, commune_name: p.commune_name })}
        </dd>
        <dt>{t("petitions.mine.deadline")}</dt>
        <dd>
          <Deadline t={t} p={p} now={now} />
        </dd>
        {p.redirect_procedure ? (
          <>
            <dt>{t("petitions.detail.procedure")}</dt>
            <dd>
              {labelOr(t, `kind.${p.redirect_procedure}`, p.redirect_procedure)}
              {p.redirect_due_at
                ? ` · ${t("petitions.detail.acceptBy", { date: formatDate(p.redirect_due_at) })}`
                : ""}
            </dd>
          </>
        ) : null}
        {p.hand_backs > 0 ? (
          <>
            <dt>{t("petitions.detail.handBacks")}</dt>
            <dd>{formatNumber(p.hand_backs, ctx.locale)}</dd>
          </>
        ) : null}
      </dl>
      {hasRole(ctx.actor, "coordinator", "admin", "leader", "commune_officer") ? (
        <p class="actions">
          <a class="button secondary" href={`/petitions/${p.id}/similar`}>
            {t("clusters.similar.title")}
          </a>
          {p.cluster_id ? (
            <a class="button secondary" href={`/clusters/${p.cluster_id}`}>
              {t("clusters.view")}
            </a>
          ) : null}
        </p>
      ) : p.cluster_id ? (
        <p class="alert ok">{t("clusters.memberNote")}</p>
      ) : null}
      {join ? <JoinClaimNote ctx={ctx} petitionId={p.id} info={join} /> : null}
      {p.state === "returned" && p.return_reason ? (
        <div class="alert warn">
          <strong>{t("petitions.detail.returnReason")}</strong> {p.return_reason}
        </div>
      ) : null}
      <h2>{t("petitions.form.body")}</h2>
      <p class="body-text">{p.body}</p>
      {submission.length > 0 ? (
        <>
          <h2>{t("petitions.detail.files")}</h2>
          <Files ctx={ctx} petitionId={p.id} files={submission} />
        </>
      ) : null}
      {view.residents ? (
        <section class="restricted-box" aria-labelledby="residents-heading">
          <h2 id="residents-heading">{t("petitions.detail.restricted")}</h2>
          <p class="hint">{t("petitions.detail.restrictedHint")}</p>
          <dl class="facts">
            {view.residents.names ? (
              <>
                <dt>{t("petitions.form.residentNames")}</dt>
                <dd class="body-text">{view.residents.names}</dd>
              </>
            ) : null}
            {view.residents.phones ? (
              <>
                <dt>{t("petitions.form.residentPhones")}</dt>
                <dd>{view.residents.phones}</dd>
              </>
            ) : null}
            <dt>{t("petitions.detail.consent")}</dt>
            <dd>
              {view.residents.consent ? t("petitions.detail.consentYes") : t("petitions.detail.consentNo")}
            </dd>
          </dl>
        </section>
      ) : null}
      {p.answer ? (
        <section class="answer" aria-labelledby="answer-heading">
          <h2 id="answer-heading">{t("petitions.detail.answer")}</h2>
          <p class="muted">
            {[
              answeredBy?.agency_name ?? p.agency_name ?? p.central_agency_name,
              p.answered_at ? formatDateTime(p.answered_at) : null,
              p.answered_on_time === true
                ? t("petitions.detail.onTime")
                : p.answered_on_time === false
                  ? t("petitions.detail.late")
                  : null,
            ]
              .filter(Boolean)
              .join(" · ")}
          </p>
          <p class="body-text">{p.answer}</p>
          {evidence.length > 0 ? (
            <>
              <h3>{t("petitions.detail.evidence")}</h3>
              <Files ctx={ctx} petitionId={p.id} files={evidence} />
            </>
          ) : null}
          {p.answer_published && ["answered", "closed", "central_answered"].includes(p.state) ? (
            <p>
              <a href={`/p/${p.code}`}>{t("petitions.detail.publicLink")}</a>
            </p>
          ) : null}
          {p.satisfaction && (p.state === "closed" || p.state === "reopened") ? (
            <p>
              <strong>{t("petitions.detail.satisfaction")}</strong>{" "}
              {t(`petitions.satisfaction.${p.satisfaction}`)}
            </p>
          ) : null}
        </section>
      ) : null}
      {view.pendingExtension ? (
        <ExtensionDecision
          ctx={ctx}
          petition={p}
          request={view.pendingExtension}
          canDecide={canDecideExtension}
          state={state}
        />
      ) : null}
      {join ? <ReceiptSimilar ctx={ctx} petitionId={p.id} info={join} /> : null}
      <ActionForms ctx={ctx} view={view} actions={actions} options={options} state={state} />
      <section aria-labelledby="timeline-heading">
        <h2 id="timeline-heading">{t("petitions.detail.timeline")}</h2>
        <p>
          {t("petitions.detail.stateNow")} <StateBadge t={t} state={p.state} />
          {p.deadline_at ? (
            <>
              {" · "}
              {t("petitions.mine.deadline")}: <Deadline t={t} p={p} now={now} />
            </>
          ) : null}
        </p>
        <Timeline ctx={ctx} events={view.timeline} />
      </section>
    </article>
  );
};
