import type { z } from "zod";

export type FieldErrors = Record<string, string>;
export type FormValues = Record<string, string>;

export type FormResult<T> = { ok: true; data: T } | { ok: false; errors: FieldErrors; values: FormValues };

/**
 * Parses a submitted form with a zod schema whose messages are catalog keys ("form.required"), and keeps what
 * was typed so the page can show it again beside each error.
 */
export function parseForm<S extends z.ZodType>(
  schema: S,
  body: Record<string, unknown>,
): FormResult<z.infer<S>> {
  const values: FormValues = {};
  for (const [k, v] of Object.entries(body)) {
    if (typeof v === "string" && k !== "_csrf") values[k] = v;
  }
  const parsed = schema.safeParse(body);
  if (parsed.success) return { ok: true, data: parsed.data };
  const errors: FieldErrors = {};
  for (const issue of parsed.error.issues) {
    const field = String(issue.path[0] ?? "_form");
    if (!(field in errors)) errors[field] = issue.message.includes(".") ? issue.message : "form.invalid";
  }
  return { ok: false, errors, values };
}

/** Machine-readable body for API 4xx answers. */
export function apiError(code: string, message: string, fields?: FieldErrors) {
  return { error: { code, message, ...(fields ? { fields } : {}) } };
}
