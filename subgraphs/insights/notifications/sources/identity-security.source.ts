import { type IdentitySecurityEvents, MFA_CHANGED, SIGNED_IN } from "../../../../schema/events/identity.js";
import type { NotificationSource } from "./notification-source.js";

/** identity.security.v1: sign-ins from a new device only (every sign-in would be noise), and MFA changes. */
export const identitySecuritySource: NotificationSource<IdentitySecurityEvents> = {
  [SIGNED_IN]: ({ data: s }) =>
    s.newDevice
      ? [
          {
            userId: s.userId,
            kind: "NEW_SIGN_IN",
            data: { sessionId: s.sessionId, at: s.at, method: s.method, ipAddress: s.ipAddress, userAgent: s.userAgent },
          },
        ]
      : [],
  [MFA_CHANGED]: ({ data: m }) => [{ userId: m.userId, kind: "MFA_CHANGED", data: { enabled: m.enabled, at: m.at } }],
};
