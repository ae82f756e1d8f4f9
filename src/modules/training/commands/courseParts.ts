import { type CommandContext, CommandError, runCommand } from "../../../platform/commands.ts";
import { FileRejected, storeFile } from "../../../platform/files/store.ts";

export type SessionInput = { startsAt: Date; endsAt: Date; place: string; required: boolean };

export function addSession(ctx: CommandContext, courseId: number, input: SessionInput) {
  return runCommand(ctx, "training.add_session", async (client) => {
    if (input.endsAt.getTime() <= input.startsAt.getTime())
      throw new CommandError("training.error.endBeforeStart", 422, "endTime");
    const { rows } = await client.query<{ id: number }>(
      `INSERT INTO training_sessions (course_id, starts_at, ends_at, place, required)
       VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [courseId, input.startsAt, input.endsAt, input.place, input.required],
    );
    const id = Number(rows[0]?.id);
    return {
      result: id,
      subjectType: "training_course",
      subjectId: courseId,
      after: { session: id, ...input },
    };
  });
}

export type MaterialInput = { title: string } & ({ url: string } | { bytes: Uint8Array });

/** A link, or a file checked by its content (PDF, photo, audio) and stored once by its hash. */
export function addMaterial(ctx: CommandContext, courseId: number, input: MaterialInput) {
  return runCommand(ctx, "training.add_material", async (client) => {
    let fileKey: string | null = null;
    let mime: string | null = null;
    let url: string | null = null;
    if ("bytes" in input) {
      try {
        const stored = await storeFile(client, input.bytes, ["document", "photo", "audio"]);
        fileKey = stored.key;
        mime = stored.mime;
      } catch (err) {
        if (err instanceof FileRejected) throw new CommandError(err.messageKey, 422, "file");
        throw err;
      }
    } else url = input.url;
    const { rows } = await client.query<{ id: number }>(
      `INSERT INTO training_materials (course_id, title, file_key, mime, url) VALUES ($1, $2, $3, $4, $5)
       RETURNING id`,
      [courseId, input.title, fileKey, mime, url],
    );
    const id = Number(rows[0]?.id);
    return {
      result: id,
      subjectType: "training_course",
      subjectId: courseId,
      after: { material: id, title: input.title, fileKey, url },
    };
  });
}

export type QuestionInput = { prompt: string; choices: string[]; answer: number };

export function addQuestion(ctx: CommandContext, courseId: number, input: QuestionInput) {
  return runCommand(ctx, "training.add_question", async (client) => {
    if (input.choices.length < 2) throw new CommandError("training.error.choices", 422, "choices");
    if (input.answer < 0 || input.answer >= input.choices.length)
      throw new CommandError("training.error.answer", 422, "answer");
    const { rows } = await client.query<{ id: number }>(
      `INSERT INTO training_questions (course_id, prompt, choices, answer) VALUES ($1, $2, $3::jsonb, $4)
       RETURNING id`,
      [courseId, input.prompt, JSON.stringify(input.choices), input.answer],
    );
    const id = Number(rows[0]?.id);
    return { result: id, subjectType: "training_course", subjectId: courseId, after: { question: id } };
  });
}
