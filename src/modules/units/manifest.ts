import type { ModuleManifest } from "../../platform/http/types.ts";
import { unitsMessages } from "./messages.ts";
import { unitsRoutes } from "./routes.tsx";

/** The administrative tree: browsing, search, history and lineage, village administration and import. */
export const unitsModule: ModuleManifest = {
  name: "units",
  messages: unitsMessages,
  routes: unitsRoutes,
  nav: (actor) => (actor ? [{ href: "/units", labelKey: "units.nav", order: 50 }] : []),
  // A commune officer lands on their commune, a village head on their village.
  home: {
    order: 50,
    for: (actor) => {
      const grant = actor.grants.find(
        (g) => (g.role === "commune_officer" || g.role === "village_head") && g.unitId !== null,
      );
      return grant ? `/units/${grant.unitId}` : null;
    },
  },
};
