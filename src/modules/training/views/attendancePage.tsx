import type { FC } from "hono/jsx";
import { CsrfField, Flash, type PageContext } from "../../../platform/http/layout.tsx";
import type { Course, CourseSession, Participant } from "../queries/courses.ts";
import { Crumbs, sessionWhen } from "./parts.tsx";

/** The organiser's phone at the door: find a name (no diacritics needed) and mark them present. */
export const AttendancePage: FC<{
  ctx: PageContext;
  course: Course;
  session: CourseSession;
  people: Participant[];
  present: number;
  q: string;
  done: string | null;
}> = ({ ctx, course, session, people, present, q, done }) => {
  const { t } = ctx;
  const base = `/training/courses/${course.id}/sessions/${session.id}`;
  return (
    <section class="narrow">
      <Crumbs
        ctx={ctx}
        items={[
          { href: "/training", label: t("training.title") },
          { href: `/training/courses/${course.id}`, label: course.title },
        ]}
      />
      <h1>{t("training.attendance.title")}</h1>
      <p class="meta">
        {sessionWhen(session)} · {session.place}
      </p>
      <p class="stat">{t("training.attendance.count", { present, total: course.counts.enrolled })}</p>
      <Flash ctx={ctx} messageKey={done} />
      <p class="hint">{t("training.attendance.qrHint")}</p>
      <form method="get" action={base} class="search">
        <label for="f-q">{t("training.attendance.search")}</label>
        <input id="f-q" name="q" type="search" value={q} autocomplete="off" />
        <button type="submit">{t("training.attendance.find")}</button>
      </form>
      {people.length === 0 ? (
        <p class="muted">{t("training.attendance.nobody")}</p>
      ) : (
        <ul class="attendance-list">
          {people.map((p) => (
            <li>
              <span class="who">
                <strong>{p.full_name}</strong>
                <span class="muted">
                  {p.village}
                  {p.commune ? `, ${p.commune}` : ""}
                </span>
              </span>
              {p.attended ? (
                <span class="tag state-done">{t("training.present")}</span>
              ) : (
                <form method="post" action={base} class="inline">
                  <CsrfField ctx={ctx} />
                  <input type="hidden" name="enrolmentId" value={String(p.enrolment_id)} />
                  <input type="hidden" name="q" value={q} />
                  <button type="submit" aria-label={t("training.attendance.markFor", { name: p.full_name })}>
                    {t("training.attendance.mark")}
                  </button>
                </form>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
};

export const CheckinPage: FC<{
  ctx: PageContext;
  outcome: "marked" | "again" | "noSession" | "notEnrolled";
  person: string;
  courseId: number;
  title: string;
  sessionId: number | null;
}> = ({ ctx, outcome, person, courseId, title, sessionId }) => {
  const { t } = ctx;
  const ok = outcome === "marked" || outcome === "again";
  return (
    <section class="narrow">
      <h1>{t("training.checkin.title")}</h1>
      <div class={`alert ${ok ? "ok" : "error"}`} role="status">
        <p class="checkin-name">{person}</p>
        <p>{t(`training.checkin.${outcome}`, { course: title })}</p>
      </div>
      <p>
        {sessionId ? (
          <a class="button" href={`/training/courses/${courseId}/sessions/${sessionId}`}>
            {t("training.checkin.back")}
          </a>
        ) : (
          <a class="button" href={`/training/courses/${courseId}`}>
            {title}
          </a>
        )}
      </p>
    </section>
  );
};

export const PeoplePage: FC<{ ctx: PageContext; course: Course; people: Participant[] }> = ({
  ctx,
  course,
  people,
}) => {
  const { t } = ctx;
  return (
    <section>
      <Crumbs
        ctx={ctx}
        items={[
          { href: "/training", label: t("training.title") },
          { href: `/training/courses/${course.id}`, label: course.title },
        ]}
      />
      <h1>{t("training.people.title")}</h1>
      <p>
        {t("training.countsFull", {
          enrolled: course.counts.enrolled,
          waitlisted: course.counts.waitlisted,
          completed: course.counts.completed,
        })}
      </p>
      <div class="scroll">
        <table class="cardlist">
          <thead>
            <tr>
              <th>{t("training.coverage.person")}</th>
              <th>{t("training.coverage.village")}</th>
              <th>{t("training.record.status")}</th>
              <th>{t("training.record.attendance")}</th>
              <th>{t("training.record.score")}</th>
              <th>
                <span class="sr-only">{t("training.actions")}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {people.map((p) => (
              <tr>
                <td class="title">
                  <a href={`/training/people/${p.user_id}`}>{p.full_name}</a>
                </td>
                <td data-label={t("training.coverage.village")}>
                  {p.village}
                  {p.commune ? `, ${p.commune}` : ""}
                </td>
                <td data-label={t("training.record.status")}>
                  {t(p.completed_at ? "training.status.completed" : `training.status.${p.status}`)}
                </td>
                <td data-label={t("training.record.attendance")}>{p.sessions_attended}</td>
                <td data-label={t("training.record.score")}>{p.best_score ?? "—"}</td>
                <td>
                  {p.status !== "cancelled" && !p.completed_at ? (
                    <form
                      method="post"
                      action={`/training/enrolments/${p.enrolment_id}/cancel`}
                      class="inline"
                    >
                      <CsrfField ctx={ctx} />
                      <button type="submit" class="secondary small">
                        {t("training.cancelFor")}
                      </button>
                    </form>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
};
