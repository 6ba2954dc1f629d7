import type { NotificationChannelV1, NotificationKindV1 } from "../../../../schema/events/notifications.js";
import { isDigestible, SECURITY_KINDS } from "../kinds/notification-kinds.js";
import type { NotificationSettings } from "../preferences/preferences.js";
import { nextDigestAt } from "../schedule/digest-time.js";
import { quietUntil } from "../schedule/quiet-hours.js";

/** What to do with a delivery now: send it, or wait (quiet hours, or the next digest). */
export type DeliveryPlan = { action: "SEND" } | { action: "WAIT"; until: Date; digest: boolean };

/**
 * Decided when the delivery is created and again when it comes due, so a preference changed in
 * between (quiet hours set, digest turned off) counts. In-app never waits. A low-priority kind's
 * e-mail waits for the digest when the user has one (push is a nudge, so it is not batched); then
 * e-mail and push wait out quiet hours, except security notices. `inDigest`: the delivery already
 * waited for its digest, which is due now.
 */
export function planDelivery(
  channel: NotificationChannelV1,
  kind: NotificationKindV1,
  settings: NotificationSettings,
  now: Date,
  inDigest = false,
): DeliveryPlan {
  if (channel === "IN_APP") return { action: "SEND" };
  const { timezone, preferences } = settings;
  if (!inDigest && channel === "EMAIL" && isDigestible(kind)) {
    const digestAt = nextDigestAt(now, timezone, preferences.digest);
    if (digestAt) return { action: "WAIT", until: digestAt, digest: true };
  }
  if (SECURITY_KINDS.has(kind)) return { action: "SEND" };
  const until = quietUntil(now, timezone, preferences.quietHours);
  return until ? { action: "WAIT", until, digest: inDigest } : { action: "SEND" };
}
