import type { Queryable } from "../../../platform/db/database.ts";
import type { Actor } from "../../../platform/http/types.ts";
import { normalizeForSearch } from "../../../platform/text/normalize.ts";
import { scopeSql } from "./scope.ts";

/** How far a count goes before it says "more than": a LIMIT-ed subquery keeps a million rows cheap. */
export const COUNT_CAP = 1_000;

export type CappedCount = { n: number; capped: boolean };

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

/**
 * Builds the WHERE clause shared by the list, its count and the exports. `withoutText` leaves the full-text
 * condition out (the windowed search applies it itself).
 */
export function filterSql(
  actor: Actor,
  f: PetitionFilters,
  params: unknown[],
  now: Date,
  opts: { withoutText?: boolean } = {},
): string {
  const where = [scopeSql(actor, params), `p.state <> 'draft' OR p.submitted_by = ${Number(actor.id)}`];
  const add = (sql: string, value: unknown) => {
    params.push(value);
    where.push(sql.replaceAll("?", `$${params.length}`));
  };
  if (f.q?.trim() && !opts.withoutText) {
    const norm = normalizeForSearch(f.q);
    if (norm) add("p.tsv @@ plainto_tsquery('simple', ?)", norm);
  }
  // One state as a one-value range, not an equality: with "=" the planner drops the state from the order (it is
  // constant) and walks the primary key filtered by state, skipping tens of thousands of newer rows of other
  // states when the state is an old one ("closed"); a range keeps (state, id) the index that gives the order.
  if (f.state?.length === 1) add("p.state BETWEEN ? AND ?", f.state[0]);
  else if (f.state?.length) add("p.state = ANY(?::text[])", f.state);
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
 * Newest first. With one state the order names the state too (it is fixed, so nothing changes): together with
 * filterSql's one-value range it makes (state, id) the index that gives the order, instead of the primary key
 * filtered by state, which for an old state ("closed") first skips every newer row of the other states.
 */
function newestOrder(f: PetitionFilters): string {
  return f.state?.length === 1 ? "p.state DESC, p.id DESC" : "p.id DESC";
}

/**
 * The normalised search text when the list is a text search by newest (which states its own total, see
 * searchPage), else "" (no text, or sorted by deadline: the plain query and a separate count).
 */
export function windowedSearchText(f: PetitionFilters): string {
  return f.q?.trim() && f.sort !== "deadline" ? normalizeForSearch(f.q) : "";
}

/** How many of the newest rows (other filters applied) a text search reads before it falls back to the index. */
export const SEARCH_WINDOW = 2_000;

type Page = { items: PetitionListItem[]; next: string | null; total?: CappedCount };

/**
 * A text search, newest first. The full-text index finds every match, but a common term ("mất điện", "bảo hiểm
 * y tế") matches tens of thousands of petitions and the page then fetches and sorts all of them (seconds at a
 * million rows). So the newest SEARCH_WINDOW rows of the other filters are read first (an index walk by id):
 * when they hold a page of matches, that page is exactly the newest matches; an uncommon term gets one more
 * window sized from the share of matches seen. Only a rare term, which the full-text index makes cheap, goes to
 * that index, below the windows. The total is exact when the windows held everything or the index was used,
 * and otherwise stated as "more than" the matches seen.
 */
async function searchPage(
  db: Queryable,
  actor: Actor,
  f: PetitionFilters,
  text: string,
  now: Date,
  after: number | null,
  limit: number,
  windowSize: number,
): Promise<Page> {
  const params: unknown[] = [];
  const where = [filterSql(actor, f, params, now, { withoutText: true })];
  params.push(text);
  const textParam = params.length;
  const matches = `p.tsv @@ plainto_tsquery('simple', $${textParam})`;
  let below = after;
  let ids: number[] = [];
  let hits = 0;
  let seen = 0;
  let exhaustive = false;
  // First window, then — when the matches are merely uncommon — one more, sized from the share of matches seen.
  for (let size = windowSize, step = 0; step < 2; step++) {
    const args = [...params];
    const cond = [...where];
    if (below !== null) {
      args.push(below);
      cond.push(`p.id < $${args.length}`);
    }
    args.push(size, limit + 1 - ids.length);
    const { rows } = await db.query<{
      ids: number[] | null;
      seen: number;
      hits: number;
      lowest: number | null;
    }>(
      `SELECT (array_agg(w.id ORDER BY w.id DESC) FILTER (WHERE w.hit))[1:$${args.length}] AS ids,
              count(*)::int AS seen, (count(*) FILTER (WHERE w.hit))::int AS hits, min(w.id)::int AS lowest
         FROM (SELECT p.id, ${matches} AS hit
                 FROM petitions p WHERE ${cond.join(" AND ")} ORDER BY ${newestOrder(f)} LIMIT $${args.length - 1}) w`,
      args,
    );
    const win = rows[0] ?? { ids: null, seen: 0, hits: 0, lowest: null };
    ids = ids.concat((win.ids ?? []).map(Number));
    hits += win.hits;
    seen += win.seen;
    if (win.seen < size || win.lowest === null) {
      exhaustive = true;
      break;
    }
    below = win.lowest;
    if (ids.length > limit || hits === 0) break;
    size = Math.min(8 * windowSize, Math.ceil((2 * (limit + 1 - ids.length) * seen) / hits));
  }
  let total: CappedCount | undefined = after === null ? { n: hits, capped: !exhaustive } : undefined;
  if (ids.length <= limit && !exhaustive) {
    // A rare term: the full-text index holds few matches, so fetching them below the windows is cheap.
    const rest = [...params];
    const restWhere = [...where, matches];
    if (below !== null) {
      rest.push(below);
      restWhere.push(`p.id < $${rest.length}`);
    }
    const [more, counted] = await Promise.all([
      db.query<{ id: number }>(
        `SELECT p.id FROM petitions p WHERE ${restWhere.join(" AND ")} ORDER BY p.id DESC LIMIT $${rest.length + 1}`,
        [...rest, limit + 1 - ids.length],
      ),
      // hits ≤ limit here (every hit up to limit + 1 is in ids), so the cap stays positive
      after === null ? cappedCount(db, restWhere.join(" AND "), rest, COUNT_CAP - hits) : null,
    ]);
    ids = ids.concat(more.rows.map((r) => Number(r.id)));
    if (counted) total = { n: hits + counted.n, capped: counted.capped };
  }
  const items = ids.length
    ? (
        await db.query<PetitionListItem>(
          `SELECT ${LIST_COLUMNS} FROM petitions p ${LIST_JOINS} WHERE p.id = ANY($1::bigint[]) ORDER BY p.id DESC`,
          [ids.slice(0, limit)],
        )
      ).rows
    : [];
  const last = items[items.length - 1];
  return { items, next: ids.length > limit && last ? String(last.id) : null, total };
}

/** Rows of petitions `p` matching `where`, counted up to `cap` (then "more than cap"): a LIMIT-ed subquery. */
export async function cappedCount(
  db: Queryable,
  where: string,
  params: unknown[],
  cap: number,
): Promise<CappedCount> {
  const { rows } = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM (SELECT 1 FROM petitions p WHERE ${where} LIMIT $${params.length + 1}) x`,
    [...params, cap + 1],
  );
  const n = rows[0]?.n ?? 0;
  return n > cap ? { n: cap, capped: true } : { n, capped: false };
}

/**
 * One page of the list, newest first (or by deadline, overdue first), with keyset pagination: the cursor is
 * the last row's id (and deadline), so page 5,000 costs what page 1 costs.
 */
export async function listPetitions(
  db: Queryable,
  actor: Actor,
  f: PetitionFilters,
  now: Date,
  page: { after?: string | null; limit?: number; searchWindow?: number } = {},
): Promise<Page> {
  const limit = Math.min(Math.max(page.limit ?? 30, 1), 200);
  const text = windowedSearchText(f);
  if (text) {
    const after = page.after && /^\d+$/.test(page.after) ? Number(page.after) : null;
    return searchPage(db, actor, f, text, now, after, limit, page.searchWindow ?? SEARCH_WINDOW);
  }
  const params: unknown[] = [];
  const where = [filterSql(actor, f, params, now)];
  let order = newestOrder(f);
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
