import { hasRole } from "../../platform/authz.ts";
import type { Actor } from "../../platform/http/types.ts";

/**
 * Who may do what with training. Trainers own the courses they create; admins may do everything; village heads
 * see their own enrolments and record only; coordinators and leaders read the province's coverage and records.
 */

export type CourseSubject = {
  trainerId: number;
  openEnrolment: boolean;
  targetRole: string;
  targetPaths: readonly string[];
};

export const canCreateCourse = (a: Actor | null) => hasRole(a, "admin", "trainer");

export const canEditTopics = (a: Actor | null) => hasRole(a, "admin", "trainer");

/** Sessions, materials, questions, enrolment of the target, attendance and QR check-in. */
export function canManageCourse(a: Actor | null, course: Pick<CourseSubject, "trainerId">): boolean {
  if (!a) return false;
  if (hasRole(a, "admin")) return true;
  return hasRole(a, "trainer") && course.trainerId === a.id;
}

/** Read-only overview of every course, the coverage report and anybody's record. */
export const canOverseeTraining = (a: Actor | null) =>
  hasRole(a, "admin", "coordinator", "leader", "trainer");

/** The person holds the course's target role somewhere inside its target units. */
export function isInTarget(
  a: Actor | null,
  course: Pick<CourseSubject, "targetRole" | "targetPaths">,
): boolean {
  if (!a) return false;
  return a.grants.some(
    (g) =>
      g.role === course.targetRole &&
      g.unitPath !== null &&
      course.targetPaths.some((p) => (g.unitPath ?? "").startsWith(p)),
  );
}

export function canSelfEnrol(a: Actor | null, course: CourseSubject): boolean {
  return course.openEnrolment && isInTarget(a, course);
}

/** Anyone who oversees training, anyone in the target, and anyone enrolled may read a course's page. */
export function canViewCourse(a: Actor | null, course: CourseSubject, enrolled: boolean): boolean {
  return canOverseeTraining(a) || canManageCourse(a, course) || enrolled || isInTarget(a, course);
}

/** A person's training record: their own, or anyone's for those who oversee training. */
export function canViewRecord(a: Actor | null, personId: number): boolean {
  return !!a && (a.id === personId || canOverseeTraining(a));
}

/** A certificate: its holder, the course's trainer, admins. */
export function canDownloadCertificate(
  a: Actor | null,
  holderId: number,
  course: Pick<CourseSubject, "trainerId">,
): boolean {
  return !!a && (a.id === holderId || canManageCourse(a, course));
}

/** Only the holder sits the test, and only when enrolled (not waiting, not cancelled). */
export function canTakeTest(a: Actor | null, holderId: number, status: string): boolean {
  return !!a && a.id === holderId && status === "enrolled";
}
