import type { FC } from "hono/jsx";
import {
  CsrfField,
  ErrorSummary,
  Field,
  type Option,
  type PageContext,
  SelectField,
} from "../../../platform/http/layout.tsx";

export const FORMATS = ["in_person", "online", "mixed"] as const;
export const TARGET_ROLES = ["village_head", "commune_officer"] as const;

/** A new course with its first session; more sessions, materials and the test are added on its page. */
export const CourseForm: FC<{
  ctx: PageContext;
  values: Record<string, string>;
  targets: string[];
  errors: Record<string, string>;
  topics: Option[];
  units: Option[];
}> = ({ ctx, values, targets, errors, topics, units }) => {
  const { t } = ctx;
  const err = errors.targetUnitIds;
  return (
    <section class="narrow">
      <h1>{t("training.new")}</h1>
      <ErrorSummary ctx={ctx} errors={errors} />
      <form method="post" action="/training/courses/new" novalidate>
        <CsrfField ctx={ctx} />
        <input type="hidden" name="idempotencyKey" value={values.idempotencyKey ?? ""} />
        <Field
          ctx={ctx}
          name="title"
          label={t("training.field.title")}
          values={values}
          errors={errors}
          required
        />
        <div class="field">
          <label for="f-description">{t("training.field.description")}</label>
          <textarea id="f-description" name="description" rows={3}>
            {values.description ?? ""}
          </textarea>
        </div>
        <SelectField
          ctx={ctx}
          name="topicCode"
          label={t("training.field.topic")}
          options={topics}
          values={values}
          errors={errors}
          blank={t("training.choose")}
          required
        />
        <SelectField
          ctx={ctx}
          name="format"
          label={t("training.field.format")}
          options={FORMATS.map((f) => ({ value: f, label: t(`training.format.${f}`) }))}
          values={values}
          errors={errors}
          required
        />
        <div class={err ? "field invalid" : "field"}>
          <label for="f-targetUnitIds">{t("training.field.target")}</label>
          <p class="hint" id="f-targetUnitIds-hint">
            {t("training.field.targetHint")}
          </p>
          {err ? (
            <p class="err" id="f-targetUnitIds-err">
              {t(err)}
            </p>
          ) : null}
          <select
            id="f-targetUnitIds"
            name="targetUnitIds"
            multiple
            size={8}
            aria-describedby={err ? "f-targetUnitIds-hint f-targetUnitIds-err" : "f-targetUnitIds-hint"}
            aria-invalid={err ? "true" : undefined}
          >
            {units.map((u) => (
              <option value={u.value} selected={targets.includes(u.value)}>
                {u.label}
              </option>
            ))}
          </select>
        </div>
        <SelectField
          ctx={ctx}
          name="targetRole"
          label={t("training.field.targetRole")}
          options={TARGET_ROLES.map((r) => ({ value: r, label: t(`training.role.${r}`) }))}
          values={values}
          errors={errors}
        />
        <Field
          ctx={ctx}
          name="capacity"
          label={t("training.field.capacity")}
          hint={t("training.field.capacityHint")}
          values={values}
          errors={errors}
          inputmode="numeric"
        />
        <Field
          ctx={ctx}
          name="passMark"
          label={t("training.field.passMark")}
          hint={t("training.field.passMarkHint")}
          values={values}
          errors={errors}
          inputmode="numeric"
        />
        <div class="field">
          <label class="choice">
            <input type="checkbox" name="openEnrolment" value="1" checked={values.openEnrolment === "1"} />{" "}
            {t("training.field.open")}
          </label>
          <label class="choice">
            <input type="checkbox" name="certificate" value="1" checked={values.certificate === "1"} />{" "}
            {t("training.field.certificate")}
          </label>
        </div>
        <fieldset>
          <legend>{t("training.session.first")}</legend>
          <SessionFields ctx={ctx} values={values} errors={errors} />
        </fieldset>
        <p>
          <button type="submit">{t("training.create")}</button>
        </p>
      </form>
    </section>
  );
};

export const SessionFields: FC<{
  ctx: PageContext;
  values: Record<string, string>;
  errors: Record<string, string>;
}> = ({ ctx, values, errors }) => {
  const { t } = ctx;
  return (
    <>
      <Field
        ctx={ctx}
        name="date"
        label={t("training.session.date")}
        hint={t("training.session.dateHint")}
        values={values}
        errors={errors}
        required
        inputmode="numeric"
      />
      <Field
        ctx={ctx}
        name="startTime"
        label={t("training.session.start")}
        hint={t("training.session.timeHint")}
        values={values}
        errors={errors}
        required
        inputmode="numeric"
      />
      <Field
        ctx={ctx}
        name="endTime"
        label={t("training.session.end")}
        values={values}
        errors={errors}
        required
        inputmode="numeric"
      />
      <Field
        ctx={ctx}
        name="place"
        label={t("training.session.place")}
        values={values}
        errors={errors}
        required
      />
      <div class="field">
        <label class="choice">
          <input type="checkbox" name="required" value="1" checked={values.required !== "0"} />{" "}
          {t("training.session.required")}
        </label>
        <input type="hidden" name="requiredShown" value="1" />
      </div>
    </>
  );
};
