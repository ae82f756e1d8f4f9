import type { Queryable } from "../../../platform/db/database.ts";

/** The village's claim "same issue as KN-…", and whether a person has linked the two yet. */
export type JoinClaim = {
  target_id: number;
  target_code: string;
  target_title: string;
  target_cluster_id: number | null;
  /** Both are in one cluster: the claim was confirmed. */
  linked: boolean;
};

export async function joinClaimOf(db: Queryable, petitionId: number): Promise<JoinClaim | null> {
  const { rows } = await db.query<JoinClaim>(
    `SELECT t.id AS target_id, t.code AS target_code, t.title AS target_title, t.cluster_id AS target_cluster_id,
            (p.cluster_id IS NOT NULL AND p.cluster_id = t.cluster_id) AS linked
       FROM petitions p JOIN petitions t ON t.id = p.joins_petition_id
      WHERE p.id = $1`,
    [petitionId],
  );
  return rows[0] ?? null;
}

/** The original petition as the form needs it to file "my village too" when little was typed. */
export async function joinTarget(
  db: Queryable,
  targetId: number,
): Promise<{ id: number; code: string; title: string; category_code: string | null } | null> {
  const { rows } = await db.query<{ id: number; code: string; title: string; category_code: string | null }>(
    "SELECT id, code, title, category_code FROM petitions WHERE id = $1 AND state <> 'draft'",
    [targetId],
  );
  return rows[0] ?? null;
}

/** Petitions whose village said "same issue as this one", for the people who may link them. */
export type Joiner = {
  id: number;
  code: string;
  title: string;
  state: string;
  unit_path: string;
  agency_id: number | null;
  cluster_id: number | null;
};

export async function joinersOf(db: Queryable, targetId: number): Promise<Joiner[]> {
  const { rows } = await db.query<Joiner>(
    `SELECT id, code, title, state, unit_path, agency_id, cluster_id FROM petitions
      WHERE joins_petition_id = $1 AND state <> 'draft' ORDER BY id LIMIT 50`,
    [targetId],
  );
  return rows;
}
