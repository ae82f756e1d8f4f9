import type { Queryable } from "../../../platform/db/database.ts";

export type AnswerTemplate = { id: number; agency_id: number; title: string; body: string; created_at: Date };

/** An agency's answer templates, by title: for the answer form of the petition page and the templates page. */
export async function listAnswerTemplates(db: Queryable, agencyId: number): Promise<AnswerTemplate[]> {
  const { rows } = await db.query<AnswerTemplate>(
    "SELECT id, agency_id, title, body, created_at FROM answer_templates WHERE agency_id = $1 ORDER BY title, id",
    [agencyId],
  );
  return rows;
}

export async function findAnswerTemplate(
  db: Queryable,
  agencyId: number,
  id: number,
): Promise<AnswerTemplate | null> {
  const { rows } = await db.query<AnswerTemplate>(
    "SELECT id, agency_id, title, body, created_at FROM answer_templates WHERE agency_id = $1 AND id = $2",
    [agencyId, id],
  );
  return rows[0] ?? null;
}
