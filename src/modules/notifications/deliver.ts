import type pg from "pg";
import { z } from "zod";
import type { JobHandler } from "../../platform/jobs/dispatcher.ts";
import type { Mailer } from "../../platform/mail/mailer.ts";
import { safeUrl } from "../../platform/http/safeUrl.ts";

const payloadSchema = z.object({
  userId: z.number().int(),
  kind: z.string(),
  title: z.string(),
  body: z.string(),
  link: z.string().nullable().optional(),
  email: z.boolean().optional(),
});

/**
 * Delivers one notice: the in-app inbox row (once, keyed on the outbox id so a retry does not duplicate it),
 * then the email. If the mail fails the job is retried; the inbox insert is skipped the second time.
 */
export function deliverNotification(pool: pg.Pool, mailer: Mailer, baseUrl: string): JobHandler {
  return async (raw, job) => {
    const p = payloadSchema.parse(raw);
    await pool.query(
      `INSERT INTO notifications (user_id, kind, title, body, link, outbox_id)
       SELECT $1, $2, $3, $4, $5, $6 WHERE EXISTS (SELECT 1 FROM users WHERE id = $1)
       ON CONFLICT (outbox_id) DO NOTHING`,
      [p.userId, p.kind, p.title, p.body, p.link ?? null, job.id],
    );
    if (!p.email) return;
    const { rows } = await pool.query<{ email: string | null; active: boolean }>("SELECT email, active FROM users WHERE id = $1", [p.userId]);
    const to = rows[0]?.active ? rows[0].email : null;
    if (!to) return;
    const link = p.link ? safeUrl(p.link) : null;
    const url = link?.startsWith("/") ? `${baseUrl}${link}` : null;
    await mailer.send({ to, subject: p.title, text: url ? `${p.body}\n\n${url}` : p.body });
  };
}
