import { hasRole } from "../../platform/authz.ts";
import type { ModuleManifest } from "../../platform/http/types.ts";
import { createTranslator } from "../../platform/i18n/i18n.ts";
import { carryOverUnreached } from "./commands/followUps.ts";
import { dialoguesMessages } from "./messages.ts";
import { dialoguesRoutes } from "./routes.tsx";

/** Dialogue conferences: invitations, questions in advance, check-in, the moderated queue, live screens, minutes. */
export const dialoguesModule: ModuleManifest = {
  name: "dialogues",
  messages: dialoguesMessages,
  routes: dialoguesRoutes,
  nav: (actor) =>
    hasRole(actor, "coordinator", "admin", "leader", "moderator", "village_head", "agency_officer")
      ? [{ href: "/dialogues", labelKey: "dialogues.nav", order: 40 }]
      : [],
  // A node that crashed between closing a dialogue and filing its unreached questions: finish the job.
  sweeps: (deps) => [
    {
      name: "dialogues.carry_over",
      intervalMs: 10 * 60_000,
      run: async () => {
        const { rows } = await deps.pool.query<{ id: number }>(
          `SELECT DISTINCT q.dialogue_id AS id FROM dialogue_questions q JOIN dialogues d ON d.id = q.dialogue_id
            WHERE d.state IN ('closed', 'minutes_published') AND q.state IN ('queued', 'skipped')
              AND q.follow_up_petition_id IS NULL LIMIT 20`,
        );
        const t = createTranslator(deps.catalogs, "vi");
        for (const r of rows) await carryOverUnreached(deps.pool, deps.clock, r.id, t);
      },
    },
  ],
};
