import type { FC } from "hono/jsx";
import { CsrfField, ErrorSummary, Field, type PageContext } from "../../../platform/http/layout.tsx";
import { OFFICIAL_CODE_DIGITS, type UnitLevel } from "../naming.ts";
import { SelectField, typeLabel } from "./common.tsx";

export type UnitFormProps = {
  ctx: PageContext;
  title: string;
  action: string;
  cancelHref: string;
  level: UnitLevel;
  /** For a new village: the code it gets when the field is left empty. */
  nextCode: string | null;
  types: readonly string[];
  values: Record<string, string>;
  errors: Record<string, string>;
  submitLabel: string;
};

export const UnitForm: FC<UnitFormProps> = (p) => {
  const { ctx } = p;
  const { t } = ctx;
  const village = p.level === "village";
  const codeHint =
    p.level === "village"
      ? p.nextCode
        ? t("units.field.codeHintVillage", { example: p.nextCode })
        : undefined
      : t("units.field.codeHintOfficial", { n: OFFICIAL_CODE_DIGITS[p.level] });
  return (
    <section class="narrow">
      <h1>{p.title}</h1>
      <ErrorSummary ctx={ctx} errors={p.errors} />
      <form method="post" action={p.action} novalidate>
        <CsrfField ctx={ctx} />
        <Field
          ctx={ctx}
          name="name"
          label={t("units.field.name")}
          hint={t(village ? "units.field.nameHintVillage" : "units.field.nameHint")}
          values={p.values}
          errors={p.errors}
          required
          autocomplete="off"
        />
        <SelectField
          ctx={ctx}
          name="type"
          label={t("units.field.type")}
          options={p.types.map((type) => ({ value: type, label: typeLabel(t, type) }))}
          values={p.values}
          errors={p.errors}
          required
        />
        <Field
          ctx={ctx}
          name="code"
          label={t("units.field.code")}
          hint={codeHint}
          values={p.values}
          errors={p.errors}
          required={!village}
          autocomplete="off"
        />
        {village ? (
          <>
            <Field
              ctx={ctx}
              name="headName"
              label={t("units.field.headName")}
              values={p.values}
              errors={p.errors}
              autocomplete="off"
            />
            <Field
              ctx={ctx}
              name="headPhone"
              type="tel"
              label={t("units.field.headPhone")}
              hint={t("units.field.headPhoneHint")}
              values={p.values}
              errors={p.errors}
              autocomplete="off"
              inputmode="tel"
            />
          </>
        ) : null}
        <div class="actions">
          <button type="submit">{p.submitLabel}</button>
          <a href={p.cancelHref}>{t("form.cancel")}</a>
        </div>
      </form>
    </section>
  );
};
