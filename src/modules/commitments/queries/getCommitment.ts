import type { Queryable } from "../../../platform/db/database.ts";
import type { EvidenceFile } from "../schema.ts";
import { type CommitmentRow, type Raw, SELECT_COMMITMENT, toRow } from "./listCommitments.ts";

export type CommitmentUpdateRow = {
  id: number;
  action: string;
  fromState: string | null;
  toState: string;
  percent: number;
  note: string | null;
  evidence: EvidenceFile[];
  byName: string | null;
  at: Date;
};

export type CommitmentDetail = CommitmentRow & {
  version: number;
  petitions: { id: number; code: string; title: string }[];
  updates: CommitmentUpdateRow[];
};

export async function getCommitment(db: Queryable, id: number): Promise<CommitmentDetail | undefined> {
  const { rows } = await db.query<Raw>(`${SELECT_COMMITMENT} WHERE c.id = $1`, [id]);
  const raw = rows[0];
  if (!raw) return undefined;
  const updates = await db.query<{
    id: string;
    action: string;
    from_state: string | null;
    to_state: string;
    percent: number;
    note: string | null;
    evidence: EvidenceFile[];
    by_name: string | null;
    at: Date;
  }>(
    `SELECT u.id, u.action, u.from_state, u.to_state, u.percent, u.note, u.evidence, us.full_name AS by_name, u.at
       FROM commitment_updates u LEFT JOIN users us ON us.id = u.by_user
      WHERE u.commitment_id = $1 ORDER BY u.id`,
    [id],
  );
  const petitions = await db.query<{ id: string; code: string; title: string }>(
    `SELECT p.id, p.code, p.title FROM commitment_petitions cp JOIN petitions p ON p.id = cp.petition_id
      WHERE cp.commitment_id = $1 ORDER BY p.id`,
    [id],
  );
  return {
    ...toRow(raw),
    version: raw.version,
    petitions: petitions.rows.map((p) => ({ id: Number(p.id), code: p.code, title: p.title })),
    updates: updates.rows.map((u) => ({
      id: Number(u.id),
      action: u.action,
      fromState: u.from_state,
      toState: u.to_state,
      percent: u.percent,
      note: u.note,
      evidence: u.evidence ?? [],
      byName: u.by_name,
      at: u.at,
    })),
  };
}

/** Whether an evidence file belongs to this commitment (so the download route serves only its own files). */
export async function evidenceOf(
  db: Queryable,
  commitmentId: number,
  key: string,
): Promise<EvidenceFile | undefined> {
  const { rows } = await db.query<{ evidence: EvidenceFile[] }>(
    `SELECT evidence FROM commitment_updates WHERE commitment_id = $1 AND evidence @> $2::jsonb`,
    [commitmentId, JSON.stringify([{ key }])],
  );
  return rows[0]?.evidence.find((e) => e.key === key);
}
