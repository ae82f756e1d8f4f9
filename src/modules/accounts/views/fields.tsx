import type { FC } from "hono/jsx";
import type { PageContext } from "../../../platform/http/layout.tsx";
import type { Translate } from "../../../platform/i18n/i18n.ts";
import type { GrantView } from "../queries/listUsers.ts";

export type Option = { value: string; label: string };
export type OptionGroup = { label: string; options: Option[] };

type SelectProps = {
  ctx: PageContext;
  name: string;
  label: string;
  options?: Option[];
  groups?: OptionGroup[];
  values?: Record<string, string>;
  errors?: Record<string, string>;
  required?: boolean;
  hint?: string;
  /** The first, empty choice ("— choose —"). */
  empty?: string;
};

/** A labelled select that shows its error beside it and keeps the chosen value, like the platform's Field. */
export const SelectField: FC<SelectProps> = (p) => {
  const error = p.errors?.[p.name];
  const id = `f-${p.name}`;
  const value = p.values?.[p.name] ?? "";
  const describedBy =
    [p.hint ? `${id}-hint` : "", error ? `${id}-err` : ""].filter(Boolean).join(" ") || undefined;
  const option = (o: Option) => (
    <option value={o.value} selected={o.value === value}>
      {o.label}
    </option>
  );
  return (
    <div class={error ? "field invalid" : "field"}>
      <label for={id}>
        {p.label}
        {p.required ? <span class="req"> *</span> : null}
      </label>
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
      <select
        id={id}
        name={p.name}
        required={p.required}
        aria-invalid={error ? "true" : undefined}
        aria-describedby={describedBy}
      >
        {p.empty !== undefined ? option({ value: "", label: p.empty }) : null}
        {(p.options ?? []).map(option)}
        {(p.groups ?? []).map((g) => (
          <optgroup label={g.label}>{g.options.map(option)}</optgroup>
        ))}
      </select>
    </div>
  );
};

/** "Thôn Khe Tâm, Xã Ba Chẽ", "Sở Y tế", or "whole province" for a grant without a unit or an agency. */
export function scopeLabel(
  t: Translate,
  g: Pick<GrantView, "unitName" | "parentName" | "agencyName">,
): string {
  if (g.agencyName) return g.agencyName;
  if (g.unitName) return g.parentName ? `${g.unitName}, ${g.parentName}` : g.unitName;
  return t("accounts.scope.everywhere");
}
