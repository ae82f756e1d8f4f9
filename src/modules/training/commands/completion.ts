import type pg from "pg";
import { notify } from "../../notifications/notify.ts";
import { isComplete, newCertificateCode } from "../rules.ts";

/**
 * Re-checks one enrolment after attendance or a test attempt, inside the caller's transaction: when it has just
 * become complete, stamps the date and (if the course issues one) a certificate code, and tells the person.
 */
export async function refreshCompletion(
  client: pg.PoolClient,
  enrolmentId: number,
  now: Date,
): Promise<boolean> {
  const { rows } = await client.query<{
    user_id: number;
    course_id: number;
    title: string;
    certificate: boolean;
    completed_at: Date | null;
    status: string;
    required: number[] | null;
    attended: number[] | null;
    questions: number;
    passed: boolean;
  }>(
    `SELECT e.user_id, e.course_id, c.title, c.certificate, e.completed_at, e.status,
            (SELECT array_agg(s.id) FROM training_sessions s WHERE s.course_id = c.id AND s.required) AS required,
            (SELECT array_agg(a.session_id) FROM training_attendance a WHERE a.enrolment_id = e.id) AS attended,
            (SELECT count(*)::int FROM training_questions q WHERE q.course_id = c.id) AS questions,
            EXISTS (SELECT 1 FROM training_attempts t WHERE t.enrolment_id = e.id AND t.passed) AS passed
       FROM training_enrolments e JOIN training_courses c ON c.id = e.course_id
      WHERE e.id = $1`,
    [enrolmentId],
  );
  const r = rows[0];
  if (!r || r.completed_at || r.status !== "enrolled") return false;
  const done = isComplete({
    requiredSessionIds: (r.required ?? []).map(Number),
    attendedSessionIds: (r.attended ?? []).map(Number),
    hasTest: r.questions > 0,
    passedTest: r.passed,
  });
  // A course with nothing required and no test is not "complete" by doing nothing.
  if (!done || ((r.required ?? []).length === 0 && r.questions === 0 && (r.attended ?? []).length === 0))
    return false;
  const code = r.certificate ? newCertificateCode() : null;
  await client.query(
    "UPDATE training_enrolments SET completed_at = $2, certificate_code = $3 WHERE id = $1",
    [enrolmentId, now, code],
  );
  await notify(
    client,
    {
      userId: Number(r.user_id),
      kind: code ? "training.certified" : "training.completed",
      params: { course: r.title },
      link: `/training/courses/${r.course_id}`,
      email: true,
    },
    `training.completed.${enrolmentId}`,
  );
  return true;
}
