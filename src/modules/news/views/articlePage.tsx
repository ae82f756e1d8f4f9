import { raw } from "hono/html";
import type { FC } from "hono/jsx";
import { CsrfField, ErrorSummary, Field, type PageContext } from "../../../platform/http/layout.tsx";
import { formatDate, formatDateTime } from "../../../platform/i18n/i18n.ts";
import type { Article, ArticleCard } from "../queries/articles.ts";
import type { PublicFeedback } from "../queries/feedback.ts";
import type { ArticleLink } from "../queries/links.ts";
import { sanitizeArticleHtml } from "../sanitize.ts";
import { articleHref, CategoryNav, categoryHref, imageHref, TitleList } from "./parts.tsx";

export type FeedbackFormState = {
  values: Record<string, string>;
  errors: Record<string, string>;
  sent: boolean;
};

const FeedbackForm: FC<{ ctx: PageContext; slug: string; form: FeedbackFormState }> = ({
  ctx,
  slug,
  form,
}) => (
  <form
    method="post"
    action={`${articleHref(slug)}/phan-hoi#gui-phan-hoi`}
    class="news-feedback-form"
    novalidate
  >
    <h3 id="gui-phan-hoi">{ctx.t("news.feedback.formTitle")}</h3>
    {form.sent ? (
      <div class="alert ok" role="status">
        {ctx.t("news.feedback.sent")}
      </div>
    ) : null}
    <p class="muted">{ctx.t("news.feedback.intro")}</p>
    <ErrorSummary ctx={ctx} errors={form.errors} />
    <CsrfField ctx={ctx} />
    <input type="hidden" name="key" value={form.values.key ?? ""} />
    <Field
      ctx={ctx}
      name="name"
      label={ctx.t("news.feedback.name")}
      values={form.values}
      errors={form.errors}
      required
      autocomplete="name"
    />
    <Field
      ctx={ctx}
      name="email"
      type="email"
      label={ctx.t("news.feedback.email")}
      hint={ctx.t("news.feedback.emailHint")}
      values={form.values}
      errors={form.errors}
      autocomplete="email"
    />
    <div class={form.errors.text ? "field invalid" : "field"}>
      <label for="f-text">
        {ctx.t("news.feedback.text")}
        <span class="req"> *</span>
      </label>
      <p class="hint" id="f-text-hint">
        {ctx.t("news.feedback.textHint")}
      </p>
      {form.errors.text ? (
        <p class="err" id="f-text-err">
          {ctx.t(form.errors.text)}
        </p>
      ) : null}
      <textarea
        id="f-text"
        name="text"
        rows={5}
        maxlength={2000}
        required
        aria-invalid={form.errors.text ? "true" : undefined}
        aria-describedby={form.errors.text ? "f-text-hint f-text-err" : "f-text-hint"}
      >
        {form.values.text ?? ""}
      </textarea>
    </div>
    {/* the honeypot: hidden from people (and from screen readers), filled in by form-spamming robots */}
    <div class="hp" aria-hidden="true">
      <label for="f-website">{ctx.t("news.feedback.website")}</label>
      <input id="f-website" name="website" type="text" tabindex={-1} autocomplete="off" value="" />
    </div>
    <button type="submit">{ctx.t("news.feedback.send")}</button>
  </form>
);

export type ArticlePageData = {
  article: Article;
  links: ArticleLink[];
  feedback: PublicFeedback[];
  others: ArticleCard[];
  latest: ArticleCard[];
  top7: ArticleCard[];
  top30: ArticleCard[];
  form: FeedbackFormState;
  preview: boolean;
};

export const ArticlePage: FC<{ ctx: PageContext; d: ArticlePageData }> = ({ ctx, d }) => {
  const { t } = ctx;
  const a = d.article;
  return (
    <div class="news">
      <CategoryNav ctx={ctx} current={a.category} />
      {d.preview ? (
        <div class="alert warn" role="status">
          {t("news.preview", { state: t(`news.state.${a.state}`) })}
        </div>
      ) : null}
      <article class="news-article" aria-labelledby="art-h">
        <p class="muted">
          <a href={categoryHref(a.category)}>{t(`news.category.${a.category}`)}</a>
          {a.published_at ? (
            <>
              {" "}
              · <time datetime={a.published_at.toISOString()}>{formatDateTime(a.published_at)}</time>
            </>
          ) : null}
        </p>
        <h1 id="art-h">{a.title}</h1>
        {a.summary ? <p class="news-lead">{a.summary}</p> : null}
        {a.cover_key ? (
          <figure class="news-cover">
            <img src={imageHref(a.cover_key)} alt={a.cover_caption || a.title} width="960" height="540" />
            {a.cover_caption ? <figcaption>{a.cover_caption}</figcaption> : null}
          </figure>
        ) : null}
        {/* sanitised when saved and again here, whatever the row holds */}
        <div class="news-body">{raw(sanitizeArticleHtml(a.body_html))}</div>
        {a.author_name ? <p class="muted">{t("news.by", { name: a.author_name })}</p> : null}
        {a.tags.length ? (
          <p>
            <span class="muted">{t("news.tags")}: </span>
            {a.tags.map((tag) => (
              <a class="tag" href={`/tin-tuc/tim-kiem?q=${encodeURIComponent(tag)}`}>
                {tag}
              </a>
            ))}
          </p>
        ) : null}
        {d.links.length ? (
          <section aria-labelledby="rel-h">
            <h2 id="rel-h">{t("news.related")}</h2>
            <ul>
              {d.links.map((l) => {
                const text = t(`news.link.${l.kind}`, { label: l.label });
                return <li>{l.href ? <a href={l.href}>{text}</a> : text}</li>;
              })}
            </ul>
          </section>
        ) : null}
      </article>

      <section aria-labelledby="fb-h" class="news-feedback" id="phan-hoi">
        <h2 id="fb-h">{t("news.feedback.title")}</h2>
        {d.feedback.length === 0 ? (
          <p class="muted">{t("news.feedback.none")}</p>
        ) : (
          <ul class="news-feedback-list">
            {d.feedback.map((f) => (
              <li>
                <p>
                  <strong>{f.name}</strong> <span class="muted">· {formatDate(f.created_at)}</span>
                </p>
                <p class="news-feedback-text">{f.body_text}</p>
              </li>
            ))}
          </ul>
        )}
        {d.preview ? null : <FeedbackForm ctx={ctx} slug={a.slug} form={d.form} />}
      </section>

      <section aria-labelledby="others-h" id="cac-tin-khac">
        <h2 id="others-h">{t("news.others")}</h2>
        <TitleList ctx={ctx} items={d.others} />
      </section>
      <section aria-labelledby="latest-h" id="moi-nhat">
        <h2 id="latest-h">{t("news.latest")}</h2>
        <TitleList ctx={ctx} items={d.latest} />
      </section>
      <section aria-labelledby="top-h" id="xem-nhieu-nhat">
        <h2 id="top-h">{t("news.mostViewed")}</h2>
        <div class="news-top">
          <div>
            <h3>{t("news.mostViewed.7")}</h3>
            <TitleList ctx={ctx} items={d.top7} />
          </div>
          <div>
            <h3>{t("news.mostViewed.30")}</h3>
            <TitleList ctx={ctx} items={d.top30} />
          </div>
        </div>
      </section>
    </div>
  );
};
