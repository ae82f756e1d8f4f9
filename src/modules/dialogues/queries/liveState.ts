import type { Queryable } from "../../../platform/db/database.ts";
import { listQuestions, type QuestionRow } from "./questions.ts";

/** What the presenter screen and the phones show: small, sent whole with every change. */
export type LiveState = {
  version: number;
  state: string;
  title: string;
  attendance: { present: number; invited: number };
  current: LiveQuestion | null;
  next: LiveQuestion[];
  answered: number;
  remaining: number;
};

export type LiveQuestion = {
  id: number;
  rank: number;
  text: string;
  village: string;
  asker: string;
  villages: number;
  agency: string;
  answer: string;
  answeredBy: string;
};

const brief = (q: QuestionRow): LiveQuestion => ({
  id: q.id,
  rank: q.rank,
  text: q.text,
  village: [q.village_name, q.commune_name].filter(Boolean).join(", "),
  asker: q.asker_name ?? "",
  villages: q.villages,
  agency: q.agency_name ?? "",
  answer: q.answer_summary ?? "",
  answeredBy: q.answered_by_text ?? "",
});

export type LiveAttendance = { version: number; present: number; invited: number };

type Head = {
  title: string;
  state: string;
  live_version: number;
  current_question_id: number | null;
  invited: number;
  present: number;
};

/** The dialogue's row and its attendance; both counts are answered from the (dialogue_id, checked_in_at) index. */
async function loadHead(db: Queryable, dialogueId: number): Promise<Head | null> {
  const { rows } = await db.query<Head>(
    `SELECT d.title, d.state, d.live_version, d.current_question_id,
            (SELECT count(*)::int FROM dialogue_invitations i WHERE i.dialogue_id = d.id) AS invited,
            (SELECT count(*)::int FROM dialogue_invitations i WHERE i.dialogue_id = d.id AND i.checked_in_at IS NOT NULL) AS present
       FROM dialogues d WHERE d.id = $1`,
    [dialogueId],
  );
  return rows[0] ?? null;
}

/** All a check-in changes: the count, without the ranked question list. */
export async function loadLiveAttendance(db: Queryable, dialogueId: number): Promise<LiveAttendance | null> {
  const d = await loadHead(db, dialogueId);
  return d ? { version: d.live_version, present: d.present, invited: d.invited } : null;
}

export async function loadLiveState(db: Queryable, dialogueId: number): Promise<LiveState | null> {
  const d = await loadHead(db, dialogueId);
  if (!d) return null;
  const questions = await listQuestions(db, dialogueId);
  const current = questions.find((q) => q.id === d.current_question_id);
  return {
    version: d.live_version,
    state: d.state,
    title: d.title,
    attendance: { present: d.present, invited: d.invited },
    current: current ? brief(current) : null,
    next: questions
      .filter((q) => q.state === "queued")
      .slice(0, 5)
      .map(brief),
    answered: questions.filter((q) => q.state === "answered").length,
    remaining: questions.filter((q) => q.state === "queued" || q.state === "skipped").length,
  };
}
