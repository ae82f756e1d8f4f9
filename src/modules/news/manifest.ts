import { hasRole } from "../../platform/authz.ts";
import type { ModuleManifest } from "../../platform/http/types.ts";
import { newsEditorRoutes } from "./editorRoutes.tsx";
import { newsFeedRoutes } from "./feedRoutes.ts";
import { newsJobs, newsSweeps } from "./jobs.ts";
import { newsMessages } from "./messages.ts";
import { newsModerationRoutes } from "./moderationRoutes.tsx";
import { canEditNews, canModerateFeedback } from "./policy.ts";
import { portalRoutes } from "./portal/routes.tsx";
import { newsPublicRoutes } from "./publicRoutes.tsx";
import { flushAllViewCounters } from "./viewCounter.ts";

/** The public face: news with readers' feedback, and the province's answers and figures in public. */
export const newsModule: ModuleManifest = {
  name: "news",
  messages: newsMessages,
  jobs: newsJobs,
  sweeps: newsSweeps,
  routes: (app) => {
    // the fixed addresses first: /tin-tuc/:slug would otherwise take them
    newsFeedRoutes(app);
    newsEditorRoutes(app);
    newsModerationRoutes(app);
    newsPublicRoutes(app);
    portalRoutes(app);
  },
  nav: (actor) => [
    { href: "/tin-tuc", labelKey: "news.nav", order: 70 },
    { href: "/cong-khai", labelKey: "news.transparency", order: 71 },
    ...(canEditNews(actor) ? [{ href: "/tin-tuc/quan-tri", labelKey: "news.nav.editor", order: 72 }] : []),
    ...(canModerateFeedback(actor)
      ? [{ href: "/tin-tuc/kiem-duyet", labelKey: "news.nav.moderation", order: 73 }]
      : []),
  ],
  home: {
    order: 60,
    for: (actor) =>
      hasRole(actor, "editor")
        ? "/tin-tuc/quan-tri"
        : hasRole(actor, "moderator")
          ? "/tin-tuc/kiem-duyet"
          : null,
  },
  onStop: flushAllViewCounters,
};
