import type { ParseOptions } from "graphql";

import { ConfigError } from "../../platform/config/index.js";

/** How large an operation the public gateway accepts; every figure is inclusive. */
export interface OperationLimits {
  /** Nested field levels (`{ me { id } }` is 2); `__typename` adds none. */
  readonly maxDepth: number;
  /** Aliased fields, fragments counted once per spread. */
  readonly maxAliases: number;
  /** Top-level fields of one operation, fragments counted once per spread. */
  readonly maxRootFields: number;
  /** Lexical tokens the parser reads before giving up. */
  readonly maxTokens: number;
  /** Estimated fields resolved (see `operationCost`). */
  readonly maxCost: number;
  /** Items assumed for a list field when no `first`/`last`/`limit` says how many. */
  readonly defaultListSize: number;
  /** Upper bound on a list size taken from arguments or variables. */
  readonly maxListSize: number;
}

/**
 * Generous for real clients (the deepest screen is ~6 levels; a dashboard asks for a few
 * dozen fields over lists of 20-100 items) and small enough that one request cannot fan out to
 * millions of entity lookups.
 */
export const DEFAULT_OPERATION_LIMITS: Readonly<OperationLimits> = Object.freeze({
  maxDepth: 12,
  maxAliases: 30,
  maxRootFields: 20,
  maxTokens: 5_000,
  maxCost: 10_000,
  defaultListSize: 20,
  maxListSize: 500,
});

/** Environment variable for each limit. */
export const OPERATION_LIMITS_ENV: Readonly<Record<keyof OperationLimits, string>> = Object.freeze({
  maxDepth: "GATEWAY_MAX_DEPTH",
  maxAliases: "GATEWAY_MAX_ALIASES",
  maxRootFields: "GATEWAY_MAX_ROOT_FIELDS",
  maxTokens: "GATEWAY_MAX_TOKENS",
  maxCost: "GATEWAY_MAX_COST",
  defaultListSize: "GATEWAY_DEFAULT_LIST_SIZE",
  maxListSize: "GATEWAY_MAX_LIST_SIZE",
});

// Zero aliases is a coherent policy (clients that never alias); zero depth or cost would refuse
// every operation, which is a typo rather than a policy.
const MINIMUM: Readonly<Record<keyof OperationLimits, number>> = {
  maxDepth: 1,
  maxAliases: 0,
  maxRootFields: 1,
  maxTokens: 1,
  maxCost: 1,
  defaultListSize: 1,
  maxListSize: 1,
};

function readLimit(env: NodeJS.ProcessEnv, key: keyof OperationLimits): number {
  const name = OPERATION_LIMITS_ENV[key];
  const raw = env[name]?.trim();
  if (raw === undefined || raw === "") return DEFAULT_OPERATION_LIMITS[key];
  // Number() would accept "1e3", "0x10" and "12.0": a limit is written as plain digits.
  if (!/^\d+$/.test(raw)) throw new ConfigError(name, `must be a whole number, got "${raw}"`);
  const value = Number(raw);
  if (!Number.isSafeInteger(value)) throw new ConfigError(name, "is too large");
  if (value < MINIMUM[key]) throw new ConfigError(name, `must be at least ${MINIMUM[key]}`);
  return value;
}

/**
 * Reads `GATEWAY_MAX_DEPTH`, `GATEWAY_MAX_ALIASES`, `GATEWAY_MAX_ROOT_FIELDS`, `GATEWAY_MAX_TOKENS`,
 * `GATEWAY_MAX_COST`, `GATEWAY_DEFAULT_LIST_SIZE` and `GATEWAY_MAX_LIST_SIZE`; unset or empty means
 * the default. Throws `ConfigError` naming the first bad setting.
 */
export function loadOperationLimits(env: NodeJS.ProcessEnv = process.env): OperationLimits {
  const limits: OperationLimits = {
    maxDepth: readLimit(env, "maxDepth"),
    maxAliases: readLimit(env, "maxAliases"),
    maxRootFields: readLimit(env, "maxRootFields"),
    maxTokens: readLimit(env, "maxTokens"),
    maxCost: readLimit(env, "maxCost"),
    defaultListSize: readLimit(env, "defaultListSize"),
    maxListSize: readLimit(env, "maxListSize"),
  };
  if (limits.defaultListSize > limits.maxListSize) {
    throw new ConfigError(
      OPERATION_LIMITS_ENV.defaultListSize,
      `must not exceed ${OPERATION_LIMITS_ENV.maxListSize} (${limits.maxListSize})`,
    );
  }
  return Object.freeze(limits);
}

/** Apollo `parseOptions` enforcing `maxTokens` (graphql-js's own `maxTokens` option is a deprecated alias). */
export function parseOptionsFor(limits: Pick<OperationLimits, "maxTokens">): ParseOptions {
  return { maxLexicalTokens: limits.maxTokens };
}
