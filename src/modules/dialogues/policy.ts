import { hasRole, hasRoleForAgency } from "../../platform/authz.ts";
import type { Actor } from "../../platform/http/types.ts";
import type { DialogueAction, DialogueState } from "./states.ts";
import { ASKING_STATES, FINISHED_STATES } from "./states.ts";

/** What the rules need to know of a dialogue, seen by one person: is that person invited? */
export type DialogueSubject = {
  state: DialogueState;
  chairIds: readonly number[];
  agencyIds: readonly number[];
  /** The actor holds an invitation to this dialogue. */
  invited: boolean;
};

const isCoordinator = (a: Actor | null) => hasRole(a, "coordinator");
const isChair = (a: Actor | null, d: DialogueSubject) => !!a && d.chairIds.includes(a.id);
const isModerator = (a: Actor | null) => hasRole(a, "moderator");
const isAttendingAgency = (a: Actor | null, d: DialogueSubject) =>
  d.agencyIds.some((id) => hasRoleForAgency(a, id, "agency_officer"));

/** Organising dialogues is the coordinator's (and the admin's, who can do what the coordinator does). */
export function canCreateDialogue(actor: Actor | null): boolean {
  return isCoordinator(actor) || hasRole(actor, "admin");
}

/** The list of dialogues: staff see all of them; others only those they take part in. */
export function seesAllDialogues(actor: Actor | null): boolean {
  return hasRole(actor, "coordinator", "admin", "leader", "moderator");
}

export function canViewDialogue(actor: Actor | null, d: DialogueSubject): boolean {
  return seesAllDialogues(actor) || isChair(actor, d) || d.invited || isAttendingAgency(actor, d);
}

/** Open questions, go live, close, publish the minutes. */
export function canTransition(actor: Actor | null, d: DialogueSubject, action: DialogueAction): boolean {
  if (isCoordinator(actor) || isChair(actor, d)) return true;
  // the moderator runs the room: starting and ending the live part is theirs too
  return (action === "go_live" || action === "close") && isModerator(actor);
}

/**
 * Changing the queue (order, answering agency, now answering, skip, questions from the floor, answers,
 * commitments from answers): only the chairs, the moderators and the coordinator.
 */
export function canRunQueue(actor: Actor | null, d: DialogueSubject): boolean {
  if (FINISHED_STATES.has(d.state)) return false;
  return isCoordinator(actor) || isChair(actor, d) || isModerator(actor);
}

/** The ranked list of questions with who raised them, and the check-in desk. */
export function canSeeQueue(actor: Actor | null, d: DialogueSubject): boolean {
  return isCoordinator(actor) || isChair(actor, d) || isModerator(actor) || hasRole(actor, "admin");
}

export function canCheckIn(actor: Actor | null, d: DialogueSubject): boolean {
  return !FINISHED_STATES.has(d.state) && (isCoordinator(actor) || isChair(actor, d) || isModerator(actor));
}

/** A village head raises a question or supports one only in a dialogue they are invited to, while it takes them. */
export function canAsk(actor: Actor | null, d: DialogueSubject): boolean {
  return d.invited && hasRole(actor, "village_head") && ASKING_STATES.has(d.state);
}

export function canSupport(actor: Actor | null, d: DialogueSubject): boolean {
  return canAsk(actor, d);
}

/** The minutes (DOCX) once the dialogue is closed: the organisers, the chairs, the attending agencies. */
export function canDownloadMinutes(actor: Actor | null, d: DialogueSubject): boolean {
  if (!FINISHED_STATES.has(d.state)) return false;
  return seesAllDialogues(actor) || isChair(actor, d) || isAttendingAgency(actor, d) || d.invited;
}

/** The public summary exists once the dialogue is closed. */
export function isPublic(d: Pick<DialogueSubject, "state">): boolean {
  return FINISHED_STATES.has(d.state);
}

/** A draft news article from a closed dialogue: the coordinator and editors. */
export function canDraftArticle(actor: Actor | null, d: DialogueSubject): boolean {
  return FINISHED_STATES.has(d.state) && (isCoordinator(actor) || hasRole(actor, "editor"));
}
