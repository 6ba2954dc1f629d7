import { conflict, notFound } from "../../../platform/errors/index.js";
import { MAX_ACTIVE_KEYS_PER_USER } from "./api-key.validation.js";

/** Unknown and someone else's key read the same. */
export const apiKeyNotFound = () => notFound("API key");

export const tooManyApiKeys = () =>
  conflict(`at most ${MAX_ACTIVE_KEYS_PER_USER} active API keys per account: revoke one first`, { limit: MAX_ACTIVE_KEYS_PER_USER });
