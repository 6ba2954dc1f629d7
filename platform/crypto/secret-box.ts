import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";

import { ConfigError } from "../config/index.js";

const VERSION = "v1";
const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * The key every development and test install shares for `label` when its env variable is unset
 * (refused in production): secrets are then only obscured at rest, as any embedded default is not
 * a secret. Derived from the label so two uses never share a key.
 */
export function developmentKey(label: string): Buffer {
  return createHash("sha256").update(`moneta development ${label} key; not a secret`).digest();
}

/**
 * A 32-byte key from env `name` (base64, or 64 hex digits): required in production, the
 * development key of `label` otherwise.
 */
export function secretKeyFromEnv(env: NodeJS.ProcessEnv, name: string, label: string, production: boolean): Buffer {
  const raw = env[name]?.trim();
  if (!raw) {
    if (production) throw new ConfigError(name, "required in production (32 bytes, base64 or 64 hex digits)");
    return developmentKey(label);
  }
  const key = /^[0-9a-fA-F]{64}$/.test(raw) ? Buffer.from(raw, "hex") : Buffer.from(raw, "base64");
  if (key.length !== 32) throw new ConfigError(name, "must be 32 bytes, base64 or 64 hex digits");
  return key;
}

/**
 * AES-256-GCM for secrets a service must read back (webhook signing secrets, bank credentials), so
 * they cannot be kept only as a hash. Text form `v1.<iv>.<tag>.<ciphertext>`, base64url; the
 * owning row's id is bound as associated data, so a ciphertext copied to another row does not open.
 */
export class SecretBox {
  constructor(private readonly key: Buffer) {
    if (key.length !== 32) throw new Error("a secret box key must be 32 bytes");
  }

  seal(plain: string, boundTo: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv("aes-256-gcm", this.key, iv, { authTagLength: TAG_BYTES });
    cipher.setAAD(Buffer.from(boundTo));
    const sealed = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
    return [VERSION, iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), sealed.toString("base64url")].join(".");
  }

  open(text: string, boundTo: string): string {
    const [version, iv, tag, sealed] = text.split(".");
    if (version !== VERSION || !iv || !tag || sealed === undefined) throw new Error("not a sealed secret");
    const decipher = createDecipheriv("aes-256-gcm", this.key, Buffer.from(iv, "base64url"), { authTagLength: TAG_BYTES });
    decipher.setAAD(Buffer.from(boundTo));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(sealed, "base64url")), decipher.final()]).toString("utf8");
  }
}
