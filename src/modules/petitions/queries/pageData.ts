import { grantsOf } from "../../../platform/authz.ts";
import type { Queryable } from "../../../platform/db/database.ts";
import type { Actor } from "../../../platform/http/types.ts";
import { canView } from "../policy.ts";
import type { Level } from "../states.ts";
import { findSimilar } from "./similar.ts";

/** What the petition pages offer to choose from: categories, villages, agencies, answer templates. */

export type CategoryOption = { code: string; name_vi: string; name_en: string; usual_level: string | null };

export async function activeCategories(db: Queryable): Promise<CategoryOption[]> {
  const { rows } = await db.query<CategoryOption>(
    "SELECT code, name_vi, name_en, usual_level FROM categories WHERE active ORDER BY sort, code",
  );
  return rows;
}

/** "xã/tỉnh" → commune: the first level a category usually goes to, for prefilling the receipt form. */
export function usualLevel(text: string | null | undefined): Level | null {
  const first = (text ?? "").split("/")[0]?.trim().toLowerCase() ?? "";
  if (first.startsWith("xã")) return "commune";
  if (first.startsWith("tỉnh")) return "province";
  if (first.startsWith("trung")) return "central";
  return null;
}

export type VillageOption = { id: number; name: string; commune_name: string | null };

/** The villages this person may file for (their village_head grants), by name. */
export async function filingVillages(db: Queryable, actor: Actor): Promise<VillageOption[]> {
  const paths = grantsOf(actor, "village_head").flatMap((g) => (g.unitPath ? [`${g.unitPath}%`] : []));
  if (paths.length === 0) return [];
  const { rows } = await db.query<VillageOption>(
    `SELECT v.id, v.name, c.name AS commune_name FROM units v LEFT JOIN units c ON c.id = v.parent_id
      WHERE v.level = 'village' AND v.retired_at IS NULL AND v.path LIKE ANY($1::text[])
      ORDER BY c.name, v.name, v.id LIMIT 500`,
    [paths],
  );
  return rows;
}

export type AgencyOption = { id: number; name: string; kind: string };

/**
 * Agencies a petition from this village may be routed to: provincial departments, vertical agencies, others,
 * and the People's Committee of its own commune (not the 3,000 others). Central agencies are escalated to.
 */
export async function routingAgencies(
  db: Queryable,
  unitPath: string,
  keep: number | null,
): Promise<AgencyOption[]> {
  const { rows } = await db.query<AgencyOption>(
    `SELECT a.id, a.name, a.kind FROM agencies a LEFT JOIN units u ON u.id = a.unit_id
      WHERE a.retired_at IS NULL AND a.kind <> 'central'
        AND (a.kind <> 'commune_committee' OR $1 LIKE u.path || '%' OR a.id = $2)
      ORDER BY a.kind, a.name`,
    [unitPath, keep],
  );
  return rows;
}

export async function centralAgencies(db: Queryable): Promise<AgencyOption[]> {
  const { rows } = await db.query<AgencyOption>(
    "SELECT id, name, kind FROM agencies WHERE retired_at IS NULL AND kind = 'central' ORDER BY name",
  );
  return rows;
}

/** A near-duplicate as this person may see it: those they may not open show only title, commune and state. */
export type VisibleSimilar = {
  id: number;
  code: string;
  title: string;
  state: string;
  commune_name: string | null;
  village_name: string | null;
  canOpen: boolean;
  score: number;
  cluster_id: number | null;
};

/** Longer texts are cut: the first 10,000 characters say what the petition is about. */
export const MAX_SIMILAR_TEXT = 10_000;

/** The detector's near-duplicates of `text` (any village, any state), with what this person may know of each. */
export async function similarForViewer(
  db: Queryable,
  actor: Actor,
  text: string,
  options: { placeNames?: string[]; excludeId?: number; limit?: number } = {},
): Promise<VisibleSimilar[]> {
  const found = await findSimilar(db, text.slice(0, MAX_SIMILAR_TEXT), { limit: 5, ...options });
  if (found.length === 0) return [];
  const { rows } = await db.query<{ id: number; unit_path: string; agency_id: number | null }>(
    "SELECT id, unit_path, agency_id FROM petitions WHERE id = ANY($1::bigint[])",
    [found.map((f) => f.id)],
  );
  const subjects = new Map(rows.map((r) => [r.id, { unitPath: r.unit_path, agencyId: r.agency_id }]));
  return found.map((f) => {
    const subject = subjects.get(f.id);
    const canOpen = !!subject && canView(actor, subject);
    return {
      id: f.id,
      code: f.code,
      title: f.title,
      state: f.state,
      commune_name: f.commune_name,
      village_name: canOpen ? f.village_name : null,
      canOpen,
      score: f.score,
      cluster_id: f.cluster_id,
    };
  });
}
