import { hasRole } from "../../platform/authz.ts";
import type { Actor } from "../../platform/http/types.ts";

/** The list of agencies is reference information for everyone logged in. */
export const canBrowseAgencies = (actor: Actor | null): boolean => actor !== null;

/** Adding, editing and retiring agencies is an administrator's job. */
export const canManageAgencies = (actor: Actor | null): boolean => hasRole(actor, "admin");
