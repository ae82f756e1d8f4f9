import type { FC } from "hono/jsx";
import { CsrfField, type PageContext } from "../../../platform/http/layout.tsx";
import type { Course } from "../queries/courses.ts";
import type { Grade } from "../rules.ts";
import { MAX_ATTEMPTS } from "../rules.ts";
import { Crumbs } from "./parts.tsx";

export const TestPage: FC<{
  ctx: PageContext;
  course: Course;
  attempt: number;
  chosen: Record<string, string>;
  missing: boolean;
}> = ({ ctx, course, attempt, chosen, missing }) => {
  const { t } = ctx;
  return (
    <section class="narrow">
      <Crumbs
        ctx={ctx}
        items={[
          { href: "/training", label: t("training.title") },
          { href: `/training/courses/${course.id}`, label: course.title },
        ]}
      />
      <h1>{t("training.test.title")}</h1>
      <p>
        {t("training.test.intro", {
          n: course.questions.length,
          mark: course.passMark,
          attempt,
          max: MAX_ATTEMPTS,
        })}
      </p>
      {missing ? (
        <div class="alert error" role="alert">
          {t("training.test.answerAll")}
        </div>
      ) : null}
      <form method="post" action={`/training/courses/${course.id}/test`}>
        <CsrfField ctx={ctx} />
        {course.questions.map((q, i) => (
          <fieldset class="question" id={`q-${q.id}`}>
            <legend>
              {i + 1}. {q.prompt}
            </legend>
            {q.choices.map((choice, j) => (
              <label class="choice">
                <input
                  type="radio"
                  name={`q${q.id}`}
                  value={String(j)}
                  checked={chosen[`q${q.id}`] === String(j)}
                />{" "}
                {choice}
              </label>
            ))}
          </fieldset>
        ))}
        <p>
          <button type="submit">{t("training.test.submit")}</button>
        </p>
      </form>
    </section>
  );
};

export const TestResultPage: FC<{
  ctx: PageContext;
  course: Course;
  result: Grade & { completed: boolean; attempt: number };
  certificateCode: string | null;
}> = ({ ctx, course, result, certificateCode }) => {
  const { t } = ctx;
  const left = MAX_ATTEMPTS - result.attempt;
  return (
    <section class="narrow">
      <h1>{t("training.test.result")}</h1>
      <div class={`alert ${result.passed ? "ok" : "error"}`} role="status">
        <p class="score">
          {t("training.test.score", { score: result.score, correct: result.correct, total: result.total })}
        </p>
        <p>
          {result.passed ? t("training.test.passed") : t("training.test.failed", { mark: course.passMark })}
        </p>
      </div>
      {!result.passed ? (
        <p>{left > 0 ? t("training.test.left", { n: left }) : t("training.test.noneLeft")}</p>
      ) : null}
      {result.passed && !result.completed && !certificateCode ? (
        <p>{t("training.test.stillAttend")}</p>
      ) : null}
      {certificateCode ? (
        <p>
          <a class="button" href={`/training/certificates/${certificateCode}.pdf`}>
            {t("training.certificate.download")}
          </a>
        </p>
      ) : null}
      <p>
        {!result.passed && left > 0 ? (
          <a class="button" href={`/training/courses/${course.id}/test`}>
            {t("training.test.retake")}
          </a>
        ) : null}{" "}
        <a href={`/training/courses/${course.id}`}>{t("training.backToCourse")}</a>
      </p>
    </section>
  );
};
