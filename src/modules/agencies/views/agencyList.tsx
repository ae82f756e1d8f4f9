import type { FC } from "hono/jsx";
import { type PageContext, Pager } from "../../../platform/http/layout.tsx";
import { SelectField } from "../../units/views/common.tsx";
import { AGENCY_KINDS, type AgencyKind, type AgencyRow } from "../queries/listAgencies.ts";

export const AgencyListPage: FC<{
  ctx: PageContext;
  rows: AgencyRow[];
  kind: AgencyKind | null;
  q: string;
  page: number;
  hasNext: boolean;
  canManage: boolean;
}> = ({ ctx, rows, kind, q, page, hasNext, canManage }) => {
  const { t } = ctx;
  const params = new URLSearchParams();
  if (kind) params.set("kind", kind);
  if (q) params.set("q", q);
  const query = params.toString();
  const base = query ? `/agencies?${query}` : "/agencies";
  return (
    <section>
      <h1>{t("agencies.title")}</h1>
      <p class="muted">{t("agencies.lead")}</p>
      {canManage ? (
        <p>
          <a class="button secondary" href="/admin/agencies/new">
            {t("agencies.admin.new")}
          </a>
        </p>
      ) : null}
      <form method="get" action="/agencies">
        <SelectField
          ctx={ctx}
          name="kind"
          label={t("agencies.filter.kind")}
          blank={t("agencies.filter.all")}
          options={AGENCY_KINDS.map((k) => ({ value: k, label: t(`agencies.kind.${k}`) }))}
          values={{ kind: kind ?? "" }}
        />
        <div class="field">
          <label for="f-q">{t("agencies.filter.q")}</label>
          <p class="hint" id="f-q-hint">
            {t("agencies.filter.qHint")}
          </p>
          <div class="search">
            <input id="f-q" name="q" type="search" value={q} maxlength={100} aria-describedby="f-q-hint" />
            <button type="submit">{t("agencies.filter.submit")}</button>
          </div>
        </div>
      </form>
      {kind || q ? (
        <p>
          <a href="/agencies">{t("agencies.filter.reset")}</a>
        </p>
      ) : null}
      {rows.length === 0 ? (
        <p>{t("agencies.none")}</p>
      ) : (
        <>
          <div class="scroll">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("agencies.col.name")}</th>
                  <th scope="col">{t("agencies.col.kind")}</th>
                  <th scope="col">{t("agencies.col.unit")}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((a) => (
                  <tr>
                    <td>
                      <a href={`/agencies/${a.id}`}>{a.name}</a>
                      {a.retired_at ? (
                        <>
                          {" "}
                          <span class="tag retired">{t("agencies.retired")}</span>
                        </>
                      ) : null}
                    </td>
                    <td>{t(`agencies.kind.${a.kind}`)}</td>
                    <td>
                      {a.unit_id && a.unit_name ? <a href={`/units/${a.unit_id}`}>{a.unit_name}</a> : "—"}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pager ctx={ctx} page={page} hasNext={hasNext} base={base} />
        </>
      )}
    </section>
  );
};
