import type { ModuleManifest } from "../../platform/http/types.ts";
import { mergeCatalogs } from "../../platform/i18n/i18n.ts";
import { centralReportMessages } from "./central/messages.ts";
import { centralReportNav, centralReportRoutes } from "./central/routes.tsx";
import { reportsMessages } from "./messages.ts";
import { canSeeOverview } from "./policy.ts";
import { reportsRoutes } from "./routes.tsx";

export const reportsModule: ModuleManifest = {
  name: "reports",
  messages: mergeCatalogs([reportsMessages, centralReportMessages]),
  routes: (app) => {
    reportsRoutes(app);
    centralReportRoutes(app);
  },
  nav: (actor) => [
    ...(canSeeOverview(actor) ? [{ href: "/overview", labelKey: "reports.nav.overview", order: 10 }] : []),
    ...centralReportNav(actor),
  ],
  home: { order: 90, for: (actor) => (canSeeOverview(actor) ? "/overview" : null) },
};
