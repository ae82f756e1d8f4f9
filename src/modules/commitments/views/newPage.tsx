import type { FC } from "hono/jsx";
import { CsrfField, type PageContext } from "../../../platform/http/layout.tsx";
import { FormError, InputField, SelectField, TextAreaField } from "../../petitions/views/fields.tsx";

/** The coordinator's (or a leader's) form for a commitment made outside a dialogue's live console. */
export const NewPage: FC<{
  ctx: PageContext;
  agencies: { id: number; name: string }[];
  values: Record<string, string>;
  errors: Record<string, string>;
  idempotencyKey: string;
}> = ({ ctx, agencies, values, errors, idempotencyKey }) => {
  const { t } = ctx;
  return (
    <>
      <h1>{t("commitments.new.title")}</h1>
      <form method="post" action="/commitments" class="ck-form">
        <CsrfField ctx={ctx} />
        <input type="hidden" name="idempotencyKey" value={values.idempotencyKey || idempotencyKey} />
        <FormError ctx={ctx} errors={errors} />
        <TextAreaField
          ctx={ctx}
          name="text"
          rows={4}
          maxlength={2000}
          required
          label={t("commitments.field.text")}
          values={values}
          errors={errors}
        />
        <SelectField
          ctx={ctx}
          name="agencyId"
          required
          label={t("commitments.field.agency")}
          blank={t("commitments.new.chooseAgency")}
          options={agencies.map((a) => ({ value: String(a.id), label: a.name }))}
          values={values}
          errors={errors}
        />
        <InputField
          ctx={ctx}
          name="deadlineWorkingDays"
          type="number"
          inputmode="numeric"
          min={1}
          max={250}
          required
          label={t("commitments.field.days")}
          hint={t("commitments.new.daysHint")}
          values={values}
          errors={errors}
        />
        <InputField
          ctx={ctx}
          name="petitionCodes"
          label={t("commitments.field.petitions")}
          hint={t("commitments.new.petitionsHint")}
          values={values}
          errors={errors}
        />
        <button type="submit">{t("commitments.new.submit")}</button>
      </form>
    </>
  );
};
