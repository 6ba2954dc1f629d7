import { createHash, randomInt, timingSafeEqual } from "node:crypto";

export const CODE_DIGITS = 6;

/** A uniformly random numeric code (crypto RNG), zero-padded. */
export function newVerificationCode(): string {
  return String(randomInt(0, 10 ** CODE_DIGITS)).padStart(CODE_DIGITS, "0");
}

/**
 * What is stored instead of the code: bound to the user and the number it was sent to, so a hash
 * copied onto another row or number does not verify. A six-digit code has little entropy, so the
 * real protection is the short expiry and the attempt limit; the hash keeps a database read from
 * handing out live codes.
 */
export function hashVerificationCode(userId: string, phoneNumber: string, code: string): string {
  return createHash("sha256").update(`sms-verification\0${userId}\0${phoneNumber}\0${code}`).digest("hex");
}

export function codeMatches(storedHash: string, userId: string, phoneNumber: string, code: string): boolean {
  const given = Buffer.from(hashVerificationCode(userId, phoneNumber, code.trim()), "hex");
  const stored = Buffer.from(storedHash, "hex");
  return given.length === stored.length && timingSafeEqual(given, stored);
}
