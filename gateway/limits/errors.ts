import { GraphQLError, type GraphQLFormattedError } from "graphql";

import { ClientError } from "../../platform/errors/errors.js";

/** `extensions.code` of each refusal. */
export const LimitErrorCode = {
  DEPTH_LIMIT_EXCEEDED: "DEPTH_LIMIT_EXCEEDED",
  ALIAS_LIMIT_EXCEEDED: "ALIAS_LIMIT_EXCEEDED",
  ROOT_FIELD_LIMIT_EXCEEDED: "ROOT_FIELD_LIMIT_EXCEEDED",
  TOKEN_LIMIT_EXCEEDED: "TOKEN_LIMIT_EXCEEDED",
  COST_LIMIT_EXCEEDED: "COST_LIMIT_EXCEEDED",
  INTROSPECTION_DISABLED: "INTROSPECTION_DISABLED",
} as const;
export type LimitErrorCode = (typeof LimitErrorCode)[keyof typeof LimitErrorCode];

const LIMIT_CODES: ReadonlySet<string> = new Set(Object.values(LimitErrorCode));

// ClientError so that a refusal raised outside validation (the request-time cost check) survives
// error masking with its code and figures.
export const depthLimitError = (actual: number, limit: number): ClientError =>
  new ClientError(LimitErrorCode.DEPTH_LIMIT_EXCEEDED, `Operation is ${actual} levels deep; the limit is ${limit}.`, {
    limit,
    actual,
  });

export const aliasLimitError = (actual: number, limit: number): ClientError =>
  new ClientError(LimitErrorCode.ALIAS_LIMIT_EXCEEDED, `Operation uses ${actual} aliases; the limit is ${limit}.`, {
    limit,
    actual,
  });

export const rootFieldLimitError = (actual: number, limit: number): ClientError =>
  new ClientError(LimitErrorCode.ROOT_FIELD_LIMIT_EXCEEDED, `Operation selects ${actual} top-level fields; the limit is ${limit}.`, {
    limit,
    actual,
  });

export const costLimitError = (cost: number, limit: number): ClientError =>
  new ClientError(LimitErrorCode.COST_LIMIT_EXCEEDED, `Operation costs ${cost}; the limit is ${limit}.`, {
    cost,
    limit,
  });

export const tokenLimitError = (limit: number): ClientError =>
  new ClientError(LimitErrorCode.TOKEN_LIMIT_EXCEEDED, `Document has more than ${limit} tokens.`, { limit });

export const introspectionDisabledError = (): ClientError =>
  new ClientError(LimitErrorCode.INTROSPECTION_DISABLED, "Introspection is disabled on this endpoint.");

// graphql-js 16 spells it "more that"; "than" keeps this working once the typo is fixed upstream.
const TOKEN_LIMIT_MESSAGE = /^Syntax Error: Document contains more tha[nt] (\d+) tokens\. Parsing aborted\.$/;

/**
 * Turns graphql-js's "Document contains more than N tokens" syntax error into
 * `TOKEN_LIMIT_EXCEEDED` with `limit: N`; returns every other error as it is.
 */
export function refineParseError(formatted: GraphQLFormattedError): GraphQLFormattedError {
  const code = formatted.extensions?.code;
  if (code !== undefined && code !== "GRAPHQL_PARSE_FAILED") return formatted;
  const match = TOKEN_LIMIT_MESSAGE.exec(formatted.message);
  if (!match) return formatted;
  const refined = tokenLimitError(Number(match[1]));
  return {
    ...formatted,
    message: refined.message,
    extensions: { ...formatted.extensions, ...refined.extensions },
  };
}

/**
 * Apollo Server wraps every validation error and overwrites its `extensions.code` with
 * `GRAPHQL_VALIDATION_FAILED` (keeping `limit`/`actual`); this puts the limit's own code back,
 * reading it from the wrapped original. Other errors come back as they are.
 */
export function restoreLimitCode(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  if (formatted.extensions?.code !== "GRAPHQL_VALIDATION_FAILED" || !(error instanceof GraphQLError)) return formatted;
  const code = error.originalError instanceof GraphQLError ? error.originalError.extensions.code : undefined;
  if (typeof code !== "string" || !LIMIT_CODES.has(code)) return formatted;
  return { ...formatted, extensions: { ...formatted.extensions, code } };
}

/**
 * For Apollo's `formatError`, applied AFTER the error masker: the masker passes parse and
 * validation failures through, but would mask them once they carry a limit code.
 */
export function refineLimitError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  return restoreLimitCode(refineParseError(formatted), error);
}
