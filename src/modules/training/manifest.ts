import { hasRole } from "../../platform/authz.ts";
import type { ModuleManifest } from "../../platform/http/types.ts";
import { trainingMessages } from "./messages.ts";
import { trainingRoutes } from "./routes.tsx";

/** Training for village heads: courses, enrolment, attendance, tests, certificates, records and coverage. */
export const trainingModule: ModuleManifest = {
  name: "training",
  messages: trainingMessages,
  routes: trainingRoutes,
  nav: (actor) =>
    hasRole(actor, "admin", "coordinator", "leader", "trainer", "village_head")
      ? [{ href: "/training", labelKey: "training.nav", order: 60 }]
      : [],
  home: {
    order: 50,
    for: (actor) =>
      actor.grants.length > 0 && actor.grants.every((g) => g.role === "trainer") ? "/training" : null,
  },
};
