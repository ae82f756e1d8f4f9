import { deadlineFor } from "../../../platform/calendar/index.ts";
import { loadCalendar } from "../../../platform/calendar/store.ts";
import { type CommandContext, CommandError, runCommand } from "../../../platform/commands.ts";
import type { Actor } from "../../../platform/http/types.ts";
import { notify } from "../../notifications/notify.ts";
import {
  answerDeadline,
  DEFAULT_DEADLINES,
  type DeadlineProfile,
  extendDeadline,
  isOverdue,
} from "../deadlines.ts";
import { canDecideExtension, type PetitionSubject } from "../policy.ts";
import { agencyOfficers, rolesOver, villageHeads } from "../recipients.ts";
import { type Kind, type Level, STATUTORY_KINDS, type Urgency } from "../states.ts";
import { villageContext } from "../villageCache.ts";
import { applyAction, type PetitionRow, type StepContext } from "./applyAction.ts";
import { attachFiles, searchFields, type Upload } from "./submitPetition.ts";

type Ctx = StepContext;
const profileOf = (_ctx: Ctx): DeadlineProfile => DEFAULT_DEADLINES;

export type Classification = { kind: Kind; categoryCode: string | null; urgency: Urgency; level: Level };

async function checkCategory(ctx: Ctx, code: string | null) {
  if (!code) return;
  const r = await ctx.pool.query("SELECT 1 FROM categories WHERE code = $1 AND active", [code]);
  if (r.rowCount === 0) throw new CommandError("petitions.error.categoryUnknown", 422, "categoryCode");
}

/** The commune or the coordinator takes the item in and classifies it. */
export async function receivePetition(ctx: Ctx, id: number, c: Classification, v?: number) {
  await checkCategory(ctx, c.categoryCode);
  return applyAction(
    ctx,
    id,
    "receive",
    (row, _client, now) => ({
      patch: {
        kind: c.kind,
        category_code: c.categoryCode,
        urgency: c.urgency,
        level: c.level,
        received_at: now,
      },
      data: { ...c },
      notices: [{ userIds: [row.submitted_by], kind: "petition_received" }],
    }),
    { expectedVersion: v },
  );
}

/** Sent back to the village head with a reason; they edit and resubmit. */
export async function returnPetition(ctx: Ctx, id: number, reason: string, v?: number) {
  if (!reason.trim()) throw new CommandError("petitions.error.reasonRequired", 422, "reason");
  return applyAction(
    ctx,
    id,
    "return",
    async (row, client) => ({
      patch: { return_reason: reason },
      note: reason,
      notices: [
        {
          userIds: await villageHeads(client, row.village_id),
          kind: "petition_returned",
          params: { reason },
        },
      ],
    }),
    { expectedVersion: v },
  );
}

export type Edits = {
  title: string;
  body: string;
  households: number;
  location?: string | null;
  categoryCode: string | null;
};

/** The village head fixes what was asked and sends it again (returned → submitted), or sends a draft. */
export async function resubmitPetition(ctx: Ctx, id: number, e: Edits, v?: number) {
  await checkCategory(ctx, e.categoryCode);
  return applyAction(
    ctx,
    id,
    "submit",
    async (row, client, now) => {
      const village = await villageContext(client, row.village_id);
      return {
        patch: {
          title: e.title,
          body: e.body,
          households: e.households,
          location: e.location ?? null,
          category_code: e.categoryCode,
          submitted_at: now,
          ...searchFields(
            e.title,
            e.body,
            [village?.name ?? "", village?.commune_name ?? ""].filter(Boolean),
          ),
        },
        notices: [
          {
            userIds: await rolesOver(client, "commune_officer", row.unit_path),
            kind: "petition_submitted",
            params: { village: village?.name ?? "" },
          },
        ],
      };
    },
    { expectedVersion: v },
  );
}

/** Complaints and denunciations go to their legal procedure, with its clock. */
export async function redirectPetition(
  ctx: Ctx,
  id: number,
  procedure: "complaint" | "denunciation" | "voter_recommendation",
  note: string,
  v?: number,
) {
  const cal = await loadCalendar(ctx.pool);
  return applyAction(
    ctx,
    id,
    "redirect",
    async (row, client, now) => ({
      patch: {
        kind: procedure,
        redirect_procedure: procedure,
        redirect_due_at: deadlineFor(now, profileOf(ctx).statutoryAccept[procedure], cal),
        closed_at: now,
      },
      note,
      data: { procedure },
      notices: [
        {
          userIds: await villageHeads(client, row.village_id),
          kind: "petition_redirected",
          params: { procedure },
        },
      ],
    }),
    { expectedVersion: v },
  );
}

/** Route (or re-route) to the responsible agency; the answer deadline starts now. */
export async function routePetition(ctx: Ctx, id: number, agencyId: number, note: string | null, v?: number) {
  const a = await ctx.pool.query<{ kind: string }>(
    "SELECT kind FROM agencies WHERE id = $1 AND retired_at IS NULL",
    [agencyId],
  );
  if (!a.rows[0]) throw new CommandError("petitions.error.agencyUnknown", 422, "agencyId");
  if (a.rows[0].kind === "central") throw new CommandError("petitions.error.useEscalate", 422, "agencyId");
  const cal = await loadCalendar(ctx.pool);
  return applyAction(
    ctx,
    id,
    "route",
    async (row, client, now) => {
      const kind = row.kind as Kind;
      if (STATUTORY_KINDS.has(kind)) throw new CommandError("petitions.error.statutoryMustRedirect", 409);
      const level = (row.level ?? "province") as Level;
      const deadline = answerDeadline(
        now,
        kind,
        row.urgency as Urgency,
        level === "central" ? "province" : level,
        cal,
        profileOf(ctx),
      );
      return {
        patch: {
          agency_id: agencyId,
          assigned_at: now,
          deadline_at: deadline,
          overdue_since: null,
          escalated_for_overdue_at: null,
          level: level === "central" ? "province" : level,
        },
        note,
        eventAgencyId: agencyId,
        data: { previousAgencyId: row.agency_id, deadline: deadline.toISOString() },
        notices: [
          { userIds: await agencyOfficers(client, agencyId), kind: "petition_assigned" },
          { userIds: await villageHeads(client, row.village_id), kind: "petition_routed", email: false },
        ],
      };
    },
    { expectedVersion: v },
  );
}

/** Beyond the province's competence: into this month's central report, addressed to a central agency. */
export async function escalatePetition(
  ctx: Ctx,
  id: number,
  centralAgencyId: number,
  note: string | null,
  v?: number,
) {
  const a = await ctx.pool.query<{ kind: string }>(
    "SELECT kind FROM agencies WHERE id = $1 AND retired_at IS NULL",
    [centralAgencyId],
  );
  if (a.rows[0]?.kind !== "central")
    throw new CommandError("petitions.error.centralAgencyRequired", 422, "centralAgencyId");
  return applyAction(
    ctx,
    id,
    "escalate",
    async (row, client, now) => {
      const ym = new Intl.DateTimeFormat("en-CA", {
        timeZone: "Asia/Ho_Chi_Minh",
        year: "numeric",
        month: "2-digit",
      }).format(now);
      const [year, month] = ym.split("-").map(Number) as [number, number];
      const report = await client.query<{ id: number; state: string }>(
        `INSERT INTO central_reports (period_kind, year, period_index) VALUES ('month', $1, $2)
         ON CONFLICT (period_kind, year, period_index) DO UPDATE SET period_kind = EXCLUDED.period_kind RETURNING id, state`,
        [year, month],
      );
      const r = report.rows[0];
      if (!r) throw new Error("no central report");
      if (r.state !== "open") throw new CommandError("petitions.error.reportClosed", 409);
      return {
        patch: {
          level: "central",
          central_agency_id: centralAgencyId,
          central_report_id: r.id,
          agency_id: null,
          deadline_at: null,
        },
        note,
        eventAgencyId: centralAgencyId,
        data: { centralReportId: r.id },
        notices: [
          { userIds: await villageHeads(client, row.village_id), kind: "petition_escalated", email: false },
        ],
      };
    },
    { expectedVersion: v },
  );
}

export async function startPetition(ctx: Ctx, id: number, v?: number) {
  return applyAction(ctx, id, "start", () => ({}), { expectedVersion: v });
}

export type Answer = { text: string; publish: boolean; files?: Upload[] };

/** The agency's answer, with its evidence; on time or not is decided now, once. */
export async function answerPetition(ctx: Ctx, id: number, answer: Answer, v?: number) {
  if (answer.text.trim().length < 10) throw new CommandError("petitions.error.answerTooShort", 422, "answer");
  return applyAction(
    ctx,
    id,
    "answer",
    async (row, client, now) => {
      if (answer.files?.length)
        await attachFiles(
          client,
          row.id,
          null,
          answer.files,
          "evidence",
          ["photo", "document", "audio"],
          ctx.actorId,
        );
      // Answering a cluster's lead answers every member: each keeps its own timeline and its village confirms.
      const members = await client.query<{ id: number; village_id: number; code: string; title: string }>(
        `UPDATE petitions p SET state = 'answered', answer = $2, answer_published = $3, answered_at = $4, answered_by = $5,
                answered_on_time = $6, agency_id = $7, version = version + 1, updated_at = $4
           FROM petition_clusters c
          WHERE c.lead_petition_id = $1 AND p.cluster_id = c.id AND p.id <> $1 AND p.state = 'merged'
          RETURNING p.id, p.village_id, p.code, p.title`,
        [
          row.id,
          answer.text,
          answer.publish,
          now,
          ctx.actorId,
          !isOverdue(row.deadline_at, now),
          row.agency_id,
        ],
      );
      for (const m of members.rows) {
        await client.query(
          `INSERT INTO petition_events (petition_id, at, actor_id, action, from_state, to_state, agency_id, note, data)
           VALUES ($1, $2, $3, 'cluster_answer', 'merged', 'answered', $4, $5, $6)`,
          [m.id, now, ctx.actorId, row.agency_id, answer.text, JSON.stringify({ lead: row.id })],
        );
        for (const userId of await villageHeads(client, m.village_id)) {
          await notify(
            client,
            {
              userId,
              kind: "petition_answered",
              params: { code: m.code, title: m.title },
              link: `/petitions/${m.id}`,
            },
            `cluster-answer:${m.id}:${userId}`,
          );
        }
      }
      return {
        patch: {
          answer: answer.text,
          answer_published: answer.publish,
          answered_at: now,
          answered_by: ctx.actorId,
          answered_on_time: !isOverdue(row.deadline_at, now),
        },
        note: answer.text,
        eventAgencyId: row.agency_id,
        data: {
          publish: answer.publish,
          evidence: answer.files?.length ?? 0,
          clusterMembers: members.rowCount ?? 0,
        },
        notices: [{ userIds: await villageHeads(client, row.village_id), kind: "petition_answered" }],
      };
    },
    { expectedVersion: v },
  );
}

/** "Not ours": back to the coordinator with a reason, counted against the petition. */
export async function handBackPetition(ctx: Ctx, id: number, reason: string, v?: number) {
  if (!reason.trim()) throw new CommandError("petitions.error.reasonRequired", 422, "reason");
  return applyAction(
    ctx,
    id,
    "hand_back",
    async (row, client) => ({
      patch: {
        agency_id: null,
        deadline_at: null,
        hand_backs:
          (
            await client.query<{ n: number }>("SELECT hand_backs + 1 AS n FROM petitions WHERE id = $1", [
              row.id,
            ])
          ).rows[0]?.n ?? 1,
      },
      note: reason,
      eventAgencyId: row.agency_id,
      notices: [
        {
          userIds: [
            ...(await rolesOver(client, "coordinator", row.unit_path)),
            ...(await rolesOver(client, "commune_officer", row.unit_path)),
          ],
          kind: "petition_handed_back",
          params: { reason },
        },
      ],
    }),
    { expectedVersion: v },
  );
}

/** The agency asks for more time; the coordinator decides. No state change until approved. */
export async function requestExtension(ctx: Ctx, id: number, workingDays: number, reason: string) {
  if (!Number.isInteger(workingDays) || workingDays < 1 || workingDays > 30)
    throw new CommandError("petitions.error.extensionDays", 422, "workingDays");
  if (!reason.trim()) throw new CommandError("petitions.error.reasonRequired", 422, "reason");
  return applyAction(ctx, id, "extend", async (row, client) => {
    const pending = await client.query(
      "SELECT 1 FROM extension_requests WHERE petition_id = $1 AND state = 'pending'",
      [row.id],
    );
    if ((pending.rowCount ?? 0) > 0) throw new CommandError("petitions.error.extensionPending", 409);
    await client.query(
      "INSERT INTO extension_requests (petition_id, requested_by, working_days, reason) VALUES ($1, $2, $3, $4)",
      [row.id, ctx.actorId, workingDays, reason],
    );
    return {
      note: reason,
      data: { requestedDays: workingDays },
      notices: [
        {
          userIds: await rolesOver(client, "coordinator", row.unit_path),
          kind: "extension_requested",
          params: { days: workingDays },
        },
      ],
    };
  });
}

export async function decideExtension(
  ctx: CommandContext & { actor: Actor },
  requestId: number,
  approve: boolean,
  note: string | null,
) {
  const cal = await loadCalendar(ctx.pool);
  return runCommand(
    ctx,
    approve ? "petition.extension_approve" : "petition.extension_refuse",
    async (client, now) => {
      const { rows } = await client.query<{
        id: number;
        petition_id: number;
        working_days: number;
        state: string;
        requested_by: number | null;
      }>(
        "SELECT id, petition_id, working_days, state, requested_by FROM extension_requests WHERE id = $1 FOR UPDATE",
        [requestId],
      );
      const req = rows[0];
      if (!req) throw new CommandError("petitions.error.notFound", 404);
      if (req.state !== "pending") throw new CommandError("petitions.error.notAllowedNow", 409);
      const p = await client.query<PetitionRow>("SELECT * FROM petitions WHERE id = $1 FOR UPDATE", [
        req.petition_id,
      ]);
      const petition = p.rows[0];
      if (!petition) throw new CommandError("petitions.error.notFound", 404);
      const subject: PetitionSubject = { unitPath: petition.unit_path, agencyId: petition.agency_id };
      if (!canDecideExtension(ctx.actor, subject)) throw new CommandError("error.403", 403);
      await client.query(
        "UPDATE extension_requests SET state = $2, decided_by = $3, decided_at = $4 WHERE id = $1",
        [req.id, approve ? "approved" : "refused", ctx.actorId, now],
      );
      let deadline = petition.deadline_at;
      if (approve && deadline) {
        deadline = extendDeadline(deadline, req.working_days, cal);
        await client.query(
          "UPDATE petitions SET deadline_at = $2, overdue_since = NULL, version = version + 1, updated_at = $3 WHERE id = $1",
          [petition.id, deadline, now],
        );
      }
      await client.query(
        `INSERT INTO petition_events (petition_id, at, actor_id, action, from_state, to_state, note, data) VALUES ($1, $2, $3, $4, $5, $5, $6, $7)`,
        [
          petition.id,
          now,
          ctx.actorId,
          approve ? "extension_approved" : "extension_refused",
          petition.state,
          note,
          JSON.stringify({ days: req.working_days, deadline: deadline?.toISOString() ?? null }),
        ],
      );
      for (const userId of req.requested_by ? [req.requested_by] : []) {
        await notify(
          client,
          {
            userId,
            kind: approve ? "extension_approved" : "extension_refused",
            params: { code: petition.code, title: petition.title, days: req.working_days },
            link: `/petitions/${petition.id}`,
          },
          `ext:${req.id}:${userId}`,
        );
      }
      return {
        result: { deadline },
        subjectType: "petition",
        subjectId: petition.id,
        after: { extension: req.id, approve },
      };
    },
  );
}

/** The village head's verdict on the answer: satisfied closes it, not satisfied reopens it. */
export async function confirmAnswer(
  ctx: Ctx,
  id: number,
  satisfied: boolean,
  reason: string | null,
  v?: number,
) {
  if (!satisfied && !reason?.trim()) throw new CommandError("petitions.error.reasonRequired", 422, "reason");
  return applyAction(
    ctx,
    id,
    satisfied ? "confirm" : "reopen",
    async (row, client, now) => ({
      patch: satisfied ? { satisfaction: "satisfied", closed_at: now } : { satisfaction: "not_satisfied" },
      note: reason,
      notices: satisfied
        ? []
        : [
            {
              userIds: [
                ...(row.agency_id ? await agencyOfficers(client, row.agency_id) : []),
                ...(await rolesOver(client, "coordinator", row.unit_path)),
              ],
              kind: "petition_reopened",
              params: { reason: reason ?? "" },
            },
          ],
    }),
    { expectedVersion: v },
  );
}
