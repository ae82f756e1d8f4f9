import type { Queryable } from "../../../platform/db/database.ts";
import type { Locale } from "../../../platform/i18n/i18n.ts";

export type RecordRow = {
  course_id: number;
  title: string;
  topic: string;
  status: string;
  first_session: Date | null;
  last_session: Date | null;
  required: number;
  attended_required: number;
  best_score: number | null;
  passed: boolean | null;
  completed_at: Date | null;
  certificate_code: string | null;
};

export type Person = { id: number; full_name: string; village: string | null; commune: string | null };

/** One person's training: every course they were enrolled on, with attendance, score and completion. */
export async function personRecord(db: Queryable, userId: number, locale: Locale) {
  const person = await db.query<Person>(
    `SELECT u.id, u.full_name, v.full_name AS village, c.full_name AS commune
       FROM users u
       LEFT JOIN LATERAL (SELECT g.unit_id FROM role_grants g WHERE g.user_id = u.id AND g.role = 'village_head'
                           ORDER BY g.id LIMIT 1) g ON true
       LEFT JOIN units v ON v.id = g.unit_id LEFT JOIN units c ON c.id = v.parent_id
      WHERE u.id = $1`,
    [userId],
  );
  const p = person.rows[0];
  if (!p) return null;
  const { rows } = await db.query<RecordRow>(
    `SELECT c.id AS course_id, c.title, CASE WHEN $2 = 'en' THEN t.name_en ELSE t.name_vi END AS topic, e.status,
            (SELECT min(s.starts_at) FROM training_sessions s WHERE s.course_id = c.id) AS first_session,
            (SELECT max(s.ends_at) FROM training_sessions s WHERE s.course_id = c.id) AS last_session,
            (SELECT count(*)::int FROM training_sessions s WHERE s.course_id = c.id AND s.required) AS required,
            (SELECT count(*)::int FROM training_attendance a JOIN training_sessions s ON s.id = a.session_id
              WHERE a.enrolment_id = e.id AND s.required) AS attended_required,
            (SELECT max(a.score) FROM training_attempts a WHERE a.enrolment_id = e.id) AS best_score,
            (SELECT bool_or(a.passed) FROM training_attempts a WHERE a.enrolment_id = e.id) AS passed,
            e.completed_at, e.certificate_code
       FROM training_enrolments e JOIN training_courses c ON c.id = e.course_id
       JOIN training_topics t ON t.code = c.topic_code
      WHERE e.user_id = $1
      ORDER BY first_session DESC NULLS LAST, c.id DESC`,
    [userId, locale],
  );
  return { person: { ...p, id: Number(p.id) }, rows };
}

/** What the public verification page shows for a code: who, which course, when; null when unknown. */
export async function findCertificate(db: Queryable, code: string) {
  const { rows } = await db.query<{
    full_name: string;
    title: string;
    topic: string;
    completed_at: Date;
    first_session: Date | null;
    last_session: Date | null;
    trainer: string;
    enrolment_id: number;
    user_id: number;
    trainer_id: number;
    village: string | null;
  }>(
    `SELECT u.full_name, c.title, t.name_vi AS topic, e.completed_at, e.id AS enrolment_id, e.user_id, c.trainer_id,
            tr.full_name AS trainer,
            (SELECT min(s.starts_at) FROM training_sessions s WHERE s.course_id = c.id) AS first_session,
            (SELECT max(s.ends_at) FROM training_sessions s WHERE s.course_id = c.id) AS last_session,
            (SELECT v.full_name FROM role_grants g JOIN units v ON v.id = g.unit_id
              WHERE g.user_id = u.id AND g.role = 'village_head' ORDER BY g.id LIMIT 1) AS village
       FROM training_enrolments e JOIN training_courses c ON c.id = e.course_id
       JOIN training_topics t ON t.code = c.topic_code
       JOIN users u ON u.id = e.user_id JOIN users tr ON tr.id = c.trainer_id
      WHERE e.certificate_code = $1 AND e.completed_at IS NOT NULL`,
    [code],
  );
  return rows[0] ?? null;
}
