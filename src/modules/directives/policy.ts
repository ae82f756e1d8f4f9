import { hasRole, hasRoleOver } from "../../platform/authz.ts";
import type { Actor } from "../../platform/http/types.ts";
import { type DirectiveState, inTargets } from "./rules.ts";

/** What the rules need of a directive: its state and the unit subtrees it was sent to. */
export type DirectiveSubject = { state: DirectiveState; targetPaths: readonly string[] };

const isOffice = (a: Actor | null) => hasRole(a, "coordinator", "leader", "admin");
const isOut = (d: DirectiveSubject) => d.state === "published" || d.state === "revoked";

/** The provincial office (coordinator) and leaders draft directives; admins run the system, not its content. */
export function canDraft(actor: Actor | null): boolean {
  return hasRole(actor, "coordinator", "leader");
}

export function canEdit(actor: Actor | null, d: DirectiveSubject): boolean {
  return canDraft(actor) && (d.state === "draft" || d.state === "approved");
}

/** Only a leader approves, publishes, corrects a published directive or revokes it. */
export function canApprove(actor: Actor | null): boolean {
  return hasRole(actor, "leader");
}
export const canPublish = canApprove;
export const canCorrect = canApprove;
export const canRevoke = canApprove;

/** The office lists; commune officers list what reached their communes. */
export function canList(actor: Actor | null): boolean {
  return isOffice(actor) || hasRole(actor, "commune_officer");
}

/** A commune officer's subtree meets a target: the target contains the commune or lies inside it. */
function communeSees(actor: Actor | null, d: DirectiveSubject): boolean {
  if (!actor) return false;
  return actor.grants.some(
    (g) =>
      g.role === "commune_officer" &&
      g.unitPath !== null &&
      d.targetPaths.some((p) => p.startsWith(g.unitPath as string) || (g.unitPath as string).startsWith(p)),
  );
}

/** A village head sees a directive once it is out and only if one of their villages lies in its targets. */
export function villageHeadSees(actor: Actor | null, d: DirectiveSubject): boolean {
  if (!actor || !isOut(d)) return false;
  return actor.grants.some(
    (g) => g.role === "village_head" && g.unitPath !== null && inTargets(d.targetPaths, g.unitPath),
  );
}

export function canView(actor: Actor | null, d: DirectiveSubject): boolean {
  if (isOffice(actor)) return true;
  if (!isOut(d)) return false;
  return communeSees(actor, d) || villageHeadSees(actor, d);
}

/** Acknowledging, reporting dissemination and residents' response: the head of that very village. */
export function canReport(actor: Actor | null, d: DirectiveSubject, villagePath: string): boolean {
  return (
    d.state === "published" &&
    inTargets(d.targetPaths, villagePath) &&
    !!actor &&
    actor.grants.some(
      (g) => g.role === "village_head" && g.unitPath !== null && villagePath.startsWith(g.unitPath),
    )
  );
}

/** Coverage of a unit: the office everywhere, a commune officer only within their own subtree. */
export function canSeeCoverage(actor: Actor | null, unitPath: string | null): boolean {
  if (isOffice(actor)) return true;
  if (unitPath === null) return false;
  return (
    !!actor &&
    actor.grants.some(
      (g) => g.role === "commune_officer" && g.unitPath !== null && unitPath.startsWith(g.unitPath),
    )
  );
}

/** Chasing late villages: the commune officer over them, or the office. */
export function canChase(actor: Actor | null, communePath: string): boolean {
  return hasRoleOver(actor, communePath, "commune_officer", "coordinator") || hasRole(actor, "admin");
}

/** Commune subtrees of a commune officer (to filter queries); null = everything (the office). */
export function coverageScope(actor: Actor | null): string[] | null {
  if (isOffice(actor)) return null;
  return (actor?.grants ?? [])
    .filter((g) => g.role === "commune_officer" && g.unitPath !== null)
    .map((g) => g.unitPath as string);
}
