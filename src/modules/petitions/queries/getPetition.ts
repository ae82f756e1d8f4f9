import { prepared, type Queryable } from "../../../platform/db/database.ts";
import type { Actor } from "../../../platform/http/types.ts";
import { canSeeResidents, canView, type PetitionSubject } from "../policy.ts";

export type PetitionDetail = {
  id: number;
  code: string;
  kind: string;
  category_code: string | null;
  category_name: string | null;
  title: string;
  body: string;
  urgency: string;
  households: number;
  location: string | null;
  state: string;
  level: string | null;
  village_id: number;
  village_name: string;
  commune_name: string | null;
  unit_path: string;
  agency_id: number | null;
  agency_name: string | null;
  central_agency_name: string | null;
  central_report_id: number | null;
  submitted_by: number;
  submitter_name: string;
  deadline_at: Date | null;
  overdue_since: Date | null;
  submitted_at: Date | null;
  answered_at: Date | null;
  closed_at: Date | null;
  answer: string | null;
  answer_published: boolean;
  answered_on_time: boolean | null;
  satisfaction: string | null;
  return_reason: string | null;
  redirect_procedure: string | null;
  redirect_due_at: Date | null;
  cluster_id: number | null;
  hand_backs: number;
  version: number;
};

export type TimelineEvent = {
  id: number;
  at: Date;
  action: string;
  from_state: string | null;
  to_state: string;
  actor_name: string | null;
  agency_name: string | null;
  note: string | null;
  data: Record<string, unknown> | null;
};

export type Attachment = {
  id: number;
  purpose: string;
  kind: string;
  mime: string;
  size: number;
  storage_key: string;
  original_name: string | null;
  event_id: number | null;
};

export type PetitionView = {
  petition: PetitionDetail;
  subject: PetitionSubject;
  timeline: TimelineEvent[];
  attachments: Attachment[];
  residents: { names: string | null; phones: string | null; consent: boolean } | null;
  pendingExtension: { id: number; working_days: number; reason: string } | null;
};

/** A petition as this person may see it: null when it does not exist or is not theirs to see. */
export async function getPetition(
  db: Queryable,
  actor: Actor | null,
  id: number,
): Promise<PetitionView | null> {
  // One round trip for the petition, its timeline, files and pending extension (the detail page and every API
  // answer read it); residents' data stays a separate query, made only for those allowed to see it when there is
  // any (most petitions have none: the query is skipped).
  const { rows } = await db.query<
    PetitionDetail & {
      former_agency_ids: number[];
      timeline_json: (Omit<TimelineEvent, "at"> & { at: string })[];
      attachments_json: Attachment[];
      extension_json: { id: number; working_days: number; reason: string } | null;
      has_residents: boolean;
    }
  >(
    prepared(
      db,
      "petitions.get",
      `SELECT p.id, p.code, p.kind, p.category_code, c.name_vi AS category_name, p.title, p.body, p.urgency, p.households,
            p.location, p.state, p.level, p.village_id, v.name AS village_name, cm.name AS commune_name, p.unit_path,
            p.agency_id, a.name AS agency_name, ca.name AS central_agency_name, p.central_report_id, p.submitted_by,
            u.full_name AS submitter_name, p.deadline_at, p.overdue_since, p.submitted_at, p.answered_at, p.closed_at,
            p.answer, p.answer_published, p.answered_on_time, p.satisfaction, p.return_reason, p.redirect_procedure,
            p.redirect_due_at, p.cluster_id, p.hand_backs, p.version,
            ARRAY(SELECT DISTINCT e.agency_id FROM petition_events e
                   WHERE e.petition_id = p.id AND e.agency_id IS NOT NULL) AS former_agency_ids,
            (SELECT coalesce(json_agg(t ORDER BY t.id), '[]'::json) FROM (
               SELECT e.id, e.at, e.action, e.from_state, e.to_state, eu.full_name AS actor_name, ea.name AS agency_name,
                      e.note, e.data
                 FROM petition_events e LEFT JOIN users eu ON eu.id = e.actor_id LEFT JOIN agencies ea ON ea.id = e.agency_id
                WHERE e.petition_id = p.id) t) AS timeline_json,
            (SELECT coalesce(json_agg(f ORDER BY f.id), '[]'::json) FROM (
               SELECT id, purpose, kind, mime, size, storage_key, original_name, event_id
                 FROM petition_attachments WHERE petition_id = p.id) f) AS attachments_json,
            (SELECT row_to_json(x) FROM (
               SELECT id, working_days, reason FROM extension_requests
                WHERE petition_id = p.id AND state = 'pending' ORDER BY id DESC LIMIT 1) x) AS extension_json,
            EXISTS (SELECT 1 FROM petition_residents r WHERE r.petition_id = p.id) AS has_residents
       FROM petitions p
       LEFT JOIN categories c ON c.code = p.category_code
       JOIN units v ON v.id = p.village_id LEFT JOIN units cm ON cm.id = v.parent_id
       LEFT JOIN agencies a ON a.id = p.agency_id LEFT JOIN agencies ca ON ca.id = p.central_agency_id
       JOIN users u ON u.id = p.submitted_by
      WHERE p.id = $1`,
      [id],
    ),
  );
  const row = rows[0];
  if (!row) return null;
  const { former_agency_ids, timeline_json, attachments_json, extension_json, has_residents, ...petition } =
    row;
  const subject: PetitionSubject = {
    unitPath: petition.unit_path,
    agencyId: petition.agency_id,
    formerAgencyIds: former_agency_ids.map(Number),
  };
  if (!canView(actor, subject)) return null;
  if (petition.state === "draft" && petition.submitted_by !== actor?.id) return null;
  let residents: PetitionView["residents"] = null;
  if (has_residents && canSeeResidents(actor, subject)) {
    const r = await db.query<{ names: string | null; phones: string | null; consent: boolean }>(
      "SELECT names, phones, consent FROM petition_residents WHERE petition_id = $1",
      [id],
    );
    residents = r.rows[0] ?? null;
  }
  return {
    petition,
    subject,
    timeline: timeline_json.map((e) => ({ ...e, at: new Date(e.at) })),
    attachments: attachments_json,
    residents,
    pendingExtension: extension_json,
  };
}

/**
 * The view of a petition just filed, from the row its statement returned (no second read): its first timeline
 * event, no files, the residents' data it was filed with for those who may see it.
 */
export function filedView(
  actor: Actor,
  petition: PetitionDetail,
  first: TimelineEvent,
  residents: PetitionView["residents"],
): PetitionView {
  const subject: PetitionSubject = {
    unitPath: petition.unit_path,
    agencyId: petition.agency_id,
    formerAgencyIds: [],
  };
  return {
    petition,
    subject,
    timeline: [first],
    attachments: [],
    residents: residents && canSeeResidents(actor, subject) ? residents : null,
    pendingExtension: null,
  };
}
