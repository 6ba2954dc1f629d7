import { createECDH } from "node:crypto";
import { existsSync, linkSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";

import webpush from "web-push";

import { ConfigError } from "../../../../platform/config/index.js";

/** Web Push settings, validated when insights starts. */
export interface PushConfig {
  /** base64url of the uncompressed P-256 public key (65 bytes): what browsers subscribe with. */
  publicKey: string;
  /** base64url of the 32-byte P-256 private key. */
  privateKey: string;
  /** `mailto:` or `https:` contact the push services may use about our traffic. */
  subject: string;
  /** Where the keys came from, for the start-up log (never the keys). */
  source: "environment" | "generated" | "file";
  /** Accept `http:` push endpoints on loopback addresses (tests and local development only). */
  allowLoopbackHttp: boolean;
}

export const DEFAULT_VAPID_FILE = ".moneta/vapid.json";
const DEFAULT_SUBJECT = "mailto:moneta@localhost";
const BASE64URL = /^[A-Za-z0-9_-]+$/;

function decoded(value: string, name: string, bytes: number): Buffer {
  const raw = BASE64URL.test(value) ? Buffer.from(value, "base64url") : Buffer.alloc(0);
  if (raw.length !== bytes)
    throw new ConfigError(name, `must be ${bytes} bytes in URL-safe base64 (as web-push generate-vapid-keys prints)`);
  return raw;
}

/** Both keys well formed, and the public key the private key's own: a mismatch fails every push. */
function checkedKeys(publicKey: string, privateKey: string, source: string): { publicKey: string; privateKey: string } {
  const pub = decoded(publicKey, `VAPID_PUBLIC_KEY${source}`, 65);
  const priv = decoded(privateKey, `VAPID_PRIVATE_KEY${source}`, 32);
  const ecdh = createECDH("prime256v1");
  try {
    ecdh.setPrivateKey(priv);
  } catch {
    throw new ConfigError(`VAPID_PRIVATE_KEY${source}`, "is not a P-256 private key");
  }
  if (!ecdh.getPublicKey().equals(pub)) throw new ConfigError(`VAPID_PUBLIC_KEY${source}`, "is not the public key of VAPID_PRIVATE_KEY");
  return { publicKey, privateKey };
}

function subjectOf(raw: string | undefined): string {
  const value = raw === undefined || raw.trim() === "" ? DEFAULT_SUBJECT : raw.trim();
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError("VAPID_SUBJECT", "must be a mailto: or https: URL");
  }
  if (url.protocol === "mailto:" ? !url.pathname.includes("@") : url.protocol !== "https:" || !url.hostname)
    throw new ConfigError("VAPID_SUBJECT", "must be a mailto: address or an https: URL");
  return value;
}

/**
 * The keys kept for the embedded default: generated once and written with an exclusive link, so
 * concurrent first starts agree on one pair (the loser reads the winner's file).
 */
function embeddedKeys(path: string): { publicKey: string; privateKey: string; created: boolean } {
  if (!existsSync(path)) {
    mkdirSync(dirname(path), { recursive: true });
    const keys = webpush.generateVAPIDKeys();
    const temporary = `${path}.${process.pid}.${Date.now()}.tmp`;
    writeFileSync(temporary, JSON.stringify(keys, null, 2), { mode: 0o600 });
    try {
      linkSync(temporary, path);
      return { ...keys, created: true };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    } finally {
      rmSync(temporary, { force: true });
    }
  }
  let stored: { publicKey?: unknown; privateKey?: unknown };
  try {
    stored = JSON.parse(readFileSync(path, "utf8")) as typeof stored;
  } catch {
    throw new ConfigError(
      "VAPID_KEYS_FILE",
      `${path} is not the JSON {publicKey, privateKey} Moneta wrote; delete it to generate new keys`,
    );
  }
  if (typeof stored.publicKey !== "string" || typeof stored.privateKey !== "string")
    throw new ConfigError("VAPID_KEYS_FILE", `${path} lacks publicKey or privateKey; delete it to generate new keys`);
  return { ...checkedKeys(stored.publicKey, stored.privateKey, ` (in ${path})`), created: false };
}

/**
 * VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY (both or neither), VAPID_SUBJECT. Without keys a pair is
 * generated once and kept in VAPID_KEYS_FILE (default .moneta/vapid.json): browsers' subscriptions
 * are bound to the key, so it must outlive restarts. Production sets the keys, or names the file
 * explicitly (a volume every instance shares), so that no instance signs with a key of its own.
 */
export function loadPushConfig(env: NodeJS.ProcessEnv = process.env): PushConfig {
  const publicKey = env.VAPID_PUBLIC_KEY?.trim() || undefined;
  const privateKey = env.VAPID_PRIVATE_KEY?.trim() || undefined;
  const subject = subjectOf(env.VAPID_SUBJECT);
  const loopback = env.PUSH_ALLOW_LOOPBACK_HTTP?.trim() || "false";
  if (loopback !== "true" && loopback !== "false") throw new ConfigError("PUSH_ALLOW_LOOPBACK_HTTP", 'must be "true" or "false"');
  const allowLoopbackHttp = loopback === "true";
  if (allowLoopbackHttp && env.NODE_ENV === "production")
    throw new ConfigError("PUSH_ALLOW_LOOPBACK_HTTP", "is for tests and development only");
  if (publicKey !== undefined || privateKey !== undefined) {
    if (publicKey === undefined) throw new ConfigError("VAPID_PUBLIC_KEY", "must be set together with VAPID_PRIVATE_KEY");
    if (privateKey === undefined) throw new ConfigError("VAPID_PRIVATE_KEY", "must be set together with VAPID_PUBLIC_KEY");
    return { ...checkedKeys(publicKey, privateKey, ""), subject, source: "environment", allowLoopbackHttp };
  }
  const keysFile = env.VAPID_KEYS_FILE?.trim() || undefined;
  if (env.NODE_ENV === "production" && keysFile === undefined)
    throw new ConfigError(
      "VAPID_PUBLIC_KEY",
      "must be set in production (npx web-push generate-vapid-keys), or VAPID_KEYS_FILE on a kept volume",
    );
  const { created, ...keys } = embeddedKeys(keysFile ?? DEFAULT_VAPID_FILE);
  return { ...keys, subject, source: created ? "generated" : "file", allowLoopbackHttp };
}
