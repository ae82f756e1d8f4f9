import { addWorkingDays } from "../../platform/calendar/index.ts";
import { loadCalendar } from "../../platform/calendar/store.ts";
import { runCommand } from "../../platform/commands.ts";
import type { JobDeps, Sweep } from "../../platform/http/types.ts";
import { notify } from "../notifications/notify.ts";
import { applyAction } from "./commands/applyAction.ts";
import { DEFAULT_DEADLINES, type DeadlineProfile } from "./deadlines.ts";
import { agencyOfficers, rolesOver } from "./recipients.ts";

type Row = {
  id: number;
  code: string;
  title: string;
  agency_id: number | null;
  unit_path: string;
  deadline_at: Date;
};

/**
 * Marks items past their deadline (once per deadline), tells the holder and the coordinator, and escalates
 * items overdue by more than the profile's margin to the coordinators and leaders. Batched and idempotent.
 */
export async function sweepOverdue(
  deps: Pick<JobDeps, "pool" | "clock">,
  profile: DeadlineProfile = DEFAULT_DEADLINES,
): Promise<{ marked: number; escalated: number }> {
  const cal = await loadCalendar(deps.pool);
  let marked = 0;
  let escalated = 0;
  for (;;) {
    const n = await runCommand({ ...deps, actorId: null }, "petition.sweep_overdue", async (client, now) => {
      const { rows } = await client.query<Row>(
        `UPDATE petitions SET overdue_since = deadline_at, updated_at = $1
          WHERE id IN (SELECT id FROM petitions WHERE state IN ('assigned', 'in_progress') AND deadline_at < $1
                          AND overdue_since IS NULL ORDER BY deadline_at LIMIT 200 FOR UPDATE SKIP LOCKED)
          RETURNING id, code, title, agency_id, unit_path, deadline_at`,
        [now],
      );
      for (const r of rows) {
        await client.query(
          `INSERT INTO petition_events (petition_id, at, action, from_state, to_state, agency_id, data)
           SELECT id, $2, 'overdue', state, state, agency_id, $3 FROM petitions WHERE id = $1`,
          [r.id, now, JSON.stringify({ deadline: r.deadline_at.toISOString() })],
        );
        const users = [
          ...(r.agency_id ? await agencyOfficers(client, r.agency_id) : []),
          ...(await rolesOver(client, "coordinator", r.unit_path)),
        ];
        for (const userId of new Set(users)) {
          await notify(
            client,
            {
              userId,
              kind: "petition_overdue",
              params: { code: r.code, title: r.title },
              link: `/petitions/${r.id}`,
            },
            `overdue:${r.id}:${r.deadline_at.toISOString()}:${userId}`,
          );
        }
      }
      return {
        result: rows.length,
        subjectType: "petitions",
        subjectId: null,
        after: { marked: rows.length },
      };
    });
    marked += n;
    if (n < 200) break;
  }
  const now = deps.clock.now();
  const { rows: late } = await deps.pool.query<Row>(
    `SELECT id, code, title, agency_id, unit_path, deadline_at FROM petitions
      WHERE state IN ('assigned', 'in_progress') AND overdue_since IS NOT NULL AND escalated_for_overdue_at IS NULL`,
  );
  const due = late.filter(
    (r) => addWorkingDays(r.deadline_at, profile.escalateAfterOverdueDays, cal).getTime() < now.getTime(),
  );
  if (due.length > 0) {
    await runCommand({ ...deps, actorId: null }, "petition.sweep_overdue_escalate", async (client) => {
      for (const r of due) {
        await client.query("UPDATE petitions SET escalated_for_overdue_at = $2 WHERE id = $1", [r.id, now]);
        await client.query(
          `INSERT INTO petition_events (petition_id, at, action, from_state, to_state, agency_id)
           SELECT id, $2, 'overdue_escalated', state, state, agency_id FROM petitions WHERE id = $1`,
          [r.id, now],
        );
        const users = [
          ...(await rolesOver(client, "coordinator", r.unit_path)),
          ...(await rolesOver(client, "leader", r.unit_path)),
        ];
        for (const userId of new Set(users)) {
          await notify(
            client,
            {
              userId,
              kind: "petition_overdue_escalated",
              params: { code: r.code, title: r.title },
              link: `/petitions/${r.id}`,
            },
            `overdue-esc:${r.id}:${userId}`,
          );
        }
      }
      return {
        result: undefined,
        subjectType: "petitions",
        subjectId: null,
        after: { escalated: due.length },
      };
    });
    escalated = due.length;
  }
  return { marked, escalated };
}

/** An answer the village head never confirmed closes by itself after the configured number of days. */
export async function sweepAutoClose(
  deps: Pick<JobDeps, "pool" | "clock">,
  profile: DeadlineProfile = DEFAULT_DEADLINES,
): Promise<number> {
  const now = deps.clock.now();
  const cutoff = new Date(now.getTime() - profile.confirmWithinDays * 24 * 3600_000);
  const { rows } = await deps.pool.query<{ id: number }>(
    `SELECT p.id FROM petitions p
      WHERE p.state IN ('answered', 'central_answered')
        AND (SELECT max(e.at) FROM petition_events e WHERE e.petition_id = p.id) < $1
      ORDER BY p.id LIMIT 1000`,
    [cutoff],
  );
  for (const r of rows) {
    await applyAction(
      { ...deps, actorId: null, actor: null },
      r.id,
      "auto_close",
      (_row, _c, at) => ({ patch: { satisfaction: "auto_closed", closed_at: at } }),
      { system: true },
    );
  }
  return rows.length;
}

export function petitionSweeps(deps: JobDeps): Sweep[] {
  return [
    { name: "petitions.overdue", intervalMs: 3600_000, run: async () => void (await sweepOverdue(deps)) },
    {
      name: "petitions.auto_close",
      intervalMs: 3600_000,
      run: async () => void (await sweepAutoClose(deps)),
    },
  ];
}
