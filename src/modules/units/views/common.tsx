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

export { type Option, SelectField } from "../../../platform/http/layout.tsx";

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
