import { createHmac, timingSafeEqual } from "node:crypto";

/** What an upload link grants: one PUT of one file of a declared type and size, by one user, until `expiresAt`. */
export interface UploadGrant {
  /** Where the file goes in storage; the signer's choice, so the uploader cannot pick it. */
  key: string;
  userId: string;
  /** The record the upload belongs to (a receipt); also what makes the token single-use. */
  targetId: string;
  contentType: string;
  /** The declared size in bytes: the body may be smaller, never larger. */
  maxBytes: number;
  /** Unix seconds. */
  expiresAt: number;
}

/** Long enough to take a photo and send it on a slow line, short enough that a leaked link dies soon. */
export const UPLOAD_LINK_TTL_SECONDS = 10 * 60;
/** The largest upload accepted anywhere. */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
/** Types accepted for receipts: photos and scans. */
export const RECEIPT_CONTENT_TYPES = ["image/jpeg", "image/png", "image/webp", "image/heic", "application/pdf"] as const;

export type UploadGrantCheck = { ok: true; grant: UploadGrant } | { ok: false; reason: "invalid" | "expired" };

// A domain prefix: an upload token is never a valid download token or the reverse, whatever the secret.
const mac = (secret: string, body: string) => createHmac("sha256", secret).update(`upload.${body}`).digest();

/** `<payload>.<mac>` as in file-link.ts: base64url JSON and HMAC-SHA256 under FILE_LINK_SECRET. */
export function signUploadGrant(grant: UploadGrant, secret: string): string {
  const body = Buffer.from(
    JSON.stringify({ k: grant.key, u: grant.userId, i: grant.targetId, t: grant.contentType, s: grant.maxBytes, e: grant.expiresAt }),
  ).toString("base64url");
  return `${body}.${mac(secret, body).toString("base64url")}`;
}

/**
 * The grant when `token` is one `signUploadGrant` made with `secret`; `expired` only for a genuine
 * token past its time (so a client can tell "ask for a new link" from "this is not a link").
 */
export function verifyUploadGrant(token: string, secret: string, now: Date): UploadGrantCheck {
  const invalid = { ok: false, reason: "invalid" } as const;
  if (typeof token !== "string" || token.length > 4096) return invalid;
  const dot = token.indexOf(".");
  if (dot <= 0 || dot !== token.lastIndexOf(".")) return invalid;
  const body = token.slice(0, dot);
  const given = Buffer.from(token.slice(dot + 1), "base64url");
  const expected = mac(secret, body);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return invalid;
  let parsed: Record<string, unknown>;
  try {
    parsed = JSON.parse(Buffer.from(body, "base64url").toString("utf8")) as Record<string, unknown>;
  } catch {
    return invalid;
  }
  const { k, u, i, t, s, e } = parsed;
  if (
    typeof k !== "string" ||
    typeof u !== "string" ||
    typeof i !== "string" ||
    typeof t !== "string" ||
    typeof s !== "number" ||
    typeof e !== "number"
  )
    return invalid;
  if (now.getTime() >= e * 1000) return { ok: false, reason: "expired" };
  return { ok: true, grant: { key: k, userId: u, targetId: i, contentType: t, maxBytes: s, expiresAt: e } };
}
