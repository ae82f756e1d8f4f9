import type { FC } from "hono/jsx";
import { Flash, type PageContext } from "../../../platform/http/layout.tsx";
import { formatDate } from "../../../platform/i18n/i18n.ts";
import type { CourseRow } from "../queries/courses.ts";
import { StatusTag } from "./parts.tsx";

export const CoursesPage: FC<{
  ctx: PageContext;
  courses: CourseRow[];
  links: { create: boolean; topics: boolean; coverage: boolean; record: boolean; mine: boolean | null };
  done: string | null;
}> = ({ ctx, courses, links, done }) => {
  const { t } = ctx;
  return (
    <section>
      <h1>{t("training.title")}</h1>
      <Flash ctx={ctx} messageKey={done} />
      <p class="actions">
        {links.create ? (
          <a class="button" href="/training/courses/new">
            {t("training.new")}
          </a>
        ) : null}
        {links.record ? <a href="/training/me">{t("training.myRecord")}</a> : null}
        {links.coverage ? <a href="/training/coverage">{t("training.coverage.title")}</a> : null}
        {links.topics ? <a href="/training/topics">{t("training.topics.title")}</a> : null}
        <a href="/training/verify">{t("training.verify.title")}</a>
      </p>
      {links.mine !== null ? (
        <p>
          {links.mine ? (
            <a href="/training?all=1">{t("training.showAll")}</a>
          ) : (
            <a href="/training">{t("training.showMine")}</a>
          )}
        </p>
      ) : null}
      {courses.length === 0 ? (
        <p class="muted">{t("training.none")}</p>
      ) : (
        <ul class="cards">
          {courses.map((c) => (
            <li class="card">
              <h2>
                <a href={`/training/courses/${c.id}`}>{c.title}</a>
              </h2>
              <p class="meta">
                {c.topic} · {t(`training.format.${c.format}`)}
                {c.first_session ? ` · ${formatDate(c.first_session)}` : ""}
              </p>
              <p class="meta">
                {t("training.trainerIs", { name: c.trainer_name })} ·{" "}
                {t("training.counts", { enrolled: c.enrolled, completed: c.completed })}
              </p>
              <StatusTag ctx={ctx} status={c.my_status} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
};
