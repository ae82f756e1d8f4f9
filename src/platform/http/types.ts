import type { Hono } from "hono";
import type pg from "pg";
import type { Logger } from "pino";
import type { Config } from "../../config.ts";
import type { Clock } from "../clock.ts";
import type { Catalogs, Locale, Translate } from "../i18n/i18n.ts";
import type { JobHandler } from "../jobs/dispatcher.ts";
import type { Mailer } from "../mail/mailer.ts";

/** A role held over a unit subtree (unitPath is that unit's path, '/1/57/') or for an agency. */
export type Grant = { role: string; unitId: number | null; unitPath: string | null; agencyId: number | null };

export type Actor = {
  id: number;
  username: string;
  fullName: string;
  locale: Locale;
  grants: Grant[];
  mustChangePassword: boolean;
  via: "session" | "token";
};

/** Implemented by the accounts module; the platform only knows this shape. */
export type AuthResolver = {
  fromSession(sessionToken: string, now: Date): Promise<Actor | null>;
  fromApiToken(token: string, now: Date): Promise<Actor | null>;
};

export type NavItem = { href: string; labelKey: string; order: number };

export type AppDeps = {
  config: Config;
  pool: pg.Pool;
  clock: Clock;
  log: Logger;
  catalogs: Catalogs;
  auth: AuthResolver;
  nav: (actor: Actor | null) => NavItem[];
  /** Where each person lands after login, decided by the modules from their grants. */
  homeFor: (actor: Actor) => string;
};

export type AppEnv = {
  Variables: {
    deps: AppDeps;
    actor: Actor | null;
    locale: Locale;
    t: Translate;
    csrf: string;
    requestId: string;
  };
};

export type App = Hono<AppEnv>;

/** What background work needs: the same pool and clock as requests, plus the mailer. */
export type JobDeps = {
  config: Config;
  pool: pg.Pool;
  clock: Clock;
  log: Logger;
  mailer: Mailer;
  catalogs: Catalogs;
};

export type Sweep = { name: string; intervalMs: number; run: () => Promise<void> };

export type ModuleManifest = {
  name: string;
  /** Outbox topics this module delivers. */
  jobs?: (deps: JobDeps) => Record<string, JobHandler>;
  /** Periodic sweeps, each run on one node at a time. */
  sweeps?: (deps: JobDeps) => Sweep[];
  messages: Catalogs;
  routes?: (app: App) => void;
  nav?: (actor: Actor | null) => NavItem[];
  /** First matching module decides the landing page; lower runs first. */
  home?: { order: number; for: (actor: Actor) => string | null };
  /** Called when the server stops, after it stopped taking requests (e.g. to write buffered counters). */
  onStop?: () => Promise<void>;
};

export const SESSION_COOKIE = "caunoi_sid";
export const CSRF_COOKIE = "caunoi_csrf";
export const LOCALE_COOKIE = "caunoi_lang";
