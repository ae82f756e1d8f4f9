import { hasRole } from "../../platform/authz.ts";
import type { ModuleManifest, NavItem } from "../../platform/http/types.ts";
import { commitmentsMessages } from "./messages.ts";
import { canListAll, canListMine } from "./policy.ts";
import { commitmentRoutes } from "./routes.tsx";
import { commitmentSweeps } from "./sweeps.ts";

export const commitmentsModule: ModuleManifest = {
  name: "commitments",
  messages: commitmentsMessages,
  sweeps: (deps) => commitmentSweeps(deps),
  routes: commitmentRoutes,
  nav: (actor) => {
    const items: NavItem[] = [];
    if (canListMine(actor))
      items.push({ href: "/commitments/mine", labelKey: "commitments.nav.mine", order: 40 });
    if (canListAll(actor)) items.push({ href: "/commitments", labelKey: "commitments.nav.all", order: 40 });
    // Visitors and village heads read the public page: the whole story, without the officials' working notes.
    if (!actor || hasRole(actor, "village_head"))
      items.push({ href: "/cong-khai/cam-ket", labelKey: "commitments.nav.public", order: 45 });
    return items;
  },
};
