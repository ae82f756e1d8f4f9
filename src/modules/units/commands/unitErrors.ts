import { CommandError } from "../../../platform/commands.ts";

/** A unique-constraint race (two admins saving the same code at once) is a field error, never a 500. */
export function isUniqueViolation(err: unknown): boolean {
  return (
    typeof err === "object" && err !== null && "code" in err && (err as { code: unknown }).code === "23505"
  );
}

export async function mapCodeTaken<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    if (isUniqueViolation(err)) throw new CommandError("units.error.codeTaken", 409, "code");
    throw err;
  }
}

export function invalid(errors: Record<string, string>): CommandError {
  const [field, key] = Object.entries(errors)[0] ?? ["_form", "form.invalid"];
  return new CommandError(key, 422, field);
}
