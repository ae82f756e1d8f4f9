import type pg from "pg";
import { auditAppendSql, auditParts } from "../../../platform/audit/audit.ts";
import { type CommandContext, CommandError } from "../../../platform/commands.ts";
import { type Queryable, queryPrepared, withTransaction } from "../../../platform/db/database.ts";
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
    const job = jobOf(ctx, input, village, key, options.draft ?? false, ctx.clock.now());
    const filed = await file(ctx, input, job);
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
        at: job.at,
        action: job.action,
        from_state: null,
        to_state: row.state,
        actor_name: ctx.actor.fullName,
        agency_name: null,
        note: null,
        data: null,
      };
      // the residents' data as the statement stored it
      const residents =
        job.resident_names !== null || job.resident_phones !== null
          ? { names: job.resident_names, phones: job.resident_phones, consent: job.resident_consent }
          : null;
      return {
        id: row.id,
        code: row.code,
        replayed: false,
        view: hasFiles(input) ? undefined : filedView(ctx.actor, petition, first, residents),
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

/** One submission's values, as the statement takes them (one array element each, see FILE_SQL). */
type Job = {
  at: Date;
  kind: string;
  category: string | null;
  title: string;
  body: string;
  urgency: string;
  households: number;
  location: string | null;
  village_id: number;
  unit_path: string;
  submitted_by: number;
  state: string;
  submitted_at: Date | null;
  idempotency_key: string | null;
  search_text: string;
  band_keys: string;
  features: string;
  feature_scheme: string;
  action: string;
  ancestors: string;
  resident_names: string | null;
  resident_phones: string | null;
  resident_consent: boolean;
  village_name: string;
  audit_actor: number | null;
  audit_action: string;
  audit_after: string | null;
  audit_head: string;
  audit_tail: string;
};

const JOB_COLUMNS: { [K in keyof Job]: string } = {
  at: "timestamptz",
  kind: "text",
  category: "text",
  title: "text",
  body: "text",
  urgency: "text",
  households: "int",
  location: "text",
  village_id: "bigint",
  unit_path: "text",
  submitted_by: "bigint",
  state: "text",
  submitted_at: "timestamptz",
  idempotency_key: "text",
  search_text: "text",
  band_keys: "text",
  features: "text",
  feature_scheme: "text",
  action: "text",
  ancestors: "text",
  resident_names: "text",
  resident_phones: "text",
  resident_consent: "boolean",
  village_name: "text",
  audit_actor: "bigint",
  audit_action: "text",
  audit_after: "text",
  audit_head: "text",
  audit_tail: "text",
};
const JOB_KEYS = Object.keys(JOB_COLUMNS) as (keyof Job)[];

function jobOf(
  ctx: CommandContext & { actor: Actor },
  input: PetitionInput,
  village: VillageContext,
  key: string | null,
  draft: boolean,
  now: Date,
): Job {
  const state = draft ? "draft" : "submitted";
  const search = searchFields(
    input.title,
    input.body,
    [village.name, village.commune_name ?? ""].filter(Boolean),
  );
  const residents =
    input.residents && (input.residents.names || input.residents.phones) ? input.residents : null;
  // Residents' names and phones are personal data: never in the audit log.
  const audit = auditParts(
    {
      actorId: ctx.actorId,
      action: draft ? "petition.save_draft" : "petition.submit",
      subjectType: "petition",
      after: { kind: input.kind, category: input.categoryCode, villageId: village.id, state },
    },
    now,
  );
  return {
    at: now,
    kind: input.kind,
    category: input.categoryCode,
    title: input.title,
    body: input.body,
    urgency: input.urgency,
    households: input.households,
    location: input.location ?? null,
    village_id: village.id,
    unit_path: village.path,
    submitted_by: ctx.actor.id,
    state,
    submitted_at: draft ? null : now,
    idempotency_key: key,
    search_text: search.search_text,
    band_keys: `{${search.band_keys.join(",")}}`,
    features: search.features,
    feature_scheme: search.feature_scheme,
    action: draft ? "save_draft" : "submit",
    ancestors: `{${ancestorIds(village.path).join(",")}}`,
    resident_names: residents?.names ?? null,
    resident_phones: residents?.phones ?? null,
    resident_consent: residents?.consent ?? false,
    village_name: village.name,
    audit_actor: audit.actorId,
    audit_action: audit.action,
    audit_after: audit.after,
    audit_head: audit.head,
    audit_tail: audit.tail,
  };
}

/**
 * Files a batch of submissions in one statement, each one its own row of `x` (the arrays unnested, `ord` its
 * place): the replay and the checks, the petition, its first event, the residents' data, the commune officers'
 * notices and the audit event, and one answer row per submission in `ord` order.
 */
const FILE_SQL = `WITH x AS (
       SELECT * FROM unnest(${JOB_KEYS.map((k, i) => `$${i + 1}::${JOB_COLUMNS[k]}[]`).join(", ")})
         WITH ORDINALITY AS x(${JOB_KEYS.join(", ")}, ord)),
     pre AS (
       SELECT x.ord, e.id AS existing_id, e.code AS existing_code,
              (x.category IS NULL OR EXISTS (SELECT 1 FROM categories WHERE code = x.category AND active)) AS category_ok,
              (SELECT name_vi FROM categories WHERE code = x.category) AS category_name,
              EXISTS (SELECT 1 FROM units v WHERE v.id = x.village_id AND v.path = x.unit_path AND v.level = 'village'
                                              AND v.retired_at IS NULL) AS village_ok
         FROM x LEFT JOIN petitions e ON x.idempotency_key IS NOT NULL AND e.submitted_by = x.submitted_by
                                     AND e.idempotency_key = x.idempotency_key),
     s AS (SELECT pre.ord, nextval(pg_get_serial_sequence('petitions', 'id')) AS id
             FROM pre WHERE pre.existing_id IS NULL AND pre.category_ok AND pre.village_ok),
     p AS (
       INSERT INTO petitions (id, code, kind, category_code, title, body, urgency, households, location, village_id,
                              unit_path, submitted_by, state, submitted_at, idempotency_key, search_text, band_keys,
                              features, feature_scheme, created_at, updated_at)
       SELECT s.id, 'KN-' || to_char(x.at AT TIME ZONE 'Asia/Ho_Chi_Minh', 'YYYY') || '-' || lpad(s.id::text, greatest(6, length(s.id::text)), '0'),
              x.kind, x.category, x.title, x.body, x.urgency, x.households, x.location, x.village_id, x.unit_path,
              x.submitted_by, x.state, x.submitted_at, x.idempotency_key, x.search_text, x.band_keys::int[],
              x.features::jsonb, x.feature_scheme, x.at, x.at
         FROM s JOIN x ON x.ord = s.ord
       ON CONFLICT (submitted_by, idempotency_key) DO NOTHING
       RETURNING ${FILED_COLUMNS}),
     px AS (SELECT p.id, p.code, s.ord FROM p JOIN s ON s.id = p.id),
     e AS (
       INSERT INTO petition_events (petition_id, at, actor_id, action, from_state, to_state)
       SELECT px.id, x.at, x.submitted_by, x.action, NULL, x.state FROM px JOIN x ON x.ord = px.ord
       RETURNING id, petition_id),
     r AS (
       INSERT INTO petition_residents (petition_id, names, phones, consent)
       SELECT px.id, x.resident_names, x.resident_phones, x.resident_consent FROM px JOIN x ON x.ord = px.ord
        WHERE x.resident_names IS NOT NULL OR x.resident_phones IS NOT NULL),
     n AS (
       INSERT INTO outbox (topic, payload, dedupe_key, available_at)
       SELECT '${NOTIFY_TOPIC}', jsonb_build_object('userId', o.user_id, 'kind', 'petition_submitted',
                     'params', jsonb_build_object('code', px.code, 'title', x.title, 'village', x.village_name),
                     'link', '/petitions/' || px.id),
              'petition:' || px.id || ':submitted:' || o.user_id, now()
         FROM px JOIN x ON x.ord = px.ord
         CROSS JOIN LATERAL (${rolesOverSql("'commune_officer'", "x.ancestors")}) o
        WHERE x.state = 'submitted'
       ON CONFLICT (dedupe_key) DO NOTHING),
     a AS (
       SELECT ${auditAppendSql({
         at: "x.at",
         actorId: "x.audit_actor",
         action: "x.audit_action",
         subjectType: "'petition'",
         subjectId: "px.id",
         before: "NULL",
         after: "x.audit_after",
         head: "x.audit_head",
         tail: "x.audit_tail",
       })} AS id
         FROM px JOIN x ON x.ord = px.ord ORDER BY px.ord)
SELECT pre.existing_id, pre.existing_code, pre.category_ok, pre.category_name, pre.village_ok, p.*,
       e.id AS event_id
  FROM pre LEFT JOIN s ON s.ord = pre.ord LEFT JOIN p ON p.id = s.id LEFT JOIN e ON e.petition_id = p.id
 WHERE (SELECT count(*) FROM a) >= 0 -- a is read, so every audit event is appended
 ORDER BY pre.ord`;

async function fileMany(db: Queryable, jobs: readonly Job[]): Promise<Filed[]> {
  const params = JOB_KEYS.map((k) => jobs.map((j) => j[k]));
  const { rows } = await queryPrepared<Filed>(db, "petitions.file", FILE_SQL, params);
  if (rows.length !== jobs.length) throw new Error("submitPetition: one answer row per submission expected");
  return rows;
}

type Waiting = { job: Job; resolve: (f: Filed) => void; reject: (e: unknown) => void };
type Queue = { waiting: Waiting[]; inFlight: number };

/**
 * Statements in flight per pool: the next batch forms while it runs. One filed more per second than two in the
 * bench (212 vs 184–200 submissions/s, 4 clients): the batches are larger, and the audit lock serialises the
 * statements' ends anyway.
 */
const MAX_IN_FLIGHT = 1;
const MAX_BATCH = 64;
const queues = new WeakMap<pg.Pool, Queue>();

/**
 * Group commit: submissions that arrive while statements are in flight are filed together by the next one, so
 * a burst costs one round trip, one plan and one commit per batch instead of per petition. A lone submission
 * goes at once. If a batch fails, its submissions are filed one by one, so that one bad value fails only its
 * own request.
 */
function fileQueued(pool: pg.Pool, job: Job): Promise<Filed> {
  let q = queues.get(pool);
  if (!q) {
    q = { waiting: [], inFlight: 0 };
    queues.set(pool, q);
  }
  const queue = q;
  return new Promise<Filed>((resolve, reject) => {
    queue.waiting.push({ job, resolve, reject });
    pump(pool, queue);
  });
}

function pump(pool: pg.Pool, q: Queue): void {
  while (q.inFlight < MAX_IN_FLIGHT && q.waiting.length > 0) {
    const batch = q.waiting.splice(0, MAX_BATCH);
    q.inFlight++;
    void runBatch(pool, batch).finally(() => {
      q.inFlight--;
      pump(pool, q);
    });
  }
}

async function runBatch(pool: pg.Pool, batch: Waiting[]): Promise<void> {
  try {
    const filed = await fileMany(
      pool,
      batch.map((w) => w.job),
    );
    for (const [i, w] of batch.entries()) w.resolve(filed[i] as Filed);
  } catch (err) {
    if (batch.length === 1) {
      batch[0]?.reject(err);
      return;
    }
    await Promise.all(
      batch.map((w) =>
        fileMany(pool, [w.job]).then(
          (f) => w.resolve(f[0] as Filed),
          (e: unknown) => w.reject(e),
        ),
      ),
    );
  }
}

function hasFiles(input: PetitionInput): boolean {
  return (input.photos?.length ?? 0) > 0 || Boolean(input.voice);
}

/** Without files, the submission joins the next batch; with files, it and its files share a transaction. */
async function file(ctx: CommandContext & { actor: Actor }, input: PetitionInput, job: Job): Promise<Filed> {
  if (!hasFiles(input)) return fileQueued(ctx.pool, job);
  return withTransaction(ctx.pool, async (client) => {
    const [filed] = await fileMany(client, [job]);
    if (!filed) throw new Error("submitPetition: the statement returned no row");
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
