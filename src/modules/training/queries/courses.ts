import type { Queryable } from "../../../platform/db/database.ts";
import type { Locale } from "../../../platform/i18n/i18n.ts";

export type CourseTarget = { id: number; name: string; path: string; level: string };
export type CourseSession = { id: number; startsAt: Date; endsAt: Date; place: string; required: boolean };
export type CourseMaterial = {
  id: number;
  title: string;
  fileKey: string | null;
  mime: string | null;
  url: string | null;
};
export type CourseQuestion = { id: number; prompt: string; choices: string[] };

export type Course = {
  id: number;
  title: string;
  description: string;
  topicCode: string;
  topic: string;
  format: "in_person" | "online" | "mixed";
  trainerId: number;
  trainerName: string;
  targetRole: string;
  capacity: number | null;
  openEnrolment: boolean;
  certificate: boolean;
  passMark: number;
  targets: CourseTarget[];
  targetPaths: string[];
  sessions: CourseSession[];
  materials: CourseMaterial[];
  questions: CourseQuestion[];
  counts: { enrolled: number; waitlisted: number; completed: number };
};

export async function loadCourse(db: Queryable, id: number, locale: Locale): Promise<Course | null> {
  const { rows } = await db.query<{
    id: number;
    title: string;
    description: string;
    topic_code: string;
    topic: string;
    format: Course["format"];
    trainer_id: number;
    trainer_name: string;
    target_role: string;
    capacity: number | null;
    open_enrolment: boolean;
    certificate: boolean;
    pass_mark: number;
    enrolled: number;
    waitlisted: number;
    completed: number;
  }>(
    `SELECT c.*, CASE WHEN $2 = 'en' THEN t.name_en ELSE t.name_vi END AS topic, u.full_name AS trainer_name,
            (SELECT count(*)::int FROM training_enrolments e WHERE e.course_id = c.id AND e.status = 'enrolled') AS enrolled,
            (SELECT count(*)::int FROM training_enrolments e WHERE e.course_id = c.id AND e.status = 'waitlisted') AS waitlisted,
            (SELECT count(*)::int FROM training_enrolments e WHERE e.course_id = c.id AND e.completed_at IS NOT NULL) AS completed
       FROM training_courses c JOIN training_topics t ON t.code = c.topic_code JOIN users u ON u.id = c.trainer_id
      WHERE c.id = $1`,
    [id, locale],
  );
  const c = rows[0];
  if (!c) return null;
  const [targets, sessions, materials, questions] = await Promise.all([
    db.query<CourseTarget>(
      `SELECT u.id, u.full_name AS name, u.path, u.level FROM training_course_targets t JOIN units u ON u.id = t.unit_id
        WHERE t.course_id = $1 ORDER BY u.path`,
      [id],
    ),
    db.query<{ id: number; starts_at: Date; ends_at: Date; place: string; required: boolean }>(
      "SELECT id, starts_at, ends_at, place, required FROM training_sessions WHERE course_id = $1 ORDER BY starts_at, id",
      [id],
    ),
    db.query<{ id: number; title: string; file_key: string | null; mime: string | null; url: string | null }>(
      "SELECT id, title, file_key, mime, url FROM training_materials WHERE course_id = $1 ORDER BY id",
      [id],
    ),
    db.query<{ id: number; prompt: string; choices: string[] }>(
      "SELECT id, prompt, choices FROM training_questions WHERE course_id = $1 ORDER BY id",
      [id],
    ),
  ]);
  return {
    id: Number(c.id),
    title: c.title,
    description: c.description,
    topicCode: c.topic_code,
    topic: c.topic,
    format: c.format,
    trainerId: Number(c.trainer_id),
    trainerName: c.trainer_name,
    targetRole: c.target_role,
    capacity: c.capacity,
    openEnrolment: c.open_enrolment,
    certificate: c.certificate,
    passMark: c.pass_mark,
    targets: targets.rows.map((t) => ({ ...t, id: Number(t.id) })),
    targetPaths: targets.rows.map((t) => t.path),
    sessions: sessions.rows.map((s) => ({
      id: Number(s.id),
      startsAt: s.starts_at,
      endsAt: s.ends_at,
      place: s.place,
      required: s.required,
    })),
    materials: materials.rows.map((m) => ({
      id: Number(m.id),
      title: m.title,
      fileKey: m.file_key,
      mime: m.mime,
      url: m.url,
    })),
    questions: questions.rows.map((q) => ({ id: Number(q.id), prompt: q.prompt, choices: q.choices })),
    counts: { enrolled: c.enrolled, waitlisted: c.waitlisted, completed: c.completed },
  };
}

export type CourseRow = {
  id: number;
  title: string;
  topic: string;
  format: string;
  trainer_name: string;
  trainer_id: number;
  first_session: Date | null;
  enrolled: number;
  completed: number;
  my_status: string | null;
};

const COURSE_ROW = `SELECT c.id, c.title, CASE WHEN $1 = 'en' THEN t.name_en ELSE t.name_vi END AS topic, c.format,
       u.full_name AS trainer_name, c.trainer_id,
       (SELECT min(s.starts_at) FROM training_sessions s WHERE s.course_id = c.id) AS first_session,
       (SELECT count(*)::int FROM training_enrolments e WHERE e.course_id = c.id AND e.status = 'enrolled') AS enrolled,
       (SELECT count(*)::int FROM training_enrolments e WHERE e.course_id = c.id AND e.completed_at IS NOT NULL) AS completed,
       (SELECT e.status FROM training_enrolments e WHERE e.course_id = c.id AND e.user_id = $2) AS my_status
  FROM training_courses c JOIN training_topics t ON t.code = c.topic_code JOIN users u ON u.id = c.trainer_id`;

/** Every course, newest first (for those who oversee training); `mine` keeps a trainer's own. */
export async function listAllCourses(db: Queryable, locale: Locale, actorId: number, mine: boolean) {
  const { rows } = await db.query<CourseRow>(
    `${COURSE_ROW} WHERE (NOT $3 OR c.trainer_id = $2) ORDER BY c.id DESC LIMIT 200`,
    [locale, actorId, mine],
  );
  return rows;
}

/** A participant's courses: those they are on, and open courses whose target includes one of their units. */
export async function listCoursesForParticipant(db: Queryable, locale: Locale, actorId: number) {
  const { rows } = await db.query<CourseRow>(
    `${COURSE_ROW}
      WHERE EXISTS (SELECT 1 FROM training_enrolments e WHERE e.course_id = c.id AND e.user_id = $2)
         OR (c.open_enrolment AND EXISTS (
              SELECT 1 FROM training_course_targets tt JOIN units tu ON tu.id = tt.unit_id
                JOIN role_grants g ON g.user_id = $2 AND g.role = c.target_role
                JOIN units gu ON gu.id = g.unit_id
               WHERE tt.course_id = c.id AND gu.path LIKE tu.path || '%'))
      ORDER BY c.id DESC LIMIT 200`,
    [locale, actorId],
  );
  return rows;
}

export type Enrolment = {
  id: number;
  status: "enrolled" | "waitlisted" | "cancelled";
  qrToken: string;
  completedAt: Date | null;
  certificateCode: string | null;
  attended: number[];
  attempts: number;
  bestScore: number | null;
  passed: boolean;
  waitPosition: number | null;
};

export async function enrolmentOf(
  db: Queryable,
  courseId: number,
  userId: number,
): Promise<Enrolment | null> {
  const { rows } = await db.query<{
    id: number;
    status: Enrolment["status"];
    qr_token: string;
    completed_at: Date | null;
    certificate_code: string | null;
    attended: number[] | null;
    attempts: number;
    best: number | null;
    passed: boolean;
    position: number | null;
  }>(
    `SELECT e.id, e.status, e.qr_token, e.completed_at, e.certificate_code,
            (SELECT array_agg(a.session_id) FROM training_attendance a WHERE a.enrolment_id = e.id) AS attended,
            (SELECT count(*)::int FROM training_attempts t WHERE t.enrolment_id = e.id) AS attempts,
            (SELECT max(t.score) FROM training_attempts t WHERE t.enrolment_id = e.id) AS best,
            EXISTS (SELECT 1 FROM training_attempts t WHERE t.enrolment_id = e.id AND t.passed) AS passed,
            CASE WHEN e.status = 'waitlisted' THEN (
              SELECT count(*)::int FROM training_enrolments w WHERE w.course_id = e.course_id AND w.status = 'waitlisted'
                 AND (w.queued_at, w.id) <= (e.queued_at, e.id)) END AS position
       FROM training_enrolments e WHERE e.course_id = $1 AND e.user_id = $2`,
    [courseId, userId],
  );
  const r = rows[0];
  if (!r) return null;
  return {
    id: Number(r.id),
    status: r.status,
    qrToken: r.qr_token,
    completedAt: r.completed_at,
    certificateCode: r.certificate_code,
    attended: (r.attended ?? []).map(Number),
    attempts: r.attempts,
    bestScore: r.best,
    passed: r.passed,
    waitPosition: r.position,
  };
}

export type Participant = {
  enrolment_id: number;
  user_id: number;
  full_name: string;
  village: string;
  commune: string;
  status: string;
  attended: boolean;
  sessions_attended: number;
  best_score: number | null;
  completed_at: Date | null;
};

/**
 * The course's people, for the organiser: with a session, who is present at it; `q` finds a name typed
 * without diacritics ("nong van" finds "Nông Văn"). Waiting and cancelled people are listed after.
 */
export async function listParticipants(
  db: Queryable,
  courseId: number,
  opts: { sessionId?: number; q?: string; limit?: number },
) {
  const { rows } = await db.query<Participant>(
    `SELECT e.id AS enrolment_id, e.user_id, u.full_name, coalesce(v.name, '') AS village, coalesce(c.name, '') AS commune,
            e.status,
            EXISTS (SELECT 1 FROM training_attendance a WHERE a.enrolment_id = e.id AND a.session_id = $2) AS attended,
            (SELECT count(*)::int FROM training_attendance a WHERE a.enrolment_id = e.id) AS sessions_attended,
            (SELECT max(t.score) FROM training_attempts t WHERE t.enrolment_id = e.id) AS best_score,
            e.completed_at
       FROM training_enrolments e
       JOIN users u ON u.id = e.user_id
       LEFT JOIN LATERAL (SELECT g.unit_id FROM role_grants g WHERE g.user_id = u.id AND g.unit_id IS NOT NULL
                           ORDER BY g.id LIMIT 1) g ON true
       LEFT JOIN units v ON v.id = g.unit_id
       LEFT JOIN units c ON c.id = v.parent_id
      WHERE e.course_id = $1
        AND ($3::text = '' OR u.norm LIKE '%' || caunoi_norm($3) || '%' OR caunoi_norm(v.name) LIKE '%' || caunoi_norm($3) || '%')
        AND ($2::bigint IS NULL OR e.status = 'enrolled')
      ORDER BY e.status = 'enrolled' DESC, e.status = 'waitlisted' DESC, c.name, v.name, u.full_name, e.id
      LIMIT $4`,
    [courseId, opts.sessionId ?? null, (opts.q ?? "").slice(0, 80), opts.limit ?? 500],
  );
  return rows;
}

/** How many enrolled people are marked present at one session (the attendance page's tally). */
export async function presentAt(db: Queryable, courseId: number, sessionId: number): Promise<number> {
  const { rows } = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM training_attendance a JOIN training_enrolments e ON e.id = a.enrolment_id
      WHERE e.course_id = $1 AND a.session_id = $2 AND e.status = 'enrolled'`,
    [courseId, sessionId],
  );
  return rows[0]?.n ?? 0;
}

export async function enrolmentByToken(db: Queryable, token: string) {
  if (!/^[0-9a-f]{64}$/.test(token)) return null;
  const { rows } = await db.query<{
    id: number;
    course_id: number;
    title: string;
    trainer_id: number;
    full_name: string;
    status: string;
  }>(
    `SELECT e.id, e.course_id, c.title, c.trainer_id, u.full_name, e.status
       FROM training_enrolments e JOIN training_courses c ON c.id = e.course_id JOIN users u ON u.id = e.user_id
      WHERE e.qr_token = $1`,
    [token],
  );
  return rows[0] ?? null;
}

export async function enrolmentById(db: Queryable, id: number) {
  const { rows } = await db.query<{
    id: number;
    course_id: number;
    user_id: number;
    qr_token: string;
    status: string;
  }>("SELECT id, course_id, user_id, qr_token, status FROM training_enrolments WHERE id = $1", [id]);
  return rows[0] ?? null;
}

export async function topicOptions(db: Queryable, locale: Locale, all = false) {
  const { rows } = await db.query<{
    code: string;
    name: string;
    name_vi: string;
    name_en: string;
    sort: number;
    active: boolean;
  }>(
    `SELECT code, CASE WHEN $1 = 'en' THEN name_en ELSE name_vi END AS name, name_vi, name_en, sort, active
       FROM training_topics WHERE ($2 OR active) ORDER BY sort, code`,
    [locale, all],
  );
  return rows;
}
