import type { NotificationDigestV1 } from "../../../../schema/events/notifications.js";
import { instantAt, localTime, plusDays } from "./local-time.js";

/** Digests go out at this local time: daily every morning, weekly on Monday mornings. */
export const DIGEST_AT_MINUTES = 8 * 60;
export const WEEKLY_DIGEST_WEEKDAY = 1;

/** The first digest time strictly after `now` in the user's zone; null when the digest is off. */
export function nextDigestAt(now: Date, timeZone: string, digest: NotificationDigestV1): Date | null {
  if (digest === "OFF") return null;
  const local = localTime(now, timeZone);
  for (let days = 0; days <= 8; days++) {
    const day = plusDays(local.day, days);
    const weekday = ((local.weekday - 1 + days) % 7) + 1;
    if (digest === "WEEKLY" && weekday !== WEEKLY_DIGEST_WEEKDAY) continue;
    const at = instantAt(day, DIGEST_AT_MINUTES, timeZone);
    if (at.getTime() > now.getTime()) return at;
  }
  return null;
}
