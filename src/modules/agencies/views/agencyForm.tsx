import type { FC } from "hono/jsx";
import { CsrfField, ErrorSummary, Field, type PageContext } from "../../../platform/http/layout.tsx";
import type { UnitChoice } from "../../units/queries/choices.ts";
import { SelectField } from "../../units/views/common.tsx";
import { AGENCY_KINDS } from "../queries/listAgencies.ts";

export const AgencyForm: FC<{
  ctx: PageContext;
  title: string;
  action: string;
  cancelHref: string;
  choices: UnitChoice[];
  values: Record<string, string>;
  errors: Record<string, string>;
  submitLabel: string;
}> = (p) => {
  const { ctx } = p;
  const { t } = ctx;
  return (
    <section class="narrow">
      <h1>{p.title}</h1>
      <ErrorSummary ctx={ctx} errors={p.errors} />
      <form method="post" action={p.action} novalidate>
        <CsrfField ctx={ctx} />
        <Field
          ctx={ctx}
          name="code"
          label={t("agencies.field.code")}
          hint={t("agencies.field.codeHint")}
          values={p.values}
          errors={p.errors}
          required
          autocomplete="off"
        />
        <Field
          ctx={ctx}
          name="name"
          label={t("agencies.field.name")}
          values={p.values}
          errors={p.errors}
          required
        />
        <Field
          ctx={ctx}
          name="nameEn"
          label={t("agencies.field.nameEn")}
          values={p.values}
          errors={p.errors}
        />
        <SelectField
          ctx={ctx}
          name="kind"
          label={t("agencies.field.kind")}
          options={AGENCY_KINDS.map((k) => ({ value: k, label: t(`agencies.kind.${k}`) }))}
          values={p.values}
          errors={p.errors}
          required
        />
        <Field
          ctx={ctx}
          name="unitCode"
          label={t("agencies.field.unitCode")}
          hint={t("agencies.field.unitCodeHint")}
          values={p.values}
          errors={p.errors}
          inputmode="numeric"
          autocomplete="off"
        />
        <SelectField
          ctx={ctx}
          name="unitId"
          label={t("agencies.field.unitId")}
          blank={t("agencies.field.unitNone")}
          options={p.choices.map((u) => ({ value: String(u.id), label: `${u.full_name} (${u.code})` }))}
          values={p.values}
          errors={p.errors}
        />
        <Field
          ctx={ctx}
          name="email"
          type="email"
          label={t("agencies.field.email")}
          values={p.values}
          errors={p.errors}
          autocomplete="off"
          inputmode="email"
        />
        <div class="actions">
          <button type="submit">{p.submitLabel}</button>
          <a href={p.cancelHref}>{t("form.cancel")}</a>
        </div>
      </form>
    </section>
  );
};
