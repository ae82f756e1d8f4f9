import type { FC } from "hono/jsx";
import { CsrfField, ErrorSummary, Field, Flash, type PageContext } from "../../../platform/http/layout.tsx";

type Topic = { code: string; name_vi: string; name_en: string; sort: number; active: boolean };

export const TopicsPage: FC<{
  ctx: PageContext;
  topics: Topic[];
  values: Record<string, string>;
  errors: Record<string, string>;
  done: string | null;
}> = ({ ctx, topics, values, errors, done }) => {
  const { t } = ctx;
  return (
    <section class="narrow">
      <h1>{t("training.topics.title")}</h1>
      <p>{t("training.topics.intro")}</p>
      <Flash ctx={ctx} messageKey={done} />
      <ul class="topic-list">
        {topics.map((x) => (
          <li>
            <details>
              <summary>
                {x.name_vi}
                {x.active ? "" : ` (${t("training.topics.retired")})`}
              </summary>
              <form method="post" action="/training/topics">
                <CsrfField ctx={ctx} />
                <input type="hidden" name="code" value={x.code} />
                {(["nameVi", "nameEn", "sort"] as const).map((f) => (
                  <div class="field">
                    <label for={`t-${x.code}-${f}`}>{t(`training.topics.${f}`)}</label>
                    <input
                      id={`t-${x.code}-${f}`}
                      name={f}
                      value={f === "nameVi" ? x.name_vi : f === "nameEn" ? x.name_en : String(x.sort)}
                    />
                  </div>
                ))}
                <label class="choice">
                  <input type="checkbox" name="active" value="1" checked={x.active} />{" "}
                  {t("training.topics.active")}
                </label>
                <p>
                  <button type="submit">{t("training.topics.save")}</button>
                </p>
              </form>
            </details>
          </li>
        ))}
      </ul>
      <h2>{t("training.topics.add")}</h2>
      <ErrorSummary ctx={ctx} errors={errors} />
      <form method="post" action="/training/topics" novalidate>
        <CsrfField ctx={ctx} />
        <input type="hidden" name="active" value="1" />
        <Field
          ctx={ctx}
          name="code"
          label={t("training.topics.code")}
          hint={t("training.topics.codeHint")}
          values={values}
          errors={errors}
          required
        />
        <Field
          ctx={ctx}
          name="nameVi"
          label={t("training.topics.nameVi")}
          values={values}
          errors={errors}
          required
        />
        <Field ctx={ctx} name="nameEn" label={t("training.topics.nameEn")} values={values} errors={errors} />
        <Field
          ctx={ctx}
          name="sort"
          label={t("training.topics.sort")}
          values={values}
          errors={errors}
          inputmode="numeric"
        />
        <p>
          <button type="submit">{t("training.topics.add")}</button>
        </p>
      </form>
    </section>
  );
};
