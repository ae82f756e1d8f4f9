import type { FC } from "hono/jsx";
import { CsrfField, ErrorSummary, Field, type PageContext } from "../../../platform/http/layout.tsx";
import { type ScopeChoices, ScopeFields } from "./scopeFields.tsx";

/** The new-account form; on errors it comes back with what was typed and each message beside its field. */
export const NewUserPage: FC<{
  ctx: PageContext;
  values: Record<string, string>;
  errors: Record<string, string>;
  choices: ScopeChoices;
}> = ({ ctx, values, errors, choices }) => {
  const { t } = ctx;
  return (
    <section>
      <p>
        <a href="/admin/users">
          {t(choices.roles.length === 1 ? "accounts.admin.backToVillageHeads" : "accounts.admin.backToList")}
        </a>
      </p>
      <h1>{t(choices.roles.length === 1 ? "accounts.new.titleVillageHead" : "accounts.new.title")}</h1>
      <p class="muted">{t("accounts.new.lead")}</p>
      <ErrorSummary ctx={ctx} errors={errors} />
      <form method="post" action="/admin/users/new" novalidate>
        <CsrfField ctx={ctx} />
        <Field
          ctx={ctx}
          name="username"
          label={t("accounts.field.username")}
          hint={t("accounts.field.usernameHint")}
          values={values}
          errors={errors}
          required
          autocomplete="off"
        />
        <Field
          ctx={ctx}
          name="fullName"
          label={t("accounts.field.fullName")}
          values={values}
          errors={errors}
          required
          autocomplete="off"
        />
        <Field
          ctx={ctx}
          name="email"
          type="email"
          inputmode="email"
          label={t("accounts.field.emailOptional")}
          values={values}
          errors={errors}
          autocomplete="off"
        />
        <Field
          ctx={ctx}
          name="phone"
          type="tel"
          inputmode="tel"
          label={t("accounts.field.phoneOptional")}
          hint={t("accounts.field.phoneHint")}
          values={values}
          errors={errors}
          autocomplete="off"
        />
        <ScopeFields ctx={ctx} values={values} errors={errors} choices={choices} />
        <div class="actions">
          <button type="submit">{t("accounts.new.submit")}</button>
          <a href="/admin/users">{t("form.cancel")}</a>
        </div>
      </form>
    </section>
  );
};
