import { type Hook, OpenAPIHono, z } from "@hono/zod-openapi";
import type { Context, MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import { HTTPException } from "hono/http-exception";
import { CommandError } from "../commands.ts";
import type { Translate } from "../i18n/i18n.ts";
import { onError } from "./errors.tsx";
import { apiError, type FieldErrors } from "./forms.ts";
import type { App, AppEnv } from "./types.ts";

/**
 * The JSON API's plumbing, shared by every module that publishes one: an `OpenAPIHono<AppEnv>` whose
 * validation failures, domain errors and malformed requests all answer `{ error: { code, message, fields? } }`
 * in the caller's language, and one OpenAPI 3.1 document for all of them.
 *
 * A module builds its routes on `createApi()` and hands the finished app to `mountApi(app, "/api/v1", api)`:
 * mounting copies the routes onto the main app (after the platform's middleware: request id, auth by session
 * or Bearer token, CSRF for cookie sessions only, body limit), so build everything before mounting.
 */

/** Every 4xx body of the API. */
export const ErrorSchema = z
  .object({
    error: z.object({
      code: z.string().openapi({ example: "invalid" }),
      message: z.string().openapi({ example: "Dữ liệu chưa hợp lệ." }),
      fields: z
        .record(z.string(), z.string())
        .optional()
        .openapi({ description: "Field name (dotted for nested fields) → what is wrong with it." }),
    }),
  })
  .openapi("Error");

export const errorContent = (description: string) => ({
  description,
  content: { "application/json": { schema: ErrorSchema } },
});

/** The error answers every authenticated route may give. */
export const standardErrors = {
  400: errorContent("Invalid input: `code` is `invalid` and `fields` says what is wrong with each field."),
  401: errorContent("No valid session or API token (`unauthorized`)."),
  403: errorContent("The person may not do this (`forbidden`)."),
  404: errorContent("Not found, or not visible to this person (`not_found`)."),
};

export type ApiEnv = AppEnv;

const KEY = /^[a-z][A-Za-z0-9_]*(\.[A-Za-z0-9_]+)+$/;

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = input;
  for (const p of path) {
    if (v === null || typeof v !== "object") return undefined;
    v = (v as Record<PropertyKey, unknown>)[p];
  }
  return v;
}

/** zod issues → one message per field, from the catalog (schemas may use catalog keys as messages). */
export function fieldErrors(error: z.ZodError, input: unknown, t: Translate): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const field = issue.path.map(String).join(".");
    if (!field || field in out) continue;
    let key = "form.invalid";
    if (KEY.test(issue.message) && t(issue.message) !== issue.message) key = issue.message;
    else if (issue.code === "invalid_type" && valueAt(input, issue.path) === undefined) key = "form.required";
    else if (issue.code === "too_small" && issue.origin === "string" && Number(issue.minimum) <= 1)
      key = "form.required";
    else if (issue.code === "too_big" && issue.origin === "string") key = "form.tooLong";
    out[field] = t(key);
  }
  return out;
}

/** A 400 `invalid` answer. */
export function invalid(c: Context<AppEnv>, fields: FieldErrors, messageKey = "error.422") {
  const t = c.get("t");
  return c.json(apiError("invalid", t(messageKey), Object.keys(fields).length ? fields : undefined), 400);
}

const validationHook: Hook<unknown, AppEnv, string, Response | undefined> = (result, c) => {
  if (result.success) return undefined;
  const input = "data" in result ? (result as { data?: unknown }).data : undefined;
  return invalid(c, fieldErrors(result.error, input, c.get("t")));
};

/** Maps a domain error to its 4xx answer; a 422 (a field a person must fix) is a 400 `invalid` here. */
export function commandErrorResponse(
  c: Context<AppEnv>,
  err: CommandError,
  fieldAliases: Record<string, string> = {},
) {
  const t = c.get("t");
  const message = t(err.messageKey);
  switch (err.status) {
    case 403:
      return c.json(apiError("forbidden", message), 403);
    case 404:
      return c.json(apiError("not_found", message), 404);
    case 409:
      return c.json(apiError("conflict", message), 409);
    default: {
      const field = err.field ? (fieldAliases[err.field] ?? err.field) : undefined;
      return c.json(apiError("invalid", message, field ? { [field]: message } : undefined), 400);
    }
  }
}

function apiOnError(err: Error, c: Context<AppEnv>) {
  const t = c.get("t");
  if (err instanceof CommandError) return commandErrorResponse(c, err);
  if (err instanceof HTTPException) {
    if (err.status === 413) return c.json(apiError("too_large", t("error.413")), 413);
    if (err.status === 415) return c.json(apiError("unsupported_media_type", t("error.400")), 415);
    if (err.status === 401) return c.json(apiError("unauthorized", t("error.401")), 401);
    // Malformed JSON and other unreadable requests.
    return c.json(apiError("invalid", t("error.400")), 400);
  }
  return onError(err, c);
}

/** Anonymous callers get a 401 (never a redirect to the login page). */
export const requireActor: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (!c.get("actor")) return c.json(apiError("unauthorized", c.get("t")("error.401")), 401);
  await next();
};

/** JSON bodies carry no files: a tighter limit than the platform's 20 MB for uploads. */
export const jsonBodyLimit = (maxSize = 1024 * 1024): MiddlewareHandler<AppEnv> =>
  bodyLimit({ maxSize, onError: (c) => c.json(apiError("too_large", c.get("t")("error.413")), 413) });

export const BEARER = "bearer";

/** An API sub-app with the platform's error shapes; mount it with `mountApi` once its routes are added. */
export function createApi(): OpenAPIHono<AppEnv> {
  const api = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  api.openAPIRegistry.registerComponent("securitySchemes", BEARER, {
    type: "http",
    scheme: "bearer",
    description:
      "An API token from `caunoi token create <username>`, sent as `Authorization: Bearer <token>`. " +
      "A revoked or unknown token answers 401. Browser sessions (cookie) also work, with the `X-CSRF-Token` " +
      "header on unsafe methods.",
  });
  api.onError(apiOnError);
  return api;
}

export const OPENAPI_PATH = "/api/openapi.json";

type Mounted = { base: string; api: OpenAPIHono<AppEnv> };
const mounted = new WeakMap<App, Mounted[]>();

/**
 * Mounts a finished API sub-app under `base` and lists it in the OpenAPI document at /api/openapi.json
 * (served from the first mount on).
 */
export function mountApi(app: App, base: string, api: OpenAPIHono<AppEnv>): void {
  app.route(base, api);
  let list = mounted.get(app);
  if (!list) {
    list = [];
    mounted.set(app, list);
    const apis = list;
    let cached: string | null = null;
    app.get(OPENAPI_PATH, (c) => {
      cached ??= JSON.stringify(openApiDocument(apis));
      c.header("Cache-Control", "no-cache");
      return c.body(cached, 200, { "Content-Type": "application/json; charset=utf-8" });
    });
  }
  list.push({ base, api });
}

function openApiDocument(apis: Mounted[]) {
  // A throw-away root merges every sub-app's registry with its base path in front of each path.
  const root = new OpenAPIHono<AppEnv>();
  for (const m of apis) root.route(m.base, m.api);
  return root.getOpenAPI31Document({
    openapi: "3.1.0",
    info: {
      title: "Cầu Nối API",
      version: "1",
      description:
        "The JSON API of Cầu Nối. Authenticate with `Authorization: Bearer <token>` (tokens from " +
        '`caunoi token create`). Errors answer `{ "error": { "code", "message", "fields"? } }` with ' +
        "the message in the caller's language (the account's, or the `caunoi_lang` cookie): 400 `invalid`, " +
        "401 `unauthorized`, 403 `forbidden`, 404 `not_found`, 409 `conflict`, 413 `too_large`, " +
        "415 `unsupported_media_type`.",
    },
    security: [{ [BEARER]: [] }],
  });
}
