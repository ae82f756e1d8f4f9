import type pg from "pg";
import { type CommandContext, CommandError, runCommand } from "../../../platform/commands.ts";
import { FileRejected, storeFile } from "../../../platform/files/store.ts";
import type { Actor } from "../../../platform/http/types.ts";
import { formatDate } from "../../../platform/i18n/i18n.ts";
import { notify } from "../../notifications/notify.ts";
import { canCancel, canUpdate } from "../policy.ts";
import { coordinators, officersOf } from "../recipients.ts";
import type { EvidenceFile } from "../schema.ts";
import { type CommitmentState, step } from "../states.ts";

export type Upload = { bytes: Uint8Array; name: string };

export type CommitmentStepInput =
  | { action: "progress"; percent: number; note?: string | null; evidence?: Upload[] }
  | { action: "done"; percent?: number; note?: string | null; evidence?: Upload[] }
  | { action: "cancel"; reason: string };

export const MAX_EVIDENCE = 5;
export const MAX_NOTE = 4000;

type Current = {
  id: number;
  code: string;
  text: string;
  agency_id: number;
  agency_name: string;
  state: CommitmentState;
  percent: number;
  deadline: Date;
  version: number;
};

async function storeEvidence(client: pg.PoolClient, uploads: Upload[]): Promise<EvidenceFile[]> {
  const out: EvidenceFile[] = [];
  for (const u of uploads) {
    try {
      const f = await storeFile(client, u.bytes, ["photo", "document"]);
      out.push({ key: f.key, mime: f.mime, size: f.size, name: u.name.slice(0, 200) });
    } catch (err) {
      if (err instanceof FileRejected) throw new CommandError(err.messageKey, 422, "evidence");
      throw err;
    }
  }
  return out;
}

/**
 * One step of a commitment: a dated progress report (with evidence), done, or cancelled. The state table decides
 * whether the step is possible; the policy decides whether this person may take it. `expectedVersion`, when given,
 * refuses a step based on a stale page (two officers reporting at once).
 */
export async function updateCommitment(
  ctx: CommandContext & { actor: Actor },
  commitmentId: number,
  input: CommitmentStepInput,
  expectedVersion?: number,
): Promise<{ state: CommitmentState; percent: number }> {
  if (input.action !== "cancel") {
    if ((input.note ?? "").length > MAX_NOTE)
      throw new CommandError("commitments.error.noteLong", 422, "note");
    if ((input.evidence?.length ?? 0) > MAX_EVIDENCE)
      throw new CommandError("commitments.error.tooManyFiles", 422, "evidence");
  }
  return runCommand(ctx, `commitment.${input.action}`, async (client, now) => {
    const { rows } = await client.query<Current>(
      `SELECT c.id, c.code, c.text, c.agency_id, a.name AS agency_name, c.state, c.percent, c.deadline, c.version
         FROM commitments c JOIN agencies a ON a.id = c.agency_id WHERE c.id = $1 FOR UPDATE OF c`,
      [commitmentId],
    );
    const c = rows[0];
    if (!c) throw new CommandError("error.404", 404);
    const agencyId = Number(c.agency_id);
    const allowed = input.action === "cancel" ? canCancel(ctx.actor) : canUpdate(ctx.actor, { agencyId });
    if (!allowed) throw new CommandError("error.403", 403);
    if (expectedVersion !== undefined && expectedVersion !== c.version)
      throw new CommandError("commitments.error.stale", 409);
    const note = input.action === "cancel" ? input.reason.trim() : (input.note ?? "").trim() || null;
    const uploads = input.action === "cancel" ? [] : (input.evidence ?? []);
    const result = step(
      { state: c.state, percent: c.percent },
      input.action === "cancel"
        ? { action: "cancel", reason: input.reason }
        : { action: input.action, percent: input.percent, note, evidenceCount: uploads.length },
    );
    if (!result.ok) throw new CommandError(result.error, result.field ? 422 : 409, result.field);
    const evidence = await storeEvidence(client, uploads);
    await client.query(
      `UPDATE commitments SET state = $2, percent = $3, updated_at = $4, version = version + 1,
              cancel_reason = CASE WHEN $2 = 'cancelled' THEN $5 ELSE cancel_reason END,
              done_at = CASE WHEN $2 = 'done' THEN $4 ELSE done_at END
        WHERE id = $1`,
      [c.id, result.state, result.percent, now, note],
    );
    await client.query(
      `INSERT INTO commitment_updates (commitment_id, action, from_state, to_state, percent, note, evidence, by_user, at)
       VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8, $9)`,
      [
        c.id,
        input.action,
        c.state,
        result.state,
        result.percent,
        note,
        JSON.stringify(evidence),
        ctx.actor.id,
        now,
      ],
    );
    const tell = async (users: number[], kind: string, params: Record<string, string | number>) => {
      for (const userId of new Set(users)) {
        if (userId === ctx.actor.id) continue;
        await notify(
          client,
          { userId, kind, params, link: `/commitments/${c.id}` },
          `commitment:${c.id}:${kind}:${userId}`,
        );
      }
    };
    if (result.state === "done")
      await tell(await coordinators(client), "commitment_done", {
        code: c.code,
        agency: c.agency_name,
        text: c.text.slice(0, 200),
      });
    if (result.state === "cancelled")
      await tell(await officersOf(client, agencyId), "commitment_cancelled", {
        code: c.code,
        reason: note ?? "",
        deadline: formatDate(c.deadline),
      });
    return {
      result: { state: result.state, percent: result.percent },
      subjectType: "commitment",
      subjectId: c.id,
      before: { state: c.state, percent: c.percent },
      after: { state: result.state, percent: result.percent, evidence: evidence.map((e) => e.key) },
    };
  });
}
