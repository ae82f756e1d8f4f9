import type { FC } from "hono/jsx";
import type { PageContext } from "../../../platform/http/layout.tsx";
import { formatDate } from "../../../platform/i18n/i18n.ts";
import type { Person, RecordRow } from "../queries/record.ts";

export const RecordPage: FC<{
  ctx: PageContext;
  person: Person;
  rows: RecordRow[];
  own: boolean;
  xlsx: string;
}> = ({ ctx, person, rows, own, xlsx }) => {
  const { t } = ctx;
  const completed = rows.filter((r) => r.completed_at).length;
  return (
    <section>
      <h1>{own ? t("training.myRecord") : t("training.record.titleOf", { name: person.full_name })}</h1>
      <p class="meta">
        {person.full_name}
        {person.village ? ` · ${person.village}` : ""}
        {person.commune ? `, ${person.commune}` : ""}
      </p>
      <p>{t("training.record.summary", { courses: rows.length, completed })}</p>
      <p>
        <a href={xlsx}>{t("training.record.export")}</a>
      </p>
      {rows.length === 0 ? (
        <p class="muted">{t("training.record.none")}</p>
      ) : (
        <div class="scroll">
          <table class="cardlist">
            <thead>
              <tr>
                <th>{t("training.field.title")}</th>
                <th>{t("training.record.dates")}</th>
                <th>{t("training.record.status")}</th>
                <th>{t("training.record.attendance")}</th>
                <th>{t("training.record.score")}</th>
                <th>{t("training.record.certificate")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr>
                  <td class="title">
                    <a href={`/training/courses/${r.course_id}`}>{r.title}</a>
                    <span class="muted"> · {r.topic}</span>
                  </td>
                  <td data-label={t("training.record.dates")}>
                    {r.first_session
                      ? `${formatDate(r.first_session)} – ${formatDate(r.last_session ?? r.first_session)}`
                      : "—"}
                  </td>
                  <td data-label={t("training.record.status")}>
                    {r.completed_at
                      ? t("training.record.completedOn", { date: formatDate(r.completed_at) })
                      : t(`training.status.${r.status}`)}
                  </td>
                  <td data-label={t("training.record.attendance")}>
                    {r.attended_required}/{r.required}
                  </td>
                  <td data-label={t("training.record.score")}>
                    {r.best_score === null
                      ? "—"
                      : `${r.best_score}% ${r.passed ? t("training.test.passShort") : t("training.test.failShort")}`}
                  </td>
                  <td data-label={t("training.record.certificate")}>
                    {r.certificate_code ? (
                      <a href={`/training/certificates/${r.certificate_code}.pdf`}>{r.certificate_code}</a>
                    ) : (
                      "—"
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
};
