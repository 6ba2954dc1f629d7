import { createHash, randomBytes } from "node:crypto";

/**
 * High-entropy opaque tokens (refresh tokens, e-mail links, challenges). 256 random bits need no
 * slow hash: SHA-256 at rest is enough to make a stolen table useless.
 */
export function newOpaqueToken(): string {
  return randomBytes(32).toString("base64url");
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("base64url");
}
