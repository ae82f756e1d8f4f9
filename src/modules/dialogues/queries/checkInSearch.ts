import type { Queryable } from "../../../platform/db/database.ts";

export type Invitee = {
  id: number;
  full_name: string;
  village: string | null;
  commune: string | null;
  checked_in_at: Date | null;
};

/** Invited people whose name, account or village contains the words typed, diacritics and case ignored. */
export async function searchInvitees(
  db: Queryable,
  dialogueId: number,
  query: string,
  limit = 20,
): Promise<Invitee[]> {
  const words = query
    .replace(/[%_\\]/g, " ")
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 6);
  if (words.length === 0) return [];
  const params: unknown[] = [dialogueId];
  const conds = words.map((w) => {
    params.push(w);
    return `i.search_name LIKE '%' || caunoi_norm($${params.length}) || '%'`;
  });
  params.push(limit);
  const { rows } = await db.query<Invitee>(
    `SELECT i.id, u.full_name, v.name AS village, c.name AS commune, i.checked_in_at
       FROM dialogue_invitations i JOIN users u ON u.id = i.user_id
       LEFT JOIN units v ON v.id = i.unit_id LEFT JOIN units c ON c.id = v.parent_id
      WHERE i.dialogue_id = $1 AND ${conds.join(" AND ")}
      ORDER BY u.full_name, i.id LIMIT $${params.length}`,
    params,
  );
  return rows;
}

/** The invitation a QR code's token names, with who it is for. */
export async function invitationByToken(
  db: Queryable,
  token: string,
): Promise<(Invitee & { dialogue_id: number; title: string }) | null> {
  if (!/^[0-9a-f]{32}$/.test(token)) return null;
  const { rows } = await db.query<Invitee & { dialogue_id: number; title: string }>(
    `SELECT i.id, i.dialogue_id, d.title, u.full_name, v.name AS village, c.name AS commune, i.checked_in_at
       FROM dialogue_invitations i JOIN users u ON u.id = i.user_id JOIN dialogues d ON d.id = i.dialogue_id
       LEFT JOIN units v ON v.id = i.unit_id LEFT JOIN units c ON c.id = v.parent_id
      WHERE i.token = $1`,
    [token],
  );
  return rows[0] ?? null;
}
