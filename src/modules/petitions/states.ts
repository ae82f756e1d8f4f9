/**
 * The petition state machine: one pure table, the only place that says which step may follow which.
 * Commands ask it before they change anything; an action not allowed in the current state is a 409.
 */
export const STATES = [
  "draft",
  "submitted",
  "received",
  "returned",
  "redirected",
  "assigned",
  "in_progress",
  "answered",
  "reopened",
  "escalated_central",
  "in_central_report",
  "central_answered",
  "merged",
  "closed",
] as const;
export type State = (typeof STATES)[number];

export const ACTIONS = [
  "submit",
  "receive",
  "return",
  "redirect",
  "route",
  "escalate",
  "start",
  "answer",
  "hand_back",
  "extend",
  "confirm",
  "reopen",
  "auto_close",
  "report_central",
  "central_answer",
  "merge",
  "unmerge",
  "cluster_answer",
] as const;
export type Action = (typeof ACTIONS)[number];

/** Open: someone still owes the village an answer or a confirmation. */
export const OPEN_STATES: ReadonlySet<State> = new Set([
  "submitted",
  "received",
  "returned",
  "assigned",
  "in_progress",
  "answered",
  "reopened",
  "escalated_central",
  "in_central_report",
  "central_answered",
]);

/** States in which an agency holds the item and its deadline runs. */
export const DEADLINE_STATES: ReadonlySet<State> = new Set(["assigned", "in_progress", "reopened"]);

const TABLE: Readonly<Record<Action, Partial<Record<State, State>>>> = {
  submit: { draft: "submitted", returned: "submitted" },
  receive: { submitted: "received" },
  return: { received: "returned" },
  redirect: { received: "redirected" },
  // Routing again from assigned/in_progress is a re-route by the coordinator; every one is recorded.
  route: { received: "assigned", reopened: "assigned", assigned: "assigned", in_progress: "assigned" },
  escalate: { received: "escalated_central", assigned: "escalated_central", reopened: "escalated_central" },
  start: { assigned: "in_progress" },
  answer: { assigned: "answered", in_progress: "answered" },
  // "Not ours": back to the coordinator's inbox to be routed again (counted against nobody, but counted).
  hand_back: { assigned: "received", in_progress: "received" },
  extend: { assigned: "assigned", in_progress: "in_progress" },
  confirm: { answered: "closed", central_answered: "closed" },
  reopen: { answered: "reopened", central_answered: "reopened" },
  auto_close: { answered: "closed", central_answered: "closed" },
  report_central: { escalated_central: "in_central_report" },
  central_answer: { in_central_report: "central_answered", escalated_central: "central_answered" },
  merge: Object.fromEntries([...OPEN_STATES].map((s) => [s, "merged"])) as Partial<Record<State, State>>,
  unmerge: { merged: "received" },
  // The cluster's lead was answered: every member gets the answer, and its own village confirms or reopens.
  cluster_answer: { merged: "answered" },
};

/** The state after `action`, or null when the action is not allowed in `state`. */
export function transition(state: State, action: Action): State | null {
  return TABLE[action][state] ?? null;
}

export function allowedActions(state: State): Action[] {
  return ACTIONS.filter((a) => transition(state, a) !== null);
}

export function isOpen(state: State): boolean {
  return OPEN_STATES.has(state);
}

export function isState(v: unknown): v is State {
  return typeof v === "string" && (STATES as readonly string[]).includes(v);
}

export function isAction(v: unknown): v is Action {
  return typeof v === "string" && (ACTIONS as readonly string[]).includes(v);
}

/** Statutory kinds go to their own legal procedure instead of being "answered". */
export const KINDS = [
  "report",
  "recommendation",
  "proposal",
  "question",
  "complaint",
  "denunciation",
  "voter_recommendation",
] as const;
export type Kind = (typeof KINDS)[number];
export const STATUTORY_KINDS: ReadonlySet<Kind> = new Set([
  "complaint",
  "denunciation",
  "voter_recommendation",
]);
/** What a village head may file from the form. */
export const FILING_KINDS = ["report", "recommendation", "proposal"] as const;

export const URGENCIES = ["normal", "pressing", "urgent"] as const;
export type Urgency = (typeof URGENCIES)[number];

export const LEVELS = ["commune", "province", "central"] as const;
export type Level = (typeof LEVELS)[number];
