import { type CommandContext, CommandError, runCommand } from "../../../platform/commands.ts";
import { sessionRunningAt } from "../rules.ts";
import { refreshCompletion } from "./completion.ts";

/** Marks one enrolled person present at one session (again is harmless), then re-checks completion. */
export function markAttendance(
  ctx: CommandContext,
  input: { courseId: number; sessionId: number; enrolmentId: number; method: "qr" | "name" },
) {
  return runCommand(ctx, "training.mark_attendance", async (client, now) => {
    const ok = await client.query<{ status: string }>(
      `SELECT e.status FROM training_enrolments e JOIN training_sessions s ON s.course_id = e.course_id
        WHERE e.id = $1 AND s.id = $2 AND e.course_id = $3`,
      [input.enrolmentId, input.sessionId, input.courseId],
    );
    const status = ok.rows[0]?.status;
    if (!status) throw new CommandError("training.error.enrolmentNotFound", 404);
    if (status !== "enrolled") throw new CommandError("training.error.notEnrolled", 409);
    const added = await client.query(
      `INSERT INTO training_attendance (enrolment_id, session_id, method, marked_by, marked_at)
       VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING`,
      [input.enrolmentId, input.sessionId, input.method, ctx.actorId, now],
    );
    const completed = await refreshCompletion(client, input.enrolmentId, now);
    return {
      result: { added: (added.rowCount ?? 0) > 0, completed },
      subjectType: "training_enrolment",
      subjectId: input.enrolmentId,
      after: { session: input.sessionId, method: input.method },
    };
  });
}

export type CheckIn =
  | { kind: "marked"; again: boolean; person: string; sessionId: number; courseId: number; title: string }
  | { kind: "noSession"; person: string; courseId: number; title: string };

/** The QR code's page: finds the enrolment by its token and marks the session running now. */
export async function checkInByToken(
  ctx: CommandContext,
  enrolment: { id: number; courseId: number; title: string; person: string },
): Promise<CheckIn> {
  const { rows } = await ctx.pool.query<{ id: number; starts_at: Date; ends_at: Date }>(
    "SELECT id, starts_at, ends_at FROM training_sessions WHERE course_id = $1",
    [enrolment.courseId],
  );
  const running = sessionRunningAt(
    rows.map((r) => ({ id: Number(r.id), startsAt: r.starts_at, endsAt: r.ends_at })),
    ctx.clock.now(),
  );
  if (!running)
    return {
      kind: "noSession",
      person: enrolment.person,
      courseId: enrolment.courseId,
      title: enrolment.title,
    };
  const r = await markAttendance(ctx, {
    courseId: enrolment.courseId,
    sessionId: running.id,
    enrolmentId: enrolment.id,
    method: "qr",
  });
  return {
    kind: "marked",
    again: !r.added,
    person: enrolment.person,
    sessionId: running.id,
    courseId: enrolment.courseId,
    title: enrolment.title,
  };
}
