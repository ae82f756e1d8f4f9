import type { Queryable } from "../../../platform/db/database.ts";
import type { Actor } from "../../../platform/http/types.ts";
import { filterSql, type PetitionFilters } from "./listPetitions.ts";
import { type CappedCount, COUNT_CAP } from "./workLists.ts";

/** Unit subtrees where a person takes items in (commune officer, coordinator); null = the whole province. */
export function intakePaths(actor: Actor): string[] | null {
  const paths: string[] = [];
  for (const g of actor.grants) {
    if (g.role === "admin") return null;
    if ((g.role === "coordinator" || g.role === "commune_officer") && g.agencyId === null) {
      if (g.unitPath === null) return null;
      paths.push(g.unitPath);
    }
  }
  return paths;
}

/** Agencies a person answers for. */
export function officerAgencies(actor: Actor): number[] {
  return [
    ...new Set(
      actor.grants
        .filter((g) => g.role === "agency_officer" && g.agencyId !== null)
        .map((g) => g.agencyId as number),
    ),
  ];
}

function pathsSql(paths: string[] | null, params: unknown[]): string {
  if (paths === null) return "TRUE";
  if (paths.length === 0) return "FALSE";
  params.push(paths.map((p) => `${p}%`));
  return `p.unit_path LIKE ANY($${params.length}::text[])`;
}

// ---------------------------------------------------------------------------------------------------------------
// Inbox: what the commune officer or the coordinator must take in, route, or look at again.

export const INBOX_BUCKETS = ["submitted", "received", "handed_back", "reopened"] as const;
export type InboxBucket = (typeof INBOX_BUCKETS)[number];

const HANDED_BACK =
  "(SELECT e.action FROM petition_events e WHERE e.petition_id = p.id ORDER BY e.id DESC LIMIT 1) = 'hand_back'";

const BUCKET_SQL: Record<InboxBucket, string> = {
  submitted: "p.state = 'submitted'",
  received: `p.state = 'received' AND NOT COALESCE(${HANDED_BACK}, false)`,
  handed_back: `p.state = 'received' AND COALESCE(${HANDED_BACK}, false)`,
  reopened: "p.state = 'reopened'",
};

export type WorkItem = {
  id: number;
  code: string;
  title: string;
  kind: string;
  state: string;
  urgency: string;
  category_name: string | null;
  village_name: string;
  commune_name: string | null;
  agency_name: string | null;
  households: number;
  submitted_at: Date | null;
  deadline_at: Date | null;
  hand_backs: number;
};

const ITEM_COLUMNS = `p.id, p.code, p.title, p.kind, p.state, p.urgency, c.name_vi AS category_name, v.name AS village_name,
  cm.name AS commune_name, a.name AS agency_name, p.households, p.submitted_at, p.deadline_at, p.hand_backs`;
const ITEM_JOINS = `LEFT JOIN categories c ON c.code = p.category_code
  JOIN units v ON v.id = p.village_id LEFT JOIN units cm ON cm.id = v.parent_id
  LEFT JOIN agencies a ON a.id = p.agency_id`;

export async function inboxCounts(
  db: Queryable,
  actor: Actor,
  cap = COUNT_CAP,
): Promise<Record<InboxBucket, CappedCount>> {
  const params: unknown[] = [];
  const scope = pathsSql(intakePaths(actor), params);
  params.push(cap + 1);
  const lim = `$${params.length}`;
  const parts = INBOX_BUCKETS.map(
    (b) =>
      `(SELECT count(*) FROM (SELECT 1 FROM petitions p WHERE ${scope} AND ${BUCKET_SQL[b]} LIMIT ${lim}) x)::int AS ${b}`,
  );
  const { rows } = await db.query<Record<InboxBucket, number>>(`SELECT ${parts.join(", ")}`, params);
  const r = rows[0];
  const out = {} as Record<InboxBucket, CappedCount>;
  for (const b of INBOX_BUCKETS) {
    const n = r?.[b] ?? 0;
    out[b] = n > cap ? { n: cap, capped: true } : { n, capped: false };
  }
  return out;
}

/** One page of a bucket, oldest first (first come, first served); the cursor is the last id. */
export async function inboxPage(
  db: Queryable,
  actor: Actor,
  bucket: InboxBucket,
  page: { after?: number; limit?: number } = {},
): Promise<{ items: WorkItem[]; next: string | null }> {
  const params: unknown[] = [];
  const where = [pathsSql(intakePaths(actor), params), BUCKET_SQL[bucket]];
  if (page.after !== undefined) {
    params.push(page.after);
    where.push(`p.id > $${params.length}`);
  }
  const limit = Math.min(Math.max(page.limit ?? 30, 1), 200);
  params.push(limit + 1);
  const { rows } = await db.query<WorkItem>(
    `SELECT ${ITEM_COLUMNS} FROM petitions p ${ITEM_JOINS} WHERE ${where.join(" AND ")} ORDER BY p.id LIMIT $${params.length}`,
    params,
  );
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items, next: rows.length > limit && last ? String(last.id) : null };
}

// ---------------------------------------------------------------------------------------------------------------
// Queue: what an agency must answer, the most urgent deadline first.

export const QUEUE_STATES = ["assigned", "in_progress", "reopened"] as const;

export type QueueFilters = Pick<PetitionFilters, "q" | "category" | "unitId"> & {
  state?: string[];
  /** overdue: past the deadline; week: due from now to the end of this week (Sunday). */
  due?: "overdue" | "week";
};

function queueWhere(actor: Actor, f: QueueFilters, params: unknown[], now: Date, weekEnd: Date): string[] {
  const states = f.state?.filter((s) => (QUEUE_STATES as readonly string[]).includes(s));
  const where = [
    filterSql(
      actor,
      { q: f.q, category: f.category, unitId: f.unitId, state: states?.length ? states : [...QUEUE_STATES] },
      params,
      now,
    ),
  ];
  params.push(officerAgencies(actor));
  where.push(`p.agency_id = ANY($${params.length}::bigint[])`);
  if (f.due === "overdue") {
    params.push(now);
    where.push(`p.state IN ('assigned', 'in_progress') AND p.deadline_at < $${params.length}`);
  } else if (f.due === "week") {
    params.push(now, weekEnd);
    where.push(
      `p.state IN ('assigned', 'in_progress') AND p.deadline_at >= $${params.length - 1} AND p.deadline_at < $${params.length}`,
    );
  }
  return where;
}

/** The headline numbers of an agency's queue (with the filters applied). */
export async function queueCounts(
  db: Queryable,
  actor: Actor,
  f: QueueFilters,
  now: Date,
  weekEnd: Date,
): Promise<{ overdue: number; week: number; total: number }> {
  const params: unknown[] = [];
  const where = queueWhere(actor, { ...f, due: undefined }, params, now, weekEnd);
  params.push(now, weekEnd);
  const n = params.length;
  const { rows } = await db.query<{ overdue: number; week: number; total: number }>(
    `SELECT count(*) FILTER (WHERE p.state IN ('assigned', 'in_progress') AND p.deadline_at < $${n - 1})::int AS overdue,
            count(*) FILTER (WHERE p.state IN ('assigned', 'in_progress') AND p.deadline_at >= $${n - 1} AND p.deadline_at < $${n})::int AS week,
            count(*)::int AS total
       FROM petitions p WHERE ${where.join(" AND ")}`,
    params,
  );
  return rows[0] ?? { overdue: 0, week: 0, total: 0 };
}

/**
 * One page of the queue: overdue first, then by deadline (an earlier deadline is more urgent; the overdue ones
 * have the earliest), items without a deadline last. Keyset cursor "deadlineMs_id" or "n_id".
 */
export async function queuePage(
  db: Queryable,
  actor: Actor,
  f: QueueFilters,
  now: Date,
  weekEnd: Date,
  page: { after?: string; limit?: number } = {},
): Promise<{ items: WorkItem[]; next: string | null }> {
  const params: unknown[] = [];
  const where = queueWhere(actor, f, params, now, weekEnd);
  const [d, id] = (page.after ?? "").split("_");
  if (d === "n" && id && /^\d{1,15}$/.test(id)) {
    params.push(Number(id));
    where.push(`p.deadline_at IS NULL AND p.id > $${params.length}`);
  } else if (d && id && /^\d{1,15}$/.test(d) && /^\d{1,15}$/.test(id)) {
    params.push(new Date(Number(d)), Number(id));
    where.push(
      `((p.deadline_at, p.id) > ($${params.length - 1}, $${params.length}) OR p.deadline_at IS NULL)`,
    );
  }
  const limit = Math.min(Math.max(page.limit ?? 30, 1), 200);
  params.push(limit + 1);
  const { rows } = await db.query<WorkItem>(
    `SELECT ${ITEM_COLUMNS} FROM petitions p ${ITEM_JOINS} WHERE ${where.join(" AND ")}
      ORDER BY p.deadline_at ASC NULLS LAST, p.id ASC LIMIT $${params.length}`,
    params,
  );
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  const next =
    rows.length > limit && last ? `${last.deadline_at ? last.deadline_at.getTime() : "n"}_${last.id}` : null;
  return { items, next };
}

// ---------------------------------------------------------------------------------------------------------------
// Extension requests waiting for the coordinator.

export type PendingExtension = {
  id: number;
  petition_id: number;
  working_days: number;
  reason: string;
  created_at: Date;
  code: string;
  title: string;
  state: string;
  deadline_at: Date | null;
  agency_name: string | null;
  requested_by_name: string | null;
  village_name: string;
  commune_name: string | null;
};

/** Coordinators' (and admins') pending extension requests in their subtrees, oldest first. */
export function extensionPaths(actor: Actor): string[] | null {
  const paths: string[] = [];
  for (const g of actor.grants) {
    if (g.role === "admin") return null;
    if (g.role === "coordinator" && g.agencyId === null) {
      if (g.unitPath === null) return null;
      paths.push(g.unitPath);
    }
  }
  return paths;
}

export async function pendingExtensions(
  db: Queryable,
  actor: Actor,
  limit = 200,
): Promise<PendingExtension[]> {
  const params: unknown[] = [];
  const scope = pathsSql(extensionPaths(actor), params);
  params.push(limit);
  const { rows } = await db.query<PendingExtension>(
    `SELECT r.id, r.petition_id, r.working_days, r.reason, r.created_at, p.code, p.title, p.state, p.deadline_at,
            a.name AS agency_name, u.full_name AS requested_by_name, v.name AS village_name, cm.name AS commune_name
       FROM extension_requests r JOIN petitions p ON p.id = r.petition_id
       JOIN units v ON v.id = p.village_id LEFT JOIN units cm ON cm.id = v.parent_id
       LEFT JOIN agencies a ON a.id = p.agency_id LEFT JOIN users u ON u.id = r.requested_by
      WHERE r.state = 'pending' AND ${scope}
      ORDER BY r.id LIMIT $${params.length}`,
    params,
  );
  return rows;
}
