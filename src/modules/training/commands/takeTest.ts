import { type CommandContext, CommandError, runCommand } from "../../../platform/commands.ts";
import { canAttempt, type Grade, grade } from "../rules.ts";
import { refreshCompletion } from "./completion.ts";

/**
 * Grades one attempt at the course's test and keeps it. The answers are checked on the server against the
 * key; the key never goes to the page. Refused once passed or after the last allowed attempt.
 */
export function submitAttempt(ctx: CommandContext, enrolmentId: number, answers: (number | null)[]) {
  return runCommand(ctx, "training.submit_attempt", async (client, now) => {
    const e = await client.query<{ course_id: number; pass_mark: number; status: string }>(
      `SELECT e.course_id, c.pass_mark, e.status FROM training_enrolments e
         JOIN training_courses c ON c.id = e.course_id WHERE e.id = $1 FOR UPDATE OF e`,
      [enrolmentId],
    );
    const row = e.rows[0];
    if (!row) throw new CommandError("training.error.enrolmentNotFound", 404);
    if (row.status !== "enrolled") throw new CommandError("training.error.notEnrolled", 409);
    const prior = await client.query<{ n: number; passed: boolean }>(
      "SELECT count(*)::int AS n, coalesce(bool_or(passed), false) AS passed FROM training_attempts WHERE enrolment_id = $1",
      [enrolmentId],
    );
    if (!canAttempt(prior.rows[0]?.n ?? 0, prior.rows[0]?.passed ?? false))
      throw new CommandError("training.error.noMoreAttempts", 409);
    const key = await client.query<{ answer: number }>(
      "SELECT answer FROM training_questions WHERE course_id = $1 ORDER BY id",
      [row.course_id],
    );
    if (key.rows.length === 0) throw new CommandError("training.error.noTest", 404);
    const g: Grade = grade(
      answers,
      key.rows.map((k) => k.answer),
      row.pass_mark,
    );
    await client.query(
      `INSERT INTO training_attempts (enrolment_id, correct, total, score, passed, taken_at)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [enrolmentId, g.correct, g.total, g.score, g.passed, now],
    );
    const completed = g.passed ? await refreshCompletion(client, enrolmentId, now) : false;
    return {
      result: { ...g, completed, attempt: (prior.rows[0]?.n ?? 0) + 1 },
      subjectType: "training_enrolment",
      subjectId: enrolmentId,
      after: g,
    };
  });
}
