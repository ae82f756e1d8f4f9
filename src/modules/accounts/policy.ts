import { hasRole } from "../../platform/authz.ts";
import type { Actor } from "../../platform/http/types.ts";
import { ROLES, type Role } from "./roles.ts";

/**
 * Who may administer accounts, as plain functions of (actor, subject).
 * An administrator manages everyone. A commune officer may also look after the village heads of the villages
 * in their own commune subtree (create, reset the password, deactivate and reactivate) and nothing else.
 */

/** One grant of the account being administered, with the path of its unit ('/1/57/1234/'). */
export type SubjectGrant = { role: string; unitPath: string | null; agencyId: number | null };

export type UserSubject = { id: number; grants: readonly SubjectGrant[] };

/** A grant about to be given: the role and where it applies. */
export type GrantTarget = {
  role: string;
  unitPath: string | null;
  unitLevel: "province" | "district" | "commune" | "village" | null;
  agencyId: number | null;
};

export const isAdmin = (actor: Actor | null): boolean => hasRole(actor, "admin");

/** The subtrees a commune officer looks after; a grant without a unit covers nothing here. */
export function communeScopes(actor: Actor | null): string[] {
  if (!actor) return [];
  return actor.grants.flatMap((g) => (g.role === "commune_officer" && g.unitPath ? [g.unitPath] : []));
}

const under = (paths: readonly string[], unitPath: string | null): boolean =>
  unitPath !== null && paths.some((p) => unitPath.startsWith(p) && unitPath !== p);

/** The list of accounts and the "new account" form. */
export const canOpenUserAdmin = (actor: Actor | null): boolean =>
  isAdmin(actor) || communeScopes(actor).length > 0;

/**
 * May the actor see this account and reset its password or (de)activate it? A commune officer only for an
 * account that holds village-head grants and nothing else, every one of them inside their commune; never their own.
 */
export function canManageUser(actor: Actor | null, subject: UserSubject): boolean {
  if (!actor) return false;
  if (isAdmin(actor)) return true;
  if (subject.id === actor.id) return false;
  const scopes = communeScopes(actor);
  return (
    scopes.length > 0 &&
    subject.grants.length > 0 &&
    subject.grants.every((g) => g.role === "village_head" && g.agencyId === null && under(scopes, g.unitPath))
  );
}

/** Giving a role on account creation: a commune officer only makes village heads of villages in their commune. */
export function canGiveGrant(actor: Actor | null, target: GrantTarget): boolean {
  if (!actor) return false;
  if (isAdmin(actor)) return true;
  return (
    target.role === "village_head" &&
    target.unitLevel === "village" &&
    target.agencyId === null &&
    under(communeScopes(actor), target.unitPath)
  );
}

/** The roles offered in the form. */
export function grantableRoles(actor: Actor | null): readonly Role[] {
  if (isAdmin(actor)) return ROLES;
  return communeScopes(actor).length > 0 ? ["village_head"] : [];
}

/** Adding or removing roles of an existing account changes what it may see: administrators only. */
export const canEditGrants = (actor: Actor | null, _subject: UserSubject): boolean => isAdmin(actor);

/** API tokens act with the account's full rights: administrators only. */
export const canManageTokens = (actor: Actor | null, _subject: UserSubject): boolean => isAdmin(actor);

/** A file of village heads may span the province: administrators only. */
export const canImportUsers = (actor: Actor | null): boolean => isAdmin(actor);

export const canSeeAdminDashboard = (actor: Actor | null): boolean => isAdmin(actor);
