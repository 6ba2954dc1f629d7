import { randomBytes } from "node:crypto";

import { hashToken } from "../tokens/opaque-token.js";

const BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
/** Visible part, shown in key lists so a user can tell keys apart (~47.6 bits, unique per table). */
export const PREFIX_LENGTH = 8;
/** 43 base62 characters carry 256.06 bits, so the secret alone meets the 256-bit bar. */
export const BODY_LENGTH = 43;
const SHAPE = new RegExp(`^mk_([0-9A-Za-z]{${PREFIX_LENGTH}})_[0-9A-Za-z]{${BODY_LENGTH}}$`);

/** Uniform base62: bytes ≥ 248 are dropped, since 256 % 62 ≠ 0 would favour the first characters. */
export function randomBase62(length: number): string {
  let out = "";
  while (out.length < length) {
    for (const byte of randomBytes(length + 8)) {
      if (byte < 248) out += BASE62[byte % 62];
      if (out.length === length) break;
    }
  }
  return out;
}

export interface NewApiKeySecret {
  /** `mk_<prefix>_<body>`: shown to the user once, never stored. */
  secret: string;
  prefix: string;
  /** What the table keeps: SHA-256 of the whole secret. */
  hash: string;
}

export function newApiKeySecret(): NewApiKeySecret {
  const prefix = randomBase62(PREFIX_LENGTH);
  const secret = `mk_${prefix}_${randomBase62(BODY_LENGTH)}`;
  return { secret, prefix, hash: hashApiKeySecret(secret) };
}

/**
 * 303 random bits need no slow hash: SHA-256 at rest already makes a stolen table useless, and a
 * fast hash keeps resolution cheap on the gateway's hot path.
 */
export function hashApiKeySecret(secret: string): string {
  return hashToken(secret);
}

/** Whether the string has the shape of a key, so garbage is refused without touching the database. */
export function isApiKeySecretShape(secret: string): boolean {
  return SHAPE.test(secret);
}
