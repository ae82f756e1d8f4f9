import { parseDate } from "../../platform/i18n/i18n.ts";
import type { SessionInput } from "./commands/courseParts.ts";
import type { CourseInput } from "./commands/createCourse.ts";
import { FORMATS, TARGET_ROLES } from "./views/courseForm.tsx";

/** Form bodies → command inputs, with each problem as a catalog key beside its field. */

type Parsed<T> = { ok: true; data: T } | { ok: false; errors: Record<string, string> };

const TIME = /^\s*([01]?\d|2[0-3])[:hH.]([0-5]\d)\s*$/;

function at(isoDay: string, time: string): Date | undefined {
  const m = TIME.exec(time);
  if (!m) return undefined;
  return new Date(`${isoDay}T${String(m[1]).padStart(2, "0")}:${m[2]}:00+07:00`);
}

export function parseSession(body: Record<string, string>): Parsed<SessionInput> {
  const errors: Record<string, string> = {};
  const day = parseDate(body.date ?? "");
  if (!day) errors.date = "training.error.date";
  const startsAt = day ? at(day, body.startTime ?? "") : undefined;
  const endsAt = day ? at(day, body.endTime ?? "") : undefined;
  if (day && !startsAt) errors.startTime = "training.error.time";
  if (day && !endsAt) errors.endTime = "training.error.time";
  if (startsAt && endsAt && endsAt <= startsAt) errors.endTime = "training.error.endBeforeStart";
  const place = (body.place ?? "").trim();
  if (!place) errors.place = "training.error.place";
  else if (place.length > 300) errors.place = "training.error.tooLong";
  if (Object.keys(errors).length || !startsAt || !endsAt) return { ok: false, errors };
  return { ok: true, data: { startsAt, endsAt, place, required: body.required === "1" } };
}

const int = (s: string | undefined) => (s && /^\s*\d{1,6}\s*$/.test(s) ? Number(s.trim()) : undefined);

export function parseCourse(
  body: Record<string, string>,
  targetUnitIds: string[],
): Parsed<{ course: Omit<CourseInput, "idempotencyKey">; session: SessionInput }> {
  const errors: Record<string, string> = {};
  const title = (body.title ?? "").trim();
  if (!title) errors.title = "training.error.title";
  else if (title.length > 200) errors.title = "training.error.tooLong";
  const description = (body.description ?? "").trim();
  if (description.length > 4000) errors.description = "training.error.tooLong";
  const topicCode = body.topicCode ?? "";
  if (!/^[a-z0-9_]{2,40}$/.test(topicCode)) errors.topicCode = "training.error.topic";
  const format = body.format ?? "";
  if (!(FORMATS as readonly string[]).includes(format)) errors.format = "training.error.format";
  const targetRole = body.targetRole || "village_head";
  if (!(TARGET_ROLES as readonly string[]).includes(targetRole))
    errors.targetRole = "training.error.targetRole";
  const ids = targetUnitIds.filter((v) => /^\d{1,15}$/.test(v)).map(Number);
  if (ids.length === 0 || ids.length !== targetUnitIds.length) errors.targetUnitIds = "training.error.target";
  let capacity: number | null = null;
  if ((body.capacity ?? "").trim()) {
    const n = int(body.capacity);
    if (n === undefined || n < 1 || n > 100_000) errors.capacity = "training.error.capacity";
    else capacity = n;
  }
  let passMark = 70;
  if ((body.passMark ?? "").trim()) {
    const n = int(body.passMark);
    if (n === undefined || n < 1 || n > 100) errors.passMark = "training.error.passMark";
    else passMark = n;
  }
  const session = parseSession(body);
  if (!session.ok) Object.assign(errors, session.errors);
  if (Object.keys(errors).length || !session.ok) return { ok: false, errors };
  return {
    ok: true,
    data: {
      course: {
        title,
        description,
        topicCode,
        format: format as CourseInput["format"],
        targetRole: targetRole as CourseInput["targetRole"],
        targetUnitIds: ids,
        capacity,
        openEnrolment: body.openEnrolment === "1",
        certificate: body.certificate === "1",
        passMark,
      },
      session: session.data,
    },
  };
}

export function parseQuestion(
  body: Record<string, string>,
): Parsed<{ prompt: string; choices: string[]; answer: number }> {
  const errors: Record<string, string> = {};
  const prompt = (body.prompt ?? "").trim();
  if (!prompt) errors.prompt = "training.error.prompt";
  else if (prompt.length > 500) errors.prompt = "training.error.tooLong";
  const choices = (body.choices ?? "")
    .split(/\r?\n/)
    .map((s) => s.trim())
    .filter(Boolean);
  if (choices.length < 2 || choices.length > 6 || choices.some((c) => c.length > 300))
    errors.choices = "training.error.choices";
  const answer = int(body.answer);
  if (answer === undefined || answer < 1 || answer > Math.max(choices.length, 1))
    errors.answer = "training.error.answer";
  if (Object.keys(errors).length || answer === undefined) return { ok: false, errors };
  return { ok: true, data: { prompt, choices, answer: answer - 1 } };
}
