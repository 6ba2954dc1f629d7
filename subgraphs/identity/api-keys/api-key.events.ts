import { topicName } from "../../../platform/events/index.js";

/** Key = user id. The gateway consumes it to drop a revoked key from its cache at once. */
export const API_KEY_TOPIC = topicName("identity", "apikey");

export const API_KEY_CREATED = "ApiKeyCreated";
export const API_KEY_REVOKED = "ApiKeyRevoked";

/** No secret and no hash ever travel in events. */
export interface ApiKeyCreatedV1 {
  keyId: string;
  userId: string;
  prefix: string;
  scopes: string[];
  safelistOnly: boolean;
  createdAt: string;
}

export interface ApiKeyRevokedV1 {
  keyId: string;
  userId: string;
  prefix: string;
  revokedAt: string;
}
