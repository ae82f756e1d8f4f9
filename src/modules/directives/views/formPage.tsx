import type { FC } from "hono/jsx";
import {
  CsrfField,
  ErrorSummary,
  Field,
  type PageContext,
  SelectField,
} from "../../../platform/http/layout.tsx";
import { CATEGORIES, TARGET_ROLES } from "../rules.ts";
import { TextArea } from "./parts.tsx";

export type UnitChoice = { id: number; name: string; level: string };

export type FormMode = { kind: "new" } | { kind: "edit"; id: number } | { kind: "correct"; id: number };

export const DirectiveForm: FC<{
  ctx: PageContext;
  mode: FormMode;
  values: Record<string, string>;
  errors: Record<string, string>;
  province: UnitChoice | null;
  communes: UnitChoice[];
  chosen: number[];
  roles: string[];
}> = ({ ctx, mode, values, errors, province, communes, chosen, roles }) => {
  const { t } = ctx;
  const action =
    mode.kind === "new"
      ? "/directives"
      : mode.kind === "edit"
        ? `/directives/${mode.id}/edit`
        : `/directives/${mode.id}/correct`;
  const title = t(`directives.form.${mode.kind}`);
  const common = { ctx, values, errors };
  const targetError = errors.targets;
  return (
    <>
      <h1>{title}</h1>
      {mode.kind === "correct" ? <p class="hint">{t("directives.form.correctHint")}</p> : null}
      <ErrorSummary ctx={ctx} errors={errors} />
      <form method="post" action={action} enctype="multipart/form-data" class="stack">
        <CsrfField ctx={ctx} />
        <Field
          {...common}
          name="docNumber"
          label={t("directives.field.docNumber")}
          hint={t("directives.hint.docNumber")}
          required
        />
        <Field
          {...common}
          name="docDate"
          label={t("directives.field.docDate")}
          hint={t("directives.hint.date")}
          inputmode="numeric"
          required
        />
        <Field {...common} name="issuer" label={t("directives.field.issuer")} required />
        <Field {...common} name="title" label={t("directives.field.title")} required />
        <SelectField
          {...common}
          name="category"
          label={t("directives.field.category")}
          blank={t("directives.form.choose")}
          options={CATEGORIES.map((c) => ({ value: c, label: t(`directives.category.${c}`) }))}
          required
        />
        <TextArea
          {...common}
          name="summary"
          label={t("directives.field.summary")}
          hint={t("directives.hint.summary")}
          rows={5}
          required
        />
        <TextArea {...common} name="body" label={t("directives.field.body")} rows={10} required />
        <div class="field">
          <label for="f-attachments">{t("directives.field.attachments")}</label>
          <p class="hint">{t("directives.hint.attachments")}</p>
          {errors.attachments ? <p class="err">{t(errors.attachments)}</p> : null}
          <input
            id="f-attachments"
            type="file"
            name="attachments"
            multiple
            accept="application/pdf,image/*"
          />
        </div>
        <fieldset class={targetError ? "field invalid dir-targets" : "field dir-targets"} id="f-targets">
          <legend>{t("directives.field.targets")}</legend>
          <p class="hint">
            {t(mode.kind === "correct" ? "directives.hint.targetsAdd" : "directives.hint.targets")}
          </p>
          {targetError ? <p class="err">{t(targetError)}</p> : null}
          {province ? (
            <label class="check">
              <input
                type="checkbox"
                name="targets"
                value={String(province.id)}
                checked={chosen.includes(province.id)}
              />{" "}
              <strong>{t("directives.form.wholeProvince", { name: province.name })}</strong>
            </label>
          ) : null}
          <div class="dir-communes">
            {communes.map((c) => (
              <label class="check">
                <input type="checkbox" name="targets" value={String(c.id)} checked={chosen.includes(c.id)} />{" "}
                {c.name}
              </label>
            ))}
          </div>
        </fieldset>
        {mode.kind !== "correct" ? (
          <fieldset class="field">
            <legend>{t("directives.field.roles")}</legend>
            {TARGET_ROLES.map((r) => (
              <label class="check">
                <input type="checkbox" name="targetRoles" value={r} checked={roles.includes(r)} />{" "}
                {t(`directives.role.${r}`)}
              </label>
            ))}
          </fieldset>
        ) : null}
        <Field
          {...common}
          name="ackDue"
          label={t("directives.field.ackDue")}
          hint={t("directives.hint.date")}
          inputmode="numeric"
          required
        />
        <Field
          {...common}
          name="disseminateDue"
          label={t("directives.field.disseminateDue")}
          hint={t("directives.hint.date")}
          inputmode="numeric"
          required
        />
        <Field
          {...common}
          name="opinionsUntil"
          label={t("directives.field.opinionsUntil")}
          hint={t("directives.hint.opinionsUntil")}
          inputmode="numeric"
        />
        {mode.kind === "correct" ? (
          <TextArea {...common} name="note" label={t("directives.field.note")} rows={2} />
        ) : null}
        <button type="submit">{t(`directives.form.submit.${mode.kind}`)}</button>
      </form>
    </>
  );
};
