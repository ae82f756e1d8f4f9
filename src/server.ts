import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import type { Logger } from "pino";
import { buildApp, catalogs } from "./app.ts";
import type { Config } from "./config.ts";
import { modules } from "./modules/index.ts";
import type { Clock } from "./platform/clock.ts";
import type { Database } from "./platform/db/database.ts";
import type { JobDeps } from "./platform/http/types.ts";
import { Dispatcher } from "./platform/jobs/dispatcher.ts";
import { Scheduler } from "./platform/jobs/scheduler.ts";
import { createMailer } from "./platform/mail/mailer.ts";

export type RunningServer = { url: string; port: number; stop: () => Promise<void> };

/** HTTP, the outbox dispatcher and the sweeps: everything one stateless node runs. */
export async function startServer(
  config: Config,
  database: Database,
  clock: Clock,
  log: Logger,
  options: { jobs?: boolean } = {},
): Promise<RunningServer> {
  const { app, stop: stopProbe } = buildApp(config, database, clock, log);
  const mailer = createMailer({ smtpUrl: config.smtpUrl, from: config.mailFrom, log });
  const jobDeps: JobDeps = { config, pool: database.pool, clock, log, mailer, catalogs };
  const handlers = Object.assign({}, ...modules.map((m) => m.jobs?.(jobDeps) ?? {}));
  const dispatcher = new Dispatcher({ pool: database.pool, clock, handlers, log });
  const scheduler = new Scheduler({ pool: database.pool, log });
  for (const m of modules)
    for (const s of m.sweeps?.(jobDeps) ?? []) scheduler.every(s.name, s.intervalMs, s.run);
  if (options.jobs !== false) {
    dispatcher.start();
    scheduler.start();
  }
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, () => resolve(s));
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url:
      config.baseUrl.includes(`:${config.port}`) && config.port === 0
        ? `http://127.0.0.1:${port}`
        : config.baseUrl,
    port,
    stop: async () => {
      await new Promise<void>((r) => server.close(() => r()));
      for (const m of modules)
        await m.onStop?.().catch((err) => log.warn({ err, module: m.name }, "onStop failed"));
      await dispatcher.stop();
      await scheduler.stop();
      stopProbe();
      mailer.close();
    },
  };
}
