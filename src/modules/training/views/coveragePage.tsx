import type { FC } from "hono/jsx";
import { BarChart } from "../../../platform/charts/barChart.tsx";
import type { PageContext } from "../../../platform/http/layout.tsx";
import { formatDate } from "../../../platform/i18n/i18n.ts";
import type { CommuneCoverage, TopicCoverage, Untrained } from "../queries/coverage.ts";

export const pct = (part: number, whole: number) => (whole ? Math.round((part * 1000) / whole) / 10 : 0);

export const CoveragePage: FC<{
  ctx: PageContext;
  since: Date;
  communes: CommuneCoverage[];
  topics: TopicCoverage[];
  untrained: Untrained[];
  communeId: number | null;
  untrainedLimit: number;
}> = ({ ctx, since, communes, topics, untrained, communeId, untrainedLimit }) => {
  const { t } = ctx;
  const heads = communes.reduce((s, c) => s + c.heads, 0);
  const trained = communes.reduce((s, c) => s + c.trained, 0);
  const fmt = (n: number) => `${String(n).replace(".", ctx.locale === "vi" ? "," : ".")}%`;
  return (
    <section>
      <h1>{t("training.coverage.title")}</h1>
      <p>{t("training.coverage.intro", { since: formatDate(since) })}</p>
      <p class="lead" id="coverage-total">
        {t("training.coverage.total", { trained, heads, share: fmt(pct(trained, heads)) })}
      </p>
      <p>
        <a href="/training/coverage.xlsx">{t("training.coverage.export")}</a>
      </p>
      <BarChart
        title={t("training.coverage.chart")}
        bars={communes
          .map((c) => ({ label: c.commune, value: pct(c.trained, c.heads) }))
          .sort((a, b) => b.value - a.value)}
        format={fmt}
      />
      <h2>{t("training.coverage.byCommune")}</h2>
      <div class="scroll">
        <table class="cardlist" id="coverage-communes">
          <thead>
            <tr>
              <th>{t("training.coverage.commune")}</th>
              <th>{t("training.coverage.trained")}</th>
              <th>{t("training.coverage.heads")}</th>
              <th>{t("training.coverage.share")}</th>
            </tr>
          </thead>
          <tbody>
            {communes.map((c) => (
              <tr data-commune={c.commune_code}>
                <td class="title">
                  <a href={`/training/coverage?commune=${c.commune_id}#never`}>{c.commune}</a>
                </td>
                <td data-label={t("training.coverage.trained")} class="trained">
                  {c.trained}
                </td>
                <td data-label={t("training.coverage.heads")} class="heads">
                  {c.heads}
                </td>
                <td data-label={t("training.coverage.share")}>{fmt(pct(c.trained, c.heads))}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2>{t("training.coverage.topics")}</h2>
      {topics.length === 0 ? (
        <p class="muted">{t("training.coverage.noTopics")}</p>
      ) : (
        <ul>
          {topics.map((x) => (
            <li>
              {t("training.coverage.topicLine", {
                topic: x.topic,
                courses: x.courses,
                completions: x.completions,
              })}
            </li>
          ))}
        </ul>
      )}
      <h2 id="never">{t("training.coverage.never")}</h2>
      <form method="get" action="/training/coverage#never" class="search">
        <label for="f-commune">{t("training.coverage.commune")}</label>
        <select id="f-commune" name="commune">
          <option value="">{t("training.coverage.allCommunes")}</option>
          {communes.map((c) => (
            <option value={String(c.commune_id)} selected={c.commune_id === communeId}>
              {c.commune}
            </option>
          ))}
        </select>
        <button type="submit">{t("training.coverage.show")}</button>
      </form>
      {untrained.length === 0 ? (
        <p class="muted">{t("training.coverage.everyoneTrained")}</p>
      ) : (
        <>
          <ul class="never-list">
            {untrained.map((u) => (
              <li>
                <a href={`/training/people/${u.user_id}`}>{u.full_name}</a>
                <span class="muted">
                  {" "}
                  · {u.village}, {u.commune}
                </span>
              </li>
            ))}
          </ul>
          {untrained.length >= untrainedLimit ? (
            <p class="hint">{t("training.coverage.more", { n: untrainedLimit })}</p>
          ) : null}
        </>
      )}
    </section>
  );
};
