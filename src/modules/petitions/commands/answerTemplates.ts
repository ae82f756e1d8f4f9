import { type CommandContext, CommandError, runCommand } from "../../../platform/commands.ts";

export type TemplateInput = { title: string; body: string };

export const TEMPLATE_TITLE_MAX = 200;
export const TEMPLATE_BODY_MAX = 5000;

function check(input: TemplateInput): TemplateInput {
  const title = input.title.trim();
  const body = input.body.trim();
  if (!title) throw new CommandError("petitions.work.template.error.title", 422, "title");
  if (title.length > TEMPLATE_TITLE_MAX) throw new CommandError("form.tooLong", 422, "title");
  if (body.length < 10) throw new CommandError("petitions.work.template.error.body", 422, "body");
  if (body.length > TEMPLATE_BODY_MAX) throw new CommandError("form.tooLong", 422, "body");
  return { title, body };
}

export async function createAnswerTemplate(
  ctx: CommandContext,
  agencyId: number,
  input: TemplateInput,
): Promise<number> {
  const v = check(input);
  return runCommand(ctx, "petition.template_create", async (client) => {
    const a = await client.query("SELECT 1 FROM agencies WHERE id = $1", [agencyId]);
    if (a.rowCount === 0) throw new CommandError("petitions.error.agencyUnknown", 404);
    const { rows } = await client.query<{ id: number }>(
      "INSERT INTO answer_templates (agency_id, title, body) VALUES ($1, $2, $3) RETURNING id",
      [agencyId, v.title, v.body],
    );
    const id = rows[0]?.id ?? 0;
    return { result: id, subjectType: "answer_template", subjectId: id, after: { agencyId, ...v } };
  });
}

export async function updateAnswerTemplate(
  ctx: CommandContext,
  agencyId: number,
  id: number,
  input: TemplateInput,
): Promise<void> {
  const v = check(input);
  await runCommand(ctx, "petition.template_update", async (client) => {
    const before = await client.query<{ title: string; body: string }>(
      "SELECT title, body FROM answer_templates WHERE id = $1 AND agency_id = $2 FOR UPDATE",
      [id, agencyId],
    );
    if (!before.rows[0]) throw new CommandError("petitions.work.template.error.notFound", 404);
    await client.query("UPDATE answer_templates SET title = $2, body = $3 WHERE id = $1", [
      id,
      v.title,
      v.body,
    ]);
    return {
      result: undefined,
      subjectType: "answer_template",
      subjectId: id,
      before: before.rows[0],
      after: v,
    };
  });
}

export async function deleteAnswerTemplate(ctx: CommandContext, agencyId: number, id: number): Promise<void> {
  await runCommand(ctx, "petition.template_delete", async (client) => {
    const { rows } = await client.query<{ title: string; body: string }>(
      "DELETE FROM answer_templates WHERE id = $1 AND agency_id = $2 RETURNING title, body",
      [id, agencyId],
    );
    if (!rows[0]) throw new CommandError("petitions.work.template.error.notFound", 404);
    return { result: undefined, subjectType: "answer_template", subjectId: id, before: rows[0] };
  });
}
