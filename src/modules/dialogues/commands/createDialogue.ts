import { type CommandContext, CommandError, runCommand } from "../../../platform/commands.ts";
import { NOTIFY_TOPIC } from "../../notifications/notify.ts";

export type AgendaItem = { startsAt: string; title: string };

export type CreateDialogueInput = {
  title: string;
  startsAt: Date;
  venue: string | null;
  onlineUrl: string | null;
  chairIds: number[];
  agencyIds: number[];
  /** Everyone holding `role` on a unit inside any of these subtrees is invited. */
  invite: { unitIds: number[]; role: string };
  agenda: AgendaItem[];
  idempotencyKey?: string | null;
};

export type CreatedDialogue = { id: number; code: string; invited: number; replayed: boolean };

/**
 * Creates the dialogue and its invitations in one transaction: the invited set is one INSERT … SELECT over the
 * grants in the chosen subtrees (436 village heads are one statement, not 436), each with a random check-in
 * token; the notices go to the outbox as one more INSERT … SELECT (in-app and email, delivered by the
 * dispatcher in batches), so they exist exactly when the dialogue does.
 */
export async function createDialogue(
  ctx: CommandContext,
  input: CreateDialogueInput,
): Promise<CreatedDialogue> {
  const key = input.idempotencyKey?.slice(0, 200) || null;
  if (key && ctx.actorId !== null) {
    const { rows } = await ctx.pool.query<{ id: number; code: string; invited: number }>(
      `SELECT d.id, d.code, (SELECT count(*)::int FROM dialogue_invitations i WHERE i.dialogue_id = d.id) AS invited
         FROM dialogues d WHERE d.created_by = $1 AND d.idempotency_key = $2`,
      [ctx.actorId, key],
    );
    if (rows[0]) return { ...rows[0], replayed: true };
  }
  return runCommand(ctx, "dialogue.create", async (client, now) => {
    const chairs = await client.query<{ id: number }>(
      `SELECT DISTINCT u.id FROM users u JOIN role_grants g ON g.user_id = u.id AND g.role = 'leader'
        WHERE u.id = ANY($1::bigint[]) AND u.active`,
      [input.chairIds],
    );
    if (chairs.rows.length !== new Set(input.chairIds).size || chairs.rows.length === 0)
      throw new CommandError("dialogues.error.chairs", 422, "chairIds");
    const { rows } = await client.query<{ id: number; code: string }>(
      `WITH s AS (SELECT nextval(pg_get_serial_sequence('dialogues', 'id')) AS id)
       INSERT INTO dialogues (id, code, title, starts_at, venue, online_url, state, created_by, idempotency_key, created_at, updated_at)
       SELECT s.id, 'DT-' || to_char($1::timestamptz AT TIME ZONE 'Asia/Ho_Chi_Minh', 'YYYY') || '-' || lpad(s.id::text, greatest(4, length(s.id::text)), '0'),
              $2, $3, $4, $5, 'planned', $6, $7, $1, $1 FROM s
       RETURNING id, code`,
      [now, input.title, input.startsAt, input.venue, input.onlineUrl, ctx.actorId, key],
    );
    const d = rows[0] as { id: number; code: string };
    await client.query(
      "INSERT INTO dialogue_chairs (dialogue_id, user_id) SELECT $1, unnest($2::bigint[]) ON CONFLICT DO NOTHING",
      [d.id, chairs.rows.map((c) => c.id)],
    );
    const agencies = await client.query(
      `INSERT INTO dialogue_agencies (dialogue_id, agency_id)
       SELECT $1, a.id FROM agencies a WHERE a.id = ANY($2::bigint[]) AND a.retired_at IS NULL ON CONFLICT DO NOTHING`,
      [d.id, input.agencyIds],
    );
    if ((agencies.rowCount ?? 0) !== new Set(input.agencyIds).size)
      throw new CommandError("dialogues.error.agencies", 422, "agencyIds");
    for (const [i, item] of input.agenda.entries())
      await client.query(
        "INSERT INTO dialogue_agenda_items (dialogue_id, starts_at, title, sort) VALUES ($1, $2, $3, $4)",
        [d.id, item.startsAt, item.title, i],
      );
    const invited = await client.query(
      `INSERT INTO dialogue_invitations (dialogue_id, user_id, unit_id, role, token, search_name, created_at)
       SELECT DISTINCT ON (g.user_id) $1::bigint, g.user_id, g.unit_id, g.role, replace(gen_random_uuid()::text, '-', ''),
              caunoi_norm(u.full_name || ' ' || u.username || ' ' || v.name || ' ' || coalesce(c.name, '')), $2
         FROM role_grants g
         JOIN users u ON u.id = g.user_id AND u.active
         JOIN units v ON v.id = g.unit_id AND v.retired_at IS NULL AND v.valid_to IS NULL
         LEFT JOIN units c ON c.id = v.parent_id
        WHERE g.role = $3
          AND EXISTS (SELECT 1 FROM units r WHERE r.id = ANY($4::bigint[]) AND v.path LIKE r.path || '%')
        ORDER BY g.user_id, g.id
       ON CONFLICT (dialogue_id, user_id) DO NOTHING`,
      [d.id, now, input.invite.role, input.invite.unitIds],
    );
    const count = invited.rowCount ?? 0;
    if (count === 0) throw new CommandError("dialogues.error.nobodyInvited", 422, "units");
    await client.query(
      `INSERT INTO outbox (topic, payload, dedupe_key, available_at)
       SELECT $1, jsonb_build_object('userId', i.user_id, 'kind', 'dialogue_invited',
                'params', jsonb_build_object('title', $3::text, 'date', to_char($4::timestamptz AT TIME ZONE 'Asia/Ho_Chi_Minh', 'DD/MM/YYYY HH24:MI'), 'venue', $5::text),
                'link', '/dialogues/' || i.dialogue_id, 'email', true),
              'dialogue:' || i.dialogue_id || ':invite:' || i.user_id, now()
         FROM dialogue_invitations i WHERE i.dialogue_id = $2
       ON CONFLICT (dedupe_key) DO NOTHING`,
      [NOTIFY_TOPIC, d.id, input.title, input.startsAt, input.venue ?? input.onlineUrl ?? ""],
    );
    return {
      result: { ...d, invited: count, replayed: false },
      subjectType: "dialogue",
      subjectId: d.id,
      after: {
        code: d.code,
        title: input.title,
        invited: count,
        units: input.invite.unitIds,
        role: input.invite.role,
      },
    };
  });
}
