import type { Queryable } from "../../../platform/db/database.ts";
import type { Actor } from "../../../platform/http/types.ts";
import { normalizeForSearch } from "../../../platform/text/normalize.ts";
import { scopeSql } from "./scope.ts";

export type PetitionFilters = {
  q?: string;
  state?: string[];
  kind?: string;
  category?: string;
  unitId?: number;
  agencyId?: number;
  urgency?: string;
  overdue?: boolean;
  from?: string; // yyyy-mm-dd, submitted on or after
  to?: string; // yyyy-mm-dd, submitted on or before
  clusterId?: number;
  sort?: "newest" | "deadline";
};

export type PetitionListItem = {
  id: number;
  code: string;
  title: string;
  kind: string;
  state: string;
  urgency: string;
  category_code: string | null;
  category_name: string | null;
  village_name: string;
  commune_name: string | null;
  agency_name: string | null;
  households: number;
  submitted_at: Date | null;
  deadline_at: Date | null;
  overdue_since: Date | null;
};

/** Builds the WHERE clause shared by the list, its count and the exports. */
export function filterSql(actor: Actor, f: PetitionFilters, params: unknown[], now: Date): string {
  const where = [scopeSql(actor, params), "p.state <> 'draft' OR p.submitted_by = " + Number(actor.id)];
  const add = (sql: string, value: unknown) => {
    params.push(value);
    where.push(sql.replaceAll("?", `$${params.length}`));
  };
  if (f.q?.trim()) {
    const norm = normalizeForSearch(f.q);
    if (norm) add("p.tsv @@ plainto_tsquery('simple', ?)", norm);
  }
  if (f.state?.length) add("p.state = ANY(?::text[])", f.state);
  if (f.kind) add("p.kind = ?", f.kind);
  if (f.category) add("p.category_code = ?", f.category);
  if (f.urgency) add("p.urgency = ?", f.urgency);
  if (f.agencyId) add("p.agency_id = ?", f.agencyId);
  if (f.clusterId) add("p.cluster_id = ?", f.clusterId);
  if (f.unitId) add("p.unit_path LIKE (SELECT path FROM units WHERE id = ?) || '%'", f.unitId);
  if (f.overdue) add("p.state IN ('assigned', 'in_progress') AND p.deadline_at < ?", now);
  if (f.from) add("p.submitted_at >= (?::date)::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh'", f.from);
  if (f.to) add("p.submitted_at < ((?::date + 1)::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh')", f.to);
  return where.map((w) => `(${w})`).join(" AND ");
}

export const LIST_COLUMNS = `p.id, p.code, p.title, p.kind, p.state, p.urgency, p.category_code, c.name_vi AS category_name,
  v.name AS village_name, cm.name AS commune_name, a.name AS agency_name, p.households, p.submitted_at, p.deadline_at, p.overdue_since`;

export const LIST_JOINS = `LEFT JOIN categories c ON c.code = p.category_code
  JOIN units v ON v.id = p.village_id LEFT JOIN units cm ON cm.id = v.parent_id
  LEFT JOIN agencies a ON a.id = p.agency_id`;

/**
 * One page of the list, newest first (or by deadline, overdue first), with keyset pagination: the cursor is
 * the last row's id (and deadline), so page 5,000 costs what page 1 costs.
 */
export async function listPetitions(
  db: Queryable,
  actor: Actor,
  f: PetitionFilters,
  now: Date,
  page: { after?: string | null; limit?: number } = {},
): Promise<{ items: PetitionListItem[]; next: string | null }> {
  const params: unknown[] = [];
  const where = [filterSql(actor, f, params, now)];
  const limit = Math.min(Math.max(page.limit ?? 30, 1), 200);
  let order = "p.id DESC";
  if (f.sort === "deadline") {
    order = "p.deadline_at ASC NULLS LAST, p.id ASC";
    if (page.after) {
      const [d, id] = page.after.split("_");
      if (d === "n" && id && /^\d+$/.test(id)) {
        // past the last dated item: the undated ones, by id
        params.push(Number(id));
        where.push(`(p.deadline_at IS NULL AND p.id > $${params.length})`);
      } else if (d && id && /^\d+$/.test(id) && /^\d+$/.test(d)) {
        params.push(new Date(Number(d)), Number(id));
        where.push(
          `((p.deadline_at, p.id) > ($${params.length - 1}, $${params.length}) OR p.deadline_at IS NULL)`,
        );
      }
    }
  } else if (page.after && /^\d+$/.test(page.after)) {
    params.push(Number(page.after));
    where.push(`p.id < $${params.length}`);
  }
  params.push(limit + 1);
  const { rows } = await db.query<PetitionListItem>(
    `SELECT ${LIST_COLUMNS} FROM petitions p ${LIST_JOINS} WHERE ${where.join(" AND ")} ORDER BY ${order} LIMIT $${params.length}`,
    params,
  );
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  let next: string | null = null;
  if (rows.length > limit && last) {
    next =
      f.sort === "deadline"
        ? `${last.deadline_at ? last.deadline_at.getTime() : "n"}_${last.id}`
        : String(last.id);
  }
  return { items, next };
}
