import type pg from "pg";
import { type CommandContext, CommandError, runCommand } from "../../../platform/commands.ts";
import { FileRejected, storeFile } from "../../../platform/files/store.ts";
import type { Actor } from "../../../platform/http/types.ts";
import { canDraft, canEdit } from "../policy.ts";
import { getDirective, subjectOf, type Target } from "../queries/getDirective.ts";
import { nextState } from "../rules.ts";

export type Upload = { bytes: Uint8Array; name: string };

export type DirectiveInput = {
  docNumber: string;
  docDate: string;
  issuer: string;
  title: string;
  summary: string;
  body: string;
  category: string;
  targetUnitIds: number[];
  targetRoles: string[];
  ackDue: string;
  disseminateDue: string;
  opinionsUntil: string | null;
  attachments?: Upload[];
};

export const MAX_ATTACHMENTS = 5;

/** The chosen units as targets; a unit inside another chosen one adds nothing and is dropped. */
export async function resolveTargets(db: Pick<pg.PoolClient, "query">, ids: number[]): Promise<Target[]> {
  if (ids.length === 0) throw new CommandError("directives.error.noTargets", 422, "targets");
  const { rows } = await db.query<{ id: number; path: string; name: string; level: string }>(
    `SELECT id, path, name, level FROM units
      WHERE id = ANY($1::bigint[]) AND level IN ('province', 'commune', 'village') AND valid_to IS NULL AND retired_at IS NULL
      ORDER BY path`,
    [ids],
  );
  if (rows.length !== new Set(ids).size)
    throw new CommandError("directives.error.targetUnknown", 422, "targets");
  const kept: Target[] = [];
  for (const r of rows) {
    if (kept.some((k) => r.path.startsWith(k.path))) continue;
    kept.push({ unitId: Number(r.id), path: r.path, name: r.name, level: r.level });
  }
  return kept;
}

function checkDates(input: DirectiveInput) {
  if (input.disseminateDue < input.ackDue)
    throw new CommandError("directives.error.disseminateBeforeAck", 422, "disseminateDue");
  if (input.opinionsUntil !== null && input.opinionsUntil < input.ackDue)
    throw new CommandError("directives.error.opinionsBeforeAck", 422, "opinionsUntil");
}

export async function attachFiles(client: pg.PoolClient, directiveId: number, uploads: Upload[]) {
  for (const u of uploads) {
    try {
      const f = await storeFile(client, u.bytes, ["document", "photo"]);
      await client.query(
        `INSERT INTO directive_attachments (directive_id, storage_key, mime, size, original_name) VALUES ($1, $2, $3, $4, $5)`,
        [directiveId, f.key, f.mime, f.size, u.name.slice(0, 200) || "tep"],
      );
    } catch (err) {
      if (err instanceof FileRejected) throw new CommandError(err.messageKey, 422, "attachments");
      throw err;
    }
  }
}

/** The fields as a version snapshot (what the history shows). */
export function contentOf(input: Omit<DirectiveInput, "targetUnitIds" | "attachments">, targets: Target[]) {
  return {
    docNumber: input.docNumber,
    docDate: input.docDate,
    issuer: input.issuer,
    title: input.title,
    summary: input.summary,
    body: input.body,
    category: input.category,
    targets: targets.map((t) => t.name),
    ackDue: input.ackDue,
    disseminateDue: input.disseminateDue,
    opinionsUntil: input.opinionsUntil,
  };
}

/** A new draft, by the provincial office or a leader. */
export async function createDirective(ctx: CommandContext & { actor: Actor }, input: DirectiveInput) {
  if (!canDraft(ctx.actor)) throw new CommandError("error.403", 403);
  checkDates(input);
  if ((input.attachments?.length ?? 0) > MAX_ATTACHMENTS)
    throw new CommandError("directives.error.tooManyFiles", 422, "attachments");
  return runCommand(ctx, "directive.create", async (client, now) => {
    const targets = await resolveTargets(client, input.targetUnitIds);
    const { rows } = await client.query<{ id: number }>(
      `INSERT INTO directives (doc_number, doc_date, issuer, title, summary, body, category, targets, target_roles,
                               ack_due, disseminate_due, opinions_until, state, created_by, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9::text[], $10, $11, $12, 'draft', $13, $14, $14) RETURNING id`,
      [
        input.docNumber,
        input.docDate,
        input.issuer,
        input.title,
        input.summary,
        input.body,
        input.category,
        JSON.stringify(targets),
        input.targetRoles,
        input.ackDue,
        input.disseminateDue,
        input.opinionsUntil,
        ctx.actor.id,
        now,
      ],
    );
    const id = Number(rows[0]?.id);
    await attachFiles(client, id, input.attachments ?? []);
    return { result: { id }, subjectType: "directive", subjectId: id, after: contentOf(input, targets) };
  });
}

/** Editing a draft (an approved one goes back to draft: what is published must be what a leader approved). */
export async function updateDirective(
  ctx: CommandContext & { actor: Actor },
  id: number,
  input: DirectiveInput,
) {
  checkDates(input);
  return runCommand(ctx, "directive.edit", async (client, now) => {
    const d = await getDirective(client, id, true);
    if (!d) throw new CommandError("error.404", 404);
    if (!canEdit(ctx.actor, subjectOf(d))) throw new CommandError("directives.error.notEditable", 409);
    const state = nextState(d.state, "edit");
    const targets = await resolveTargets(client, input.targetUnitIds);
    const existing = await client.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM directive_attachments WHERE directive_id = $1",
      [id],
    );
    if ((existing.rows[0]?.n ?? 0) + (input.attachments?.length ?? 0) > MAX_ATTACHMENTS)
      throw new CommandError("directives.error.tooManyFiles", 422, "attachments");
    await client.query(
      `UPDATE directives SET doc_number = $2, doc_date = $3, issuer = $4, title = $5, summary = $6, body = $7, category = $8,
              targets = $9::jsonb, target_roles = $10::text[], ack_due = $11, disseminate_due = $12, opinions_until = $13,
              state = $14, approved_by = NULL, approved_at = NULL, updated_at = $15
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
        JSON.stringify(targets),
        input.targetRoles,
        input.ackDue,
        input.disseminateDue,
        input.opinionsUntil,
        state,
        now,
      ],
    );
    await attachFiles(client, id, input.attachments ?? []);
    return {
      result: { id },
      subjectType: "directive",
      subjectId: id,
      before: { state: d.state },
      after: contentOf(input, targets),
    };
  });
}
