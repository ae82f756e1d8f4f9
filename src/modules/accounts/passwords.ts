import { randomInt } from "node:crypto";
import { hash, verify } from "@node-rs/argon2";

// argon2id (algorithm 2) with OWASP's suggested minimum: 19 MiB, 2 passes, 1 lane.
const OPTIONS = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password.normalize("NFC"), OPTIONS);
}

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password.normalize("NFC"));
  } catch {
    return false;
  }
}

/** A hash to verify against when the user does not exist, so timing does not reveal which usernames exist. */
let dummy: Promise<string> | undefined;
export function dummyHash(): Promise<string> {
  dummy ??= hashPassword("caunoi-dummy-password-for-timing");
  return dummy;
}

export const MIN_PASSWORD_LENGTH = 8;

/** Easy to read aloud over the phone to a village head: no 0/O, 1/l/I. */
export function generatePassword(length = 12): string {
  const alphabet = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  let out = "";
  for (let i = 0; i < length; i++) out += alphabet[randomInt(alphabet.length)];
  return out;
}
