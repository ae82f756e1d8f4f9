import { hasRole } from "../../platform/authz.ts";
import type { ModuleManifest } from "../../platform/http/types.ts";
import { adminRoutes } from "./adminRoutes.tsx";
import { accountsApiRoutes } from "./apiRoutes.ts";
import { accountsMessages } from "./messages.ts";
import { communeScopes } from "./policy.ts";
import { accountsRoutes } from "./routes.tsx";

export const accountsModule: ModuleManifest = {
  name: "accounts",
  messages: accountsMessages,
  routes: (app) => {
    // Login, logout and the temporary-password gate first: the gate must stand before every other route.
    accountsRoutes(app);
    adminRoutes(app);
    accountsApiRoutes(app);
  },
  nav: (actor) => {
    if (hasRole(actor, "admin")) return [{ href: "/admin", labelKey: "accounts.nav.admin", order: 90 }];
    if (communeScopes(actor).length > 0)
      return [{ href: "/admin/users", labelKey: "accounts.nav.villageHeads", order: 80 }];
    return [];
  },
  home: { order: 10, for: (actor) => (hasRole(actor, "admin") ? "/admin" : null) },
};
