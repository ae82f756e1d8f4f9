import { z } from "zod";
import type { JobDeps, Sweep } from "../../platform/http/types.ts";
import { createTranslator } from "../../platform/i18n/i18n.ts";
import type { JobHandler } from "../../platform/jobs/dispatcher.ts";
import { publishDueArticles } from "./commands/changeArticleState.ts";
import { FEEDBACK_APPROVED_TOPIC } from "./commands/feedback.ts";

const approvedPayload = z.object({
  email: z.string(),
  name: z.string(),
  title: z.string(),
  slug: z.string(),
});

/** Tells a reader by e-mail that their feedback is published (they are not users: no inbox, Vietnamese). */
export function newsJobs(deps: JobDeps): Record<string, JobHandler> {
  return {
    [FEEDBACK_APPROVED_TOPIC]: async (raw) => {
      const p = approvedPayload.parse(raw);
      const t = createTranslator(deps.catalogs, "vi");
      const url = `${deps.config.baseUrl.replace(/\/$/, "")}/tin-tuc/${p.slug}#phan-hoi`;
      await deps.mailer.send({
        to: p.email,
        subject: t("news.mail.approved.subject"),
        text: t("news.mail.approved.body", { name: p.name, title: p.title, url }),
      });
    },
  };
}

export function newsSweeps(deps: JobDeps): Sweep[] {
  return [
    {
      name: "news.publish_scheduled",
      intervalMs: 30_000,
      run: async () => {
        const { rows } = await deps.pool.query(
          "SELECT 1 FROM news_articles WHERE state = 'scheduled' AND scheduled_at <= $1 LIMIT 1",
          [deps.clock.now()],
        );
        if (rows.length > 0) await publishDueArticles({ pool: deps.pool, clock: deps.clock, actorId: null });
      },
    },
  ];
}
