/** Pure rules of directives: states, deadlines, reminder moments. No I/O. */

export const STATES = ["draft", "approved", "published", "revoked"] as const;
export type DirectiveState = (typeof STATES)[number];

export const ACTIONS = ["edit", "approve", "publish", "correct", "revoke"] as const;
export type DirectiveAction = (typeof ACTIONS)[number];

const TRANSITIONS: Record<DirectiveAction, Partial<Record<DirectiveState, DirectiveState>>> = {
  // editing an approved draft sends it back for approval: a leader approves what is published
  edit: { draft: "draft", approved: "draft" },
  approve: { draft: "approved" },
  publish: { approved: "published" },
  correct: { published: "published" },
  revoke: { published: "revoked" },
};

export function nextState(state: DirectiveState, action: DirectiveAction): DirectiveState | undefined {
  return TRANSITIONS[action][state];
}

export function isDirectiveState(v: unknown): v is DirectiveState {
  return typeof v === "string" && (STATES as readonly string[]).includes(v);
}

export const FORMS = ["village_meeting", "loudspeaker", "visits", "zalo_group", "notice_board"] as const;
export type DisseminationForm = (typeof FORMS)[number];

export const CATEGORIES = [
  "agriculture",
  "land",
  "health",
  "education",
  "security",
  "social",
  "environment",
  "economy",
  "party",
  "other",
] as const;

export const TARGET_ROLES = ["village_head", "commune_officer"] as const;

/** A deadline date (yyyy-mm-dd) lasts the whole day in Việt Nam: it passes at the next midnight, +07:00. */
export function dueEnd(date: string): Date {
  const d = new Date(`${date}T00:00:00+07:00`);
  return new Date(d.getTime() + 24 * 3600_000);
}

/** How long before a deadline the "due soon" reminder goes out. */
export const REMIND_BEFORE_MS = 2 * 24 * 3600_000;

export type ReminderKind = "ack_soon" | "ack_overdue" | "dis_soon" | "dis_overdue";

/** Which reminder is due now for one delivery (null when none): what the sweep computes set-based in SQL. */
export function reminderDue(
  now: Date,
  due: { ack: string; dis: string },
  done: { acknowledged: boolean; disseminated: boolean },
): ReminderKind[] {
  const out: ReminderKind[] = [];
  const check = (date: string, finished: boolean, soon: ReminderKind, overdue: ReminderKind) => {
    if (finished) return;
    const end = dueEnd(date).getTime();
    if (now.getTime() >= end) out.push(overdue);
    else if (now.getTime() >= end - REMIND_BEFORE_MS) out.push(soon);
  };
  check(due.ack, done.acknowledged, "ack_soon", "ack_overdue");
  check(due.dis, done.disseminated, "dis_soon", "dis_overdue");
  return out;
}

/** A delivery is overdue when a deadline has passed without its step. */
export function isOverdue(
  now: Date,
  due: { ack: string; dis: string },
  done: { acknowledged: boolean; disseminated: boolean },
): boolean {
  return (!done.acknowledged && now >= dueEnd(due.ack)) || (!done.disseminated && now >= dueEnd(due.dis));
}

/** A unit lies in a target when the target's path is a prefix of the unit's. */
export function inTargets(targetPaths: readonly string[], unitPath: string): boolean {
  return targetPaths.some((p) => unitPath.startsWith(p));
}

/** Percent with one decimal, 0 when there is nothing to count. */
export function percent(part: number, whole: number): number {
  return whole > 0 ? Math.round((part / whole) * 1000) / 10 : 0;
}

/** Residents' opinions as typed: one per line, trimmed, empty lines and repeats dropped. */
export function splitOpinions(text: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    const s = line.trim().replace(/\s+/g, " ");
    if (s.length === 0 || seen.has(s)) continue;
    seen.add(s);
    out.push(s.slice(0, 2000));
  }
  return out;
}

/**
 * The target subtrees as disjoint ranges of unit paths, for index range scans on units_path (text_pattern_ops):
 * every path starting with `root` lies in [root, next) where `next` is root with its last character incremented
 * (so '/1/57/' → ['/1/57/', '/1/570']). A root inside another root is dropped: the outer range covers it.
 */
export function subtreeRanges(roots: readonly string[]): { lo: string[]; hi: string[] } {
  const sorted = [...new Set(roots.filter((r) => r.length > 0))].sort();
  const lo: string[] = [];
  const hi: string[] = [];
  for (const r of sorted) {
    if (lo.some((k) => r.startsWith(k))) continue;
    lo.push(r);
    hi.push(r.slice(0, -1) + String.fromCharCode(r.charCodeAt(r.length - 1) + 1));
  }
  return { lo, hi };
}
