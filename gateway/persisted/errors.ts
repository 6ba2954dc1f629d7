import { HeaderMap } from "@apollo/server";

import { ClientError } from "../../platform/errors/errors.js";

export const PersistedErrorCode = {
  /** Apollo's own code for an unknown APQ hash, reused for an unknown `documentId`. */
  PERSISTED_QUERY_NOT_FOUND: "PERSISTED_QUERY_NOT_FOUND",
  /** A safelist-only API key (or any caller of a persisted-only gateway) sent an operation that is not in the manifest. */
  PERSISTED_QUERY_REQUIRED: "PERSISTED_QUERY_REQUIRED",
  /** An APQ registration whose sha256Hash is not the hash of its query (hash hijacking, or a client bug). */
  PERSISTED_QUERY_HASH_MISMATCH: "PERSISTED_QUERY_HASH_MISMATCH",
  BAD_REQUEST: "BAD_REQUEST",
} as const;

/**
 * HTTP 200, like Apollo's APQ miss: the body says what happened, and `no-cache` keeps a GET miss
 * out of HTTP caches, so a manifest deployed later is seen at once.
 */
export const documentNotFoundError = (): ClientError =>
  new ClientError(PersistedErrorCode.PERSISTED_QUERY_NOT_FOUND, "PersistedQueryNotFound: no persisted document has this documentId.", {
    http: { status: 200, headers: new HeaderMap([["cache-control", "private, no-cache, must-revalidate"]]) },
  });

/** HTTP 403: the request is well formed, the credential does not allow it. */
export const persistedQueryRequiredError = (): ClientError =>
  new ClientError(
    PersistedErrorCode.PERSISTED_QUERY_REQUIRED,
    "Only persisted operations may run for this caller: send a documentId from the manifest.",
    { http: { status: 403 } },
  );

export const badDocumentRequestError = (message: string): ClientError =>
  new ClientError(PersistedErrorCode.BAD_REQUEST, message, { http: { status: 400 } });

export const apqHashMismatchError = (): ClientError =>
  new ClientError(PersistedErrorCode.PERSISTED_QUERY_HASH_MISMATCH, "persistedQuery.sha256Hash is not the sha256 of the query.", {
    http: { status: 400 },
  });
