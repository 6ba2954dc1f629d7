import { createHmac, timingSafeEqual } from "node:crypto";

/** What a download link grants: one stored file, to one user, until `expiresAt`, served as named. */
export interface FileGrant {
  key: string;
  userId: string;
  /** Unix seconds. */
  expiresAt: number;
  contentType: string;
  /** `A-Z a-z 0-9 . _ -` only, so it goes into Content-Disposition as is. */
  filename: string;
}

/** How long a link works unless the signer says otherwise: long enough to click, short enough not to share. */
export const FILE_LINK_TTL_SECONDS = 15 * 60;

const FILENAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;
const CONTENT_TYPE = /^[a-z]+\/[a-z0-9.+-]+(; ?charset=[a-z0-9-]+)?$/;

const mac = (secret: string, body: string) => createHmac("sha256", secret).update(body).digest();

/**
 * A URL-safe token `<payload>.<mac>`: the grant as base64url JSON, and HMAC-SHA256 over exactly
 * that text with the shared secret. The subgraph that made the file signs; the gateway verifies
 * and serves, without asking anyone.
 */
export function signFileGrant(grant: FileGrant, secret: string): string {
  if (!FILENAME.test(grant.filename)) throw new Error(`unsafe download filename ${JSON.stringify(grant.filename)}`);
  if (!CONTENT_TYPE.test(grant.contentType)) throw new Error(`unsafe content type ${JSON.stringify(grant.contentType)}`);
  const body = Buffer.from(
    JSON.stringify({ k: grant.key, u: grant.userId, e: grant.expiresAt, t: grant.contentType, n: grant.filename }),
  ).toString("base64url");
  return `${body}.${mac(secret, body).toString("base64url")}`;
}

/**
 * The grant when the token is one `signFileGrant` made with `secret` and it has not expired at
 * `now`; otherwise null, with no reason given (a caller learns nothing from a forged token).
 */
export function verifyFileGrant(token: string, secret: string, now: Date): FileGrant | null {
  if (typeof token !== "string" || token.length > 4096) return null;
  const dot = token.indexOf(".");
  if (dot <= 0 || dot !== token.lastIndexOf(".")) return null;
  const body = token.slice(0, dot);
  const given = Buffer.from(token.slice(dot + 1), "base64url");
  const expected = mac(secret, body);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  let parsed: Record<string, unknown>;
  try {
    parsed = JSON.parse(Buffer.from(body, "base64url").toString("utf8")) as Record<string, unknown>;
  } catch {
    return null;
  }
  const { k, u, e, t, n } = parsed;
  if (typeof k !== "string" || typeof u !== "string" || typeof e !== "number" || typeof t !== "string" || typeof n !== "string")
    return null;
  if (!FILENAME.test(n) || !CONTENT_TYPE.test(t)) return null;
  if (now.getTime() >= e * 1000) return null;
  return { key: k, userId: u, expiresAt: e, contentType: t, filename: n };
}
