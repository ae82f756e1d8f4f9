import type { ModuleManifest } from "../../platform/http/types.ts";
import { deliverNotification } from "./deliver.ts";
import { notificationsMessages } from "./messages.ts";
import { NOTIFY_TOPIC } from "./notify.ts";
import { notificationsRoutes } from "./routes.tsx";

export const notificationsModule: ModuleManifest = {
  name: "notifications",
  messages: notificationsMessages,
  routes: notificationsRoutes,
  jobs: (deps) => ({
    [NOTIFY_TOPIC]: deliverNotification(deps.pool, deps.mailer, deps.config.baseUrl, deps.catalogs),
  }),
  sweeps: (deps) => [
    {
      // Read notices older than 180 days are of no further use; the audit log keeps what happened.
      name: "notifications.prune",
      intervalMs: 24 * 3600_000,
      run: async () => {
        await deps.pool.query("DELETE FROM notifications WHERE read_at IS NOT NULL AND read_at < $1", [
          new Date(deps.clock.now().getTime() - 180 * 24 * 3600_000),
        ]);
      },
    },
  ],
};
