import type { ModuleManifest } from "../../platform/http/types.ts";
import { agenciesMessages } from "./messages.ts";
import { agenciesRoutes } from "./routes.tsx";

/** Who answers petitions: departments, commune People's Committees, vertical and central agencies. */
export const agenciesModule: ModuleManifest = {
  name: "agencies",
  messages: agenciesMessages,
  routes: agenciesRoutes,
  nav: (actor) => (actor ? [{ href: "/agencies", labelKey: "agencies.nav", order: 60 }] : []),
  // An agency officer lands on their agency.
  home: {
    order: 60,
    for: (actor) => {
      const grant = actor.grants.find((g) => g.role === "agency_officer" && g.agencyId !== null);
      return grant ? `/agencies/${grant.agencyId}` : null;
    },
  },
};
