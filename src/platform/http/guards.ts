import type { Context } from "hono";
import { errorResponse, wantsJson } from "./errors.tsx";
import type { Actor, AppEnv } from "./types.ts";

type Handler = (c: Context<AppEnv>, actor: Actor) => Response | Promise<Response>;

/** The route needs a logged-in person: anonymous browsers go to the login page and come back after. */
export function authed(handler: Handler) {
  return (c: Context<AppEnv>): Response | Promise<Response> => {
    const actor = c.get("actor");
    if (!actor) {
      if (wantsJson(c))
        return c.json({ error: { code: "unauthorized", message: c.get("t")("error.401") } }, 401);
      const url = new URL(c.req.url);
      return c.redirect(`/login?next=${encodeURIComponent(url.pathname + url.search)}`, 303);
    }
    return handler(c, actor);
  };
}

/** Logged in and allowed by the module's policy; otherwise 403 with a page that says so. */
export function allowed(policy: (actor: Actor) => boolean, handler: Handler) {
  return authed((c, actor) => (policy(actor) ? handler(c, actor) : errorResponse(c, 403)));
}
