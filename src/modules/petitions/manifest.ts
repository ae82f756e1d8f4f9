import { hasRole } from "../../platform/authz.ts";
import type { ModuleManifest } from "../../platform/http/types.ts";
import { mergeCatalogs } from "../../platform/i18n/i18n.ts";
import { petitionApiRoutes } from "./api.ts";
import { clusterMessages } from "./clusterMessages.ts";
import { clusterRoutes } from "./clusterRoutes.tsx";
import { petitionsMessages } from "./messages.ts";
import { pageMessages } from "./pageMessages.ts";
import { petitionRoutes } from "./routes.tsx";
import { similarityDfSweeps } from "./similarityDf.ts";
import { petitionStatsSweeps } from "./stats.ts";
import { petitionSweeps } from "./sweeps.ts";
import { petitionWorkMessages } from "./workMessages.ts";
import { petitionWorkRoutes, workHome, workNav } from "./workRoutes.tsx";

export const petitionsModule: ModuleManifest = {
  name: "petitions",
  messages: mergeCatalogs([petitionsMessages, pageMessages, petitionWorkMessages, clusterMessages]),
  sweeps: (deps) => [...petitionSweeps(deps), ...petitionStatsSweeps(deps), ...similarityDfSweeps(deps)],
  routes: (app) => {
    petitionApiRoutes(app);
    // Before /petitions/:id so that /petitions/:id/similar and the cluster pages are matched first.
    clusterRoutes(app);
    // The village head's form, "my village's petitions", the detail page with its steps, files, /p/:code.
    petitionRoutes(app);
    petitionWorkRoutes(app);
  },
  nav: (actor) => [
    ...(hasRole(actor, "village_head")
      ? [{ href: "/petitions/mine", labelKey: "petitions.nav.mine", order: 10 }]
      : []),
    ...workNav(actor),
  ],
  // agency officers → their queue, commune officers → their inbox (before the units and agencies pages);
  // village heads → "my village's petitions" (instead of their village's page in the units module, order 50)
  home: {
    order: 35,
    for: (actor) => workHome(actor) ?? (hasRole(actor, "village_head") ? "/petitions/mine" : null),
  },
};
