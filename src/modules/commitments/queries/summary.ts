import type { Queryable } from "../../../platform/db/database.ts";
import { isPublic } from "../../dialogues/policy.ts";
import type { DialogueState } from "../../dialogues/states.ts";
import { COMMITMENT_STATES, type CommitmentState } from "../states.ts";

/** How many commitments are in each state (every state present, zero when none). */
export async function countByState(
  db: Queryable,
  filter: { agencyId?: number; agencyIds?: number[] } = {},
): Promise<Record<CommitmentState, number>> {
  const args: unknown[] = [];
  const where: string[] = [];
  if (filter.agencyId !== undefined) {
    args.push(filter.agencyId);
    where.push(`agency_id = $${args.length}`);
  }
  if (filter.agencyIds !== undefined) {
    args.push(filter.agencyIds);
    where.push(`agency_id = ANY($${args.length}::bigint[])`);
  }
  const { rows } = await db.query<{ state: CommitmentState; n: string }>(
    `SELECT state, count(*) AS n FROM commitments ${where.length ? `WHERE ${where.join(" AND ")}` : ""} GROUP BY state`,
    args,
  );
  const out = Object.fromEntries(COMMITMENT_STATES.map((s) => [s, 0])) as Record<CommitmentState, number>;
  for (const r of rows) out[r.state] = Number(r.n);
  return out;
}

/** Agencies that have at least one commitment: the public page's agency filter. */
export async function agenciesWithCommitments(db: Queryable): Promise<{ id: number; name: string }[]> {
  const { rows } = await db.query<{ id: string; name: string }>(
    `SELECT a.id, a.name FROM agencies a WHERE EXISTS (SELECT 1 FROM commitments c WHERE c.agency_id = a.id)
      ORDER BY a.name`,
  );
  return rows.map((r) => ({ id: Number(r.id), name: r.name }));
}

/** Agencies a commitment can be given to. */
export async function activeAgencies(db: Queryable): Promise<{ id: number; name: string; code: string }[]> {
  const { rows } = await db.query<{ id: string; name: string; code: string }>(
    "SELECT id, name, code FROM agencies WHERE retired_at IS NULL ORDER BY name",
  );
  return rows.map((r) => ({ id: Number(r.id), name: r.name, code: r.code }));
}

export type DialogueHeading = { title: string; isPublic: boolean };

/**
 * Titles of the dialogues the commitments came from, and whether each has a public summary page yet (the
 * dialogues module's rule), read only when the dialogues module's table exists.
 */
const dialoguesPresent = new WeakMap<object, boolean>();
export async function dialogueHeadings(db: Queryable, ids: number[]): Promise<Map<number, DialogueHeading>> {
  const out = new Map<number, DialogueHeading>();
  if (ids.length === 0) return out;
  // Only a positive answer is cached: the table may appear with a later migration while the app runs.
  if (!dialoguesPresent.get(db)) {
    const r = await db.query<{ present: boolean }>(
      "SELECT to_regclass('public.dialogues') IS NOT NULL AS present",
    );
    if (!r.rows[0]?.present) return out;
    dialoguesPresent.set(db, true);
  }
  const { rows } = await db.query<{ id: string; title: string; state: string }>(
    "SELECT id, title, state FROM dialogues WHERE id = ANY($1::bigint[])",
    [ids],
  );
  for (const r of rows)
    out.set(Number(r.id), { title: r.title, isPublic: isPublic({ state: r.state as DialogueState }) });
  return out;
}
