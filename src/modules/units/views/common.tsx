import type { FC } from "hono/jsx";
import type { PageContext } from "../../../platform/http/layout.tsx";
import { formatDate, type Params, type Translate } from "../../../platform/i18n/i18n.ts";
import { REORGANISATION_DATE } from "../data/officialUnits.ts";

/** A civil date stored as yyyy-mm-dd, shown dd/mm/yyyy (midday in Vietnam, so no zone can shift the day). */
export function formatIsoDate(iso: string): string {
  return formatDate(new Date(`${iso}T12:00:00+07:00`));
}

export const reorganisationDate = () => formatIsoDate(REORGANISATION_DATE);

/** A label from the catalog, or the raw value when the catalog has none (data may carry a type we never saw). */
export function labelOr(t: Translate, key: string, raw: string): string {
  const s = t(key);
  return s === key ? raw : s;
}

export const typeLabel = (t: Translate, type: string) => labelOr(t, `units.type.${type}`, type);
export const levelLabel = (t: Translate, level: string) => labelOr(t, `units.level.${level}`, level);

/** "cũ (trước 01/07/2025)" and "Ngừng sử dụng" tags after a unit's name. */
export const UnitTags: FC<{
  ctx: PageContext;
  unit: { valid_to: string | null; retired_at: Date | null };
}> = ({ ctx, unit }) => (
  <>
    {unit.valid_to ? (
      <>
        {" "}
        <span class="tag">{ctx.t("units.old", { date: formatIsoDate(unit.valid_to) })}</span>
      </>
    ) : null}
    {unit.retired_at ? (
      <>
        {" "}
        <span class="tag retired">{ctx.t("units.retired")}</span>
      </>
    ) : null}
  </>
);

/** A status line with parameters (the platform's Flash takes a bare key). */
export const Notice: FC<{
  ctx: PageContext;
  messageKey: string | null;
  params?: Params;
  kind?: "ok" | "error";
}> = ({ ctx, messageKey, params, kind }) =>
  messageKey ? (
    <div class={`alert ${kind ?? "ok"}`} role={kind === "error" ? "alert" : "status"}>
      {ctx.t(messageKey, params)}
    </div>
  ) : null;

export type Option = { value: string; label: string; lang?: string };

/**
 * A labelled <select> that shows its error beside it and keeps what was chosen (the platform's Field is an
 * <input> only). Candidate for src/platform/http/layout.tsx.
 */
export const SelectField: FC<{
  ctx: PageContext;
  name: string;
  label: string;
  options: Option[];
  values?: Record<string, string>;
  errors?: Record<string, string>;
  required?: boolean;
  hint?: string;
  blank?: string;
}> = (p) => {
  const error = p.errors?.[p.name];
  const id = `f-${p.name}`;
  const selected = p.values?.[p.name] ?? "";
  const describedBy =
    [p.hint ? `${id}-hint` : "", error ? `${id}-err` : ""].filter(Boolean).join(" ") || undefined;
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
        {p.blank !== undefined ? (
          <option value="" selected={selected === ""}>
            {p.blank}
          </option>
        ) : null}
        {p.options.map((o) => (
          <option value={o.value} selected={o.value === selected} lang={o.lang}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
};

/** A one-button POST form (retire, restore, delete): works without JavaScript. */
export const PostButton: FC<{
  ctx: PageContext;
  action: string;
  label: string;
  kind?: "secondary" | "danger";
}> = ({ ctx, action, label, kind }) => (
  <form method="post" action={action} class="inline">
    <input type="hidden" name="_csrf" value={ctx.csrf} />
    <button type="submit" class={kind}>
      {label}
    </button>
  </form>
);
