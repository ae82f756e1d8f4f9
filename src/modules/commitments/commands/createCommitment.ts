import { addWorkingDays } from "../../../platform/calendar/index.ts";
import { loadCalendar } from "../../../platform/calendar/store.ts";
import { type CommandContext, CommandError, runCommand } from "../../../platform/commands.ts";
import { formatDate } from "../../../platform/i18n/i18n.ts";
import { notify } from "../../notifications/notify.ts";
import { officersOf } from "../recipients.ts";

export type CreateCommitmentInput = {
  text: string;
  agencyId: number;
  deadlineWorkingDays: number;
  dialogueId?: number;
  questionId?: number;
  petitionIds?: number[];
  /** A retried form with the same key (from the same person) returns the commitment already made. */
  idempotencyKey?: string | null;
};

export const MAX_TEXT = 2000;
export const MAX_WORKING_DAYS = 250;

const positiveId = (n: unknown) => typeof n === "number" && Number.isSafeInteger(n) && n > 0;

/**
 * Records what a leader promised and who must deliver it. The deadline is counted in working days on the
 * province's holiday calendar from now; the agency's officers are told through the outbox.
 * Authorisation is the caller's (a dialogue's chair or moderator, or the coordinator's form).
 */
export async function createCommitment(
  ctx: CommandContext,
  input: CreateCommitmentInput,
): Promise<{ id: number; code: string }> {
  const text = (input.text ?? "").trim();
  if (text.length === 0) throw new CommandError("commitments.error.text", 422, "text");
  if (text.length > MAX_TEXT) throw new CommandError("commitments.error.textLong", 422, "text");
  const days = input.deadlineWorkingDays;
  if (!Number.isSafeInteger(days) || days < 1 || days > MAX_WORKING_DAYS)
    throw new CommandError("commitments.error.days", 422, "deadlineWorkingDays");
  if (!positiveId(input.agencyId)) throw new CommandError("commitments.error.agency", 422, "agencyId");
  for (const v of [input.dialogueId, input.questionId])
    if (v !== undefined && !positiveId(v)) throw new CommandError("error.422", 422);
  const petitionIds = [...new Set(input.petitionIds ?? [])];
  if (!petitionIds.every(positiveId))
    throw new CommandError("commitments.error.petitions", 422, "petitionIds");
  const key = input.idempotencyKey?.slice(0, 200) || null;

  const replay = async () => {
    if (!key || ctx.actorId === null) return undefined;
    const { rows } = await ctx.pool.query<{ id: number; code: string }>(
      "SELECT id, code FROM commitments WHERE created_by = $1 AND idempotency_key = $2",
      [ctx.actorId, key],
    );
    return rows[0] ? { id: Number(rows[0].id), code: rows[0].code } : undefined;
  };
  const earlier = await replay();
  if (earlier) return earlier;

  const cal = await loadCalendar(ctx.pool);
  try {
    return await runCommand(ctx, "commitment.create", async (client, now) => {
      const agency = await client.query<{ name: string }>(
        "SELECT name FROM agencies WHERE id = $1 AND retired_at IS NULL",
        [input.agencyId],
      );
      if (!agency.rows[0]) throw new CommandError("commitments.error.agency", 422, "agencyId");
      if (petitionIds.length > 0) {
        const found = await client.query("SELECT id FROM petitions WHERE id = ANY($1::bigint[])", [
          petitionIds,
        ]);
        if (found.rowCount !== petitionIds.length)
          throw new CommandError("commitments.error.petitions", 422, "petitionIds");
      }
      const deadline = addWorkingDays(now, days, cal);
      const { rows } = await client.query<{ id: number; code: string }>(
        `WITH s AS (SELECT nextval(pg_get_serial_sequence('commitments', 'id')) AS id)
         INSERT INTO commitments (id, code, text, agency_id, deadline_working_days, deadline, state, percent,
                                  dialogue_id, question_id, created_by, idempotency_key, created_at, updated_at)
         SELECT s.id, 'CK-' || to_char($1::timestamptz AT TIME ZONE 'Asia/Ho_Chi_Minh', 'YYYY') || '-' || lpad(s.id::text, greatest(6, length(s.id::text)), '0'),
                $2, $3, $4, $5, 'not_started', 0, $6, $7, $8, $9, $1, $1
           FROM s
         RETURNING id, code`,
        [
          now,
          text,
          input.agencyId,
          days,
          deadline,
          input.dialogueId ?? null,
          input.questionId ?? null,
          ctx.actorId,
          key,
        ],
      );
      const c = { id: Number(rows[0]?.id), code: String(rows[0]?.code) };
      await client.query(
        `INSERT INTO commitment_updates (commitment_id, action, from_state, to_state, percent, by_user, at)
         VALUES ($1, 'create', NULL, 'not_started', 0, $2, $3)`,
        [c.id, ctx.actorId, now],
      );
      for (const pid of petitionIds)
        await client.query("INSERT INTO commitment_petitions (commitment_id, petition_id) VALUES ($1, $2)", [
          c.id,
          pid,
        ]);
      for (const userId of await officersOf(client, input.agencyId)) {
        await notify(
          client,
          {
            userId,
            kind: "commitment_assigned",
            params: { code: c.code, text: text.slice(0, 200), deadline: formatDate(deadline) },
            link: `/commitments/${c.id}`,
            email: true,
          },
          `commitment:${c.id}:assigned:${userId}`,
        );
      }
      return {
        result: c,
        subjectType: "commitment",
        subjectId: c.id,
        after: {
          code: c.code,
          agencyId: input.agencyId,
          deadline: deadline.toISOString(),
          dialogueId: input.dialogueId ?? null,
          questionId: input.questionId ?? null,
          petitionIds,
        },
      };
    });
  } catch (err) {
    // Two copies of one retried request raced: the unique index kept one; return it.
    if (key && (err as { code?: string }).code === "23505") {
      const again = await replay();
      if (again) return again;
    }
    throw err;
  }
}
