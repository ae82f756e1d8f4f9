import { type CommandContext, CommandError, runCommand } from "../../../platform/commands.ts";

export type CourseInput = {
  title: string;
  description: string;
  topicCode: string;
  format: "in_person" | "online" | "mixed";
  targetRole: "village_head" | "commune_officer";
  targetUnitIds: number[];
  capacity: number | null;
  openEnrolment: boolean;
  certificate: boolean;
  passMark: number;
  idempotencyKey: string | null;
};

/** A new course owned by the trainer who creates it. A retried submission returns the first course. */
export function createCourse(ctx: CommandContext & { actorId: number }, input: CourseInput) {
  return runCommand(ctx, "training.create_course", async (client) => {
    if (input.idempotencyKey) {
      const seen = await client.query<{ id: number }>(
        "SELECT id FROM training_courses WHERE idempotency_key = $1 AND trainer_id = $2",
        [input.idempotencyKey, ctx.actorId],
      );
      const id = seen.rows[0]?.id;
      if (id !== undefined) return { result: Number(id), subjectType: "training_course", subjectId: id };
    }
    const topic = await client.query("SELECT 1 FROM training_topics WHERE code = $1 AND active", [
      input.topicCode,
    ]);
    if (!topic.rowCount) throw new CommandError("training.error.topic", 422, "topicCode");
    const units = await client.query<{ id: number }>(
      `SELECT id FROM units WHERE id = ANY($1::bigint[]) AND valid_to IS NULL AND level IN ('province', 'commune', 'village')`,
      [input.targetUnitIds],
    );
    if (units.rows.length === 0 || units.rows.length !== new Set(input.targetUnitIds).size)
      throw new CommandError("training.error.target", 422, "targetUnitIds");
    const { rows } = await client.query<{ id: number }>(
      `INSERT INTO training_courses (title, description, topic_code, format, trainer_id, target_role, capacity,
         open_enrolment, certificate, pass_mark, idempotency_key)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
      [
        input.title,
        input.description,
        input.topicCode,
        input.format,
        ctx.actorId,
        input.targetRole,
        input.capacity,
        input.openEnrolment,
        input.certificate,
        input.passMark,
        input.idempotencyKey,
      ],
    );
    const id = Number(rows[0]?.id);
    await client.query(
      `INSERT INTO training_course_targets (course_id, unit_id) SELECT $1, unnest($2::bigint[])`,
      [id, [...new Set(input.targetUnitIds)]],
    );
    return { result: id, subjectType: "training_course", subjectId: id, after: { ...input } };
  });
}
