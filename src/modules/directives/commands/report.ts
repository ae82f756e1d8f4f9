import type pg from "pg";
import { type CommandContext, CommandError, runCommand } from "../../../platform/commands.ts";
import { FileRejected, storeFile } from "../../../platform/files/store.ts";
import type { Actor } from "../../../platform/http/types.ts";
import { normalizeForSearch } from "../../../platform/text/normalize.ts";
import { submitPetition } from "../../petitions/commands/submitPetition.ts";
import { canReport, canView } from "../policy.ts";
import { type DeliveryRow, getDelivery } from "../queries/delivery.ts";
import { type DirectiveRow, getDirective, subjectOf } from "../queries/getDirective.ts";
import { type DisseminationForm, dueEnd, splitOpinions } from "../rules.ts";

type Ctx = CommandContext & { actor: Actor };

/** Loads the directive and this village's delivery, locked, and checks the village head may report on it. */
async function loadForReport(
  client: pg.PoolClient,
  actor: Actor,
  directiveId: number,
  villageId: number,
): Promise<{ d: DirectiveRow; dd: DeliveryRow }> {
  const d = await getDirective(client, directiveId);
  // a directive this person may not see does not exist for them
  if (!d || !canView(actor, subjectOf(d))) throw new CommandError("error.404", 404);
  const dd = await getDelivery(client, directiveId, villageId, true);
  if (!dd) throw new CommandError("error.404", 404);
  if (d.state !== "published") throw new CommandError("directives.error.notPublished", 409);
  if (!canReport(actor, subjectOf(d), dd.village_path)) throw new CommandError("error.403", 403);
  return { d, dd };
}

async function markAcknowledged(
  client: pg.PoolClient,
  d: DirectiveRow,
  dd: DeliveryRow,
  actorId: number,
  now: Date,
) {
  await client.query(
    `UPDATE directive_deliveries SET acknowledged_at = COALESCE(acknowledged_at, $2), acknowledged_by = COALESCE(acknowledged_by, $3),
            acknowledged_version = $4 WHERE id = $1`,
    [dd.id, now, actorId, d.version],
  );
  if (dd.acknowledged_at === null)
    await client.query(
      "UPDATE directive_commune_stats SET acknowledged = acknowledged + 1 WHERE directive_id = $1 AND commune_id = $2",
      [d.id, dd.commune_id],
    );
}

/** "Received and read" (again after a correction: the version read is recorded; the count moves once). */
export async function acknowledge(ctx: Ctx, directiveId: number, villageId: number) {
  return runCommand(ctx, "directive.acknowledge", async (client, now) => {
    const { d, dd } = await loadForReport(client, ctx.actor, directiveId, villageId);
    await markAcknowledged(client, d, dd, ctx.actor.id, now);
    return {
      result: { first: dd.acknowledged_at === null },
      subjectType: "directive_delivery",
      subjectId: dd.id,
      after: { version: d.version },
    };
  });
}

export type DisseminationInput = {
  on: string;
  form: DisseminationForm;
  households: number;
  evidence?: { bytes: Uint8Array; name: string } | null;
};

/** How and when residents heard of it; reporting it also counts as having received it. A second report replaces the first. */
export async function reportDissemination(
  ctx: Ctx,
  directiveId: number,
  villageId: number,
  input: DisseminationInput,
) {
  return runCommand(ctx, "directive.disseminate", async (client, now) => {
    const { d, dd } = await loadForReport(client, ctx.actor, directiveId, villageId);
    if (new Date(`${input.on}T00:00:00+07:00`) > now)
      throw new CommandError("directives.error.future", 422, "on");
    if (input.on < d.doc_date) throw new CommandError("directives.error.beforeIssued", 422, "on");
    let evidence: { key: string; mime: string } | null = null;
    if (input.evidence) {
      try {
        const f = await storeFile(client, input.evidence.bytes, ["photo", "document"]);
        evidence = { key: f.key, mime: f.mime };
      } catch (err) {
        if (err instanceof FileRejected) throw new CommandError(err.messageKey, 422, "evidence");
        throw err;
      }
    }
    await markAcknowledged(client, d, dd, ctx.actor.id, now);
    await client.query(
      `UPDATE directive_deliveries SET disseminated_on = $2, disseminated_at = COALESCE(disseminated_at, $3),
              dissemination_form = $4, households = $5,
              evidence_key = COALESCE($6, evidence_key), evidence_mime = COALESCE($7, evidence_mime)
        WHERE id = $1`,
      [dd.id, input.on, now, input.form, input.households, evidence?.key ?? null, evidence?.mime ?? null],
    );
    await client.query(
      `UPDATE directive_commune_stats SET disseminated = disseminated + $3, households = households + $4
        WHERE directive_id = $1 AND commune_id = $2`,
      [d.id, dd.commune_id, dd.disseminated_at === null ? 1 : 0, input.households - (dd.households ?? 0)],
    );
    return {
      result: { id: dd.id },
      subjectType: "directive_delivery",
      subjectId: dd.id,
      after: {
        on: input.on,
        form: input.form,
        households: input.households,
        evidence: evidence?.key ?? null,
      },
    };
  });
}

export type ResponseInput = { agree: number; disagree: number; opinions: string };

/**
 * Residents' response while opinions are asked for. The counts replace the earlier ones; opinions are added,
 * and one already recorded for this village (a retried form) is not added twice.
 */
export async function recordResponse(ctx: Ctx, directiveId: number, villageId: number, input: ResponseInput) {
  return runCommand(ctx, "directive.respond", async (client, now) => {
    const { d, dd } = await loadForReport(client, ctx.actor, directiveId, villageId);
    if (d.opinions_until === null) throw new CommandError("directives.error.noOpinions", 409);
    if (now >= dueEnd(d.opinions_until)) throw new CommandError("directives.error.opinionsClosed", 409);
    const texts = splitOpinions(input.opinions);
    const { rows } = await client.query<{ n: number }>(
      `WITH ins AS (
         INSERT INTO directive_opinions (directive_id, delivery_id, commune_id, text, search_text, stance, created_by, created_at)
         SELECT $1, $2, $3, t.text, t.search, 'other', $6, $7
           FROM unnest($4::text[], $5::text[]) AS t(text, search)
          WHERE NOT EXISTS (SELECT 1 FROM directive_opinions o WHERE o.delivery_id = $2 AND o.text = t.text)
         RETURNING 1)
       SELECT count(*)::int AS n FROM ins`,
      [d.id, dd.id, dd.commune_id, texts, texts.map((t) => normalizeForSearch(t)), ctx.actor.id, now],
    );
    const added = rows[0]?.n ?? 0;
    await client.query(
      "UPDATE directive_deliveries SET agree = $2, disagree = $3, responded_at = $4 WHERE id = $1",
      [dd.id, input.agree, input.disagree, now],
    );
    await client.query(
      `UPDATE directive_commune_stats SET responded = responded + $3, agree = agree + $4, disagree = disagree + $5,
              opinions = opinions + $6
        WHERE directive_id = $1 AND commune_id = $2`,
      [
        d.id,
        dd.commune_id,
        dd.responded_at === null ? 1 : 0,
        input.agree - (dd.agree ?? 0),
        input.disagree - (dd.disagree ?? 0),
        added,
      ],
    );
    return {
      result: { added },
      subjectType: "directive_delivery",
      subjectId: dd.id,
      after: { agree: input.agree, disagree: input.disagree, opinionsAdded: added },
    };
  });
}

/**
 * One step: the opinion becomes a petition of this village (filed by its head through the petitions module's own
 * command) and the opinion keeps the link. The idempotency key makes a second click return the same petition.
 */
export async function opinionToPetition(ctx: Ctx, opinionId: number, title: string) {
  const { rows } = await ctx.pool.query<{
    id: number;
    text: string;
    directive_id: number;
    village_id: number;
    petition_id: number | null;
  }>(
    `SELECT o.id, o.text, o.directive_id, dd.village_id, o.petition_id
       FROM directive_opinions o JOIN directive_deliveries dd ON dd.id = o.delivery_id WHERE o.id = $1`,
    [opinionId],
  );
  const o = rows[0];
  if (!o) throw new CommandError("error.404", 404);
  const d = await getDirective(ctx.pool, o.directive_id);
  const dd = d ? await getDelivery(ctx.pool, d.id, o.village_id) : undefined;
  if (!d || !dd) throw new CommandError("error.404", 404);
  if (!canReport(ctx.actor, subjectOf(d), dd.village_path)) throw new CommandError("error.403", 403);
  if (o.petition_id !== null) return { petitionId: Number(o.petition_id), replayed: true };
  const petition = await submitPetition(
    ctx,
    {
      villageId: o.village_id,
      kind: "recommendation",
      categoryCode: null,
      title: title.slice(0, 200),
      body: o.text,
      urgency: "normal",
      households: 1,
    },
    { idempotencyKey: `directive-opinion-${o.id}` },
  );
  await runCommand(ctx, "directive.opinion_to_petition", async (client) => {
    await client.query(
      "UPDATE directive_opinions SET petition_id = $2 WHERE id = $1 AND petition_id IS NULL",
      [o.id, petition.id],
    );
    return {
      result: null,
      subjectType: "directive_opinion",
      subjectId: o.id,
      after: { petitionId: petition.id, directiveId: d.id },
    };
  });
  return { petitionId: petition.id, replayed: petition.replayed };
}
