import type { FC } from "hono/jsx";
import type { PageContext } from "../../../platform/http/layout.tsx";
import { SelectField } from "../../petitions/views/fields.tsx";
import { COMMITMENT_STATES } from "../states.ts";

export type ListFilters = { agencyId?: number; state?: string };

/** A GET form (works without script): agency and state. */
export const FilterForm: FC<{
  ctx: PageContext;
  action: string;
  agencies?: { id: number; name: string }[];
  filters: ListFilters;
}> = ({ ctx, action, agencies, filters }) => {
  const { t } = ctx;
  const values = {
    agency: filters.agencyId !== undefined ? String(filters.agencyId) : "",
    state: filters.state ?? "",
  };
  return (
    <form method="get" action={action} class="ck-filters" aria-label={t("commitments.filters")}>
      {agencies ? (
        <SelectField
          ctx={ctx}
          prefix="q"
          name="agency"
          label={t("commitments.field.agency")}
          values={values}
          blank={t("commitments.anyAgency")}
          options={agencies.map((a) => ({ value: String(a.id), label: a.name }))}
        />
      ) : null}
      <SelectField
        ctx={ctx}
        prefix="q"
        name="state"
        label={t("commitments.field.state")}
        values={values}
        blank={t("commitments.state.all")}
        options={COMMITMENT_STATES.map((s) => ({ value: s, label: t(`commitments.state.${s}`) }))}
      />
      <button type="submit">{t("commitments.filter")}</button>
    </form>
  );
};
