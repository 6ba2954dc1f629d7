/** One GraphQL error as the gateway sends it: a message and a SCREAMING_SNAKE `extensions.code`. */
export interface GraphQLErrorShape {
  message: string;
  path?: ReadonlyArray<string | number>;
  extensions?: { code?: string; [key: string]: unknown };
}

/** Codes the app itself adds for failures that never reached GraphQL. */
export const CLIENT_CODES = {
  NETWORK: "NETWORK_ERROR",
  BAD_RESPONSE: "BAD_RESPONSE",
} as const;

/**
 * What every failed call throws: the first error's code (the one the UI keys its message on), the
 * server's message for detail, and every error for forms that show one per field or row.
 */
export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly errors: readonly GraphQLErrorShape[] = [],
    readonly status?: number,
  ) {
    super(message);
    this.name = "ApiError";
  }

  static from(errors: readonly GraphQLErrorShape[], status?: number): ApiError {
    const first = errors[0];
    return new ApiError(first?.extensions?.code ?? "INTERNAL_SERVER_ERROR", first?.message ?? "Unknown error", errors, status);
  }
}

/** What a person reads for each code; the server's own message is shown under it where it helps. */
const MESSAGES: Record<string, string> = {
  UNAUTHENTICATED: "Your session has ended. Please sign in again.",
  FORBIDDEN: "You are not allowed to do that.",
  NOT_FOUND: "We could not find that. It may have been deleted.",
  BAD_USER_INPUT: "Please check what you entered.",
  CONFLICT: "That clashes with something that already exists.",
  RATE_LIMITED: "Too many requests. Please wait a moment and try again.",
  PERSISTED_QUERY_NOT_FOUND: "This version of the app is out of date. Please reload the page.",
  PERSISTED_QUERY_REQUIRED: "This version of the app is out of date. Please reload the page.",
  UPSTREAM_TIMEOUT: "The server took too long to answer. Please try again.",
  SERVICE_UNAVAILABLE: "The service is briefly unavailable. Please try again.",
  INTERNAL_SERVER_ERROR: "Something went wrong on our side. Please try again.",
  [CLIENT_CODES.NETWORK]: "Cannot reach Moneta. Check your connection and try again.",
  [CLIENT_CODES.BAD_RESPONSE]: "The server sent an answer the app does not understand.",
};

/** Codes whose server message is written for people and worth showing as detail. */
const DETAILED = new Set(["BAD_USER_INPUT", "CONFLICT", "FORBIDDEN", "NOT_FOUND"]);

/**
 * The text a person sees for an error: a sentence chosen by its code (a screen may say it its own
 * way: on the sign-in form UNAUTHENTICATED means a wrong password, not an ended session), with
 * the server's message as detail for input problems (which field, which row). Never raw JSON.
 */
export function describeError(error: unknown, overrides: Record<string, string> = {}): { title: string; detail?: string; code: string } {
  if (error instanceof ApiError) {
    const title =
      overrides[error.code] ??
      MESSAGES[error.code] ??
      (error.code.startsWith("BAD_") ? MESSAGES.BAD_USER_INPUT! : MESSAGES.INTERNAL_SERVER_ERROR!);
    const detailed = DETAILED.has(error.code) || error.code.startsWith("BAD_") || !MESSAGES[error.code];
    const detail = detailed && error.message && error.message !== title ? error.message : undefined;
    return { title, detail, code: error.code };
  }
  return { title: MESSAGES.INTERNAL_SERVER_ERROR!, code: "INTERNAL_SERVER_ERROR" };
}
