import type { FC } from "hono/jsx";
import { CsrfField, ErrorSummary, Field, type PageContext } from "../../../platform/http/layout.tsx";

export const LoginPage: FC<{
  ctx: PageContext;
  values: Record<string, string>;
  errors: Record<string, string>;
  next: string;
}> = ({ ctx, values, errors, next }) => (
  <section class="narrow">
    <h1>{ctx.t("accounts.login.title")}</h1>
    <p class="muted">{ctx.t("accounts.login.lead")}</p>
    <ErrorSummary ctx={ctx} errors={errors} />
    <form method="post" action="/login" novalidate>
      <CsrfField ctx={ctx} />
      <input type="hidden" name="next" value={next} />
      <Field
        ctx={ctx}
        name="username"
        label={ctx.t("accounts.field.username")}
        values={values}
        errors={errors}
        required
        autocomplete="username"
      />
      <Field
        ctx={ctx}
        name="password"
        type="password"
        label={ctx.t("accounts.field.password")}
        errors={errors}
        required
        autocomplete="current-password"
      />
      <button type="submit">{ctx.t("accounts.login.submit")}</button>
    </form>
    <p class="muted">{ctx.t("accounts.login.forgot")}</p>
  </section>
);
