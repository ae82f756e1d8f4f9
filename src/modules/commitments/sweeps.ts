import { runCommand } from "../../platform/commands.ts";
import type { JobDeps, Sweep } from "../../platform/http/types.ts";
import { formatDate } from "../../platform/i18n/i18n.ts";
import { notify } from "../notifications/notify.ts";
import { coordinators, officersOf } from "./recipients.ts";

type Row = {
  id: number;
  code: string;
  text: string;
  agency_id: number;
  agency_name: string;
  deadline: Date;
  percent: number;
  from_state: string;
};

const BATCH = 200;

/**
 * Flags commitments past their deadline as overdue and tells the agency's officers and the coordinators.
 * Idempotent: a commitment leaves the running states when flagged, and each notice has a dedupe key, so a second
 * run (or a second node) finds nothing to do.
 */
export async function sweepOverdueCommitments(deps: Pick<JobDeps, "pool" | "clock">): Promise<number> {
  let total = 0;
  for (;;) {
    const n = await runCommand(
      { ...deps, actorId: null },
      "commitment.sweep_overdue",
      async (client, now) => {
        const { rows } = await client.query<Row>(
          `WITH due AS (SELECT id, state FROM commitments
                       WHERE state IN ('not_started', 'in_progress') AND deadline < $1
                       ORDER BY deadline LIMIT ${BATCH} FOR UPDATE SKIP LOCKED),
              upd AS (UPDATE commitments c SET state = 'overdue', overdue_since = $1, updated_at = $1, version = version + 1
                        FROM due WHERE c.id = due.id
                      RETURNING c.id, c.code, c.text, c.agency_id, c.deadline, c.percent, due.state AS from_state)
         SELECT upd.*, a.name AS agency_name FROM upd JOIN agencies a ON a.id = upd.agency_id`,
          [now],
        );
        const coords = rows.length > 0 ? await coordinators(client) : [];
        for (const r of rows) {
          await client.query(
            `INSERT INTO commitment_updates (commitment_id, action, from_state, to_state, percent, at)
           VALUES ($1, 'overdue', $2, 'overdue', $3, $4)`,
            [r.id, r.from_state, r.percent, now],
          );
          const users = new Set([...(await officersOf(client, Number(r.agency_id))), ...coords]);
          for (const userId of users) {
            await notify(
              client,
              {
                userId,
                kind: "commitment_overdue",
                params: {
                  code: r.code,
                  agency: r.agency_name,
                  text: r.text.slice(0, 200),
                  deadline: formatDate(r.deadline),
                  percent: r.percent,
                },
                link: `/commitments/${r.id}`,
                email: true,
              },
              `commitment:${r.id}:overdue:${userId}`,
            );
          }
        }
        return {
          result: rows.length,
          subjectType: "commitments",
          subjectId: null,
          after: { marked: rows.length },
        };
      },
    );
    total += n;
    if (n < BATCH) break;
  }
  return total;
}

export function commitmentSweeps(deps: JobDeps): Sweep[] {
  return [
    {
      name: "commitments.overdue",
      intervalMs: 5 * 60_000,
      run: async () => void (await sweepOverdueCommitments(deps)),
    },
  ];
}
