import type { FC } from "hono/jsx";
import { CsrfField, ErrorSummary, Field, Flash, type PageContext } from "../../../platform/http/layout.tsx";
import { formatDate, formatDateTime } from "../../../platform/i18n/i18n.ts";
import type { VillageCandidate } from "../queries/scope.ts";
import type { UserDetail } from "../queries/userDetail.ts";
import { scopeLabel } from "./fields.tsx";
import { type ScopeChoices, ScopeFields } from "./scopeFields.tsx";

export type DetailRights = { editGrants: boolean; tokens: boolean; manage: boolean; self: boolean };

export type DetailForms = {
  grant: { values: Record<string, string>; errors: Record<string, string>; candidates?: VillageCandidate[] };
  token: { values: Record<string, string>; errors: Record<string, string> };
};

export const emptyForms = (): DetailForms => ({
  grant: { values: {}, errors: {} },
  token: { values: {}, errors: {} },
});

/** One account: facts, roles with their areas, password reset, (de)activation and API tokens. */
export const UserDetailPage: FC<{
  ctx: PageContext;
  user: UserDetail;
  rights: DetailRights;
  choices: ScopeChoices | null;
  forms: DetailForms;
  flash: string | null;
  flashKind?: "ok" | "error";
}> = ({ ctx, user, rights, choices, forms, flash, flashKind }) => {
  const { t } = ctx;
  const base = `/admin/users/${user.id}`;
  return (
    <section>
      <p>
        <a href="/admin/users">{t("accounts.admin.backToList")}</a>
      </p>
      <h1>{user.fullName}</h1>
      <Flash ctx={ctx} messageKey={flash} kind={flashKind} />
      <dl class="facts">
        <dt>{t("accounts.field.username")}</dt>
        <dd>{user.username}</dd>
        <dt>{t("accounts.field.status")}</dt>
        <dd>
          {user.active ? (
            t("accounts.status.activeOne")
          ) : (
            <span class="tag retired">{t("accounts.status.inactiveOne")}</span>
          )}
          {user.active && user.mustChangePassword ? (
            <>
              {" "}
              <span class="tag">{t("accounts.status.temporary")}</span>
            </>
          ) : null}
        </dd>
        <dt>{t("accounts.field.email")}</dt>
        <dd>{user.email ?? "—"}</dd>
        <dt>{t("accounts.field.phone")}</dt>
        <dd>{user.phone ?? "—"}</dd>
        <dt>{t("accounts.field.createdAt")}</dt>
        <dd>{formatDate(user.createdAt)}</dd>
        <dt>{t("accounts.field.sessions")}</dt>
        <dd>{t("accounts.detail.sessions", { n: user.activeSessions })}</dd>
      </dl>

      <h2>{t("accounts.detail.roles")}</h2>
      {user.grants.length === 0 ? (
        <p class="muted">{t("accounts.admin.noRoles")}</p>
      ) : (
        <div class="scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">{t("accounts.field.role")}</th>
                <th scope="col">{t("accounts.field.scope")}</th>
                {rights.editGrants ? <th scope="col">{t("accounts.field.actions")}</th> : null}
              </tr>
            </thead>
            <tbody>
              {user.grants.map((g) => (
                <tr>
                  <td>{t(`role.${g.role}`)}</td>
                  <td>{scopeLabel(t, g)}</td>
                  {rights.editGrants ? (
                    <td>
                      <form method="post" action={`${base}/grants/${g.id}/remove`} class="inline">
                        <CsrfField ctx={ctx} />
                        <button
                          type="submit"
                          class="secondary"
                          data-confirm={t("accounts.detail.removeGrantConfirm")}
                          aria-label={t("accounts.detail.removeGrantLabel", {
                            role: t(`role.${g.role}`),
                            scope: scopeLabel(t, g),
                          })}
                        >
                          {t("accounts.detail.removeGrant")}
                        </button>
                      </form>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {rights.editGrants && choices ? (
        <details open={Object.keys(forms.grant.errors).length > 0}>
          <summary>{t("accounts.detail.addGrant")}</summary>
          <ErrorSummary ctx={ctx} errors={forms.grant.errors} />
          <form method="post" action={`${base}/grants`} novalidate aria-label={t("accounts.detail.addGrant")}>
            <CsrfField ctx={ctx} />
            <ScopeFields
              ctx={ctx}
              values={forms.grant.values}
              errors={forms.grant.errors}
              choices={choices}
            />
            <button type="submit">{t("accounts.detail.addGrantSubmit")}</button>
          </form>
        </details>
      ) : null}

      {rights.manage ? (
        <>
          <h2>{t("accounts.detail.password")}</h2>
          <p>{t("accounts.detail.resetLead")}</p>
          <form method="post" action={`${base}/reset-password`} class="actions">
            <CsrfField ctx={ctx} />
            <button type="submit" class="secondary" data-confirm={t("accounts.detail.resetConfirm")}>
              {t("accounts.detail.reset")}
            </button>
          </form>

          <h2>{t("accounts.detail.access")}</h2>
          {user.active ? (
            rights.self ? (
              <p class="muted">{t("accounts.error.cannotDeactivateSelf")}</p>
            ) : (
              <>
                <p>{t("accounts.detail.deactivateLead")}</p>
                <p>
                  <a class="button secondary" href={`${base}/deactivate`}>
                    {t("accounts.detail.deactivate")}
                  </a>
                </p>
              </>
            )
          ) : (
            <>
              <p>{t("accounts.detail.activateLead")}</p>
              <form method="post" action={`${base}/activate`} class="actions">
                <CsrfField ctx={ctx} />
                <button type="submit">{t("accounts.detail.activate")}</button>
              </form>
            </>
          )}
        </>
      ) : null}

      {rights.tokens ? (
        <>
          <h2>{t("accounts.tokens.title")}</h2>
          <p class="muted">{t("accounts.tokens.lead")}</p>
          {user.tokens.length === 0 ? (
            <p class="muted">{t("accounts.tokens.none")}</p>
          ) : (
            <div class="scroll">
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t("accounts.tokens.token")}</th>
                    <th scope="col">{t("accounts.tokens.when")}</th>
                    <th scope="col">{t("accounts.tokens.state")}</th>
                  </tr>
                </thead>
                <tbody>
                  {user.tokens.map((k) => (
                    <tr>
                      <td>
                        {k.name}
                        <br />
                        <code>{k.prefix}…</code>
                      </td>
                      <td>
                        {t("accounts.tokens.createdOn", { date: formatDate(k.createdAt) })}
                        <br />
                        {k.lastUsedAt
                          ? t("accounts.tokens.lastUsedOn", { date: formatDateTime(k.lastUsedAt) })
                          : t("accounts.tokens.never")}
                      </td>
                      <td>
                        {k.revokedAt ? (
                          <span class="tag retired">
                            {t("accounts.tokens.revokedOn", { date: formatDate(k.revokedAt) })}
                          </span>
                        ) : (
                          <form method="post" action={`${base}/tokens/${k.id}/revoke`} class="inline">
                            <CsrfField ctx={ctx} />
                            <button
                              type="submit"
                              class="secondary"
                              data-confirm={t("accounts.tokens.revokeConfirm")}
                              aria-label={t("accounts.tokens.revokeLabel", { name: k.name })}
                            >
                              {t("accounts.tokens.revoke")}
                            </button>
                          </form>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {user.active ? (
            <details open={Object.keys(forms.token.errors).length > 0}>
              <summary>{t("accounts.tokens.create")}</summary>
              <ErrorSummary ctx={ctx} errors={forms.token.errors} />
              <form
                method="post"
                action={`${base}/tokens`}
                novalidate
                aria-label={t("accounts.tokens.create")}
              >
                <CsrfField ctx={ctx} />
                <Field
                  ctx={ctx}
                  name="name"
                  label={t("accounts.tokens.name")}
                  hint={t("accounts.tokens.nameHint")}
                  values={forms.token.values}
                  errors={forms.token.errors}
                  required
                  autocomplete="off"
                />
                <button type="submit">{t("accounts.tokens.createSubmit")}</button>
              </form>
            </details>
          ) : null}
        </>
      ) : null}
    </section>
  );
};
