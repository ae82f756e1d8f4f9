import type { Child, FC } from "hono/jsx";
import type { PageContext } from "../../../platform/http/layout.tsx";
import type { Translate } from "../../../platform/i18n/i18n.ts";

/** Form parts of the petition pages: each keeps what was typed and shows its error beside it. */

export type Values = Record<string, string>;
export type Errors = Record<string, string>;
export type Option = { value: string; label: string };
export type OptionGroup = { label: string; options: Option[] };

/** A catalog label, or the raw value when the catalog has none (data may hold a value we never saw). */
export function labelOr(t: Translate, key: string, raw: string): string {
  const s = t(key);
  return s === key ? raw : s;
}

const describedBy = (id: string, hint?: string, error?: string) =>
  [hint ? `${id}-hint` : "", error ? `${id}-err` : ""].filter(Boolean).join(" ") || undefined;

/** Label, hint and error of a field; `id` prefixes the element ids so two forms on a page never clash. */
const Frame: FC<{
  ctx: PageContext;
  id: string;
  label: string;
  required?: boolean;
  hint?: string;
  error?: string;
  children?: Child;
}> = (p) => (
  <div class={p.error ? "field invalid" : "field"}>
    <label for={p.id}>
      {p.label}
      {p.required ? <span class="req"> *</span> : null}
    </label>
    {p.hint ? (
      <p class="hint" id={`${p.id}-hint`}>
        {p.hint}
      </p>
    ) : null}
    {p.error ? (
      <p class="err" id={`${p.id}-err`}>
        {p.ctx.t(p.error)}
      </p>
    ) : null}
    {p.children}
  </div>
);

type Common = {
  ctx: PageContext;
  name: string;
  label: string;
  values?: Values;
  errors?: Errors;
  required?: boolean;
  hint?: string;
  /** Prefix of the element id (default "f"): the field's id is `${prefix}-${name}`. */
  prefix?: string;
};

export const InputField: FC<
  Common & {
    type?: string;
    inputmode?: "numeric" | "text" | "tel" | "decimal";
    maxlength?: number;
    min?: number;
    max?: number;
    autocomplete?: string;
  }
> = (p) => {
  const id = `${p.prefix ?? "f"}-${p.name}`;
  const error = p.errors?.[p.name];
  return (
    <Frame ctx={p.ctx} id={id} label={p.label} required={p.required} hint={p.hint} error={error}>
      <input
        id={id}
        name={p.name}
        type={p.type ?? "text"}
        value={p.values?.[p.name] ?? ""}
        required={p.required}
        inputmode={p.inputmode}
        maxlength={p.maxlength}
        min={p.min}
        max={p.max}
        autocomplete={p.autocomplete ?? "off"}
        aria-invalid={error ? "true" : undefined}
        aria-describedby={describedBy(id, p.hint, error)}
      />
    </Frame>
  );
};

export const TextAreaField: FC<Common & { rows?: number; maxlength?: number }> = (p) => {
  const id = `${p.prefix ?? "f"}-${p.name}`;
  const error = p.errors?.[p.name];
  return (
    <Frame ctx={p.ctx} id={id} label={p.label} required={p.required} hint={p.hint} error={error}>
      <textarea
        id={id}
        name={p.name}
        rows={p.rows ?? 5}
        required={p.required}
        maxlength={p.maxlength}
        aria-invalid={error ? "true" : undefined}
        aria-describedby={describedBy(id, p.hint, error)}
      >
        {p.values?.[p.name] ?? ""}
      </textarea>
    </Frame>
  );
};

export const SelectField: FC<Common & { options?: Option[]; groups?: OptionGroup[]; blank?: string }> = (
  p,
) => {
  const id = `${p.prefix ?? "f"}-${p.name}`;
  const error = p.errors?.[p.name];
  const selected = p.values?.[p.name] ?? "";
  const opt = (o: Option) => (
    <option value={o.value} selected={o.value === selected}>
      {o.label}
    </option>
  );
  return (
    <Frame ctx={p.ctx} id={id} label={p.label} required={p.required} hint={p.hint} error={error}>
      <select
        id={id}
        name={p.name}
        required={p.required}
        aria-invalid={error ? "true" : undefined}
        aria-describedby={describedBy(id, p.hint, error)}
      >
        {p.blank !== undefined ? <option value="">{p.blank}</option> : null}
        {(p.options ?? []).map(opt)}
        {(p.groups ?? []).map((g) => (
          <optgroup label={g.label}>{g.options.map(opt)}</optgroup>
        ))}
      </select>
    </Frame>
  );
};

/** Radio buttons in a fieldset: the legend is the question. */
export const RadioGroup: FC<Common & { options: Option[] }> = (p) => {
  const id = `${p.prefix ?? "f"}-${p.name}`;
  const error = p.errors?.[p.name];
  const selected = p.values?.[p.name] ?? "";
  return (
    <fieldset
      class={error ? "field choices invalid" : "field choices"}
      id={id}
      aria-describedby={describedBy(id, p.hint, error)}
    >
      <legend>
        {p.label}
        {p.required ? <span class="req"> *</span> : null}
      </legend>
      {p.hint ? (
        <p class="hint" id={`${id}-hint`}>
          {p.hint}
        </p>
      ) : null}
      {error ? (
        <p class="err" id={`${id}-err`}>
          {p.ctx.t(error)}
        </p>
      ) : null}
      {p.options.map((o) => (
        <label class="choice">
          <input type="radio" name={p.name} value={o.value} checked={o.value === selected} />
          <span>{o.label}</span>
        </label>
      ))}
    </fieldset>
  );
};

export const CheckboxField: FC<Common & { value?: string }> = (p) => {
  const id = `${p.prefix ?? "f"}-${p.name}`;
  const error = p.errors?.[p.name];
  const value = p.value ?? "on";
  return (
    <div class={error ? "field invalid" : "field"}>
      {error ? (
        <p class="err" id={`${id}-err`}>
          {p.ctx.t(error)}
        </p>
      ) : null}
      <label class="choice" for={id}>
        <input
          type="checkbox"
          id={id}
          name={p.name}
          value={value}
          checked={p.values?.[p.name] === value}
          aria-invalid={error ? "true" : undefined}
          aria-describedby={describedBy(id, p.hint, error)}
        />
        <span>
          {p.label}
          {p.required ? <span class="req"> *</span> : null}
        </span>
      </label>
      {p.hint ? (
        <p class="hint" id={`${id}-hint`}>
          {p.hint}
        </p>
      ) : null}
    </div>
  );
};

export const FileField: FC<
  Common & { accept: string; multiple?: boolean; capture?: "user" | "environment" }
> = (p) => {
  const id = `${p.prefix ?? "f"}-${p.name}`;
  const error = p.errors?.[p.name];
  return (
    <Frame ctx={p.ctx} id={id} label={p.label} required={p.required} hint={p.hint} error={error}>
      <input
        id={id}
        name={p.name}
        type="file"
        accept={p.accept}
        multiple={p.multiple}
        capture={p.capture}
        aria-invalid={error ? "true" : undefined}
        aria-describedby={describedBy(id, p.hint, error)}
      />
    </Frame>
  );
};

/** A form-wide error (not tied to one field), e.g. "someone else just updated this petition". */
export const FormError: FC<{ ctx: PageContext; errors?: Errors }> = ({ ctx, errors }) =>
  errors?._form ? (
    <p class="alert error" role="alert">
      {ctx.t(errors._form)}
    </p>
  ) : null;

const STATE_TONE: Record<string, string> = {
  draft: "muted",
  submitted: "new",
  received: "new",
  returned: "warn",
  reopened: "warn",
  redirected: "muted",
  assigned: "work",
  in_progress: "work",
  escalated_central: "work",
  in_central_report: "work",
  answered: "done",
  central_answered: "done",
  merged: "muted",
  closed: "done",
};

/** The state as a coloured badge that also says it in words (colour is never the only signal). */
export const StateBadge: FC<{ t: Translate; state: string }> = ({ t, state }) => (
  <span class={`state state-${STATE_TONE[state] ?? "muted"}`}>{labelOr(t, `state.${state}`, state)}</span>
);
