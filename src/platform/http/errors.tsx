import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import { apiError } from "./forms.ts";
import { page } from "./render.tsx";
import type { AppEnv } from "./types.ts";

export function wantsJson(c: Context<AppEnv>): boolean {
  return (
    new URL(c.req.url).pathname.startsWith("/api/") ||
    (c.req.header("accept") ?? "").startsWith("application/json")
  );
}

type ErrorStatus = 400 | 403 | 404 | 409 | 413 | 422 | 429 | 500 | 503;

const codes: Record<ErrorStatus, string> = {
  400: "bad_request",
  403: "forbidden",
  404: "not_found",
  409: "conflict",
  413: "too_large",
  422: "invalid",
  429: "rate_limited",
  500: "internal",
  503: "unavailable",
};

/** An error page that says what happened and what to do, in the reader's language; JSON for the API. */
export function errorResponse(c: Context<AppEnv>, status: ErrorStatus, messageKey?: string) {
  const t = c.get("t");
  const key = messageKey ?? `error.${status}`;
  if (wantsJson(c)) return c.json(apiError(codes[status], t(key)), status);
  return page(
    c,
    t(`error.${status}.title`),
    (ctx) => (
      <section class="error-page">
        <h1>{ctx.t(`error.${status}.title`)}</h1>
        <p>{ctx.t(key)}</p>
        <p>
          <a href="/">{ctx.t("error.home")}</a>
          {ctx.actor ? null : (
            <>
              {" · "}
              <a href={`/login?next=${encodeURIComponent(ctx.path)}`}>{ctx.t("layout.login")}</a>
            </>
          )}
        </p>
        <p class="muted">{ctx.t("error.ref", { id: c.get("requestId") })}</p>
      </section>
    ),
    { status },
  );
}

export const forbidden = (c: Context<AppEnv>) => errorResponse(c, 403);
export const notFound = (c: Context<AppEnv>) => errorResponse(c, 404);

/**
 * Text PostgreSQL refuses to store: a NUL character (22021) or a \u0000 escape in JSON (22P05). Only hostile or
 * broken clients send them, and whichever route let one through, the answer is the client's fault, not a 500.
 */
const UNSTORABLE_TEXT = new Set(["22021", "22P05"]);

export function onError(err: Error, c: Context<AppEnv>) {
  if (err instanceof HTTPException) {
    const s = err.status;
    const status: ErrorStatus = s === 413 ? 413 : s === 404 ? 404 : s === 403 ? 403 : s === 429 ? 429 : 400;
    return errorResponse(c, status);
  }
  if (UNSTORABLE_TEXT.has((err as { code?: unknown }).code as string)) return errorResponse(c, 400);
  c.get("deps").log.error(
    { err, requestId: c.get("requestId"), path: new URL(c.req.url).pathname },
    "unhandled error",
  );
  return errorResponse(c, 500);
}
