import { hasRole } from "../../platform/authz.ts";
import type { ModuleManifest } from "../../platform/http/types.ts";
import { FANOUT_TOPIC, noticesJob } from "./commands/fanout.ts";
import { reminderSweep } from "./commands/reminders.ts";
import { directivesMessages } from "./messages.ts";
import { canList } from "./policy.ts";
import { directiveRoutes } from "./routes.tsx";
import { moduleClock } from "./testClock.ts";

export const directivesModule: ModuleManifest = {
  name: "directives",
  messages: directivesMessages,
  routes: directiveRoutes,
  jobs: (deps) => ({ [FANOUT_TOPIC]: noticesJob(deps.pool) }),
  sweeps: (deps) => [
    // before each deadline and once it passes; idempotent (one reminder per delivery and deadline moment)
    {
      name: "directives.reminders",
      intervalMs: 15 * 60_000,
      run: reminderSweep(deps.pool, moduleClock(deps.clock)),
    },
  ],
  nav: (actor) => [
    ...(hasRole(actor, "village_head")
      ? [{ href: "/directives/inbox", labelKey: "directives.nav.inbox", order: 12 }]
      : []),
    ...(canList(actor) ? [{ href: "/directives", labelKey: "directives.nav.list", order: 40 }] : []),
  ],
};
