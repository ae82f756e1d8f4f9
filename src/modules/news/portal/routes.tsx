import type { FC } from "hono/jsx";
import { BarChart } from "../../../platform/charts/barChart.tsx";
import { type PageContext, Pager } from "../../../platform/http/layout.tsx";
import { page } from "../../../platform/http/render.tsx";
import { intParam } from "../../../platform/http/request.ts";
import type { App } from "../../../platform/http/types.ts";
import { formatDate, formatNumber } from "../../../platform/i18n/i18n.ts";
import { monthlyStats, publicClusters, publishedAnswers } from "./queries.ts";

/** The transparency pages (the commitments one belongs to its own module), in the order both lists show them. */
const SECTIONS = [
  { href: "/cong-khai/tra-loi", key: "portal.nav.answers" },
  { href: "/cong-khai/nhom-kien-nghi", key: "portal.nav.clusters" },
  { href: "/cong-khai/cam-ket", key: "portal.nav.commitments" },
  { href: "/cong-khai/thong-ke", key: "portal.nav.stats" },
] as const;

const PortalNav: FC<{ ctx: PageContext }> = ({ ctx }) => (
  <nav class="news-cats" aria-label={ctx.t("news.transparency")}>
    <ul>
      {SECTIONS.map((s) => (
        <li>
          <a href={s.href} aria-current={ctx.path === s.href ? "page" : undefined}>
            {ctx.t(s.key)}
          </a>
        </li>
      ))}
      <li>
        <a href="/tin-tuc">{ctx.t("news.nav")}</a>
      </li>
    </ul>
  </nav>
);

/** Public transparency: answers (masked), issues raised in many villages, monthly figures with SVG charts. */
export function portalRoutes(app: App): void {
  app.get("/cong-khai", (c) => {
    const t = c.get("t");
    return page(c, t("portal.title"), (ctx) => (
      <>
        <PortalNav ctx={ctx} />
        <h1>{t("portal.title")}</h1>
        <p>{t("portal.intro")}</p>
        <ul class="cards">
          {SECTIONS.map((s) => (
            <li class="card">
              <h2>
                <a href={s.href}>{t(s.key)}</a>
              </h2>
            </li>
          ))}
        </ul>
      </>
    ));
  });

  app.get("/cong-khai/tra-loi", async (c) => {
    const t = c.get("t");
    const p = Math.min(200, intParam(c.req.query("page")) ?? 1) || 1;
    const items = await publishedAnswers(c.get("deps").pool, 21, (p - 1) * 20);
    return page(c, t("portal.answers.title"), (ctx) => (
      <>
        <PortalNav ctx={ctx} />
        <h1>{t("portal.answers.title")}</h1>
        <p class="muted">{t("portal.intro")}</p>
        {items.length === 0 ? (
          <p class="muted">{t("portal.answers.empty")}</p>
        ) : (
          <ul class="news-queue">
            {items.slice(0, 20).map((a) => (
              <li class="card">
                <h2>
                  <a href={`/p/${a.code}`}>{a.title}</a>
                </h2>
                <p class="muted">
                  {t("portal.answers.meta", {
                    category: (ctx.locale === "en" ? a.category_name_en : a.category_name) ?? "—",
                    commune: a.commune_name ?? "—",
                    date: a.answered_at ? formatDate(a.answered_at) : "—",
                  })}
                </p>
                {a.agency_name ? <p>{t("portal.answers.by", { agency: a.agency_name })}</p> : null}
                <p>{a.answer.length > 300 ? `${a.answer.slice(0, 299)}…` : a.answer}</p>
                <p>
                  <a href={`/p/${a.code}`}>
                    {t("portal.answers.read")} {a.code}
                  </a>
                </p>
              </li>
            ))}
          </ul>
        )}
        <Pager ctx={ctx} page={p} hasNext={items.length > 20} base="/cong-khai/tra-loi" />
      </>
    ));
  });

  app.get("/cong-khai/nhom-kien-nghi", async (c) => {
    const t = c.get("t");
    const clusters = await publicClusters(c.get("deps").pool, 30);
    return page(
      c,
      t("portal.clusters.title"),
      (ctx) => (
        <>
          <PortalNav ctx={ctx} />
          <h1>{t("portal.clusters.title")}</h1>
          {clusters.length === 0 ? (
            <p class="muted">{t("portal.clusters.empty")}</p>
          ) : (
            <>
              <BarChart
                title={t("portal.clusters.chart")}
                bars={clusters.slice(0, 12).map((k) => ({ label: k.title, value: k.villages }))}
              />
              <ul class="news-queue">
                {clusters.map((k) => (
                  <li class="card" id={`c-${k.id}`}>
                    <h2>{k.title}</h2>
                    <p>
                      <strong>{t("portal.clusters.villages", { n: k.villages })}</strong>
                      {k.category_name ? <span class="muted"> · {k.category_name}</span> : null}
                    </p>
                    <p>
                      {k.answer_code ? (
                        <a href={`/p/${k.answer_code}`}>{t("portal.clusters.answered")}</a>
                      ) : (
                        t(k.answered ? "portal.clusters.answered" : "portal.clusters.open")
                      )}
                    </p>
                  </li>
                ))}
              </ul>
            </>
          )}
        </>
      ),
      { wide: true },
    );
  });

  app.get("/cong-khai/thong-ke", async (c) => {
    const t = c.get("t");
    const deps = c.get("deps");
    const { months, agencies } = await monthlyStats(deps.pool, deps.clock.now());
    const locale = c.get("locale");
    const pct = (n: number, d: number) => (d > 0 ? `${Math.round((100 * n) / d)}%` : "—");
    return page(
      c,
      t("portal.stats.title"),
      (ctx) => (
        <>
          <PortalNav ctx={ctx} />
          <h1>{t("portal.stats.title")}</h1>
          <h2>{t("portal.stats.months")}</h2>
          <div class="news-top">
            <BarChart
              title={t("portal.stats.chartReceived")}
              bars={months.map((m) => ({ label: m.month, value: m.received }))}
            />
            <BarChart
              title={t("portal.stats.chartOnTime")}
              bars={months.map((m) => ({ label: m.month, value: m.on_time }))}
            />
          </div>
          <div class="scroll">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("portal.stats.month")}</th>
                  <th scope="col" class="num">
                    {t("portal.stats.received")}
                  </th>
                  <th scope="col" class="num">
                    {t("portal.stats.answered")}
                  </th>
                  <th scope="col" class="num">
                    {t("portal.stats.onTime")}
                  </th>
                  <th scope="col" class="num">
                    {t("portal.stats.onTimeRate")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {months.map((m) => (
                  <tr>
                    <th scope="row">{m.month}</th>
                    <td class="num">{formatNumber(m.received, locale)}</td>
                    <td class="num">{formatNumber(m.answered, locale)}</td>
                    <td class="num">{formatNumber(m.on_time, locale)}</td>
                    <td class="num">{pct(m.on_time, m.answered)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <h2>{t("portal.stats.byAgency")}</h2>
          {agencies.length === 0 ? (
            <p class="muted">{t("portal.stats.empty")}</p>
          ) : (
            <>
              <BarChart
                title={t("portal.stats.chartAgency")}
                bars={agencies.map((a) => ({
                  label: a.agency ?? t("portal.stats.noAgency"),
                  value: a.on_time,
                }))}
              />
              <div class="scroll">
                <table>
                  <thead>
                    <tr>
                      <th scope="col">{t("portal.stats.agency")}</th>
                      <th scope="col" class="num">
                        {t("portal.stats.answered")}
                      </th>
                      <th scope="col" class="num">
                        {t("portal.stats.onTime")}
                      </th>
                      <th scope="col" class="num">
                        {t("portal.stats.onTimeRate")}
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {agencies.map((a) => (
                      <tr>
                        <th scope="row">{a.agency ?? t("portal.stats.noAgency")}</th>
                        <td class="num">{formatNumber(a.answered, locale)}</td>
                        <td class="num">{formatNumber(a.on_time, locale)}</td>
                        <td class="num">{pct(a.on_time, a.answered)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </>
          )}
        </>
      ),
      { wide: true },
    );
  });
}
