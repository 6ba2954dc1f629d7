import { Secret, TOTP } from "otpauth";

/** What every authenticator app understands by default (RFC 6238 with its RFC 4226 defaults). */
const PARAMS = { algorithm: "SHA1", digits: 6, period: 30 } as const;
const ISSUER = "Moneta";
/** One step either side absorbs clock drift and a code typed just as it rolled over. */
const WINDOW = 1;

/** 160 random bits, the secret length RFC 4226 recommends for HMAC-SHA1; base32 for the apps. */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

/** The `otpauth://` URI authenticator apps scan as a QR code. */
export function otpauthUri(secret: string, label: string): string {
  return new TOTP({ issuer: ISSUER, label, secret: Secret.fromBase32(secret), ...PARAMS }).toString();
}

/** Apps show codes as "123 456"; people paste them with the space. */
export function normalizeTotpCode(input: string): string | null {
  const code = input.replace(/\s+/g, "");
  return /^\d{6}$/.test(code) ? code : null;
}

/**
 * The time step a code belongs to, or null when it matches none within the window. The caller
 * still has to check the step against the last one accepted: validity alone allows replays.
 */
export function totpStep(secret: string, code: string, at: Date): number | null {
  const timestamp = at.getTime();
  const delta = TOTP.validate({ token: code, secret: Secret.fromBase32(secret), ...PARAMS, timestamp, window: WINDOW });
  return delta === null ? null : TOTP.counter({ period: PARAMS.period, timestamp }) + delta;
}
