import type pg from "pg";
import { auditAppendCall } from "../../../platform/audit/audit.ts";
import { type CommandContext, CommandError } from "../../../platform/commands.ts";
import { withTransaction } from "../../../platform/db/database.ts";
import { FileRejected, storeFile } from "../../../platform/files/store.ts";
import type { Actor } from "../../../platform/http/types.ts";
import { FEATURE_SCHEME, fingerprint } from "../../../platform/text/detector.ts";
import { normalizeForSearch } from "../../../platform/text/normalize.ts";
import { NOTIFY_TOPIC } from "../../notifications/notify.ts";
import { canFileFor } from "../policy.ts";
import { filedView, type PetitionDetail, type PetitionView } from "../queries/getPetition.ts";
import { ancestorIds, rolesOverSql } from "../recipients.ts";
import type { Kind, Urgency } from "../states.ts";
import { cachedVillage, forgetVillage, type VillageContext } from "../villageCache.ts";

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

/** `view`: the petition as its submitter sees it, when it was just filed (a replay reads it with getPetition). */
export type SubmitResult = { id: number; code: string; replayed: boolean; view?: PetitionView };

/** The petition's own columns of a PetitionDetail, returned by the insert so that no second read is needed. */
const FILED_COLUMNS = `id, code, kind, category_code, title, body, urgency, households, location, state, level, village_id,
  unit_path, agency_id, central_report_id, submitted_by, deadline_at, overdue_since, submitted_at, answered_at,
  closed_at, answer, answer_published, answered_on_time, satisfaction, return_reason, redirect_procedure,
  redirect_due_at, cluster_id, hand_backs, version`;

type Filed = {
  existing_id: number | null;
  existing_code: string | null;
  category_ok: boolean;
  category_name: string | null;
  village_ok: boolean;
  event_id: number | null;
} & (
  | { id: null; code: null }
  | Omit<
      PetitionDetail,
      | "category_name"
      | "village_name"
      | "commune_name"
      | "agency_name"
      | "central_agency_name"
      | "submitter_name"
    >
);

/**
 * Files a petition (or saves a draft). With an idempotency key, a retry — the phone lost its signal after
 * sending — returns the petition already made instead of a second one.
 *
 * Everything is one statement: the replay and the checks, the petition, its first timeline event, the residents'
 * data, the commune officers' notices in the outbox and the audit event. A statement is its own transaction, so
 * a submission without files needs no BEGIN/COMMIT and makes one round trip; with files the statement and the
 * files share a transaction.
 */
export async function submitPetition(
  ctx: CommandContext & { actor: Actor },
  input: PetitionInput,
  options: { idempotencyKey?: string | null; draft?: boolean } = {},
): Promise<SubmitResult> {
  const key = options.idempotencyKey?.slice(0, 200) || null;
  for (let attempt = 0; ; attempt++) {
    const village = await cachedVillage(ctx.pool, input.villageId);
    if (!village) throw new CommandError("petitions.error.villageUnknown", 422, "villageId");
    if (!canFileFor(ctx.actor, village.path)) throw new CommandError("error.403", 403);
    if ((input.photos?.length ?? 0) > MAX_PHOTOS)
      throw new CommandError("petitions.error.tooManyPhotos", 422, "photos");
    const now = ctx.clock.now();
    const filed = await file(ctx, input, village, key, options.draft ?? false, now);
    if (filed.existing_id && filed.existing_code)
      return { id: filed.existing_id, code: filed.existing_code, replayed: true };
    if (!filed.village_ok) {
      // moved or retired since it was cached: read it again once
      forgetVillage(ctx.pool, input.villageId);
      if (attempt === 0) continue;
      throw new CommandError("petitions.error.villageUnknown", 422, "villageId");
    }
    if (!filed.category_ok) throw new CommandError("petitions.error.categoryUnknown", 422, "categoryCode");
    if (filed.id !== null) {
      const { existing_id, existing_code, category_ok, village_ok, event_id, category_name, ...row } = filed;
      const petition: PetitionDetail = {
        ...row,
        category_name,
        village_name: village.name,
        commune_name: village.commune_name,
        agency_name: null,
        central_agency_name: null,
        submitter_name: ctx.actor.fullName,
      };
      const first = {
        id: event_id ?? 0,
        at: now,
        action: options.draft ? "save_draft" : "submit",
        from_state: null,
        to_state: row.state,
        actor_name: ctx.actor.fullName,
        agency_name: null,
        note: null,
        data: null,
      };
      const residents = input.residents?.names || input.residents?.phones ? input.residents : null;
      const hasFiles = (input.photos?.length ?? 0) > 0 || Boolean(input.voice);
      return {
        id: row.id,
        code: row.code,
        replayed: false,
        view: hasFiles
          ? undefined
          : filedView(
              ctx.actor,
              petition,
              first,
              residents && {
                names: residents.names ?? null,
                phones: residents.phones ?? null,
                consent: residents.consent,
              },
            ),
      };
    }
    // Two copies of one retried request raced: the unique index kept the other one; return it.
    const again = await ctx.pool.query<{ id: number; code: string }>(
      "SELECT id, code FROM petitions WHERE submitted_by = $1 AND idempotency_key = $2",
      [ctx.actor.id, key],
    );
    if (again.rows[0]) return { ...again.rows[0], replayed: true };
    throw new Error("submitPetition: the petition was neither filed nor found");
  }
}

async function file(
  ctx: CommandContext & { actor: Actor },
  input: PetitionInput,
  village: VillageContext,
  key: string | null,
  draft: boolean,
  now: Date,
): Promise<Filed> {
  const state = draft ? "draft" : "submitted";
  const search = searchFields(
    input.title,
    input.body,
    [village.name, village.commune_name ?? ""].filter(Boolean),
  );
  const residents =
    input.residents && (input.residents.names || input.residents.phones) ? input.residents : null;
  const params: unknown[] = [
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
    draft ? null : now,
    key,
    search.search_text,
    search.band_keys,
    search.features,
    search.feature_scheme,
    draft ? "save_draft" : "submit",
    ancestorIds(village.path),
    residents?.names ?? null,
    residents?.phones ?? null,
    residents?.consent ?? false,
    NOTIFY_TOPIC,
    village.name,
  ];
  // Residents' names and phones are personal data: never in the audit log.
  const audit = auditAppendCall(
    {
      actorId: ctx.actorId,
      action: draft ? "petition.save_draft" : "petition.submit",
      subjectType: "petition",
      after: { kind: input.kind, category: input.categoryCode, villageId: village.id, state },
    },
    now,
    params.length + 1,
    "p.id::text",
  );
  params.push(...audit.params);
  const sql = `WITH pre AS (
         SELECT e.id AS existing_id, e.code AS existing_code,
                ($3::text IS NULL OR EXISTS (SELECT 1 FROM categories WHERE code = $3 AND active)) AS category_ok,
                (SELECT name_vi FROM categories WHERE code = $3) AS category_name,
                EXISTS (SELECT 1 FROM units v WHERE v.id = $9 AND v.path = $10 AND v.level = 'village'
                                                AND v.retired_at IS NULL) AS village_ok
           FROM (SELECT 1) one
           LEFT JOIN petitions e ON $14::text IS NOT NULL AND e.submitted_by = $11 AND e.idempotency_key = $14),
       s AS (SELECT nextval(pg_get_serial_sequence('petitions', 'id')) AS id
               FROM pre WHERE pre.existing_id IS NULL AND pre.category_ok AND pre.village_ok),
       p AS (
         INSERT INTO petitions (id, code, kind, category_code, title, body, urgency, households, location, village_id,
                                unit_path, submitted_by, state, submitted_at, idempotency_key, search_text, band_keys,
                                features, feature_scheme, created_at, updated_at)
         SELECT s.id, 'KN-' || to_char($1::timestamptz AT TIME ZONE 'Asia/Ho_Chi_Minh', 'YYYY') || '-' || lpad(s.id::text, greatest(6, length(s.id::text)), '0'),
                $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16::int[], $17::jsonb, $18, $1, $1
           FROM s
         ON CONFLICT (submitted_by, idempotency_key) DO NOTHING
         RETURNING ${FILED_COLUMNS}),
       e AS (
         INSERT INTO petition_events (petition_id, at, actor_id, action, from_state, to_state)
         SELECT p.id, $1, $11, $19, NULL, $12 FROM p RETURNING id),
       r AS (
         INSERT INTO petition_residents (petition_id, names, phones, consent)
         SELECT p.id, $21, $22, $23 FROM p WHERE $21::text IS NOT NULL OR $22::text IS NOT NULL),
       o AS (${rolesOverSql("'commune_officer'", "$20")}),
       n AS (
         INSERT INTO outbox (topic, payload, dedupe_key, available_at)
         SELECT $24, jsonb_build_object('userId', o.user_id, 'kind', 'petition_submitted',
                       'params', jsonb_build_object('code', p.code, 'title', $4::text, 'village', $25::text),
                       'link', '/petitions/' || p.id),
                'petition:' || p.id || ':submitted:' || o.user_id, now()
           FROM p, o WHERE $12 = 'submitted'
         ON CONFLICT (dedupe_key) DO NOTHING),
       a AS (SELECT ${audit.sql} AS id FROM p)
  SELECT pre.*, p.*, e.id AS event_id, (SELECT count(*) FROM a) AS audited
    FROM pre LEFT JOIN p ON true LEFT JOIN e ON true`;
  const hasFiles = (input.photos?.length ?? 0) > 0 || Boolean(input.voice);
  if (!hasFiles) return one(await ctx.pool.query<Filed>(sql, params));
  return withTransaction(ctx.pool, async (client) => {
    const filed = one(await client.query<Filed>(sql, params));
    if (filed.id && filed.event_id) {
      await attach(
        client,
        filed.id,
        filed.event_id,
        input.photos ?? [],
        "submission",
        ["photo"],
        ctx.actor.id,
      );
      if (input.voice)
        await attach(client, filed.id, filed.event_id, [input.voice], "submission", ["audio"], ctx.actor.id);
    }
    return filed;
  });
}

function one(result: pg.QueryResult<Filed>): Filed {
  const row = result.rows[0];
  if (!row) throw new Error("submitPetition: the statement returned no row");
  return row;
}
