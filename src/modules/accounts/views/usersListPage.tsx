import type { FC } from "hono/jsx";
import { Flash, type PageContext, Pager } from "../../../platform/http/layout.tsx";
import type { UserListFilter, UserListRow } from "../queries/listUsers.ts";
import type { Role } from "../roles.ts";
import { SelectField, scopeLabel } from "./fields.tsx";

/** Accounts, searched and filtered with a plain GET form; each row names its roles and where they apply. */
export const UsersListPage: FC<{
  ctx: PageContext;
  filter: UserListFilter;
  result: { rows: UserListRow[]; total: number; hasNext: boolean };
  roles: readonly Role[];
  canImport: boolean;
  villageHeadsOnly: boolean;
  flash: string | null;
}> = ({ ctx, filter, result, roles, canImport, villageHeadsOnly, flash }) => {
  const { t } = ctx;
  const values = { q: filter.q, role: filter.role, status: filter.status };
  const query = new URLSearchParams();
  if (filter.q) query.set("q", filter.q);
  if (filter.role) query.set("role", filter.role);
  if (filter.status !== "all") query.set("status", filter.status);
  const base = `/admin/users${query.size > 0 ? `?${query.toString()}` : ""}`;
  return (
    <section>
      <h1>{t(villageHeadsOnly ? "accounts.admin.villageHeadsTitle" : "accounts.admin.usersTitle")}</h1>
      {villageHeadsOnly ? <p class="muted">{t("accounts.admin.villageHeadsLead")}</p> : null}
      <Flash ctx={ctx} messageKey={flash} />
      <div class="actions">
        <a class="button" href="/admin/users/new">
          {t(villageHeadsOnly ? "accounts.new.titleVillageHead" : "accounts.new.title")}
        </a>
        {canImport ? (
          <a class="button secondary" href="/admin/users/import">
            {t("accounts.import.title")}
          </a>
        ) : null}
      </div>
      <form method="get" action="/admin/users">
        {villageHeadsOnly ? null : (
          <SelectField
            ctx={ctx}
            name="role"
            label={t("accounts.field.role")}
            options={roles.map((r) => ({ value: r, label: t(`role.${r}`) }))}
            blank={t("accounts.admin.allRoles")}
            values={values}
          />
        )}
        <SelectField
          ctx={ctx}
          name="status"
          label={t("accounts.field.status")}
          options={[
            { value: "all", label: t("accounts.status.all") },
            { value: "active", label: t("accounts.status.active") },
            { value: "inactive", label: t("accounts.status.inactive") },
          ]}
          values={values}
        />
        <div class="field">
          <label for="f-q">{t("accounts.admin.search")}</label>
          <p class="hint" id="f-q-hint">
            {t("accounts.admin.searchHint")}
          </p>
          <div class="search">
            <input id="f-q" name="q" type="search" value={filter.q} aria-describedby="f-q-hint" />
            <button type="submit">{t("form.search")}</button>
          </div>
        </div>
      </form>
      <h2>{t("accounts.admin.found", { n: result.total })}</h2>
      {result.rows.length === 0 ? (
        <p class="muted">{t("accounts.admin.none")}</p>
      ) : (
        <div class="scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">{t("accounts.field.person")}</th>
                <th scope="col">{t("accounts.field.roles")}</th>
              </tr>
            </thead>
            <tbody>
              {result.rows.map((u) => (
                <tr>
                  <td>
                    <a href={`/admin/users/${u.id}`}>{u.fullName}</a>
                    <br />
                    <span class="muted">{u.username}</span>
                    {u.active ? null : (
                      <>
                        <br />
                        <span class="tag retired">{t("accounts.status.inactiveOne")}</span>
                      </>
                    )}
                    {u.active && u.mustChangePassword ? (
                      <>
                        <br />
                        <span class="tag">{t("accounts.status.temporary")}</span>
                      </>
                    ) : null}
                  </td>
                  <td>
                    {u.grants.length === 0 ? (
                      <span class="muted">{t("accounts.admin.noRoles")}</span>
                    ) : (
                      u.grants.map((g) => (
                        <div>
                          {t(`role.${g.role}`)}
                          <span class="muted"> · {scopeLabel(t, g)}</span>
                        </div>
                      ))
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pager ctx={ctx} page={filter.page} hasNext={result.hasNext} base={base} />
    </section>
  );
};
