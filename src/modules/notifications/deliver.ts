import type pg from "pg";
import { z } from "zod";
import { safeUrl } from "../../platform/http/safeUrl.ts";
import { type Catalogs, createTranslator, isLocale } from "../../platform/i18n/i18n.ts";
import type { JobHandler } from "../../platform/jobs/dispatcher.ts";
import type { Mailer } from "../../platform/mail/mailer.ts";

const payloadSchema = z.object({
  userId: z.number().int(),
  kind: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
  link: z.string().nullable().optional(),
  email: z.boolean().optional(),
});

/**
 * Delivers one notice in the reader's language: the in-app inbox row (once, keyed on the outbox id so a retry
 * does not duplicate it), then the email. If the mail fails the job is retried; the inbox insert is skipped
 * the second time.
 */
export function deliverNotification(
  pool: pg.Pool,
  mailer: Mailer,
  baseUrl: string,
  catalogs: Catalogs,
): JobHandler {
  return async (raw, job) => {
    const p = payloadSchema.parse(raw);
    const { rows } = await pool.query<{ email: string | null; active: boolean; locale: string }>(
      "SELECT email, active, locale FROM users WHERE id = $1",
      [p.userId],
    );
    const user = rows[0];
    if (!user?.active) return;
    const t = createTranslator(catalogs, isLocale(user.locale) ? user.locale : "vi");
    const title = t(`notify.${p.kind}.title`, p.params);
    const body = t(`notify.${p.kind}.body`, p.params);
    const link = p.link ? safeUrl(p.link) : null;
    await pool.query(
      `INSERT INTO notifications (user_id, kind, title, body, link, outbox_id) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (outbox_id) DO NOTHING`,
      [p.userId, p.kind, title, body, link, job.id],
    );
    if (!p.email || !user.email) return;
    const url = link?.startsWith("/") ? `${baseUrl}${link}` : null;
    await mailer.send({ to: user.email, subject: title, text: url ? `${body}\n\n${url}` : body });
  };
}
