import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";

const VERSION = "v1";
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** A signing secret as integrators see it: `whsec_` and 32 random bytes, base64url. */
export function newSigningSecret(): string {
  return `whsec_${randomBytes(32).toString("base64url")}`;
}

/**
 * The key every development and test install shares when `WEBHOOK_SECRET_KEY` is unset (refused in
 * production): secrets are then only obscured at rest, as any embedded default is not a secret.
 */
export const DEVELOPMENT_KEY = createHash("sha256").update("moneta development webhook secret key; not a secret").digest();

/**
 * AES-256-GCM for webhook signing secrets at rest: deliveries must sign with the secret itself, so
 * it cannot be kept only as a hash. Text form `v1.<iv>.<tag>.<ciphertext>`, base64url; the
 * endpoint id is bound as associated data, so a ciphertext copied to another row does not open.
 */
export class SecretBox {
  constructor(private readonly key: Buffer) {
    if (key.length !== 32) throw new Error("the webhook secret key must be 32 bytes");
  }

  seal(plain: string, endpointId: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv("aes-256-gcm", this.key, iv, { authTagLength: TAG_BYTES });
    cipher.setAAD(Buffer.from(endpointId));
    const sealed = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
    return [VERSION, iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), sealed.toString("base64url")].join(".");
  }

  open(text: string, endpointId: string): string {
    const [version, iv, tag, sealed] = text.split(".");
    if (version !== VERSION || !iv || !tag || sealed === undefined) throw new Error("not a sealed webhook secret");
    const decipher = createDecipheriv("aes-256-gcm", this.key, Buffer.from(iv, "base64url"), { authTagLength: TAG_BYTES });
    decipher.setAAD(Buffer.from(endpointId));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(sealed, "base64url")), decipher.final()]).toString("utf8");
  }
}
