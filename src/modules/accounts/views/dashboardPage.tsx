import type { FC } from "hono/jsx";
import type { PageContext } from "../../../platform/http/layout.tsx";
import { formatNumber } from "../../../platform/i18n/i18n.ts";
import type { DashboardCounts } from "../queries/dashboard.ts";
import { ROLES } from "../roles.ts";

const LINKS = [
  ["/admin/users", "accounts.dashboard.link.users"],
  ["/admin/users/import", "accounts.dashboard.link.importUsers"],
  ["/admin/units/import", "accounts.dashboard.link.importUnits"],
  ["/admin/calendar", "accounts.dashboard.link.calendar"],
  ["/units", "accounts.dashboard.link.units"],
  ["/agencies", "accounts.dashboard.link.agencies"],
] as const;

const AGENCY_KINDS = ["department", "commune_committee", "vertical", "central", "other"];

/** The administrator's home: what there is, what is waiting, where to go. */
export const DashboardPage: FC<{ ctx: PageContext; counts: DashboardCounts }> = ({ ctx, counts }) => {
  const { t, locale } = ctx;
  const n = (v: number) => formatNumber(v, locale);
  const byRole = new Map(counts.usersByRole.map((r) => [r.key, r.n]));
  const byKind = new Map(counts.agenciesByKind.map((r) => [r.key, r.n]));
  const stat = (label: string, value: number, note?: string) => (
    <li class="card">
      <h2>{label}</h2>
      <p class="stat">{n(value)}</p>
      {note ? <p class="muted">{note}</p> : null}
    </li>
  );
  return (
    <section>
      <h1>{t("accounts.dashboard.title")}</h1>
      <nav aria-labelledby="admin-links">
        <h2 id="admin-links">{t("accounts.dashboard.links")}</h2>
        <ul class="cards">
          {LINKS.map(([href, key]) => (
            <li class="card">
              <a href={href}>{t(key)}</a>
            </li>
          ))}
        </ul>
      </nav>
      <h2>{t("accounts.dashboard.overview")}</h2>
      <ul class="cards">
        {stat(
          t("accounts.dashboard.users"),
          counts.users.active,
          t("accounts.dashboard.usersNote", {
            inactive: counts.users.inactive,
            temporary: counts.users.mustChange,
          }),
        )}
        {stat(t("accounts.dashboard.sessions"), counts.activeSessions)}
        {stat(t("accounts.dashboard.villages"), counts.villages)}
        {stat(t("accounts.dashboard.audit"), counts.auditEvents)}
        {stat(t("accounts.dashboard.outboxPending"), counts.outbox.pending)}
        {stat(t("accounts.dashboard.outboxFailed"), counts.outbox.failed)}
      </ul>

      <h2 id="by-role">{t("accounts.dashboard.byRole")}</h2>
      <div class="scroll">
        <table aria-labelledby="by-role">
          <thead>
            <tr>
              <th scope="col">{t("accounts.field.role")}</th>
              <th scope="col" class="num">
                {t("accounts.dashboard.activeAccounts")}
              </th>
            </tr>
          </thead>
          <tbody>
            {ROLES.map((r) => (
              <tr>
                <th scope="row">
                  <a href={`/admin/users?role=${r}&status=active`}>{t(`role.${r}`)}</a>
                </th>
                <td class="num">{n(byRole.get(r) ?? 0)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <h2 id="by-level">{t("accounts.dashboard.byLevel")}</h2>
      <div class="scroll">
        <table aria-labelledby="by-level">
          <thead>
            <tr>
              <th scope="col">{t("accounts.dashboard.level")}</th>
              <th scope="col" class="num">
                {t("accounts.dashboard.current")}
              </th>
              <th scope="col" class="num">
                {t("accounts.dashboard.former")}
              </th>
            </tr>
          </thead>
          <tbody>
            {counts.unitsByLevel.map((u) => (
              <tr>
                <th scope="row">{t(`accounts.level.${u.level}`)}</th>
                <td class="num">{n(u.current)}</td>
                <td class="num">{n(u.former)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <h2 id="by-kind">{t("accounts.dashboard.byKind")}</h2>
      <div class="scroll">
        <table aria-labelledby="by-kind">
          <thead>
            <tr>
              <th scope="col">{t("accounts.dashboard.kind")}</th>
              <th scope="col" class="num">
                {t("accounts.dashboard.count")}
              </th>
            </tr>
          </thead>
          <tbody>
            {AGENCY_KINDS.map((k) => (
              <tr>
                <th scope="row">{t(`accounts.agencyKind.${k}`)}</th>
                <td class="num">{n(byKind.get(k) ?? 0)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
};
