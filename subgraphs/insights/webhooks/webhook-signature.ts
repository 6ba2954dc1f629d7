import { createHmac, randomBytes } from "node:crypto";

/** A signing secret as integrators see it: `whsec_` and 32 random bytes, base64url. */
export function newSigningSecret(): string {
  return `whsec_${randomBytes(32).toString("base64url")}`;
}

/** HMAC-SHA256 of `${t}.${body}` with the secret (the whole `whsec_…` text is the key), in hex. */
export function signatureOf(secret: string, timestamp: number, body: string): string {
  return createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex");
}

/**
 * The `Moneta-Signature` header: `t=<unix seconds>,v1=<hex>`, with one `v1` per valid secret
 * (two while a rotated-out secret is still honoured), so a receiver holding either verifies.
 */
export function signatureHeader(secrets: readonly string[], timestamp: number, body: string): string {
  return [`t=${timestamp}`, ...secrets.map((s) => `v1=${signatureOf(s, timestamp, body)}`)].join(",");
}
