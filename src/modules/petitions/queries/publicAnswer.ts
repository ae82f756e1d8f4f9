import type { Queryable } from "../../../platform/db/database.ts";
import { maskPersonalData } from "../mask.ts";

export type PublicAnswer = {
  code: string;
  title: string;
  body: string;
  answer: string;
  category_name: string | null;
  category_name_en: string | null;
  commune_name: string | null;
  agency_name: string | null;
  submitted_at: Date | null;
  answered_at: Date | null;
  state: string;
};

/** Petition codes as issued: KN-2026-000123. */
export const CODE_RE = /^KN-\d{4}-\d{6,12}$/;

/**
 * A published answer as the public may read it, or null: only answered (or closed, or answered by the
 * centre) petitions whose agency chose to publish. No village, no submitter; names, phones, e-mails and
 * identity numbers in the title, text and answer are masked.
 */
export async function publicAnswer(db: Queryable, code: string): Promise<PublicAnswer | null> {
  return (await publicAnswers(db, [code]))[0] ?? null;
}

/** Several published answers in one query (see publicAnswer), in the order of `codes`; the others left out. */
export async function publicAnswers(db: Queryable, codes: readonly string[]): Promise<PublicAnswer[]> {
  const valid = codes.filter((c) => CODE_RE.test(c));
  if (valid.length === 0) return [];
  const { rows } = await db.query<
    PublicAnswer & { submitter_name: string; village_name: string; names: string | null }
  >(
    `SELECT p.code, p.title, p.body, p.answer, c.name_vi AS category_name, c.name_en AS category_name_en,
            cm.name AS commune_name, coalesce(a.name, ca.name) AS agency_name, p.submitted_at, p.answered_at, p.state,
            u.full_name AS submitter_name, v.name AS village_name, r.names
       FROM petitions p
       LEFT JOIN categories c ON c.code = p.category_code
       JOIN units v ON v.id = p.village_id LEFT JOIN units cm ON cm.id = v.parent_id
       LEFT JOIN agencies a ON a.id = coalesce(p.agency_id, (SELECT e.agency_id FROM petition_events e
                                              WHERE e.petition_id = p.id AND e.action = 'answer' ORDER BY e.id DESC LIMIT 1))
       LEFT JOIN agencies ca ON ca.id = p.central_agency_id
       JOIN users u ON u.id = p.submitted_by
       LEFT JOIN petition_residents r ON r.petition_id = p.id
      WHERE p.code = ANY($1::text[]) AND p.answer_published AND p.answer IS NOT NULL
        AND p.state IN ('answered', 'closed', 'central_answered')`,
    [valid],
  );
  const byCode = new Map(rows.map((row) => [row.code, row]));
  return valid.flatMap((code) => {
    const row = byCode.get(code);
    if (!row) return [];
    const names = [row.names, row.submitter_name];
    return [
      {
        code: row.code,
        title: maskPersonalData(row.title, names),
        body: maskPersonalData(row.body, names),
        answer: maskPersonalData(row.answer, names),
        category_name: row.category_name,
        category_name_en: row.category_name_en,
        commune_name: row.commune_name,
        agency_name: row.agency_name,
        submitted_at: row.submitted_at,
        answered_at: row.answered_at,
        state: row.state,
      },
    ];
  });
}
