import type { Actor, Grant } from "./http/types.ts";

/** Pure helpers the modules' policies are built from: a grant covers a unit when the unit lies in its subtree. */
export function grantsOf(actor: Actor | null, role: string): Grant[] {
  return actor ? actor.grants.filter((g) => g.role === role) : [];
}

export function hasRole(actor: Actor | null, ...roles: string[]): boolean {
  return !!actor && actor.grants.some((g) => roles.includes(g.role));
}

/** Province-wide grants have no unit (null path) and cover everything. */
export function coversUnit(grant: Grant, unitPath: string): boolean {
  return grant.unitPath === null ? grant.agencyId === null : unitPath.startsWith(grant.unitPath);
}

export function hasRoleOver(actor: Actor | null, unitPath: string, ...roles: string[]): boolean {
  return !!actor && actor.grants.some((g) => roles.includes(g.role) && coversUnit(g, unitPath));
}

export function hasRoleForAgency(actor: Actor | null, agencyId: number, ...roles: string[]): boolean {
  return !!actor && actor.grants.some((g) => roles.includes(g.role) && g.agencyId === agencyId);
}
