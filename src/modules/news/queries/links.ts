import type { Queryable } from "../../../platform/db/database.ts";

export type ArticleLink = {
  kind: "dialogue" | "directive" | "cluster";
  id: number;
  label: string;
  href: string | null;
};

/** Whether another module's table is there (modules may be switched off or not yet migrated in). */
async function hasTable(db: Queryable, name: string): Promise<boolean> {
  const { rows } = await db.query<{ t: string | null }>("SELECT to_regclass($1)::text AS t", [
    `public.${name}`,
  ]);
  return !!rows[0]?.t;
}

/** The article's links whose target exists and is public; a dangling id is simply not shown. */
export async function resolveLinks(
  db: Queryable,
  ids: { dialogue_id: number | null; directive_id: number | null; cluster_id: number | null },
): Promise<ArticleLink[]> {
  const out: ArticleLink[] = [];
  if (ids.dialogue_id && (await hasTable(db, "dialogues"))) {
    const { rows } = await db.query<{ title: string; code: string }>(
      "SELECT title, code FROM dialogues WHERE id = $1",
      [ids.dialogue_id],
    );
    if (rows[0])
      out.push({
        kind: "dialogue",
        id: ids.dialogue_id,
        label: `${rows[0].code} · ${rows[0].title}`,
        href: "/cong-khai/cam-ket",
      });
  }
  if (ids.directive_id && (await hasTable(db, "directives"))) {
    const { rows } = await db.query<{ title: string; doc_number: string }>(
      "SELECT title, doc_number FROM directives WHERE id = $1 AND state = 'published'",
      [ids.directive_id],
    );
    if (rows[0])
      out.push({
        kind: "directive",
        id: ids.directive_id,
        label: `${rows[0].doc_number} · ${rows[0].title}`,
        href: null,
      });
  }
  if (ids.cluster_id) {
    const { rows } = await db.query<{ n: number }>(
      `SELECT count(DISTINCT p.village_id)::int AS n FROM petition_clusters c JOIN petitions p ON p.cluster_id = c.id
        WHERE c.id = $1`,
      [ids.cluster_id],
    );
    if (rows[0] && rows[0].n > 0)
      out.push({
        kind: "cluster",
        id: ids.cluster_id,
        label: String(rows[0].n),
        href: `/cong-khai/nhom-kien-nghi#c-${ids.cluster_id}`,
      });
  }
  return out;
}
