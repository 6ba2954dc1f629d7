import { unwrapResolverError } from "@apollo/server/errors";
import type { GraphQLFormattedError } from "graphql";

import { ErrorCode, isClientError } from "./errors.js";

/** Codes produced by GraphQL itself (parse, validation) or by Apollo: safe to show as they are. */
const FRAMEWORK_CODES = new Set([
  "GRAPHQL_PARSE_FAILED",
  "GRAPHQL_VALIDATION_FAILED",
  "BAD_USER_INPUT",
  "BAD_REQUEST",
  "PERSISTED_QUERY_NOT_FOUND",
  "PERSISTED_QUERY_NOT_SUPPORTED",
  "OPERATION_RESOLUTION_FAILURE",
  "UNAUTHENTICATED",
  "FORBIDDEN",
]);

export interface MaskingOptions {
  traceId(): string | undefined;
  onUnexpected?(error: unknown, traceId: string | undefined): void;
}

/**
 * Builds an Apollo `formatError` that keeps errors written for clients and replaces anything
 * unexpected with a generic message and the trace id, so internals never leak but support can
 * still find the log line.
 */
export function createErrorMasker(options: MaskingOptions) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    const code = formatted.extensions?.code;
    if (isClientError(original)) return formatted;
    // Errors that came back from a subgraph were already masked there; keep their codes.
    if (
      typeof code === "string" &&
      (FRAMEWORK_CODES.has(code) || (formatted.extensions?.serviceName !== undefined && code !== ErrorCode.INTERNAL_SERVER_ERROR))
    ) {
      return formatted;
    }
    const traceId = options.traceId();
    options.onUnexpected?.(original, traceId);
    return {
      message: "Internal server error",
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR, traceId },
    };
  };
}
