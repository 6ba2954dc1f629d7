import { API_KEY_CREATED, type IdentityApiKeyEvents } from "../../../../schema/events/identity.js";
import type { NotificationSource } from "./notification-source.js";

/** identity.apikey.v1: a key was created (never its secret: the contract carries none). */
export const identityApiKeysSource: NotificationSource<IdentityApiKeyEvents> = {
  [API_KEY_CREATED]: ({ data: k }) => [
    { userId: k.userId, kind: "API_KEY_CREATED", data: { keyId: k.keyId, prefix: k.prefix, scopes: k.scopes, createdAt: k.createdAt } },
  ],
};
