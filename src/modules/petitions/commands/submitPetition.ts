import type pg from "pg";
import { type CommandContext, CommandError, runCommand } from "../../../platform/commands.ts";
import { FileRejected, storeFile } from "../../../platform/files/store.ts";
import type { Actor } from "../../../platform/http/types.ts";
import { FEATURE_SCHEME, fingerprint } from "../../../platform/text/detector.ts";
import { normalizeForSearch } from "../../../platform/text/normalize.ts";
import { notifyAll } from "../../notifications/notify.ts";
import { canFileFor } from "../policy.ts";
import { ancestorIds, rolesOverSql } from "../recipients.ts";
import type { Kind, Urgency } from "../states.ts";

export type Upload = { bytes: Uint8Array; name: string };

export type PetitionInput = {
  villageId: number;
  kind: Kind;
  categoryCode: string | null;
  title: string;
  body: string;
  urgency: Urgency;
  households: number;
  location?: string | null;
  residents?: { names?: string | null; phones?: string | null; consent: boolean } | null;
  photos?: Upload[];
  voice?: Upload | null;
};

export const MAX_PHOTOS = 5;

/** What the detector and the search index store beside a petition. */
export function searchFields(title: string, body: string, placeNames: string[]) {
  const text = `${title}\n${body}`;
  const fp = fingerprint(text, { placeNames });
  return {
    search_text: normalizeForSearch(text),
    band_keys: fp.keys,
    features: JSON.stringify(fp.prepared),
    feature_scheme: FEATURE_SCHEME,
  };
}

export async function villageContext(db: Pick<pg.PoolClient, "query">, villageId: number) {
  const { rows } = await db.query<{
    id: number;
    path: string;
    name: string;
    commune_name: string | null;
    level: string;
  }>(
    `SELECT v.id, v.path, v.name, c.name AS commune_name, v.level FROM units v LEFT JOIN units c ON c.id = v.parent_id
      WHERE v.id = $1 AND v.retired_at IS NULL`,
    [villageId],
  );
  return rows[0]?.level === "village" ? rows[0] : undefined;
}

async function attach(
  client: pg.PoolClient,
  petitionId: number,
  eventId: number | null,
  uploads: Upload[],
  purpose: string,
  accept: ("photo" | "audio" | "document")[],
  by: number | null,
) {
  for (const u of uploads) {
    try {
      const f = await storeFile(client, u.bytes, accept);
      await client.query(
        `INSERT INTO petition_attachments (petition_id, event_id, purpose, kind, mime, size, storage_key, original_name, uploaded_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        [petitionId, eventId, purpose, f.kind, f.mime, f.size, f.key, u.name.slice(0, 200), by],
      );
    } catch (err) {
      if (err instanceof FileRejected)
        throw new CommandError(err.messageKey, 422, purpose === "submission" ? "photos" : "files");
      throw err;
    }
  }
}

export { attach as attachFiles };

export type SubmitResult = { id: number; code: string; replayed: boolean };

/**
 * Files a petition (or saves a draft). With an idempotency key, a retry — the phone lost its signal after
 * sending — returns the petition already made instead of a second one.
 */
export async function submitPetition(
  ctx: CommandContext & { actor: Actor },
  input: PetitionInput,
  options: { idempotencyKey?: string | null; draft?: boolean } = {},
): Promise<SubmitResult> {
  const key = options.idempotencyKey?.slice(0, 200) || null;
  // One round trip for what must be checked before the transaction: a replay, the village, the category.
  const pre = await ctx.pool.query<{
    existing_id: number | null;
    existing_code: string | null;
    category_ok: boolean;
    id: number | null;
    path: string | null;
    name: string | null;
    commune_name: string | null;
    level: string | null;
  }>(
    `SELECT e.id AS existing_id, e.code AS existing_code,
            ($3::text IS NULL OR EXISTS (SELECT 1 FROM categories WHERE code = $3 AND active)) AS category_ok,
            v.id, v.path, v.name, c.name AS commune_name, v.level
       FROM (SELECT 1) one
       LEFT JOIN petitions e ON $4::text IS NOT NULL AND e.submitted_by = $1 AND e.idempotency_key = $4
       LEFT JOIN units v ON v.id = $2 AND v.retired_at IS NULL
       LEFT JOIN units c ON c.id = v.parent_id`,
    [ctx.actor.id, input.villageId, input.categoryCode ?? null, key],
  );
  const head = pre.rows[0];
  if (head?.existing_id && head.existing_code)
    return { id: head.existing_id, code: head.existing_code, replayed: true };
  const village =
    head?.id && head.level === "village" && head.path && head.name
      ? { id: head.id, path: head.path, name: head.name, commune_name: head.commune_name }
      : undefined;
  if (!village) throw new CommandError("petitions.error.villageUnknown", 422, "villageId");
  if (!canFileFor(ctx.actor, village.path)) throw new CommandError("error.403", 403);
  if ((input.photos?.length ?? 0) > MAX_PHOTOS)
    throw new CommandError("petitions.error.tooManyPhotos", 422, "photos");
  if (!head?.category_ok) throw new CommandError("petitions.error.categoryUnknown", 422, "categoryCode");
  const search = searchFields(
    input.title,
    input.body,
    [village.name, village.commune_name ?? ""].filter(Boolean),
  );
  const state = options.draft ? "draft" : "submitted";
  try {
    return await runCommand(
      ctx,
      options.draft ? "petition.save_draft" : "petition.submit",
      async (client, now) => {
        // The petition, its first timeline event and the commune officers to tell, in one statement.
        const { rows } = await client.query<{
          id: number;
          code: string;
          event_id: number;
          officers: number[] | null;
        }>(
          `WITH s AS (SELECT nextval(pg_get_serial_sequence('petitions', 'id')) AS id),
                p AS (
         INSERT INTO petitions (id, code, kind, category_code, title, body, urgency, households, location, village_id,
                                unit_path, submitted_by, state, submitted_at, idempotency_key, search_text, band_keys,
                                features, feature_scheme, created_at, updated_at)
         SELECT s.id, 'KN-' || to_char($1::timestamptz AT TIME ZONE 'Asia/Ho_Chi_Minh', 'YYYY') || '-' || lpad(s.id::text, greatest(6, length(s.id::text)), '0'),
                $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16::int[], $17::jsonb, $18, $1, $1
           FROM s
         RETURNING id, code),
                e AS (
         INSERT INTO petition_events (petition_id, at, actor_id, action, from_state, to_state)
         SELECT p.id, $1, $11, $19, NULL, $12 FROM p RETURNING id),
                o AS (${rolesOverSql("'commune_officer'", "$20")})
         SELECT p.id, p.code, e.id AS event_id, (SELECT array_agg(user_id) FROM o) AS officers FROM p, e`,
          [
            now,
            input.kind,
            input.categoryCode,
            input.title,
            input.body,
            input.urgency,
            input.households,
            input.location ?? null,
            village.id,
            village.path,
            ctx.actor.id,
            state,
            options.draft ? null : now,
            key,
            search.search_text,
            search.band_keys,
            search.features,
            search.feature_scheme,
            options.draft ? "save_draft" : "submit",
            ancestorIds(village.path),
          ],
        );
        const created = rows[0] as { id: number; code: string; event_id: number; officers: number[] | null };
        const p = { id: created.id, code: created.code };
        if (input.residents && (input.residents.names || input.residents.phones)) {
          await client.query(
            "INSERT INTO petition_residents (petition_id, names, phones, consent) VALUES ($1, $2, $3, $4)",
            [p.id, input.residents.names ?? null, input.residents.phones ?? null, input.residents.consent],
          );
        }
        const eventId = created.event_id;
        await attach(client, p.id, eventId, input.photos ?? [], "submission", ["photo"], ctx.actor.id);
        if (input.voice)
          await attach(client, p.id, eventId, [input.voice], "submission", ["audio"], ctx.actor.id);
        if (!options.draft) {
          await notifyAll(
            client,
            (created.officers ?? []).map(Number),
            {
              kind: "petition_submitted",
              params: { code: p.code, title: input.title, village: village.name },
              link: `/petitions/${p.id}`,
            },
            (userId) => `petition:${p.id}:submitted:${userId}`,
          );
        }
        // Residents' names and phones are personal data: never in the audit log.
        return {
          result: { ...p, replayed: false },
          subjectType: "petition",
          subjectId: p.id,
          after: {
            code: p.code,
            kind: input.kind,
            category: input.categoryCode,
            villageId: village.id,
            state,
          },
        };
      },
    );
  } catch (err) {
    // Two copies of one retried request raced: the unique index kept one; return it.
    if (key && (err as { code?: string }).code === "23505") {
      const again = await ctx.pool.query<{ id: number; code: string }>(
        "SELECT id, code FROM petitions WHERE submitted_by = $1 AND idempotency_key = $2",
        [ctx.actor.id, key],
      );
      if (again.rows[0]) return { ...again.rows[0], replayed: true };
    }
    throw err;
  }
}
