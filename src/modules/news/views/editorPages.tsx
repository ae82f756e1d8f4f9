import type { FC } from "hono/jsx";
import {
  CsrfField,
  ErrorSummary,
  Field,
  Flash,
  type PageContext,
  Pager,
  SelectField,
} from "../../../platform/http/layout.tsx";
import { formatDateTime, formatNumber } from "../../../platform/i18n/i18n.ts";
import type { Article, EditorRow } from "../queries/articles.ts";
import { CATEGORIES } from "../settings.ts";
import { ARTICLE_STATES, actionsFrom, isArticleState } from "../states.ts";
import { articleHref, imageHref } from "./parts.tsx";

export const EditorList: FC<{
  ctx: PageContext;
  rows: EditorRow[];
  state: string;
  page: number;
  hasNext: boolean;
  done: string | null;
}> = ({ ctx, rows, state, page, hasNext, done }) => {
  const { t } = ctx;
  return (
    <>
      <h1>{t("news.editor.title")}</h1>
      <Flash ctx={ctx} messageKey={done} />
      <p>
        <a class="button" href="/tin-tuc/quan-tri/moi">
          {t("news.editor.new")}
        </a>
      </p>
      <nav aria-label={t("news.editor.filter")} class="news-cats">
        <ul>
          {["", ...ARTICLE_STATES].map((s) => (
            <li>
              <a
                href={s ? `/tin-tuc/quan-tri?state=${s}` : "/tin-tuc/quan-tri"}
                aria-current={s === state ? "page" : undefined}
              >
                {s ? t(`news.state.${s}`) : t("news.editor.all")}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {rows.length === 0 ? (
        <p class="muted">{t("news.editor.empty")}</p>
      ) : (
        <div class="scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">{t("news.editor.field.title")}</th>
                <th scope="col">{t("news.editor.field.category")}</th>
                <th scope="col">{t("news.editor.filter")}</th>
                <th scope="col">{t("news.editor.updated")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr>
                  <td>
                    <a href={`/tin-tuc/quan-tri/${r.id}`}>{r.title}</a>
                  </td>
                  <td>{t(`news.category.${r.category}`)}</td>
                  <td>
                    {t(`news.state.${r.state}`)}
                    {r.publish_requested_by ? <span class="muted"> · {t("news.editor.waiting")}</span> : null}
                  </td>
                  <td>{formatDateTime(r.updated_at)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pager
        ctx={ctx}
        page={page}
        hasNext={hasNext}
        base={state ? `/tin-tuc/quan-tri?state=${state}` : "/tin-tuc/quan-tri"}
      />
    </>
  );
};

export type ArticleFormState = { values: Record<string, string>; errors: Record<string, string> };

const TextArea: FC<{
  ctx: PageContext;
  name: string;
  label: string;
  hint?: string;
  rows: number;
  form: ArticleFormState;
  required?: boolean;
}> = (p) => {
  const err = p.form.errors[p.name];
  const id = `f-${p.name}`;
  const described =
    [p.hint ? `${id}-hint` : "", err ? `${id}-err` : ""].filter(Boolean).join(" ") || undefined;
  return (
    <div class={err ? "field invalid" : "field"}>
      <label for={id}>
        {p.label}
        {p.required ? <span class="req"> *</span> : null}
      </label>
      {p.hint ? (
        <p class="hint" id={`${id}-hint`}>
          {p.hint}
        </p>
      ) : null}
      {err ? (
        <p class="err" id={`${id}-err`}>
          {p.ctx.t(err)}
        </p>
      ) : null}
      <textarea
        id={id}
        name={p.name}
        rows={p.rows}
        required={p.required}
        aria-invalid={err ? "true" : undefined}
        aria-describedby={described}
      >
        {p.form.values[p.name] ?? ""}
      </textarea>
    </div>
  );
};

/** The article form without JavaScript: plain fields, a textarea for the body, a file input for the cover. */
export const ArticleForm: FC<{
  ctx: PageContext;
  action: string;
  form: ArticleFormState;
  article: Article | null;
  submit: string;
}> = ({ ctx, action, form, article, submit }) => {
  const { t } = ctx;
  return (
    <form method="post" action={action} enctype="multipart/form-data" novalidate class="news-editor">
      <ErrorSummary ctx={ctx} errors={form.errors} />
      <CsrfField ctx={ctx} />
      <input type="hidden" name="revision" value={form.values.revision ?? ""} />
      <Field
        ctx={ctx}
        name="title"
        label={t("news.editor.field.title")}
        values={form.values}
        errors={form.errors}
        required
      />
      <TextArea ctx={ctx} name="summary" label={t("news.editor.field.summary")} rows={3} form={form} />
      <TextArea
        ctx={ctx}
        name="body"
        label={t("news.editor.field.body")}
        hint={t("news.editor.bodyHint")}
        rows={16}
        form={form}
        required
      />
      <SelectField
        ctx={ctx}
        name="category"
        label={t("news.editor.field.category")}
        values={form.values}
        errors={form.errors}
        required
        options={CATEGORIES.map((c) => ({ value: c, label: t(`news.category.${c}`) }))}
      />
      <Field
        ctx={ctx}
        name="tags"
        label={t("news.editor.field.tags")}
        hint={t("news.editor.tagsHint")}
        values={form.values}
        errors={form.errors}
      />
      {article?.cover_key ? (
        <img
          class="news-thumb"
          src={imageHref(article.cover_key)}
          alt={article.cover_caption || article.title}
        />
      ) : null}
      <div class={form.errors.cover ? "field invalid" : "field"}>
        <label for="f-cover">{t("news.editor.field.cover")}</label>
        <p class="hint" id="f-cover-hint">
          {t("news.editor.coverHint")}
        </p>
        {form.errors.cover ? (
          <p class="err" id="f-cover-err">
            {t(form.errors.cover)}
          </p>
        ) : null}
        <input
          id="f-cover"
          name="cover"
          type="file"
          accept="image/jpeg,image/png,image/webp"
          aria-describedby="f-cover-hint"
        />
      </div>
      <Field
        ctx={ctx}
        name="coverCaption"
        label={t("news.editor.field.coverCaption")}
        values={form.values}
        errors={form.errors}
      />
      <Field
        ctx={ctx}
        name="dialogueId"
        label={t("news.editor.field.dialogueId")}
        hint={t("news.editor.linkHint")}
        values={form.values}
        errors={form.errors}
        inputmode="numeric"
      />
      <Field
        ctx={ctx}
        name="directiveId"
        label={t("news.editor.field.directiveId")}
        values={form.values}
        errors={form.errors}
        inputmode="numeric"
      />
      <Field
        ctx={ctx}
        name="clusterId"
        label={t("news.editor.field.clusterId")}
        values={form.values}
        errors={form.errors}
        inputmode="numeric"
      />
      <button type="submit">{submit}</button>
    </form>
  );
};

export const EditPage: FC<{
  ctx: PageContext;
  article: Article;
  form: ArticleFormState;
  done: string | null;
  error: string | null;
  revisions: { revision: number; title: string; saved_at: Date; editor_name: string | null }[];
  views: number;
  schedule: ArticleFormState;
  uploaded: string | null;
}> = ({ ctx, article, form, done, error, revisions, views, schedule, uploaded }) => {
  const { t } = ctx;
  const state = isArticleState(article.state) ? article.state : "draft";
  const actions = actionsFrom(state);
  return (
    <>
      <h1>{t("news.editor.edit", { title: article.title })}</h1>
      <Flash ctx={ctx} messageKey={done} />
      <Flash ctx={ctx} messageKey={error} kind="error" />
      {uploaded ? (
        <div class="alert ok" role="status">
          {t("news.editor.imageUploaded", { tag: `<img src="${uploaded}" alt="">` })}
        </div>
      ) : null}
      <dl class="facts">
        <dt>{t("news.editor.filter")}</dt>
        <dd>
          {t(`news.state.${state}`)}
          {article.publish_requested_by ? ` · ${t("news.editor.waiting")}` : ""}
          {article.scheduled_at
            ? ` · ${t("news.editor.scheduledFor", { when: formatDateTime(article.scheduled_at) })}`
            : ""}
        </dd>
        <dt>{t("news.editor.viewsTotal", { n: formatNumber(views, ctx.locale) })}</dt>
        <dd>
          <a href={articleHref(article.slug)}>
            {state === "published" ? t("news.editor.publicLink") : t("news.editor.preview")}
          </a>
        </dd>
      </dl>
      <section aria-labelledby="act-h" class="news-actions">
        <h2 id="act-h">{t("news.editor.actions")}</h2>
        <div class="actions">
          {actions
            .filter((a) => a !== "schedule")
            .map((a) => (
              <form method="post" action={`/tin-tuc/quan-tri/${article.id}/${a}`} class="inline">
                <CsrfField ctx={ctx} />
                <button type="submit" class={a === "publish" ? undefined : "secondary"}>
                  {t(`news.editor.action.${a}`)}
                </button>
              </form>
            ))}
        </div>
        {actions.includes("schedule") ? (
          <form method="post" action={`/tin-tuc/quan-tri/${article.id}/schedule`} novalidate>
            <CsrfField ctx={ctx} />
            <Field
              ctx={ctx}
              name="scheduledAt"
              label={t("news.editor.scheduledAt")}
              values={schedule.values}
              errors={schedule.errors}
            />
            <button type="submit" class="secondary">
              {t("news.editor.action.schedule")}
            </button>
          </form>
        ) : null}
      </section>
      <ArticleForm
        ctx={ctx}
        action={`/tin-tuc/quan-tri/${article.id}`}
        form={form}
        article={article}
        submit={t("news.editor.save")}
      />
      <section aria-labelledby="img-h">
        <h2 id="img-h">{t("news.editor.imageUpload")}</h2>
        <form method="post" action={`/tin-tuc/quan-tri/${article.id}/anh`} enctype="multipart/form-data">
          <CsrfField ctx={ctx} />
          <div class="field">
            <label for="f-image">{t("news.editor.field.image")}</label>
            <input id="f-image" name="image" type="file" accept="image/jpeg,image/png,image/webp" />
          </div>
          <button type="submit" class="secondary">
            {t("news.editor.upload")}
          </button>
        </form>
      </section>
      <section aria-labelledby="rev-h">
        <h2 id="rev-h">{t("news.editor.revisions")}</h2>
        <ol class="news-titles">
          {revisions.map((r) => (
            <li>
              {t("news.editor.revision", { n: r.revision })} · {formatDateTime(r.saved_at)}
              {r.editor_name ? ` · ${r.editor_name}` : ""} — {r.title}
            </li>
          ))}
        </ol>
      </section>
    </>
  );
};
