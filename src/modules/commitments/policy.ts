import { hasRole, hasRoleForAgency } from "../../platform/authz.ts";
import type { Actor } from "../../platform/http/types.ts";

/** What the rules need to know of a commitment: who must deliver it. */
export type CommitmentSubject = { agencyId: number };

const isCoordinator = (a: Actor | null) => hasRole(a, "coordinator");
const isResponsibleOfficer = (a: Actor | null, c: CommitmentSubject) =>
  hasRoleForAgency(a, c.agencyId, "agency_officer");

/** Reporting progress and marking done: the responsible agency's officers, and the coordinator who follows up. */
export function canUpdate(actor: Actor | null, c: CommitmentSubject): boolean {
  return isResponsibleOfficer(actor, c) || isCoordinator(actor);
}

/** Cancelling (with a reason) is the coordinator's alone: an agency cannot release itself from a promise. */
export function canCancel(actor: Actor | null): boolean {
  return isCoordinator(actor);
}

/** Making a commitment outside a dialogue: the coordinator, or a leader who chairs. */
export function canCreate(actor: Actor | null): boolean {
  return hasRole(actor, "coordinator", "leader");
}

/** The province-wide list with filters. */
export function canListAll(actor: Actor | null): boolean {
  return hasRole(actor, "coordinator", "leader", "admin");
}

/** "My agency's commitments". */
export function canListMine(actor: Actor | null): boolean {
  return hasRole(actor, "agency_officer");
}

/**
 * A commitment's detail page with its timeline and evidence: every signed-in official and village head may read
 * it (the commitments are public anyway; the timeline names officials, never residents).
 */
export function canView(actor: Actor | null): boolean {
  return !!actor && actor.grants.length > 0;
}

/** Agencies whose commitments this person reports on. */
export function agenciesOf(actor: Actor | null): number[] {
  if (!actor) return [];
  return [
    ...new Set(
      actor.grants
        .filter((g) => g.role === "agency_officer" && g.agencyId !== null)
        .map((g) => g.agencyId as number),
    ),
  ];
}
