import { hasRole, hasRoleForAgency } from "../../platform/authz.ts";
import type { Actor } from "../../platform/http/types.ts";

/** Who has which work page. The lists themselves are scoped in the queries (queries/scope.ts, workQueues.ts). */

/** The intake inbox: commune officers and coordinators (admins may look). */
export const canUseInbox = (actor: Actor | null): boolean =>
  hasRole(actor, "commune_officer", "coordinator", "admin");

/** The answering queue: agency officers. */
export const canUseQueue = (actor: Actor | null): boolean =>
  !!actor && actor.grants.some((g) => g.role === "agency_officer" && g.agencyId !== null);

/** Pending extension requests: the coordinator decides them (admins too). */
export const canSeeExtensions = (actor: Actor | null): boolean => hasRole(actor, "coordinator", "admin");

/** The petitions overview for a period: leaders, coordinators, admins. */
export const canSeePetitionOverview = (actor: Actor | null): boolean =>
  hasRole(actor, "leader", "coordinator", "admin");

/** An agency's answer templates: its own officers and admins. */
export const canManageTemplates = (actor: Actor | null, agencyId: number): boolean =>
  hasRole(actor, "admin") || hasRoleForAgency(actor, agencyId, "agency_officer");
