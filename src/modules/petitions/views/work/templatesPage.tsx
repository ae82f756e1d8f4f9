import type { FC } from "hono/jsx";
import { CsrfField, ErrorSummary, Flash, type PageContext } from "../../../../platform/http/layout.tsx";
import { TEMPLATE_BODY_MAX } from "../../commands/answerTemplates.ts";
import type { AnswerTemplate } from "../../queries/answerTemplates.ts";

/** Which form failed (new, or a template's id), what was typed and what is wrong. */
export type TemplateFormState = {
  target: "new" | number;
  values: Record<string, string>;
  errors: Record<string, string>;
};

type Props = {
  ctx: PageContext;
  agency: { id: number; name: string };
  templates: AnswerTemplate[];
  done: string | null;
  form: TemplateFormState | null;
};

const BodyField: FC<{ ctx: PageContext; id: string; value: string; error?: string }> = ({
  ctx,
  id,
  value,
  error,
}) => (
  <div class={error ? "field invalid" : "field"}>
    <label for={id}>
      {ctx.t("petitions.work.template.body")}
      <span class="req"> *</span>
    </label>
    <p class="hint" id={`${id}-hint`}>
      {ctx.t("petitions.work.template.bodyHint")}
    </p>
    {error ? (
      <p class="err" id={`${id}-err`}>
        {ctx.t(error)}
      </p>
    ) : null}
    <textarea
      id={id}
      name="body"
      rows={6}
      maxlength={TEMPLATE_BODY_MAX}
      required
      aria-invalid={error ? "true" : undefined}
      aria-describedby={error ? `${id}-hint ${id}-err` : `${id}-hint`}
    >
      {value}
    </textarea>
  </div>
);

const TitleField: FC<{ ctx: PageContext; id: string; value: string; error?: string }> = ({
  ctx,
  id,
  value,
  error,
}) => (
  <div class={error ? "field invalid" : "field"}>
    <label for={id}>
      {ctx.t("petitions.work.template.name")}
      <span class="req"> *</span>
    </label>
    {error ? (
      <p class="err" id={`${id}-err`}>
        {ctx.t(error)}
      </p>
    ) : null}
    <input
      id={id}
      name="title"
      value={value}
      maxlength={200}
      required
      aria-invalid={error ? "true" : undefined}
      aria-describedby={error ? `${id}-err` : undefined}
    />
  </div>
);

/** An agency's answer templates: the officers add, edit and delete them; the answer form offers them. */
export const TemplatesPage: FC<Props> = ({ ctx, agency, templates, done, form }) => {
  const { t } = ctx;
  const base = `/agencies/${agency.id}/templates`;
  const forNew = form?.target === "new" ? form : null;
  return (
    <section>
      <ul class="crumbs">
        <li>
          <a href={`/agencies/${agency.id}`}>{agency.name}</a>
        </li>
        <li>{t("petitions.work.template.title")}</li>
      </ul>
      <h1>{t("petitions.work.template.titleOf", { agency: agency.name })}</h1>
      <p class="muted">{t("petitions.work.template.intro")}</p>
      <Flash ctx={ctx} messageKey={done} />
      {form ? (
        <ErrorSummary
          ctx={ctx}
          errors={
            form.target === "new"
              ? form.errors
              : Object.fromEntries(Object.entries(form.errors).map(([k, v]) => [`${k}-${form.target}`, v]))
          }
        />
      ) : null}
      {templates.length === 0 ? <p>{t("petitions.work.template.none")}</p> : null}
      <ul class="templates">
        {templates.map((tpl) => {
          const editing = form?.target === tpl.id ? form : null;
          const values = editing?.values ?? { title: tpl.title, body: tpl.body };
          return (
            <li class="card">
              <h2>{tpl.title}</h2>
              <p class="pre">{tpl.body}</p>
              <details open={editing ? true : undefined}>
                <summary>{t("petitions.work.template.edit")}</summary>
                <form method="post" action={`${base}/${tpl.id}`} novalidate>
                  <CsrfField ctx={ctx} />
                  <TitleField
                    ctx={ctx}
                    id={`f-title-${tpl.id}`}
                    value={values.title ?? ""}
                    error={editing?.errors.title}
                  />
                  <BodyField
                    ctx={ctx}
                    id={`f-body-${tpl.id}`}
                    value={values.body ?? ""}
                    error={editing?.errors.body}
                  />
                  <button type="submit">{t("form.save")}</button>
                </form>
              </details>
              <form method="post" action={`${base}/${tpl.id}/delete`} class="inline">
                <CsrfField ctx={ctx} />
                <button type="submit" class="link danger-link">
                  {t("petitions.work.template.delete")}
                  <span class="sr-only"> {tpl.title}</span>
                </button>
              </form>
            </li>
          );
        })}
      </ul>
      <h2 id="new">{t("petitions.work.template.add")}</h2>
      <form method="post" action={base} novalidate>
        <CsrfField ctx={ctx} />
        <TitleField ctx={ctx} id="f-title" value={forNew?.values.title ?? ""} error={forNew?.errors.title} />
        <BodyField ctx={ctx} id="f-body" value={forNew?.values.body ?? ""} error={forNew?.errors.body} />
        <button type="submit">{t("petitions.work.template.create")}</button>
      </form>
    </section>
  );
};
