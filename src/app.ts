import type { Logger } from "pino";
import type { Config } from "./config.ts";
import { createAuthResolver } from "./modules/accounts/sessions.ts";
import { modules } from "./modules/index.ts";
import type { Clock } from "./platform/clock.ts";
import type { Database } from "./platform/db/database.ts";
import { startDbHealthProbe } from "./platform/db/healthProbe.ts";
import { createApp, homeFrom, navFrom } from "./platform/http/app.ts";
import type { App, AppDeps } from "./platform/http/types.ts";
import { mergeCatalogs } from "./platform/i18n/i18n.ts";
import { platformMessages } from "./platform/i18n/platformMessages.ts";

export const catalogs = mergeCatalogs([platformMessages, ...modules.map((m) => m.messages)]);

/** Wires the modules onto the platform: the one place that knows both. */
export function buildApp(
  config: Config,
  database: Database,
  clock: Clock,
  log: Logger,
): { app: App; deps: AppDeps; stop: () => void } {
  const probe = startDbHealthProbe(database.pool);
  const deps: AppDeps = {
    config,
    pool: database.pool,
    clock,
    log,
    catalogs,
    auth: createAuthResolver(database.pool),
    nav: navFrom(modules),
    homeFor: homeFrom(modules),
  };
  return { app: createApp(deps, modules, probe.state), deps, stop: probe.stop };
}
