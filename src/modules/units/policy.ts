import { hasRole, hasRoleOver } from "../../platform/authz.ts";
import type { Actor } from "../../platform/http/types.ts";

/** Everyone logged in may browse the administrative tree: it is public information. */
export const canBrowseUnits = (actor: Actor | null): boolean => actor !== null;

/** Adding, editing, retiring units and importing villages is an administrator's job. */
export const canManageUnits = (actor: Actor | null): boolean => hasRole(actor, "admin");

/** A village head's phone is personal data: only the commune officer over it, coordinators and admins see it. */
export const canSeeHeadContact = (actor: Actor | null, unitPath: string): boolean =>
  hasRole(actor, "admin", "coordinator") || hasRoleOver(actor, unitPath, "commune_officer", "village_head");
