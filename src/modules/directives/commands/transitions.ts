import { type CommandContext, CommandError, runCommand } from "../../../platform/commands.ts";
import type { Actor } from "../../../platform/http/types.ts";
import { canApprove, canCorrect, canPublish, canRevoke } from "../policy.ts";
import { getDirective } from "../queries/getDirective.ts";
import { nextState } from "../rules.ts";
import { enqueueNotices, fanOutDeliveries } from "./fanout.ts";
import { attachFiles, contentOf, type DirectiveInput, resolveTargets } from "./saveDirective.ts";

type Ctx = CommandContext & { actor: Actor };

export async function approveDirective(ctx: Ctx, id: number) {
  if (!canApprove(ctx.actor)) throw new CommandError("error.403", 403);
  return runCommand(ctx, "directive.approve", async (client, now) => {
    const d = await getDirective(client, id, true);
    if (!d) throw new CommandError("error.404", 404);
    const to = nextState(d.state, "approve");
    if (!to) throw new CommandError("directives.error.wrongState", 409);
    await client.query(
      "UPDATE directives SET state = $2, approved_by = $3, approved_at = $4, updated_at = $4 WHERE id = $1",
      [id, to, ctx.actor.id, now],
    );
    return {
      result: { id },
      subjectType: "directive",
      subjectId: id,
      before: { state: d.state },
      after: { state: to },
    };
  });
}

/** Publishing: deliveries to every target village in one statement, the version recorded, notices queued. */
export async function publishDirective(ctx: Ctx, id: number) {
  if (!canPublish(ctx.actor)) throw new CommandError("error.403", 403);
  return runCommand(ctx, "directive.publish", async (client, now) => {
    const d = await getDirective(client, id, true);
    if (!d) throw new CommandError("error.404", 404);
    const to = nextState(d.state, "publish");
    if (!to) throw new CommandError("directives.error.wrongState", 409);
    const villages = await fanOutDeliveries(
      client,
      id,
      d.targets.map((t) => t.path),
      now,
      true,
    );
    if (villages === 0) throw new CommandError("directives.error.noVillages", 422);
    await client.query(
      "UPDATE directives SET state = $2, published_at = $3, updated_at = $3, villages = $4 WHERE id = $1",
      [id, to, now, villages],
    );
    await client.query(
      "INSERT INTO directive_versions (directive_id, version, content, note, at, by) VALUES ($1, $2, $3::jsonb, NULL, $4, $5)",
      [
        id,
        d.version,
        JSON.stringify(
          contentOf(
            {
              docNumber: d.doc_number,
              docDate: d.doc_date,
              issuer: d.issuer,
              title: d.title,
              summary: d.summary,
              body: d.body,
              category: d.category,
              targetRoles: d.target_roles,
              ackDue: d.ack_due,
              disseminateDue: d.disseminate_due,
              opinionsUntil: d.opinions_until,
            },
            d.targets,
          ),
        ),
        now,
        ctx.actor.id,
      ],
    );
    await enqueueNotices(client, id, d.version, "published");
    return {
      result: { id, villages },
      subjectType: "directive",
      subjectId: id,
      before: { state: d.state },
      after: { state: to, villages },
    };
  });
}

/**
 * A correction of a published directive: a new version (the old ones stay in the history) that notifies every
 * village head again. Targets stay as published: villages already reached keep their delivery; newly added
 * units get theirs.
 */
export async function correctDirective(ctx: Ctx, id: number, input: DirectiveInput, note: string) {
  if (!canCorrect(ctx.actor)) throw new CommandError("error.403", 403);
  return runCommand(ctx, "directive.correct", async (client, now) => {
    const d = await getDirective(client, id, true);
    if (!d) throw new CommandError("error.404", 404);
    if (!nextState(d.state, "correct")) throw new CommandError("directives.error.wrongState", 409);
    // a correction may add units; it never takes a village's delivery away
    const extra = input.targetUnitIds.length > 0 ? await resolveTargets(client, input.targetUnitIds) : [];
    const targets = [...d.targets];
    for (const t of extra) if (!targets.some((k) => t.path.startsWith(k.path))) targets.push(t);
    const version = d.version + 1;
    await client.query(
      `UPDATE directives SET doc_number = $2, doc_date = $3, issuer = $4, title = $5, summary = $6, body = $7, category = $8,
              ack_due = $9, disseminate_due = $10, opinions_until = $11, version = $12, targets = $13::jsonb, updated_at = $14
        WHERE id = $1`,
      [
        id,
        input.docNumber,
        input.docDate,
        input.issuer,
        input.title,
        input.summary,
        input.body,
        input.category,
        input.ackDue,
        input.disseminateDue,
        input.opinionsUntil,
        version,
        JSON.stringify(targets),
        now,
      ],
    );
    const villages = await fanOutDeliveries(
      client,
      id,
      targets.map((t) => t.path),
      now,
      false,
    );
    if (villages > 0)
      await client.query("UPDATE directives SET villages = villages + $2 WHERE id = $1", [id, villages]);
    await attachFiles(client, id, input.attachments ?? []);
    await client.query(
      "INSERT INTO directive_versions (directive_id, version, content, note, at, by) VALUES ($1, $2, $3::jsonb, $4, $5, $6)",
      [id, version, JSON.stringify(contentOf(input, targets)), note, now, ctx.actor.id],
    );
    await enqueueNotices(client, id, version, "corrected");
    return {
      result: { id, version },
      subjectType: "directive",
      subjectId: id,
      before: { version: d.version },
      after: { version, note },
    };
  });
}

export async function revokeDirective(ctx: Ctx, id: number, reason: string) {
  if (!canRevoke(ctx.actor)) throw new CommandError("error.403", 403);
  return runCommand(ctx, "directive.revoke", async (client, now) => {
    const d = await getDirective(client, id, true);
    if (!d) throw new CommandError("error.404", 404);
    const to = nextState(d.state, "revoke");
    if (!to) throw new CommandError("directives.error.wrongState", 409);
    await client.query(
      "UPDATE directives SET state = $2, revoked_at = $3, revoke_reason = $4, updated_at = $3 WHERE id = $1",
      [id, to, now, reason],
    );
    await enqueueNotices(client, id, d.version, "revoked");
    return {
      result: { id },
      subjectType: "directive",
      subjectId: id,
      before: { state: d.state },
      after: { state: to, reason },
    };
  });
}
