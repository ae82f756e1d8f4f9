import type pg from "pg";
import { type CommandContext, CommandError, runCommand } from "../../../platform/commands.ts";
import { NOTIFY_TOPIC, notify } from "../../notifications/notify.ts";
import { placeFor, promotions } from "../rules.ts";

const TOKEN_SQL = "replace(gen_random_uuid()::text, '-', '') || replace(gen_random_uuid()::text, '-', '')";

async function lockCourse(client: pg.PoolClient, courseId: number) {
  // One enrolment change at a time per course, so two people never take the last place together.
  const { rows } = await client.query<{ id: number; title: string; capacity: number | null }>(
    "SELECT id, title, capacity FROM training_courses WHERE id = $1 FOR UPDATE",
    [courseId],
  );
  const course = rows[0];
  if (!course) throw new CommandError("training.error.courseNotFound", 404);
  return course;
}

const enrolledCount = async (client: pg.PoolClient, courseId: number) =>
  (
    await client.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM training_enrolments WHERE course_id = $1 AND status = 'enrolled'",
      [courseId],
    )
  ).rows[0]?.n ?? 0;

/**
 * Enrols everyone who holds the course's target role inside its target units, in ONE statement (with the
 * notices to all of them in a second one): places in unit order up to capacity, the rest on the waiting list.
 * People already enrolled (or who cancelled) are left as they are, so running it again adds only newcomers.
 */
export function enrolTarget(ctx: CommandContext, courseId: number) {
  return runCommand(ctx, "training.enrol_target", async (client) => {
    const course = await lockCourse(client, courseId);
    const taken = await enrolledCount(client, courseId);
    const { rows } = await client.query<{ enrolled: number; waitlisted: number }>(
      `WITH target AS (
         SELECT u.path FROM training_course_targets t JOIN units u ON u.id = t.unit_id WHERE t.course_id = $1
       ), people AS (
         SELECT DISTINCT ON (g.user_id) g.user_id, v.path
           FROM role_grants g
           JOIN units v ON v.id = g.unit_id AND v.valid_to IS NULL
           JOIN users p ON p.id = g.user_id AND p.active
          WHERE g.role = (SELECT target_role FROM training_courses WHERE id = $1)
            AND EXISTS (SELECT 1 FROM target WHERE v.path LIKE target.path || '%')
            AND NOT EXISTS (SELECT 1 FROM training_enrolments e WHERE e.course_id = $1 AND e.user_id = g.user_id)
          ORDER BY g.user_id, v.path
       ), ranked AS (
         SELECT user_id, row_number() OVER (ORDER BY path, user_id) AS n FROM people
       ), added AS (
         INSERT INTO training_enrolments (course_id, user_id, status, enrolled_by, qr_token, queued_at)
         SELECT $1, user_id,
                CASE WHEN $2::int IS NULL OR n + $3 <= $2::int THEN 'enrolled' ELSE 'waitlisted' END,
                'organiser', ${TOKEN_SQL}, $4::timestamptz + n * interval '1 microsecond'
           FROM ranked
         RETURNING id, user_id, status
       ), notices AS (
         INSERT INTO outbox (topic, payload, dedupe_key)
         SELECT $5, jsonb_build_object(
                  'userId', user_id,
                  'kind', CASE WHEN status = 'enrolled' THEN 'training.enrolled' ELSE 'training.waitlisted' END,
                  'params', jsonb_build_object('course', $6::text),
                  'link', '/training/courses/' || $1,
                  'email', true),
                'training.enrol.' || id
           FROM added
         ON CONFLICT (dedupe_key) DO NOTHING
       )
       SELECT count(*) FILTER (WHERE status = 'enrolled')::int AS enrolled,
              count(*) FILTER (WHERE status = 'waitlisted')::int AS waitlisted
         FROM added`,
      [courseId, course.capacity, taken, ctx.clock.now(), NOTIFY_TOPIC, course.title],
    );
    const result = rows[0] ?? { enrolled: 0, waitlisted: 0 };
    return { result, subjectType: "training_course", subjectId: courseId, after: result };
  });
}

/** A village head asks for a place in an open course: a place if free, otherwise the waiting list. */
export function selfEnrol(ctx: CommandContext, courseId: number, userId: number) {
  return runCommand(ctx, "training.self_enrol", async (client, now) => {
    const course = await lockCourse(client, courseId);
    const existing = await client.query<{ id: number; status: string }>(
      "SELECT id, status FROM training_enrolments WHERE course_id = $1 AND user_id = $2",
      [courseId, userId],
    );
    const prior = existing.rows[0];
    if (prior && prior.status !== "cancelled")
      return { result: prior.status, subjectType: "training_enrolment", subjectId: prior.id };
    const status = placeFor(course.capacity, await enrolledCount(client, courseId));
    const { rows } = await client.query<{ id: number }>(
      prior
        ? `UPDATE training_enrolments SET status = $3, queued_at = $4, cancelled_at = NULL, enrolled_by = 'self'
            WHERE course_id = $1 AND user_id = $2 RETURNING id`
        : `INSERT INTO training_enrolments (course_id, user_id, status, enrolled_by, qr_token, queued_at)
           VALUES ($1, $2, $3, 'self', ${TOKEN_SQL}, $4) RETURNING id`,
      [courseId, userId, status, now],
    );
    const id = Number(rows[0]?.id);
    await notify(
      client,
      {
        userId,
        kind: status === "enrolled" ? "training.enrolled" : "training.waitlisted",
        params: { course: course.title },
        link: `/training/courses/${courseId}`,
        email: true,
      },
      `training.self.${id}.${now.getTime()}`,
    );
    return { result: status, subjectType: "training_enrolment", subjectId: id, after: { status } };
  });
}

/**
 * Cancels an enrolment (by the person or the organiser). A freed place goes to the first on the waiting list,
 * who is told so.
 */
export function cancelEnrolment(ctx: CommandContext, enrolmentId: number) {
  return runCommand(ctx, "training.cancel_enrolment", async (client, now) => {
    const found = await client.query<{ course_id: number; status: string }>(
      "SELECT course_id, status FROM training_enrolments WHERE id = $1",
      [enrolmentId],
    );
    const e = found.rows[0];
    if (!e) throw new CommandError("training.error.enrolmentNotFound", 404);
    const course = await lockCourse(client, Number(e.course_id));
    if (e.status === "cancelled")
      return { result: [] as number[], subjectType: "training_enrolment", subjectId: enrolmentId };
    await client.query(
      "UPDATE training_enrolments SET status = 'cancelled', cancelled_at = $2 WHERE id = $1",
      [enrolmentId, now],
    );
    const waiting = await client.query<{ id: number; user_id: number }>(
      `SELECT id, user_id FROM training_enrolments WHERE course_id = $1 AND status = 'waitlisted'
        ORDER BY queued_at, id`,
      [course.id],
    );
    const promoted = promotions(
      course.capacity,
      await enrolledCount(client, course.id),
      waiting.rows.map((r) => Number(r.id)),
    );
    if (promoted.length) {
      await client.query("UPDATE training_enrolments SET status = 'enrolled' WHERE id = ANY($1::bigint[])", [
        promoted,
      ]);
      for (const row of waiting.rows.filter((r) => promoted.includes(Number(r.id))))
        await notify(
          client,
          {
            userId: Number(row.user_id),
            kind: "training.promoted",
            params: { course: course.title },
            link: `/training/courses/${course.id}`,
            email: true,
          },
          `training.promoted.${row.id}.${now.getTime()}`,
        );
    }
    return {
      result: promoted,
      subjectType: "training_enrolment",
      subjectId: enrolmentId,
      before: { status: e.status },
      after: { status: "cancelled", promoted },
    };
  });
}
