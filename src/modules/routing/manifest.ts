import type { ModuleManifest } from "../../platform/http/types.ts";
import { canManageRouting } from "../petitions/policy.ts";
import { routingMessages } from "./messages.ts";
import { routingRoutes } from "./routes.tsx";

/** Who answers what: the routing table (category × unit subtree × level → agency) and the categories. */
export const routingModule: ModuleManifest = {
  name: "routing",
  messages: routingMessages,
  routes: routingRoutes,
  nav: (actor) =>
    canManageRouting(actor) ? [{ href: "/admin/routing", labelKey: "routing.nav", order: 85 }] : [],
};
