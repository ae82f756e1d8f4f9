import type { FC } from "hono/jsx";
import { CsrfField, Flash, type PageContext } from "../../../platform/http/layout.tsx";
import { formatDateTime } from "../../../platform/i18n/i18n.ts";
import type { QueuedFeedback } from "../queries/feedback.ts";
import { articleHref } from "./parts.tsx";

export const ModerationPage: FC<{
  ctx: PageContext;
  items: QueuedFeedback[];
  done: string | null;
  errors: Record<number, string>;
}> = ({ ctx, items, done, errors }) => {
  const { t } = ctx;
  return (
    <>
      <h1>{t("news.moderation.title")}</h1>
      <Flash ctx={ctx} messageKey={done} />
      {items.length === 0 ? (
        <p class="muted">{t("news.moderation.empty")}</p>
      ) : (
        <ul class="news-queue">
          {items.map((f) => (
            <li class="card" id={`fb-${f.id}`}>
              <p>
                <strong>{f.name}</strong> · {formatDateTime(f.created_at)}
                {f.has_email ? <span class="muted"> · {t("news.moderation.hasEmail")}</span> : null}
              </p>
              <p class="muted">
                <a href={articleHref(f.slug)}>{t("news.moderation.on", { title: f.article_title })}</a>
              </p>
              <p class="news-feedback-text">{f.body_text}</p>
              <div class="actions">
                <form method="post" action={`/tin-tuc/kiem-duyet/${f.id}`} class="inline">
                  <CsrfField ctx={ctx} />
                  <input type="hidden" name="decision" value="approve" />
                  <button type="submit">{t("news.moderation.approve")}</button>
                </form>
                <form method="post" action={`/tin-tuc/kiem-duyet/${f.id}`} class="inline">
                  <CsrfField ctx={ctx} />
                  <input type="hidden" name="decision" value="spam" />
                  <button type="submit" class="secondary">
                    {t("news.moderation.spam")}
                  </button>
                </form>
              </div>
              <form method="post" action={`/tin-tuc/kiem-duyet/${f.id}`} novalidate>
                <CsrfField ctx={ctx} />
                <input type="hidden" name="decision" value="reject" />
                <div class={errors[f.id] ? "field invalid" : "field"}>
                  <label for={`reason-${f.id}`}>{t("news.moderation.reason")}</label>
                  {errors[f.id] ? (
                    <p class="err" id={`reason-${f.id}-err`}>
                      {t(errors[f.id] ?? "")}
                    </p>
                  ) : null}
                  <input
                    id={`reason-${f.id}`}
                    name="reason"
                    type="text"
                    maxlength={500}
                    aria-describedby={errors[f.id] ? `reason-${f.id}-err` : undefined}
                  />
                </div>
                <button type="submit" class="danger">
                  {t("news.moderation.reject")}
                </button>
              </form>
            </li>
          ))}
        </ul>
      )}
    </>
  );
};
