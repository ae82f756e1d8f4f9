import type { FC } from "hono/jsx";
import { CsrfField, ErrorSummary, Field, Flash, type PageContext } from "../../../platform/http/layout.tsx";
import type { CategoryRow } from "../queries/listRules.ts";

/** The categories petitions are filed under: their names, examples, order, and whether forms offer them. */
export const CategoriesPage: FC<{ ctx: PageContext; categories: CategoryRow[]; done: string | null }> = ({
  ctx,
  categories,
  done,
}) => {
  const { t } = ctx;
  return (
    <section>
      <ul class="crumbs">
        <li>
          <a href="/admin/routing">{t("routing.title")}</a>
        </li>
        <li>{t("routing.category.title")}</li>
      </ul>
      <h1>{t("routing.category.title")}</h1>
      <p class="muted">{t("routing.category.intro")}</p>
      <Flash ctx={ctx} messageKey={done} />
      <table class="cardlist">
        <thead>
          <tr>
            <th scope="col">{t("routing.category.sort")}</th>
            <th scope="col">{t("routing.category.nameVi")}</th>
            <th scope="col">{t("routing.category.nameEn")}</th>
            <th scope="col">{t("routing.category.rules")}</th>
            <th scope="col">{t("routing.field.active")}</th>
          </tr>
        </thead>
        <tbody>
          {categories.map((c) => (
            <tr>
              <td data-label={t("routing.category.sort")}>{c.sort}</td>
              <td class="title">
                <a href={`/admin/categories/${c.code}`}>{c.name_vi}</a>{" "}
                <span class="muted code">{c.code}</span>
              </td>
              <td data-label={t("routing.category.nameEn")} lang="en">
                {c.name_en}
              </td>
              <td data-label={t("routing.category.rules")}>{c.rules}</td>
              <td data-label={t("routing.field.active")}>
                {c.active ? (
                  t("routing.active.yes")
                ) : (
                  <span class="tag retired">{t("routing.active.no")}</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
};

type FormProps = {
  ctx: PageContext;
  category: CategoryRow;
  values: Record<string, string>;
  errors: Record<string, string>;
};

/** One category's form: names in both languages, examples, order; and retire / bring back. */
export const CategoryForm: FC<FormProps> = ({ ctx, category, values, errors }) => {
  const { t } = ctx;
  const exErr = errors.examplesVi;
  return (
    <section class="narrow">
      <ul class="crumbs">
        <li>
          <a href="/admin/routing">{t("routing.title")}</a>
        </li>
        <li>
          <a href="/admin/categories">{t("routing.category.title")}</a>
        </li>
        <li>{category.name_vi}</li>
      </ul>
      <h1>{t("routing.category.edit", { name: category.name_vi })}</h1>
      <p class="muted">
        {t("routing.category.code")}: <span class="code">{category.code}</span>
        {category.active ? null : (
          <>
            {" "}
            <span class="tag retired">{t("routing.active.no")}</span>
          </>
        )}
      </p>
      <ErrorSummary ctx={ctx} errors={errors} />
      <form method="post" action={`/admin/categories/${category.code}`} novalidate>
        <CsrfField ctx={ctx} />
        <Field
          ctx={ctx}
          name="nameVi"
          label={t("routing.category.nameVi")}
          values={values}
          errors={errors}
          required
        />
        <Field
          ctx={ctx}
          name="nameEn"
          label={t("routing.category.nameEn")}
          values={values}
          errors={errors}
          required
        />
        <div class={exErr ? "field invalid" : "field"}>
          <label for="f-examplesVi">{t("routing.category.examples")}</label>
          {exErr ? (
            <p class="err" id="f-examplesVi-err">
              {t(exErr)}
            </p>
          ) : null}
          <textarea
            id="f-examplesVi"
            name="examplesVi"
            rows={3}
            maxlength={2000}
            aria-invalid={exErr ? "true" : undefined}
            aria-describedby={exErr ? "f-examplesVi-err" : undefined}
          >
            {values.examplesVi ?? ""}
          </textarea>
        </div>
        <Field
          ctx={ctx}
          name="sort"
          label={t("routing.category.sort")}
          hint={t("routing.category.sortHint")}
          values={values}
          errors={errors}
          inputmode="numeric"
          required
        />
        <div class="actions">
          <button type="submit">{t("form.save")}</button>
          <a href="/admin/categories">{t("form.cancel")}</a>
        </div>
      </form>
      <form method="post" action={`/admin/categories/${category.code}/active`}>
        <CsrfField ctx={ctx} />
        <input type="hidden" name="active" value={category.active ? "0" : "1"} />
        <p class="muted">
          {category.active ? t("routing.category.retireHint") : t("routing.category.restoreHint")}
        </p>
        <button type="submit" class={category.active ? "danger" : "secondary"}>
          {category.active ? t("routing.category.retire") : t("routing.category.restore")}
        </button>
      </form>
    </section>
  );
};
