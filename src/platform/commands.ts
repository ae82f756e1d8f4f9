import type pg from "pg";
import { appendAudit } from "./audit/audit.ts";
import type { Clock } from "./clock.ts";
import { withTransaction } from "./db/database.ts";

export type CommandContext = { pool: pg.Pool; clock: Clock; actorId: number | null };

export type Audited<T> = {
  result: T;
  subjectType: string;
  subjectId: string | number | null;
  before?: unknown;
  after?: unknown;
};

/** A domain error a person can act on: its key is a catalog message; the HTTP layer maps it to 4xx. */
export class CommandError extends Error {
  constructor(
    public readonly messageKey: string,
    public readonly status: 400 | 403 | 404 | 409 | 422 = 422,
    public readonly field?: string,
  ) {
    super(messageKey);
  }
}

/** Every command is one transaction that also appends its hash-chained audit event. */
export async function runCommand<T>(
  ctx: CommandContext,
  action: string,
  fn: (client: pg.PoolClient, now: Date) => Promise<Audited<T>>,
): Promise<T> {
  const now = ctx.clock.now();
  return withTransaction(ctx.pool, async (client) => {
    const out = await fn(client, now);
    await appendAudit(
      client,
      {
        actorId: ctx.actorId,
        action,
        subjectType: out.subjectType,
        subjectId: out.subjectId,
        before: out.before ?? null,
        after: out.after ?? null,
      },
      now,
    );
    return out.result;
  });
}
