/**
 * The commitment state machine: one pure table. Decisions (and why):
 * - Percent never goes down. The public page is an accountability record: a bar that silently shrinks reads as
 *   a rewritten history. A setback is reported as a dated note at the same percent, which stays on the timeline.
 * - "done" needs 100 % and either evidence or a note, so the public sees what was done, not only a claim.
 * - "overdue" is set only by the sweep, once the deadline has passed; an overdue commitment can still progress and
 *   be done (late), which the timeline shows. "done" and "cancelled" are final.
 */
export const COMMITMENT_STATES = ["not_started", "in_progress", "overdue", "done", "cancelled"] as const;
export type CommitmentState = (typeof COMMITMENT_STATES)[number];

export const COMMITMENT_ACTIONS = ["progress", "done", "cancel", "overdue"] as const;
export type CommitmentAction = (typeof COMMITMENT_ACTIONS)[number];

export const FINAL_STATES: ReadonlySet<CommitmentState> = new Set(["done", "cancelled"]);
/** States whose deadline still runs: the sweep looks at these. */
export const RUNNING_STATES: readonly CommitmentState[] = ["not_started", "in_progress"];

export function isCommitmentState(v: unknown): v is CommitmentState {
  return typeof v === "string" && (COMMITMENT_STATES as readonly string[]).includes(v);
}

export type Step = {
  state: CommitmentState;
  percent: number;
  /** Deadline passed (only meaningful for "overdue"). */
  deadlinePassed?: boolean;
};

export type StepInput = {
  action: CommitmentAction;
  /** The reported percent (progress, done); ignored for cancel and overdue. */
  percent?: number;
  note?: string | null;
  evidenceCount?: number;
  reason?: string | null;
};

export type StepResult =
  | { ok: true; state: CommitmentState; percent: number }
  | { ok: false; error: string; field?: string };

const refuse = (error: string, field?: string): StepResult => ({ ok: false, error, field });

export function validPercent(p: unknown): p is number {
  return typeof p === "number" && Number.isInteger(p) && p >= 0 && p <= 100;
}

/** What a step does to a commitment, or why it may not happen. */
export function step(current: Step, input: StepInput): StepResult {
  if (FINAL_STATES.has(current.state)) return refuse("commitments.error.final");
  const hasNote = (input.note ?? "").trim().length > 0;
  switch (input.action) {
    case "progress": {
      const p = input.percent;
      if (!validPercent(p)) return refuse("commitments.error.percent", "percent");
      if (p < current.percent) return refuse("commitments.error.percentDown", "percent");
      if (p === current.percent && !hasNote && (input.evidenceCount ?? 0) === 0)
        return refuse("commitments.error.nothingNew", "note");
      // Overdue stays overdue until done: being late is a fact, not a phase that progress erases.
      const state: CommitmentState =
        current.state === "overdue" ? "overdue" : p > 0 ? "in_progress" : current.state;
      return { ok: true, state, percent: p };
    }
    case "done": {
      const p = input.percent ?? current.percent;
      if (!validPercent(p)) return refuse("commitments.error.percent", "percent");
      if (p < current.percent) return refuse("commitments.error.percentDown", "percent");
      if (p !== 100) return refuse("commitments.error.doneNeeds100", "percent");
      if (!hasNote && (input.evidenceCount ?? 0) === 0)
        return refuse("commitments.error.doneNeedsProof", "note");
      return { ok: true, state: "done", percent: 100 };
    }
    case "cancel": {
      if ((input.reason ?? "").trim().length === 0) return refuse("commitments.error.reason", "reason");
      return { ok: true, state: "cancelled", percent: current.percent };
    }
    case "overdue": {
      if (current.state === "overdue") return refuse("commitments.error.alreadyOverdue");
      if (!current.deadlinePassed) return refuse("commitments.error.notDue");
      return { ok: true, state: "overdue", percent: current.percent };
    }
  }
}
