import { randomUUID } from "node:crypto";
import { fileURLToPath } from "node:url";
import { serveStatic } from "@hono/node-server/serve-static";
import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { getCookie, setCookie } from "hono/cookie";
import { secureHeaders } from "hono/secure-headers";
import type { DbHealth } from "../db/healthProbe.ts";
import { createTranslator, defaultLocale, isLocale } from "../i18n/i18n.ts";
import { csrfTokenFor, csrfTokenValid, newCsrfSeed } from "./csrf.ts";
import { errorResponse, notFound, onError } from "./errors.tsx";
import { safeLocalPath } from "./safeUrl.ts";
import {
  type App,
  type AppDeps,
  type AppEnv,
  CSRF_COOKIE,
  LOCALE_COOKIE,
  type ModuleManifest,
  SESSION_COOKIE,
} from "./types.ts";

const publicDir = fileURLToPath(new URL("../../../public", import.meta.url));
const UNSAFE = new Set(["POST", "PUT", "PATCH", "DELETE"]);

export function createApp(deps: AppDeps, modules: ModuleManifest[], health: () => DbHealth): App {
  const app = new Hono<AppEnv>();
  const secure = deps.config.baseUrl.startsWith("https://");

  app.use(async (c, next) => {
    const started = performance.now();
    c.set("deps", deps);
    c.set("requestId", c.req.header("x-request-id")?.slice(0, 64) || randomUUID());
    c.set("actor", null);
    c.set("locale", defaultLocale);
    c.set("t", createTranslator(deps.catalogs, defaultLocale));
    c.set("csrf", "");
    await next();
    const path = new URL(c.req.url).pathname;
    if (path !== "/healthz" && !path.startsWith("/assets/")) {
      deps.log.info(
        {
          requestId: c.get("requestId"),
          method: c.req.method,
          path,
          status: c.res.status,
          ms: Math.round(performance.now() - started),
        },
        "request",
      );
    }
  });

  app.use(
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", "data:"],
        connectSrc: ["'self'"],
        fontSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
      },
      referrerPolicy: "same-origin",
      crossOriginEmbedderPolicy: false,
      strictTransportSecurity: secure ? "max-age=31536000; includeSubDomains" : false,
    }),
  );

  app.use("/assets/*", serveStatic({ root: publicDir, rewriteRequestPath: (p) => p }));

  // Answers from memory: see healthProbe.ts.
  app.get("/healthz", (c) => {
    const h = health();
    return c.json(
      {
        status: h.ok ? "ok" : "degraded",
        db: h.ok ? "ok" : "down",
        dbCheckedAt: h.checkedAt,
        dbLatencyMs: h.latencyMs,
      },
      h.ok ? 200 : 503,
    );
  });

  app.use(
    bodyLimit({
      maxSize: 20 * 1024 * 1024,
      onError: (c) => errorResponse(c, 413),
    }),
  );

  // Who is asking, and in which language.
  app.use(async (c, next) => {
    const now = deps.clock.now();
    const auth = c.req.header("authorization");
    let actor = null;
    if (auth?.startsWith("Bearer ")) {
      actor = await deps.auth.fromApiToken(auth.slice(7).trim(), now);
      if (!actor) {
        const lang = getCookie(c, LOCALE_COOKIE);
        const t = createTranslator(deps.catalogs, isLocale(lang) ? lang : defaultLocale);
        return c.json({ error: { code: "unauthorized", message: t("error.apiToken") } }, 401);
      }
    } else {
      const sid = getCookie(c, SESSION_COOKIE);
      if (sid) actor = await deps.auth.fromSession(sid, now);
    }
    c.set("actor", actor);
    const cookieLocale = getCookie(c, LOCALE_COOKIE);
    const locale = isLocale(cookieLocale) ? cookieLocale : (actor?.locale ?? defaultLocale);
    c.set("locale", locale);
    c.set("t", createTranslator(deps.catalogs, locale));
    await next();
  });

  // CSRF on every unsafe request that a browser could forge (token-authenticated API calls carry no cookies).
  app.use(async (c, next) => {
    const actor = c.get("actor");
    // A token-authenticated API call renders no form and sends no cookie: no seed to make or sign.
    if (actor?.via === "token") {
      c.set("csrf", "");
      return next();
    }
    let seed = getCookie(c, CSRF_COOKIE);
    if (!seed || seed.length < 16) {
      seed = newCsrfSeed();
      setCookie(c, CSRF_COOKIE, seed, { httpOnly: true, sameSite: "Lax", secure, path: "/" });
    }
    c.set("csrf", csrfTokenFor(deps.config.sessionSecret, seed));
    if (UNSAFE.has(c.req.method)) {
      let token: unknown = c.req.header("x-csrf-token");
      if (!token) {
        const type = c.req.header("content-type") ?? "";
        if (type.startsWith("application/x-www-form-urlencoded") || type.startsWith("multipart/form-data")) {
          try {
            token = (await c.req.parseBody({ all: false }))._csrf;
          } catch {
            return errorResponse(c, 400);
          }
        }
      }
      if (!csrfTokenValid(deps.config.sessionSecret, getCookie(c, CSRF_COOKIE), token)) {
        return errorResponse(c, 403, "error.csrf");
      }
    }
    await next();
  });

  app.get("/lang/:locale", (c) => {
    const locale = c.req.param("locale");
    if (isLocale(locale)) {
      setCookie(c, LOCALE_COOKIE, locale, {
        httpOnly: true,
        sameSite: "Lax",
        secure,
        path: "/",
        maxAge: 31_536_000,
      });
    }
    return c.redirect(safeLocalPath(c.req.query("back")), 303);
  });

  for (const m of modules) m.routes?.(app);

  app.notFound(notFound);
  app.onError(onError);
  return app;
}

export function navFrom(modules: ModuleManifest[]): AppDeps["nav"] {
  return (actor) => modules.flatMap((m) => m.nav?.(actor) ?? []).sort((a, b) => a.order - b.order);
}

export function homeFrom(modules: ModuleManifest[]): AppDeps["homeFor"] {
  const homes = modules.flatMap((m) => (m.home ? [m.home] : [])).sort((a, b) => a.order - b.order);
  return (actor) => {
    for (const h of homes) {
      const where = h.for(actor);
      if (where) return where;
    }
    return "/";
  };
}
