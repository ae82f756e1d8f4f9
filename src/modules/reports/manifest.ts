import type { ModuleManifest } from "../../platform/http/types.ts";
import { reportsMessages } from "./messages.ts";
import { canSeeOverview } from "./policy.ts";
import { reportsRoutes } from "./routes.tsx";

export const reportsModule: ModuleManifest = {
  name: "reports",
  messages: reportsMessages,
  routes: reportsRoutes,
  nav: (actor) =>
    canSeeOverview(actor) ? [{ href: "/overview", labelKey: "reports.nav.overview", order: 10 }] : [],
  home: { order: 90, for: (actor) => (canSeeOverview(actor) ? "/overview" : null) },
};
