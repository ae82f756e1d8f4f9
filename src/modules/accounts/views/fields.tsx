import type { Translate } from "../../../platform/i18n/i18n.ts";
import type { GrantView } from "../queries/listUsers.ts";

export { type Option, type OptionGroup, SelectField } from "../../../platform/http/layout.tsx";

/** "Thôn Khe Tâm, Xã Ba Chẽ", "Sở Y tế", or "whole province" for a grant without a unit or an agency. */
export function scopeLabel(
  t: Translate,
  g: Pick<GrantView, "unitName" | "parentName" | "agencyName">,
): string {
  if (g.agencyName) return g.agencyName;
  if (g.unitName) return g.parentName ? `${g.unitName}, ${g.parentName}` : g.unitName;
  return t("accounts.scope.everywhere");
}
