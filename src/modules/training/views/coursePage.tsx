import type { FC } from "hono/jsx";
import { CsrfField, Field, Flash, type PageContext } from "../../../platform/http/layout.tsx";
import { safeUrl } from "../../../platform/http/safeUrl.ts";
import type { Course, Enrolment } from "../queries/courses.ts";
import { MAX_ATTEMPTS } from "../rules.ts";
import { SessionFields } from "./courseForm.tsx";
import { Crumbs, StatusTag, sessionWhen } from "./parts.tsx";

export type CourseForms = {
  values: Record<string, string>;
  errors: Record<string, string>;
  which: string | null;
};

export const CoursePage: FC<{
  ctx: PageContext;
  course: Course;
  enrolment: Enrolment | null;
  can: { manage: boolean; selfEnrol: boolean };
  done: string | null;
  forms: CourseForms;
}> = ({ ctx, course, enrolment, can, done, forms }) => {
  const { t } = ctx;
  const c = course;
  return (
    <section>
      <Crumbs ctx={ctx} items={[{ href: "/training", label: t("training.title") }]} />
      <h1>{c.title}</h1>
      <Flash ctx={ctx} messageKey={done} />
      {forms.which && Object.keys(forms.errors).length ? (
        <div class="alert error" role="alert">
          {t("training.fixForm")}
        </div>
      ) : null}
      <dl class="meta-list">
        <dt>{t("training.field.topic")}</dt>
        <dd>{c.topic}</dd>
        <dt>{t("training.field.format")}</dt>
        <dd>{t(`training.format.${c.format}`)}</dd>
        <dt>{t("training.field.trainer")}</dt>
        <dd>{c.trainerName}</dd>
        <dt>{t("training.field.target")}</dt>
        <dd>
          {t(`training.role.${c.targetRole}`)}: {c.targets.map((x) => x.name).join(", ")}
        </dd>
        <dt>{t("training.field.capacity")}</dt>
        <dd>{c.capacity === null ? t("training.unlimited") : c.capacity}</dd>
        <dt>{t("training.enrolment")}</dt>
        <dd>
          {t("training.countsFull", {
            enrolled: c.counts.enrolled,
            waitlisted: c.counts.waitlisted,
            completed: c.counts.completed,
          })}
        </dd>
        <dt>{t("training.field.certificate")}</dt>
        <dd>{c.certificate ? t("training.yes") : t("training.no")}</dd>
        {c.questions.length ? (
          <>
            <dt>{t("training.test.title")}</dt>
            <dd>{t("training.test.summary", { n: c.questions.length, mark: c.passMark })}</dd>
          </>
        ) : null}
      </dl>
      {c.description ? <p class="body-text">{c.description}</p> : null}

      {enrolment || can.selfEnrol ? (
        <MyPlace ctx={ctx} course={c} enrolment={enrolment} canSelfEnrol={can.selfEnrol} />
      ) : null}

      <h2>{t("training.sessions")}</h2>
      {c.sessions.length === 0 ? (
        <p class="muted">{t("training.session.none")}</p>
      ) : (
        <ul class="session-list">
          {c.sessions.map((s, i) => (
            <li>
              <strong>{t("training.session.n", { n: i + 1 })}</strong> {sessionWhen(s)} · {s.place}
              {s.required
                ? ` · ${t("training.session.requiredShort")}`
                : ` · ${t("training.session.optional")}`}
              {enrolment?.attended.includes(s.id) ? (
                <span class="tag state-done">{t("training.present")}</span>
              ) : null}
              {can.manage ? (
                <>
                  {" · "}
                  <a href={`/training/courses/${c.id}/sessions/${s.id}`}>{t("training.attendance.take")}</a>
                </>
              ) : null}
            </li>
          ))}
        </ul>
      )}

      <h2>{t("training.materials")}</h2>
      {c.materials.length === 0 ? (
        <p class="muted">{t("training.material.none")}</p>
      ) : (
        <ul>
          {c.materials.map((m) => (
            <li>
              <a
                href={m.fileKey ? `/training/materials/${m.id}` : safeUrl(m.url)}
                rel={m.url ? "noopener noreferrer" : undefined}
              >
                {m.title}
              </a>
              {m.mime ? <span class="muted"> ({m.mime})</span> : null}
            </li>
          ))}
        </ul>
      )}

      {can.manage ? <Manage ctx={ctx} course={c} forms={forms} /> : null}
    </section>
  );
};

const MyPlace: FC<{
  ctx: PageContext;
  course: Course;
  enrolment: Enrolment | null;
  canSelfEnrol: boolean;
}> = ({ ctx, course, enrolment: e, canSelfEnrol }) => {
  const { t } = ctx;
  const active = e && e.status !== "cancelled";
  return (
    <section class="panel" aria-labelledby="my-place">
      <h2 id="my-place">{t("training.myPlace")}</h2>
      {e ? (
        <p>
          <StatusTag ctx={ctx} status={e.status} completed={!!e.completedAt} />
          {e.status === "waitlisted" && e.waitPosition
            ? ` ${t("training.waitPosition", { n: e.waitPosition })}`
            : ""}
        </p>
      ) : null}
      {!active && canSelfEnrol ? (
        <form method="post" action={`/training/courses/${course.id}/enrol`}>
          <CsrfField ctx={ctx} />
          <button type="submit">{t("training.enrolMe")}</button>
        </form>
      ) : null}
      {e?.status === "enrolled" ? (
        <>
          <p>{t("training.qr.explain")}</p>
          <img
            class="qr"
            src={`/training/enrolments/${e.id}/qr.svg`}
            alt={t("training.qr.alt")}
            width="240"
            height="240"
          />
          {course.questions.length ? (
            <p>
              {e.passed ? (
                t("training.test.passedWith", { score: e.bestScore ?? 0 })
              ) : e.attempts >= MAX_ATTEMPTS ? (
                t("training.test.noMore", { score: e.bestScore ?? 0 })
              ) : (
                <a class="button" href={`/training/courses/${course.id}/test`}>
                  {e.attempts ? t("training.test.retake") : t("training.test.take")}
                </a>
              )}
            </p>
          ) : null}
        </>
      ) : null}
      {e?.certificateCode ? (
        <p>
          <a class="button" href={`/training/certificates/${e.certificateCode}.pdf`}>
            {t("training.certificate.download")}
          </a>{" "}
          <span class="code">{e.certificateCode}</span>
        </p>
      ) : null}
      {active && !e?.completedAt ? (
        <form method="post" action={`/training/enrolments/${e?.id}/cancel`}>
          <CsrfField ctx={ctx} />
          <button type="submit" class="secondary">
            {t("training.cancelMine")}
          </button>
        </form>
      ) : null}
    </section>
  );
};

const Manage: FC<{ ctx: PageContext; course: Course; forms: CourseForms }> = ({ ctx, course: c, forms }) => {
  const { t } = ctx;
  const v = (which: string) => (forms.which === which ? forms.values : {});
  const e = (which: string) => (forms.which === which ? forms.errors : {});
  return (
    <section aria-labelledby="manage">
      <h2 id="manage">{t("training.manage")}</h2>
      <form method="post" action={`/training/courses/${c.id}/enrol-target`} class="panel">
        <CsrfField ctx={ctx} />
        <p>{t("training.enrolTarget.explain")}</p>
        <button type="submit">{t("training.enrolTarget")}</button>
      </form>
      <p>
        <a href={`/training/courses/${c.id}/people`}>{t("training.people.title")}</a>
      </p>

      <details open={forms.which === "session"}>
        <summary>{t("training.session.add")}</summary>
        <form method="post" action={`/training/courses/${c.id}/sessions`} novalidate>
          <CsrfField ctx={ctx} />
          <SessionFields ctx={ctx} values={v("session")} errors={e("session")} />
          <button type="submit">{t("training.session.add")}</button>
        </form>
      </details>

      <details open={forms.which === "material"}>
        <summary>{t("training.material.add")}</summary>
        <form
          method="post"
          action={`/training/courses/${c.id}/materials`}
          enctype="multipart/form-data"
          novalidate
        >
          <CsrfField ctx={ctx} />
          <Field
            ctx={ctx}
            name="title"
            label={t("training.material.title")}
            values={v("material")}
            errors={e("material")}
            required
          />
          <div class={e("material").file ? "field invalid" : "field"}>
            <label for="f-file">{t("training.material.file")}</label>
            <p class="hint">{t("training.material.fileHint")}</p>
            {e("material").file ? <p class="err">{t(e("material").file ?? "")}</p> : null}
            <input id="f-file" type="file" name="file" accept=".pdf,image/*,audio/*" />
          </div>
          <Field
            ctx={ctx}
            name="url"
            label={t("training.material.url")}
            values={v("material")}
            errors={e("material")}
            inputmode="url"
          />
          <button type="submit">{t("training.material.add")}</button>
        </form>
      </details>

      <details open={forms.which === "question"}>
        <summary>{t("training.question.add")}</summary>
        <p class="hint">{t("training.question.explain", { mark: c.passMark })}</p>
        {c.questions.length ? (
          <ol>
            {c.questions.map((q) => (
              <li>{q.prompt}</li>
            ))}
          </ol>
        ) : null}
        <form method="post" action={`/training/courses/${c.id}/questions`} novalidate>
          <CsrfField ctx={ctx} />
          <Field
            ctx={ctx}
            name="prompt"
            label={t("training.question.prompt")}
            values={v("question")}
            errors={e("question")}
            required
          />
          <div class={e("question").choices ? "field invalid" : "field"}>
            <label for="f-choices">{t("training.question.choices")}</label>
            <p class="hint">{t("training.question.choicesHint")}</p>
            {e("question").choices ? <p class="err">{t(e("question").choices ?? "")}</p> : null}
            <textarea id="f-choices" name="choices" rows={4}>
              {v("question").choices ?? ""}
            </textarea>
          </div>
          <Field
            ctx={ctx}
            name="answer"
            label={t("training.question.answer")}
            hint={t("training.question.answerHint")}
            values={v("question")}
            errors={e("question")}
            required
            inputmode="numeric"
          />
          <button type="submit">{t("training.question.add")}</button>
        </form>
      </details>
    </section>
  );
};
