/** The life of a dialogue, in one place: planned → open for questions → live → closed → minutes published. */
export const DIALOGUE_STATES = [
  "planned",
  "open_for_questions",
  "live",
  "closed",
  "minutes_published",
] as const;
export type DialogueState = (typeof DIALOGUE_STATES)[number];

export const DIALOGUE_ACTIONS = ["open_questions", "go_live", "close", "publish_minutes"] as const;
export type DialogueAction = (typeof DIALOGUE_ACTIONS)[number];

const TRANSITIONS: Record<DialogueAction, { from: readonly DialogueState[]; to: DialogueState }> = {
  open_questions: { from: ["planned"], to: "open_for_questions" },
  // A dialogue may start without questions collected in advance.
  go_live: { from: ["planned", "open_for_questions"], to: "live" },
  close: { from: ["live"], to: "closed" },
  publish_minutes: { from: ["closed"], to: "minutes_published" },
};

export function isDialogueState(v: unknown): v is DialogueState {
  return typeof v === "string" && (DIALOGUE_STATES as readonly string[]).includes(v);
}

export function isDialogueAction(v: unknown): v is DialogueAction {
  return typeof v === "string" && (DIALOGUE_ACTIONS as readonly string[]).includes(v);
}

/** The state after `action`, or null when the action is not possible from `state`. */
export function nextState(state: DialogueState, action: DialogueAction): DialogueState | null {
  const t = TRANSITIONS[action];
  return t.from.includes(state) ? t.to : null;
}

export function availableActions(state: DialogueState): DialogueAction[] {
  return DIALOGUE_ACTIONS.filter((a) => nextState(state, a) !== null);
}

/** Village heads may raise and support questions from the moment questions open until the dialogue ends. */
export const ASKING_STATES: ReadonlySet<DialogueState> = new Set(["open_for_questions", "live"]);
/** Once closed, nothing said can change: the record is what the minutes say. */
export const FINISHED_STATES: ReadonlySet<DialogueState> = new Set(["closed", "minutes_published"]);

// ------------------------------------------------------------------------------------------------ the queue

export const QUESTION_STATES = ["queued", "current", "answered", "skipped"] as const;
export type QuestionState = (typeof QUESTION_STATES)[number];

export type QueueItem = { id: number; state: QuestionState };

export type QueueMove =
  | { kind: "next" }
  | { kind: "skip" }
  /** Take this (queued or skipped) question now. */
  | { kind: "call"; id: number };

export type QueuePlan = { currentId: number | null; changes: { id: number; state: QuestionState }[] };

/**
 * What a moderator's move does to the queue, given the questions in queue order and the one on screen.
 * "next" leaves an unanswered current question as skipped (it is not lost: skipped ones become petitions if
 * never answered) and takes the first queued one; "skip" is the same, said explicitly; "call" takes a chosen
 * queued or skipped question, and an unanswered current one goes back to the queue. Answered stays answered.
 */
export function planMove(
  items: readonly QueueItem[],
  currentId: number | null,
  move: QueueMove,
): QueuePlan | null {
  const current = currentId === null ? undefined : items.find((i) => i.id === currentId);
  const changes: { id: number; state: QuestionState }[] = [];
  if (move.kind === "call") {
    const target = items.find((i) => i.id === move.id);
    if (!target || (target.state !== "queued" && target.state !== "skipped")) return null;
    if (current && current.state === "current") changes.push({ id: current.id, state: "queued" });
    changes.push({ id: target.id, state: "current" });
    return { currentId: target.id, changes };
  }
  if (move.kind === "skip" && current?.state !== "current") return null;
  if (current && current.state === "current") changes.push({ id: current.id, state: "skipped" });
  const next = items.find((i) => i.state === "queued" && i.id !== current?.id);
  if (next) changes.push({ id: next.id, state: "current" });
  if (!next && changes.length === 0) return null;
  return { currentId: next ? next.id : null, changes };
}

/** Apply a plan (for tests and for reasoning): the queue after the move. */
export function applyPlan(items: readonly QueueItem[], plan: QueuePlan): QueueItem[] {
  const by = new Map(plan.changes.map((c) => [c.id, c.state]));
  return items.map((i) => ({ id: i.id, state: by.get(i.id) ?? i.state }));
}
