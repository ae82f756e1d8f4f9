import type { ModuleManifest } from "../../platform/http/types.ts";
import { calendarMessages } from "./messages.ts";
import { calendarRoutes } from "./routes.tsx";

/** The admin page of the working-day calendar; the rules themselves live in src/platform/calendar. */
export const calendarModule: ModuleManifest = {
  name: "calendar",
  messages: calendarMessages,
  routes: calendarRoutes,
};
