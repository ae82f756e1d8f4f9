import pino from "pino";
import type { Config } from "./config.ts";

/** JSON logs on stdout. Residents' personal data is never logged: routes log method, path, status and time only. */
export function createLogger(config: Pick<Config, "logLevel">) {
  return pino({
    level: config.logLevel,
    base: undefined,
    redact: { paths: ["password", "*.password", "headers.cookie", "headers.authorization"], remove: true },
  });
}
