import type { FC } from "hono/jsx";
import { ErrorSummary, Field, type PageContext } from "../../../platform/http/layout.tsx";

export type NewDialogueOptions = {
  leaders: { id: number; full_name: string }[];
  agencies: { id: number; name: string }[];
  communes: { id: number; name: string; villages: number }[];
};

export type NewDialogueForm = {
  values: Record<string, string>;
  lists: { chairIds: string[]; agencyIds: string[]; unitIds: string[] };
  errors: Record<string, string>;
};

const Checks: FC<{
  ctx: PageContext;
  name: string;
  legend: string;
  items: { value: string; label: string }[];
  checked: string[];
  error?: string;
  hint?: string;
  cls?: string;
}> = (p) => (
  <fieldset class={`${p.error ? "field invalid" : "field"} ${p.cls ?? ""}`} id={`f-${p.name}`}>
    <legend>{p.legend}</legend>
    {p.hint ? <p class="hint">{p.hint}</p> : null}
    {p.error ? <p class="err">{p.ctx.t(p.error)}</p> : null}
    <div class="checks">
      {p.items.map((i) => (
        <label class="check">
          <input type="checkbox" name={p.name} value={i.value} checked={p.checked.includes(i.value)} />{" "}
          {i.label}
        </label>
      ))}
    </div>
  </fieldset>
);

export const NewDialoguePage: FC<{
  ctx: PageContext;
  options: NewDialogueOptions;
  form: NewDialogueForm;
}> = ({ ctx, options, form }) => {
  const { t } = ctx;
  const { values, errors, lists } = form;
  return (
    <>
      <h1>{t("dialogues.new.title")}</h1>
      <ErrorSummary ctx={ctx} errors={errors} />
      <form method="post" action="/dialogues/new" class="dialogue-form" novalidate>
        <input type="hidden" name="_csrf" value={ctx.csrf} />
        <input type="hidden" name="idempotencyKey" value={values.idempotencyKey ?? ""} />
        <Field
          ctx={ctx}
          name="title"
          label={t("dialogues.field.title")}
          values={values}
          errors={errors}
          required
        />
        <Field
          ctx={ctx}
          name="date"
          label={t("dialogues.field.date")}
          hint={t("dialogues.field.dateHint")}
          values={values}
          errors={errors}
          required
          inputmode="numeric"
        />
        <Field
          ctx={ctx}
          name="time"
          label={t("dialogues.field.time")}
          hint={t("dialogues.field.timeHint")}
          values={values}
          errors={errors}
          required
          inputmode="numeric"
        />
        <Field ctx={ctx} name="venue" label={t("dialogues.field.venue")} values={values} errors={errors} />
        <Field
          ctx={ctx}
          name="onlineUrl"
          label={t("dialogues.field.onlineUrl")}
          hint={t("dialogues.field.onlineUrlHint")}
          values={values}
          errors={errors}
          type="url"
          inputmode="url"
        />
        <Checks
          ctx={ctx}
          name="chairIds"
          legend={t("dialogues.field.chairs")}
          items={options.leaders.map((l) => ({ value: String(l.id), label: l.full_name }))}
          checked={lists.chairIds}
          error={errors.chairIds}
        />
        <Checks
          ctx={ctx}
          name="agencyIds"
          legend={t("dialogues.field.agencies")}
          items={options.agencies.map((a) => ({ value: String(a.id), label: a.name }))}
          checked={lists.agencyIds}
          error={errors.agencyIds}
          cls="scroll"
        />
        <div class={errors.role ? "field invalid" : "field"}>
          <label for="f-role">{t("dialogues.field.role")}</label>
          <select id="f-role" name="role">
            {["village_head", "commune_officer"].map((r) => (
              <option value={r} selected={(values.role ?? "village_head") === r}>
                {t(`dialogues.role.${r}`)}
              </option>
            ))}
          </select>
        </div>
        <Checks
          ctx={ctx}
          name="unitIds"
          legend={t("dialogues.field.units")}
          hint={t("dialogues.field.unitsHint")}
          items={options.communes.map((c) => ({
            value: String(c.id),
            label: t("dialogues.field.communeVillages", { name: c.name, n: c.villages }),
          }))}
          checked={lists.unitIds}
          error={errors.units}
          cls="scroll communes"
        />
        <div class={errors.agenda ? "field invalid" : "field"}>
          <label for="f-agenda">{t("dialogues.field.agenda")}</label>
          <p class="hint" id="f-agenda-hint">
            {t("dialogues.field.agendaHint")}
          </p>
          {errors.agenda ? <p class="err">{t(errors.agenda)}</p> : null}
          <textarea id="f-agenda" name="agenda" rows={6} aria-describedby="f-agenda-hint">
            {values.agenda ?? ""}
          </textarea>
        </div>
        <button type="submit">{t("dialogues.new.submit")}</button>
      </form>
    </>
  );
};
