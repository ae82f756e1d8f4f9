import { BarChart } from "../../platform/charts/barChart.tsx";
import { errorResponse } from "../../platform/http/errors.tsx";
import { allowed } from "../../platform/http/guards.ts";
import { page } from "../../platform/http/render.tsx";
import type { App } from "../../platform/http/types.ts";
import { formatDate, formatNumber } from "../../platform/i18n/i18n.ts";
import { heaviestClusters } from "../petitions/commands/clusters.ts";
import { canSeeOverview } from "./policy.ts";
import { provinceOverview } from "./queries/provinceOverview.ts";

export function reportsRoutes(app: App): void {
  // The front door: a person who is logged in goes straight to their own work.
  app.get("/", (c) => {
    const actor = c.get("actor");
    if (actor) {
      const home = c.get("deps").homeFor(actor);
      if (home !== "/") return c.redirect(home, 303);
    }
    const t = c.get("t");
    return page(c, t("app.name"), (ctx) => (
      <section class="hero">
        <h1>{t("app.name")}</h1>
        <p>{t("app.tagline")}</p>
        <p>{t("reports.landing.what")}</p>
        <ul>
          <li>{t("reports.landing.up")}</li>
          <li>{t("reports.landing.face")}</li>
          <li>{t("reports.landing.down")}</li>
        </ul>
        {ctx.actor ? null : (
          <p>
            <a class="button" href="/login">
              {t("layout.login")}
            </a>
          </p>
        )}
      </section>
    ));
  });

  app.get(
    "/overview",
    allowed(canSeeOverview, async (c) => {
      const deps = c.get("deps");
      const t = c.get("t");
      const locale = c.get("locale");
      const o = await provinceOverview(deps.pool, deps.config.provinceCode);
      if (!o) return errorResponse(c, 404);
      const clusters = await heaviestClusters(deps.pool, 10);
      const fmt = (n: number) => formatNumber(n, locale);
      const sum = (xs: { n: number }[]) => xs.reduce((s, x) => s + x.n, 0);
      const villages = sum(o.villagesByType);
      return page(
        c,
        t("reports.overview.title", { province: o.provinceName }),
        () => (
          <section>
            <h1>{t("reports.overview.title", { province: o.provinceName })}</h1>
            <ul class="cards">
              <li class="card">
                <h2>{t("reports.overview.communes")}</h2>
                <p class="stat">{fmt(sum(o.communesByType))}</p>
                <p class="muted">
                  {o.communesByType.map((x) => `${t(`unitType.${x.type}`)}: ${fmt(x.n)}`).join(" · ")}
                </p>
              </li>
              <li class="card">
                <h2>{t("reports.overview.villages")}</h2>
                <p class="stat">{fmt(villages)}</p>
                <p class="muted">{t("reports.overview.withHead", { n: o.villagesWithHead })}</p>
              </li>
              <li class="card">
                <h2>{t("reports.overview.agencies")}</h2>
                <p class="stat">{fmt(sum(o.agenciesByKind))}</p>
                <p class="muted">
                  {o.agenciesByKind.map((x) => `${t(`agencyKind.${x.kind}`)}: ${fmt(x.n)}`).join(" · ")}
                </p>
              </li>
              <li class="card">
                <h2>{t("reports.overview.history")}</h2>
                <p class="stat">{fmt(o.oldCommunes)}</p>
                <p class="muted">{t("reports.overview.historyHint")}</p>
              </li>
            </ul>
            <h2>{t("reports.overview.clusters")}</h2>
            {clusters.length === 0 ? (
              <p class="muted">{t("reports.overview.noClusters")}</p>
            ) : (
              <>
                <BarChart
                  title={t("reports.overview.clustersChart")}
                  bars={clusters.map((k) => ({ label: k.lead_title, value: k.villages }))}
                  format={fmt}
                />
                <ol class="clusters">
                  {clusters.map((k) => (
                    <li>
                      <a href={`/petitions/${k.lead_petition_id}`}>{k.lead_title}</a>{" "}
                      <span class="muted">
                        {t("reports.overview.clusterLine", {
                          villages: k.villages,
                          communes: k.communes,
                          households: k.households,
                        })}
                        {k.since ? ` · ${t("reports.overview.since", { date: formatDate(k.since) })}` : ""}
                        {` · ${t(`state.${k.lead_state}`)}`}
                      </span>
                    </li>
                  ))}
                </ol>
              </>
            )}
            <BarChart
              title={t("reports.overview.villagesByType")}
              bars={o.villagesByType.map((x) => ({ label: t(`unitType.${x.type}`), value: x.n }))}
              format={fmt}
            />
            <BarChart
              title={t("reports.overview.topCommunes", { n: Math.min(15, o.villagesPerCommune.length) })}
              bars={o.villagesPerCommune.slice(0, 15).map((x) => ({ label: x.name, value: x.n }))}
              format={fmt}
            />
            <h2>{t("reports.overview.accounts")}</h2>
            <div class="scroll">
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t("reports.overview.role")}</th>
                    <th scope="col" class="num">
                      {t("reports.overview.people")}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {o.accountsByRole.map((x) => (
                    <tr>
                      <td>{t(`role.${x.role}`)}</td>
                      <td class="num">{fmt(x.n)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
        ),
        { wide: true },
      );
    }),
  );
}
