import type { FC } from "hono/jsx";
import type { PageContext } from "../../../platform/http/layout.tsx";
import { formatDate } from "../../../platform/i18n/i18n.ts";
import type { PublicAnswer } from "../queries/publicAnswer.ts";
import { StateBadge } from "./fields.tsx";

/** A published answer, for anyone: no village, no names, no phones (masked before it gets here). */
export const PublicAnswerPage: FC<{ ctx: PageContext; a: PublicAnswer }> = ({ ctx, a }) => {
  const { t } = ctx;
  const category = ctx.locale === "en" ? (a.category_name_en ?? a.category_name) : a.category_name;
  return (
    <article class="petition public">
      <p class="muted">{t("petitions.public.kicker")}</p>
      <h1>{a.title}</h1>
      <p class="meta">
        <StateBadge t={t} state={a.state} /> <span class="code">{a.code}</span>
      </p>
      <dl class="facts">
        <dt>{t("petitions.form.category")}</dt>
        <dd>{category ?? t("petitions.detail.noCategory")}</dd>
        <dt>{t("petitions.public.commune")}</dt>
        <dd>{a.commune_name ?? "—"}</dd>
        {a.submitted_at ? (
          <>
            <dt>{t("petitions.mine.submitted")}</dt>
            <dd>{formatDate(a.submitted_at)}</dd>
          </>
        ) : null}
        <dt>{t("petitions.public.agency")}</dt>
        <dd>{a.agency_name ?? "—"}</dd>
        {a.answered_at ? (
          <>
            <dt>{t("petitions.public.answeredAt")}</dt>
            <dd>{formatDate(a.answered_at)}</dd>
          </>
        ) : null}
      </dl>
      <h2>{t("petitions.public.question")}</h2>
      <p class="body-text">{a.body}</p>
      <section class="answer" aria-labelledby="answer-heading">
        <h2 id="answer-heading">{t("petitions.detail.answer")}</h2>
        <p class="body-text">{a.answer}</p>
      </section>
      <p class="hint">{t("petitions.public.masked")}</p>
    </article>
  );
};
