import { randomBytes } from "node:crypto";

/**
 * The training rules that need no database: completion, the waiting list, grading a test, which session is
 * "running now" at the door, and the shape of a certificate's verification code.
 */

/** Attempts a village head gets at a course's test. More than one, because the test is there to check what was
 * learnt, not to fail people on a nervous first try; not unlimited, because with four choices per question
 * guessing through retakes would eventually pass anyone. The best attempt counts. */
export const MAX_ATTEMPTS = 3;

export type CompletionInput = {
  requiredSessionIds: readonly number[];
  attendedSessionIds: readonly number[];
  hasTest: boolean;
  passedTest: boolean;
};

/** Complete when every required session was attended and, if the course has a test, it was passed. */
export function isComplete(x: CompletionInput): boolean {
  const attended = new Set(x.attendedSessionIds);
  return x.requiredSessionIds.every((id) => attended.has(id)) && (!x.hasTest || x.passedTest);
}

export type Grade = { correct: number; total: number; score: number; passed: boolean };

/** Percent of right answers, rounded down so that a pass mark of 70 % is never reached by rounding up. */
export function grade(answers: readonly (number | null)[], key: readonly number[], passMark: number): Grade {
  const total = key.length;
  const correct = key.filter((right, i) => answers[i] === right).length;
  const score = total === 0 ? 0 : Math.floor((correct * 100) / total);
  return { correct, total, score, passed: total > 0 && score >= passMark };
}

export function canAttempt(attemptsSoFar: number, alreadyPassed: boolean): boolean {
  return !alreadyPassed && attemptsSoFar < MAX_ATTEMPTS;
}

/**
 * Who moves from the waiting list to a place: the earliest in the queue, as many as there are free places.
 * `waitlist` is in queue order; capacity null means unlimited.
 */
export function promotions(capacity: number | null, enrolled: number, waitlist: readonly number[]): number[] {
  const free = capacity === null ? waitlist.length : Math.max(0, capacity - enrolled);
  return waitlist.slice(0, free);
}

/** A new enrolment takes a place while there is one, otherwise joins the waiting list. */
export function placeFor(capacity: number | null, enrolled: number): "enrolled" | "waitlisted" {
  return capacity === null || enrolled < capacity ? "enrolled" : "waitlisted";
}

export type SessionTime = { id: number; startsAt: Date; endsAt: Date };

/** Which session a QR check-in counts for: one under way now (from an hour before its start to an hour after
 * its end), otherwise none — a code scanned on another day must not mark anything. */
export const CHECKIN_MARGIN_MS = 60 * 60 * 1000;

export function sessionRunningAt(sessions: readonly SessionTime[], now: Date): SessionTime | null {
  const t = now.getTime();
  const open = sessions.filter(
    (s) => s.startsAt.getTime() - CHECKIN_MARGIN_MS <= t && t <= s.endsAt.getTime() + CHECKIN_MARGIN_MS,
  );
  open.sort((a, b) => Math.abs(a.startsAt.getTime() - t) - Math.abs(b.startsAt.getTime() - t) || a.id - b.id);
  return open[0] ?? null;
}

// Crockford's base32 without I, L, O, U: nothing to misread when typed from paper.
const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/** 80 random bits as XXXX-XXXX-XXXX-XXXX: printed on the certificate, checked on the public page. */
export function newCertificateCode(bytes: Uint8Array = randomBytes(10)): string {
  let bits = 0;
  let value = 0;
  let out = "";
  for (const b of bytes) {
    value = (value << 8) | b;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
    value &= (1 << bits) - 1;
  }
  return (out.match(/.{1,4}/g) ?? []).join("-");
}

/** What a person typed into the verify form, made comparable: upper case, O→0, I/L→1, dashes re-inserted. */
export function normalizeCertificateCode(typed: string): string | null {
  const plain = typed.toUpperCase().replace(/[\s-]/g, "").replace(/O/g, "0").replace(/[IL]/g, "1");
  if (!/^[0-9A-HJKMNP-TV-Z]{16}$/.test(plain)) return null;
  return (plain.match(/.{4}/g) ?? []).join("-");
}
