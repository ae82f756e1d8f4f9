import type { ModuleManifest } from "../../platform/http/types.ts";
import { accountsMessages } from "./messages.ts";
import { accountsRoutes } from "./routes.tsx";

export const accountsModule: ModuleManifest = {
  name: "accounts",
  messages: accountsMessages,
  routes: accountsRoutes,
};
