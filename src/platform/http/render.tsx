import type { Context } from "hono";
import type { Child } from "hono/jsx";
import { Layout, type PageContext } from "./layout.tsx";
import type { AppEnv } from "./types.ts";

export function pageContext(c: Context<AppEnv>): PageContext {
  const deps = c.get("deps");
  const actor = c.get("actor");
  return {
    t: c.get("t"),
    locale: c.get("locale"),
    actor,
    csrf: c.get("csrf"),
    nav: deps.nav(actor),
    path: new URL(c.req.url).pathname,
  };
}

/** Renders a full page in the layout; `status` for error pages and forms that failed validation (422). */
export function page(
  c: Context<AppEnv>,
  title: string,
  body: (ctx: PageContext) => Child,
  options: { status?: 200 | 201 | 400 | 403 | 404 | 409 | 413 | 422 | 429 | 500 | 503; wide?: boolean } = {},
) {
  const ctx = pageContext(c);
  return c.html(
    <Layout ctx={ctx} title={title} wide={options.wide}>
      {body(ctx)}
    </Layout>,
    options.status ?? 200,
  );
}
