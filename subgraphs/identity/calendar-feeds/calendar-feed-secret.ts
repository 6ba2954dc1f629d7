import { randomBase62 } from "../api-keys/api-key-secret.js";
import { hashToken } from "../tokens/opaque-token.js";

/** 43 base62 characters carry 256 bits: the URL is the only credential, so it must be unguessable. */
const BODY_LENGTH = 43;
const SHAPE = new RegExp(`^cal_[0-9A-Za-z]{${BODY_LENGTH}}$`);

/** The path the gateway serves feeds on; identity only builds URLs with it. */
export const CALENDAR_FEED_PATH = "/calendar";

export function newCalendarFeedSecret(): { secret: string; hash: string } {
  const secret = `cal_${randomBase62(BODY_LENGTH)}`;
  return { secret, hash: hashCalendarFeedSecret(secret) };
}

/** A fast hash suffices for 256 random bits (see api-key-secret.ts). */
export function hashCalendarFeedSecret(secret: string): string {
  return hashToken(secret);
}

/** Garbage is refused without touching the database. */
export function isCalendarFeedSecretShape(secret: string): boolean {
  return SHAPE.test(secret);
}

export function calendarFeedUrl(baseUrl: string, secret: string): string {
  return new URL(`${CALENDAR_FEED_PATH}/${secret}.ics`, baseUrl).toString();
}
