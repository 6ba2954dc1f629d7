import { createHash, randomInt } from "node:crypto";

export const BACKUP_CODE_COUNT = 10;

/** No 0/o, 1/i/l: nothing a person can misread from paper. */
const ALPHABET = "23456789abcdefghjkmnpqrstuvwxyz";
const LENGTH = 10;
const SHAPE = new RegExp(`^[${ALPHABET}]{${LENGTH}}$`);

/** About 49.5 random bits as `xxxxx-xxxxx`: unguessable online (attempts are throttled) yet easy to type. */
export function newBackupCode(): string {
  let code = "";
  for (let i = 0; i < LENGTH; i++) code += ALPHABET[randomInt(ALPHABET.length)];
  return `${code.slice(0, 5)}-${code.slice(5)}`;
}

export function newBackupCodes(): string[] {
  return Array.from({ length: BACKUP_CODE_COUNT }, newBackupCode);
}

/** Case, spaces and dashes do not matter; null when it cannot be a backup code at all. */
export function normalizeBackupCode(input: string): string | null {
  const code = input.toLowerCase().replace(/[\s-]+/g, "");
  return SHAPE.test(code) ? code : null;
}

/**
 * The codes are random enough that a fast hash does; salting with the owner keeps one precomputed
 * table from covering every account at once. `code` must be normalised.
 */
export function hashBackupCode(userId: string, code: string): string {
  return createHash("sha256").update(`${userId}:${code}`).digest("base64url");
}
