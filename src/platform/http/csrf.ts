import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

/**
 * Double-submit with a signed token: the browser holds a random value in an HttpOnly SameSite cookie and
 * every form carries HMAC(secret, value). A forged cross-site form knows neither.
 */
export function newCsrfSeed(): string {
  return randomBytes(18).toString("base64url");
}

export function csrfTokenFor(secret: string, seed: string): string {
  return createHmac("sha256", secret).update(`csrf:${seed}`).digest("base64url");
}

export function csrfTokenValid(secret: string, seed: string | undefined, token: unknown): boolean {
  if (!seed || typeof token !== "string" || token.length === 0) return false;
  const expected = Buffer.from(csrfTokenFor(secret, seed));
  const given = Buffer.from(token);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
