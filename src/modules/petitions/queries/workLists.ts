import type { Queryable } from "../../../platform/db/database.ts";
import type { Actor } from "../../../platform/http/types.ts";
import {
  type CappedCount,
  COUNT_CAP,
  cappedCount,
  filterSql,
  type PetitionFilters,
} from "./listPetitions.ts";

export { type CappedCount, COUNT_CAP };

/** Matches of the list's filters in the person's scope, counted up to `cap` (then "more than cap"). */
export function countPetitions(
  db: Queryable,
  actor: Actor,
  f: PetitionFilters,
  now: Date,
  cap = COUNT_CAP,
): Promise<CappedCount> {
  const params: unknown[] = [];
  return cappedCount(db, filterSql(actor, f, params, now), params, cap);
}

export type Option = { value: string; label: string };

/**
 * The unit filter's choices: the province's communes for people who work province-wide (or for agencies);
 * the villages of their own communes for commune officers; nothing for a village head.
 */
export async function unitFilterOptions(
  db: Queryable,
  actor: Actor,
  provinceCode: string,
): Promise<Option[]> {
  const unitIds = actor.grants
    .filter((g) => ["commune_officer", "coordinator", "leader"].includes(g.role) && g.unitId !== null)
    .map((g) => g.unitId as number);
  const wide =
    actor.grants.some((g) => g.role === "admin" || g.role === "agency_officer") ||
    actor.grants.some(
      (g) => ["coordinator", "leader"].includes(g.role) && g.unitId === null && g.agencyId === null,
    );
  const levels = unitIds.length
    ? (
        await db.query<{ id: number; level: string }>(
          "SELECT id, level FROM units WHERE id = ANY($1::bigint[])",
          [unitIds],
        )
      ).rows
    : [];
  if (wide || levels.some((u) => u.level === "province")) {
    const { rows } = await db.query<{ id: number; name: string }>(
      `SELECT c.id, c.full_name AS name FROM units p JOIN units c ON c.parent_id = p.id AND c.level = 'commune'
        WHERE p.level = 'province' AND p.code = $1 AND p.valid_to IS NULL AND c.valid_to IS NULL AND c.retired_at IS NULL
        ORDER BY c.norm, c.id`,
      [provinceCode],
    );
    return rows.map((r) => ({ value: String(r.id), label: r.name }));
  }
  const communes = levels.filter((u) => u.level === "commune").map((u) => u.id);
  if (communes.length === 0) return [];
  const { rows } = await db.query<{ id: number; name: string; commune: string }>(
    `SELECT v.id, v.name, c.name AS commune FROM units v JOIN units c ON c.id = v.parent_id
      WHERE v.parent_id = ANY($1::bigint[]) AND v.level = 'village' AND v.retired_at IS NULL
      ORDER BY c.norm, v.norm, v.id`,
    [communes],
  );
  const several = communes.length > 1;
  return rows.map((r) => ({ value: String(r.id), label: several ? `${r.name} (${r.commune})` : r.name }));
}

/** Agencies in use, for the agency filter and pickers: departments first, central agencies last. */
export async function agencyOptions(db: Queryable, opts: { central?: boolean } = {}): Promise<Option[]> {
  const { rows } = await db.query<{ id: number; name: string }>(
    `SELECT id, name FROM agencies WHERE retired_at IS NULL AND ($1::boolean OR kind <> 'central')
      ORDER BY CASE kind WHEN 'department' THEN 0 WHEN 'other' THEN 1 WHEN 'vertical' THEN 2 WHEN 'commune_committee' THEN 3 ELSE 4 END, norm, id`,
    [opts.central ?? true],
  );
  return rows.map((r) => ({ value: String(r.id), label: r.name }));
}

/** Categories for filters and pickers, in the admins' order; retired ones only when asked. */
export async function categoryOptions(
  db: Queryable,
  locale: "vi" | "en",
  opts: { inactive?: boolean } = {},
): Promise<Option[]> {
  const { rows } = await db.query<{ code: string; name_vi: string; name_en: string }>(
    "SELECT code, name_vi, name_en FROM categories WHERE active OR $1::boolean ORDER BY sort, code",
    [opts.inactive ?? false],
  );
  return rows.map((r) => ({ value: r.code, label: locale === "en" ? r.name_en : r.name_vi }));
}

export type ExportRow = {
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
  answered_at: Date | null;
  answered_on_time: boolean | null;
  overdue: boolean;
};

/**
 * The filtered list for an export, newest first, fetched `batch` rows a query by keyset (never an OFFSET, never
 * everything in memory), stopping after `cap` rows. What it selects is deliberately narrow: no residents'
 * names or phones (kept in another table, never joined here), no text body, no submitter.
 */
export async function* exportPetitions(
  db: Queryable,
  actor: Actor,
  f: PetitionFilters,
  now: Date,
  opts: { batch?: number; cap: number; status?: { truncated: boolean } },
): AsyncGenerator<ExportRow> {
  const batch = opts.batch ?? 2000;
  let after: number | null = null;
  let sent = 0;
  for (;;) {
    const params: unknown[] = [];
    const where = [filterSql(actor, f, params, now)];
    if (sent >= opts.cap) {
      // the cap is reached: one cheap probe says whether anything was left out
      if (after !== null) params.push(after);
      const more = await db.query(
        `SELECT 1 FROM petitions p WHERE ${where.join(" AND ")}${after !== null ? ` AND p.id < $${params.length}` : ""} LIMIT 1`,
        params,
      );
      if (opts.status) opts.status.truncated = (more.rowCount ?? 0) > 0;
      return;
    }
    if (after !== null) {
      params.push(after);
      where.push(`p.id < $${params.length}`);
    }
    params.push(now);
    const nowParam = params.length;
    const want = Math.min(batch, opts.cap - sent);
    params.push(want);
    const { rows }: { rows: ExportRow[] } = await db.query<ExportRow>(
      `SELECT p.id, p.code, p.title, p.kind, p.state, p.urgency, c.name_vi AS category_name, v.name AS village_name,
              cm.name AS commune_name, COALESCE(a.name, ca.name) AS agency_name, p.households, p.submitted_at, p.deadline_at,
              p.answered_at, p.answered_on_time,
              (p.state IN ('assigned', 'in_progress') AND p.deadline_at < $${nowParam}) AS overdue
         FROM petitions p
         LEFT JOIN categories c ON c.code = p.category_code
         JOIN units v ON v.id = p.village_id LEFT JOIN units cm ON cm.id = v.parent_id
         LEFT JOIN agencies a ON a.id = p.agency_id LEFT JOIN agencies ca ON ca.id = p.central_agency_id
        WHERE ${where.join(" AND ")}
        ORDER BY p.id DESC LIMIT $${params.length}`,
      params,
    );
    for (const r of rows) yield r;
    sent += rows.length;
    const last = rows[rows.length - 1];
    if (!last || rows.length < want) return;
    after = last.id;
  }
}

export type { PetitionFilters };
