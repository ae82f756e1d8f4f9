import type { FC } from "hono/jsx";
import { Field, type PageContext } from "../../../platform/http/layout.tsx";
import type { AgencyOption, AreaOption, VillageCandidate } from "../queries/scope.ts";
import type { Role } from "../roles.ts";
import { type OptionGroup, SelectField } from "./fields.tsx";

export type ScopeChoices = {
  roles: readonly Role[];
  areas: AreaOption[];
  /** Null when the actor may not give agency roles (a commune officer). */
  agencies: AgencyOption[] | null;
  candidates: VillageCandidate[];
};

const AGENCY_KINDS = ["department", "commune_committee", "vertical", "central", "other"];

/**
 * The role and where it applies. Works without JavaScript: every field is shown, each says which roles need it,
 * and the server checks the combination (ROLE_SCOPE). A typed village that matches several is offered as choices.
 */
export const ScopeFields: FC<{
  ctx: PageContext;
  values: Record<string, string>;
  errors: Record<string, string>;
  choices: ScopeChoices;
}> = ({ ctx, values, errors, choices }) => {
  const { t } = ctx;
  const onlyRole = choices.roles.length === 1 ? choices.roles[0] : undefined;
  const groups: OptionGroup[] = AGENCY_KINDS.map((kind) => ({
    label: t(`accounts.agencyKind.${kind}`),
    options: (choices.agencies ?? [])
      .filter((a) => a.kind === kind)
      .map((a) => ({ value: String(a.id), label: a.name })),
  })).filter((g) => g.options.length > 0);
  return (
    <>
      {onlyRole ? (
        <div class="field">
          <input type="hidden" name="role" value={onlyRole} />
          <p>
            <strong>{t("accounts.field.role")}:</strong> {t(`role.${onlyRole}`)}
          </p>
        </div>
      ) : (
        <SelectField
          ctx={ctx}
          name="role"
          label={t("accounts.field.role")}
          options={choices.roles.map((r) => ({ value: r, label: t(`role.${r}`) }))}
          blank={t("accounts.choose")}
          values={values}
          errors={errors}
          required
        />
      )}
      <fieldset class="group">
        <legend>{t("accounts.scope.area")}</legend>
        <p class="muted">{t(onlyRole ? "accounts.scope.areaHintVillage" : "accounts.scope.areaHint")}</p>
        <SelectField
          ctx={ctx}
          name="unitId"
          label={t(
            choices.areas.some((a) => a.level === "province")
              ? "accounts.field.area"
              : "accounts.field.commune",
          )}
          options={choices.areas.map((a) => ({
            value: String(a.id),
            label:
              a.level === "province" ? t("accounts.scope.wholeProvince", { name: a.fullName }) : a.fullName,
          }))}
          blank={t("accounts.scope.noArea")}
          values={values}
          errors={errors}
        />
        <Field
          ctx={ctx}
          name="village"
          label={t("accounts.field.village")}
          hint={t("accounts.field.villageHint")}
          values={values}
          errors={errors}
        />
        {choices.candidates.length > 0 ? (
          <fieldset
            id="f-villageId"
            class={errors.villageId ? "field invalid" : "field"}
            aria-describedby="f-villageId-err"
          >
            <legend>{t("accounts.field.villageChoose")}</legend>
            <p class="err" id="f-villageId-err">
              {t(errors.villageId ?? "accounts.error.villageChoose")}
            </p>
            <ul class="cards">
              {choices.candidates.map((v) => (
                <li>
                  <label>
                    <input
                      type="radio"
                      name="villageId"
                      value={String(v.id)}
                      checked={values.villageId === String(v.id)}
                    />{" "}
                    {v.fullName}, {v.communeName}{" "}
                    <span class="muted">
                      ({t("accounts.field.code")} {v.code})
                    </span>
                  </label>
                </li>
              ))}
            </ul>
          </fieldset>
        ) : values.villageId ? (
          <input type="hidden" name="villageId" value={values.villageId} />
        ) : null}
      </fieldset>
      {choices.agencies ? (
        <fieldset class="group">
          <legend>{t("accounts.scope.agency")}</legend>
          <SelectField
            ctx={ctx}
            name="agencyId"
            label={t("accounts.field.agency")}
            hint={t("accounts.scope.agencyHint")}
            groups={groups}
            blank={t("accounts.scope.noAgency")}
            values={values}
            errors={errors}
          />
        </fieldset>
      ) : null}
    </>
  );
};
