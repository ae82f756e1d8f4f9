import type pg from "pg";
import { type CommandContext, CommandError, runCommand } from "../../../platform/commands.ts";
import type { Actor } from "../../../platform/http/types.ts";
import { notify } from "../../notifications/notify.ts";
import { canAct, type PetitionSubject } from "../policy.ts";
import { type Action, isState, type State, transition } from "../states.ts";

export type PetitionRow = {
  id: number;
  code: string;
  kind: string;
  category_code: string | null;
  title: string;
  state: State;
  urgency: string;
  level: string | null;
  village_id: number;
  unit_path: string;
  agency_id: number | null;
  submitted_by: number;
  deadline_at: Date | null;
  assigned_at: Date | null;
  version: number;
};

/** Columns a step may change besides the state: anything else is a programming error. */
const PATCHABLE = new Set([
  "kind",
  "category_code",
  "urgency",
  "level",
  "agency_id",
  "deadline_at",
  "overdue_since",
  "escalated_for_overdue_at",
  "received_at",
  "assigned_at",
  "answered_at",
  "closed_at",
  "answer",
  "answer_published",
  "answered_by",
  "answered_on_time",
  "satisfaction",
  "return_reason",
  "redirect_procedure",
  "redirect_due_at",
  "central_report_id",
  "central_agency_id",
  "cluster_id",
  "hand_backs",
  "title",
  "body",
  "households",
  "location",
  "search_text",
  "band_keys",
  "features",
  "feature_scheme",
  "submitted_at",
]);

export type Notice = {
  userIds: number[];
  kind: string;
  params?: Record<string, string | number>;
  email?: boolean;
};

export type StepPlan = {
  patch?: Record<string, unknown>;
  note?: string | null;
  data?: Record<string, unknown> | null;
  /** Agency recorded on the event (e.g. the one routed to). */
  eventAgencyId?: number | null;
  notices?: Notice[];
};

export type StepContext = CommandContext & { actor: Actor | null };

/**
 * The one way a petition changes state: lock the row, check the policy and the transition table (403 / 409),
 * apply the plan's patch, append the timeline event, enqueue notices, audit — all in one transaction.
 * `expectedVersion` turns a stale form (someone else acted first) into a 409 instead of a silent overwrite.
 */
export async function applyAction(
  ctx: StepContext,
  petitionId: number,
  action: Action,
  plan: (row: PetitionRow, client: pg.PoolClient, now: Date) => Promise<StepPlan> | StepPlan,
  options: { expectedVersion?: number; system?: boolean } = {},
): Promise<PetitionRow> {
  return runCommand(ctx, `petition.${action}`, async (client, now) => {
    const { rows } = await client.query<PetitionRow>(
      `SELECT id, code, kind, category_code, title, state, urgency, level, village_id, unit_path, agency_id,
              submitted_by, deadline_at, assigned_at, version
         FROM petitions WHERE id = $1 FOR UPDATE`,
      [petitionId],
    );
    const row = rows[0];
    if (!row || !isState(row.state)) throw new CommandError("petitions.error.notFound", 404);
    const subject: PetitionSubject = { unitPath: row.unit_path, agencyId: row.agency_id };
    if (!options.system && !canAct(ctx.actor, action, subject)) throw new CommandError("error.403", 403);
    const next = transition(row.state, action);
    if (!next) throw new CommandError("petitions.error.notAllowedNow", 409);
    if (options.expectedVersion !== undefined && options.expectedVersion !== row.version) {
      throw new CommandError("petitions.error.stale", 409);
    }
    const p = await plan(row, client, now);
    const patch = { ...(p.patch ?? {}) };
    const sets: string[] = ["state = $2", "version = version + 1", "updated_at = $3"];
    const params: unknown[] = [row.id, next, now];
    for (const [col, value] of Object.entries(patch)) {
      if (!PATCHABLE.has(col)) throw new Error(`column ${col} may not be patched`);
      params.push(value);
      sets.push(`${col} = $${params.length}`);
    }
    const updated = await client.query<PetitionRow>(
      `UPDATE petitions SET ${sets.join(", ")} WHERE id = $1
       RETURNING id, code, kind, category_code, title, state, urgency, level, village_id, unit_path, agency_id,
                 submitted_by, deadline_at, assigned_at, version`,
      params,
    );
    const after = updated.rows[0] as PetitionRow;
    const ev = await client.query<{ id: number }>(
      `INSERT INTO petition_events (petition_id, at, actor_id, action, from_state, to_state, agency_id, note, data)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
      [
        row.id,
        now,
        ctx.actorId,
        action,
        row.state,
        next,
        p.eventAgencyId ?? null,
        p.note ?? null,
        p.data ? JSON.stringify(p.data) : null,
      ],
    );
    for (const n of p.notices ?? []) {
      for (const userId of new Set(n.userIds)) {
        if (userId === ctx.actorId) continue;
        await notify(
          client,
          {
            userId,
            kind: n.kind,
            params: { code: row.code, title: row.title, ...n.params },
            link: `/petitions/${row.id}`,
            email: n.email ?? true,
          },
          `petition:${row.id}:${ev.rows[0]?.id}:${userId}`,
        );
      }
    }
    return {
      result: after,
      subjectType: "petition",
      subjectId: row.id,
      before: { state: row.state, agencyId: row.agency_id, version: row.version },
      after: {
        state: next,
        ...(patch.agency_id !== undefined ? { agencyId: patch.agency_id } : {}),
        note: p.note ?? null,
      },
    };
  });
}
