import { hasRole, hasRoleForAgency, hasRoleOver } from "../../platform/authz.ts";
import type { Actor } from "../../platform/http/types.ts";
import type { Action } from "./states.ts";

/** What the rules need to know of a petition: where it comes from and who holds it. */
export type PetitionSubject = {
  unitPath: string;
  agencyId: number | null;
  /** Agencies that held it before (a hand-back or re-route keeps their read access to what they saw). */
  formerAgencyIds?: readonly number[];
};

const isVillageHead = (a: Actor | null, p: PetitionSubject) => hasRoleOver(a, p.unitPath, "village_head");
const isCommuneOfficer = (a: Actor | null, p: PetitionSubject) =>
  hasRoleOver(a, p.unitPath, "commune_officer");
const isCoordinator = (a: Actor | null, p: PetitionSubject) =>
  hasRoleOver(a, p.unitPath, "coordinator") || hasRole(a, "admin");
const isHolder = (a: Actor | null, p: PetitionSubject) =>
  p.agencyId !== null && hasRoleForAgency(a, p.agencyId, "agency_officer");

/** Who may take each step (the state table separately says whether the step is possible now). */
const ACTION_RULES: Record<Action, (a: Actor | null, p: PetitionSubject) => boolean> = {
  submit: isVillageHead,
  receive: (a, p) => isCommuneOfficer(a, p) || isCoordinator(a, p),
  return: (a, p) => isCommuneOfficer(a, p) || isCoordinator(a, p),
  redirect: (a, p) => isCommuneOfficer(a, p) || isCoordinator(a, p),
  route: (a, p) => isCommuneOfficer(a, p) || isCoordinator(a, p),
  escalate: isCoordinator,
  start: isHolder,
  answer: isHolder,
  hand_back: isHolder,
  extend: isHolder,
  confirm: isVillageHead,
  reopen: isVillageHead,
  auto_close: () => false, // only the sweep
  report_central: isCoordinator,
  central_answer: isCoordinator,
  merge: isCoordinator,
  unmerge: isCoordinator,
  cluster_answer: () => false, // only as part of answering the lead
};

export function canAct(actor: Actor | null, action: Action, p: PetitionSubject): boolean {
  return ACTION_RULES[action](actor, p);
}

/** Seeing the petition itself (title, text, timeline, answer). */
export function canView(actor: Actor | null, p: PetitionSubject): boolean {
  return (
    isVillageHead(actor, p) ||
    isCommuneOfficer(actor, p) ||
    hasRoleOver(actor, p.unitPath, "coordinator", "leader") ||
    hasRole(actor, "admin") ||
    isHolder(actor, p) ||
    (p.formerAgencyIds ?? []).some((id) => hasRoleForAgency(actor, id, "agency_officer"))
  );
}

/**
 * Residents' names and phones (Luật 91/2025): only the village head of that village and the commune officer
 * over it. Not the coordinator, not the agency, not an admin, not a leader.
 */
export function canSeeResidents(actor: Actor | null, p: PetitionSubject): boolean {
  return isVillageHead(actor, p) || isCommuneOfficer(actor, p);
}

/** Approving or refusing an agency's request for more time is the coordinator's. */
export function canDecideExtension(actor: Actor | null, p: PetitionSubject): boolean {
  return isCoordinator(actor, p);
}

/** Filing a new petition for a village. */
export function canFileFor(actor: Actor | null, villagePath: string): boolean {
  return hasRoleOver(actor, villagePath, "village_head");
}

/** Central reports: compiling, closing a period, recording central replies, exporting. */
export function canManageCentralReports(actor: Actor | null): boolean {
  return hasRole(actor, "coordinator", "admin");
}

export function canReadCentralReports(actor: Actor | null): boolean {
  return hasRole(actor, "coordinator", "admin", "leader");
}

/** The lists: a person sees the lists of what they may view (filtered by scope in the query). */
export function canListPetitions(actor: Actor | null): boolean {
  return hasRole(
    actor,
    "village_head",
    "commune_officer",
    "coordinator",
    "leader",
    "agency_officer",
    "admin",
  );
}

export function canManageRouting(actor: Actor | null): boolean {
  return hasRole(actor, "admin", "coordinator");
}
