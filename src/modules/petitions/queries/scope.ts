import type { Actor } from "../../../platform/http/types.ts";

/**
 * Which petitions a person may list, as SQL over `p` (petitions): by the unit subtrees of their grants, by the
 * agencies they work for (current holder, or one that held it before), or everything for province-wide roles.
 */
export function scopeSql(actor: Actor, params: unknown[]): string {
  const paths: string[] = [];
  const agencies: number[] = [];
  let all = false;
  for (const g of actor.grants) {
    if (g.role === "admin") all = true;
    else if (["coordinator", "leader"].includes(g.role) && g.unitPath === null && g.agencyId === null)
      all = true;
    else if (["village_head", "commune_officer", "coordinator", "leader"].includes(g.role) && g.unitPath)
      paths.push(g.unitPath);
    else if (g.role === "agency_officer" && g.agencyId !== null) agencies.push(g.agencyId);
  }
  if (all) return "TRUE";
  const parts: string[] = [];
  for (const path of paths) {
    params.push(`${path}%`);
    parts.push(`p.unit_path LIKE $${params.length}`);
  }
  if (agencies.length > 0) {
    params.push(agencies);
    const i = params.length;
    parts.push(
      `(p.agency_id = ANY($${i}::bigint[]) OR EXISTS (SELECT 1 FROM petition_events e WHERE e.petition_id = p.id AND e.agency_id = ANY($${i}::bigint[])))`,
    );
  }
  return parts.length ? `(${parts.join(" OR ")})` : "FALSE";
}
