import type pg from "pg";
import type { Queryable } from "../../../platform/db/database.ts";
import { NOTIFY_TOPIC } from "../../notifications/notify.ts";
import { REMIND_BEFORE_MS, type ReminderKind } from "../rules.ts";

/** Deadline column and step column of each reminder; "soon" fires in the window before, "overdue" after. */
const KINDS: {
  kind: ReminderKind;
  due: "ack_due" | "disseminate_due";
  step: "acknowledged_at" | "disseminated_at";
  soon: boolean;
}[] = [
  { kind: "ack_overdue", due: "ack_due", step: "acknowledged_at", soon: false },
  { kind: "dis_overdue", due: "disseminate_due", step: "disseminated_at", soon: false },
  { kind: "ack_soon", due: "ack_due", step: "acknowledged_at", soon: true },
  { kind: "dis_soon", due: "disseminate_due", step: "disseminated_at", soon: true },
];

/**
 * One set-based statement per reminder kind: record the reminder (the primary key on delivery × kind makes the
 * sweep idempotent) and, for the rows newly recorded, write the village heads' notices to the outbox. A "soon"
 * reminder is not sent once the deadline has passed: the overdue one says more.
 */
export async function sendReminders(db: Queryable, now: Date): Promise<number> {
  let sent = 0;
  for (const k of KINDS) {
    // the deadline is the end of the day in Việt Nam: midnight after it, +07:00
    const end = `((d.${k.due} + 1)::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh')`;
    const window = k.soon
      ? `$1::timestamptz >= ${end} - make_interval(secs => $3::double precision) AND $1::timestamptz < ${end}`
      : `$1::timestamptz >= ${end} AND $3::double precision IS NOT NULL`;
    const { rows } = await db.query<{ n: number }>(
      `WITH due AS (
         INSERT INTO directive_reminders (delivery_id, kind, at)
         SELECT dd.id, $2, $1 FROM directive_deliveries dd JOIN directives d ON d.id = dd.directive_id
          WHERE d.state = 'published' AND dd.${k.step} IS NULL AND ${window}
         ON CONFLICT (delivery_id, kind) DO NOTHING
         RETURNING delivery_id
       ), ins AS (
         INSERT INTO outbox (topic, payload, dedupe_key)
         SELECT $4, jsonb_build_object('userId', g.user_id, 'kind', 'directive_' || $2,
                  'params', jsonb_build_object('number', d.doc_number, 'title', d.title, 'village', v.name,
                                               'due', to_char(d.${k.due}, 'DD/MM/YYYY')),
                  'link', '/directives/' || d.id || '/village/' || dd.village_id),
                'directive:' || d.id || ':remind:' || $2 || ':' || dd.village_id || ':' || g.user_id
           FROM due JOIN directive_deliveries dd ON dd.id = due.delivery_id
           JOIN directives d ON d.id = dd.directive_id
           JOIN units v ON v.id = dd.village_id
           JOIN role_grants g ON g.role = 'village_head' AND g.unit_id = dd.village_id
           JOIN users u ON u.id = g.user_id AND u.active
         ON CONFLICT (dedupe_key) DO NOTHING
         RETURNING 1
       )
       SELECT count(*)::int AS n FROM ins`,
      [now, k.kind, REMIND_BEFORE_MS / 1000, NOTIFY_TOPIC],
    );
    sent += rows[0]?.n ?? 0;
  }
  return sent;
}

export function reminderSweep(pool: pg.Pool, clock: { now(): Date }) {
  return async () => {
    await sendReminders(pool, clock.now());
  };
}

/**
 * A commune officer chases the villages of one commune that have not yet acknowledged or disseminated: one
 * notice per village head, at most one a day (the dedupe key carries the day).
 */
export async function chaseVillages(
  db: Queryable,
  directiveId: number,
  communeId: number,
  now: Date,
): Promise<number> {
  const { rows } = await db.query<{ n: number }>(
    `WITH ins AS (
       INSERT INTO outbox (topic, payload, dedupe_key)
       SELECT $4, jsonb_build_object('userId', g.user_id, 'kind', 'directive_chase',
                'params', jsonb_build_object('number', d.doc_number, 'title', d.title, 'village', v.name),
                'link', '/directives/' || d.id || '/village/' || dd.village_id),
              'directive:' || d.id || ':chase:' || to_char($3::timestamptz AT TIME ZONE 'Asia/Ho_Chi_Minh', 'YYYYMMDD')
                || ':' || dd.village_id || ':' || g.user_id
         FROM units v
         JOIN directive_deliveries dd ON dd.directive_id = $1 AND dd.village_id = v.id
         JOIN directives d ON d.id = dd.directive_id AND d.state = 'published'
         JOIN role_grants g ON g.role = 'village_head' AND g.unit_id = dd.village_id
         JOIN users u ON u.id = g.user_id AND u.active
        WHERE v.parent_id = $2 AND dd.commune_id = $2 AND (dd.acknowledged_at IS NULL OR dd.disseminated_at IS NULL)
       ON CONFLICT (dedupe_key) DO NOTHING
       RETURNING 1)
     SELECT count(*)::int AS n FROM ins`,
    [directiveId, communeId, now, NOTIFY_TOPIC],
  );
  return rows[0]?.n ?? 0;
}
