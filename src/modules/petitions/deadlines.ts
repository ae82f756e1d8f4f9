import {
  addWorkingDays,
  type Calendar,
  type DeadlineRule,
  deadlineFor,
} from "../../platform/calendar/index.ts";
import type { Kind, Level, Urgency } from "./states.ts";

/**
 * Deadline profiles: kind × urgency × level → how long the holder has. Defaults follow DESIGN §3 and common
 * provincial practice; a province profile may override any cell. Statutory kinds carry their legal clocks.
 */
export type DeadlineProfile = {
  answer: Record<Level, Record<Urgency, DeadlineRule>>;
  /** Extra time per kind (e.g. a proposal needs study); replaces the answer rule when present. */
  byKind?: Partial<Record<Kind, Partial<Record<Urgency, DeadlineRule>>>>;
  /** Statutory procedures: time to accept (thụ lý) after redirection. */
  statutoryAccept: Record<"complaint" | "denunciation" | "voter_recommendation", DeadlineRule>;
  /** Days a village head has to confirm an answer before it closes by itself. */
  confirmWithinDays: number;
  /** Working days past the deadline after which an overdue item is escalated to the coordinator. */
  escalateAfterOverdueDays: number;
};

const wd = (amount: number): DeadlineRule => ({ unit: "working_days", amount });
const wh = (amount: number): DeadlineRule => ({ unit: "working_hours", amount });
const cd = (amount: number): DeadlineRule => ({ unit: "calendar_days", amount });

export const DEFAULT_DEADLINES: DeadlineProfile = {
  answer: {
    commune: { normal: wd(10), pressing: wd(3), urgent: wh(8) },
    province: { normal: wd(15), pressing: wd(5), urgent: wh(16) },
    central: { normal: cd(60), pressing: cd(30), urgent: cd(15) },
  },
  byKind: { proposal: { normal: wd(20) } },
  // Luật Khiếu nại: 10 days to accept; Luật Tố cáo: 7 working days; voter recommendations: 40 days.
  statutoryAccept: { complaint: wd(10), denunciation: wd(7), voter_recommendation: cd(40) },
  confirmWithinDays: 10,
  escalateAfterOverdueDays: 5,
};

export function answerRule(
  profile: DeadlineProfile,
  kind: Kind,
  urgency: Urgency,
  level: Level,
): DeadlineRule {
  return profile.byKind?.[kind]?.[urgency] ?? profile.answer[level][urgency];
}

/** When the holder must answer by, counted from the moment it was assigned. */
export function answerDeadline(
  assignedAt: Date,
  kind: Kind,
  urgency: Urgency,
  level: Level,
  cal: Calendar,
  profile: DeadlineProfile = DEFAULT_DEADLINES,
): Date {
  return deadlineFor(assignedAt, answerRule(profile, kind, urgency, level), cal);
}

/** An approved extension adds working days to the current deadline (never to "now"). */
export function extendDeadline(current: Date, workingDays: number, cal: Calendar): Date {
  return addWorkingDays(current, workingDays, cal);
}

export function isOverdue(deadline: Date | null, now: Date): boolean {
  return deadline !== null && now.getTime() > deadline.getTime();
}
