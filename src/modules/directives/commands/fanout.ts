import type pg from "pg";
import { z } from "zod";
import type { Queryable } from "../../../platform/db/database.ts";
import type { JobHandler } from "../../../platform/jobs/dispatcher.ts";
import { enqueue } from "../../../platform/jobs/outbox.ts";
import { NOTIFY_TOPIC } from "../../notifications/notify.ts";
import { subtreeRanges } from "../rules.ts";

export const FANOUT_TOPIC = "directives.notify";
export const FANOUT_BATCH = 5000;

export type NoticeKind = "published" | "corrected" | "revoked";

/**
 * One statement: the target villages found by one index range scan of units_path per target subtree, one
 * delivery per village, and the per-commune counters grouped from the same rows. `fresh` (publishing) means the
 * directive has no delivery yet; a correction (`fresh` false) skips the villages already reached and adds their
 * new villages to the counters. Returns how many villages were added.
 */
export async function fanOutDeliveries(
  client: Queryable,
  directiveId: number,
  targetPaths: string[],
  now: Date,
  fresh: boolean,
): Promise<number> {
  const { lo, hi } = subtreeRanges(targetPaths);
  if (lo.length === 0) return 0;
  const { rows } = await client.query<{ n: number }>(
    `WITH t AS MATERIALIZED (
       SELECT v.id, v.parent_id, v.path
         FROM unnest($3::text[], $4::text[]) AS r(lo, hi)
         CROSS JOIN LATERAL (
           SELECT u.id, u.parent_id, u.path FROM units u
            WHERE u.path ~>=~ r.lo AND u.path ~<~ r.hi
              AND u.level = 'village' AND u.retired_at IS NULL AND u.valid_to IS NULL AND u.parent_id IS NOT NULL
         ) v
        ${
          fresh
            ? ""
            : `WHERE NOT EXISTS (
                 SELECT 1 FROM directive_deliveries x WHERE x.directive_id = $1 AND x.village_id = v.id)`
        }
     ), deliveries AS (
       INSERT INTO directive_deliveries (directive_id, village_id, commune_id, village_path, delivered_at)
       SELECT $1, id, parent_id, path, $2 FROM t
     ), counters AS (
       INSERT INTO directive_commune_stats AS s (directive_id, commune_id, commune_path, villages)
       SELECT $1, parent_id, min(left(path, length(path) - length(id::text) - 1)), count(*) FROM t GROUP BY parent_id
       ON CONFLICT (directive_id, commune_id) DO UPDATE SET villages = s.villages + EXCLUDED.villages
     )
     SELECT count(*)::int AS n FROM t`,
    [directiveId, now, lo, hi],
  );
  return rows[0]?.n ?? 0;
}

/** The notices go out from one job that writes the outbox in batches, so publishing stays one short transaction. */
export async function enqueueNotices(
  client: Queryable,
  directiveId: number,
  version: number,
  kind: NoticeKind,
) {
  await enqueue(client, {
    topic: FANOUT_TOPIC,
    payload: { directiveId, version, kind },
    dedupeKey: `directive:${directiveId}:notices:${kind}:v${version}`,
  });
}

const payloadSchema = z.object({
  directiveId: z.number().int(),
  version: z.number().int(),
  kind: z.enum(["published", "corrected", "revoked"]),
});

/**
 * Writes one notification per village head of every delivery, FANOUT_BATCH villages per statement. Each outbox
 * row carries a dedupe key, so a retried job (delivery is at least once) adds nothing twice.
 */
export async function writeNotices(pool: pg.Pool, raw: unknown, batch = FANOUT_BATCH): Promise<number> {
  const p = payloadSchema.parse(raw);
  const kind = `directive_${p.kind}`;
  let written = 0;
  // commune officers once per commune, when the directive names them among its recipients
  const officers = await pool.query(
    `INSERT INTO outbox (topic, payload, dedupe_key)
     SELECT DISTINCT ON (g.user_id) $4, jsonb_build_object('userId', g.user_id, 'kind', $2::text,
              'params', jsonb_build_object('number', d.doc_number, 'title', d.title, 'version', d.version),
              'link', '/directives/' || d.id || '/coverage?unit=' || s.commune_id),
            'directive:' || d.id || ':' || $2 || ':v' || $3 || ':officer:' || g.user_id
       FROM directives d
       JOIN directive_commune_stats s ON s.directive_id = d.id
       JOIN role_grants g ON g.role = 'commune_officer' AND g.unit_id = s.commune_id
       JOIN users u ON u.id = g.user_id AND u.active
      WHERE d.id = $1 AND 'commune_officer' = ANY (d.target_roles)
     ON CONFLICT (dedupe_key) DO NOTHING`,
    [p.directiveId, kind, p.version, NOTIFY_TOPIC],
  );
  written += officers.rowCount ?? 0;
  let after = 0;
  for (;;) {
    const { rows } = await pool.query<{ last: string | null; n: number; written: number }>(
      `WITH b AS (
         SELECT village_id FROM directive_deliveries WHERE directive_id = $1 AND village_id > $5 ORDER BY village_id LIMIT $6
       ), ins AS (
         INSERT INTO outbox (topic, payload, dedupe_key)
         SELECT $4, jsonb_build_object('userId', g.user_id, 'kind', $2::text,
                  'params', jsonb_build_object('number', d.doc_number, 'title', d.title, 'village', v.name,
                                               'version', d.version, 'ackDue', to_char(d.ack_due, 'DD/MM/YYYY')),
                  'link', '/directives/' || d.id || '/village/' || b.village_id),
                'directive:' || d.id || ':' || $2 || ':v' || $3 || ':' || b.village_id || ':' || g.user_id
           FROM b
           JOIN directives d ON d.id = $1
           JOIN units v ON v.id = b.village_id
           JOIN role_grants g ON g.role = 'village_head' AND g.unit_id = b.village_id
           JOIN users u ON u.id = g.user_id AND u.active
          WHERE 'village_head' = ANY (d.target_roles)
         ON CONFLICT (dedupe_key) DO NOTHING
         RETURNING 1
       )
       SELECT (SELECT max(village_id) FROM b)::text AS last, (SELECT count(*) FROM b)::int AS n,
              (SELECT count(*) FROM ins)::int AS written`,
      [p.directiveId, kind, p.version, NOTIFY_TOPIC, after, batch],
    );
    const r = rows[0];
    if (!r || r.n === 0 || r.last === null) break;
    written += r.written;
    after = Number(r.last);
    if (r.n < batch) break;
  }
  return written;
}

export function noticesJob(pool: pg.Pool): JobHandler {
  return async (payload) => {
    await writeNotices(pool, payload);
  };
}
