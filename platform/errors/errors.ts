import { GraphQLError } from "graphql";

/** Codes clients can rely on; anything else reaching a response is masked. */
export const ErrorCode = {
  BAD_USER_INPUT: "BAD_USER_INPUT",
  NOT_FOUND: "NOT_FOUND",
  UNAUTHENTICATED: "UNAUTHENTICATED",
  FORBIDDEN: "FORBIDDEN",
  CONFLICT: "CONFLICT",
  RATE_LIMITED: "RATE_LIMITED",
  /** A service behind the gateway did not answer in time; the operation may still complete. */
  UPSTREAM_TIMEOUT: "UPSTREAM_TIMEOUT",
  INTERNAL_SERVER_ERROR: "INTERNAL_SERVER_ERROR",
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** Marks an error as written for the client: its message and extensions survive masking. */
export class ClientError extends GraphQLError {
  readonly clientSafe = true;
  constructor(code: string, message: string, extensions: Record<string, unknown> = {}) {
    super(message, { extensions: { ...extensions, code } });
    this.name = "ClientError";
  }
}

export const badInput = (message: string, extensions?: Record<string, unknown>) =>
  new ClientError(ErrorCode.BAD_USER_INPUT, message, extensions);
/** "Not found" and "not yours" must look the same, so callers pass no owner information. */
export const notFound = (what: string) => new ClientError(ErrorCode.NOT_FOUND, `${what} not found`);
export const unauthenticated = (message = "authentication required") => new ClientError(ErrorCode.UNAUTHENTICATED, message);
export const forbidden = (message = "not allowed") => new ClientError(ErrorCode.FORBIDDEN, message);
export const conflict = (message: string, extensions?: Record<string, unknown>) => new ClientError(ErrorCode.CONFLICT, message, extensions);

export function isClientError(error: unknown): error is ClientError {
  return error instanceof GraphQLError && (error as Partial<ClientError>).clientSafe === true;
}
