import { ConfigError } from "../../platform/config/index.js";
import { OPERATION_LIMITS_ENV, type OperationLimits } from "../limits/index.js";

/** Cost units (see `operationCost`) each kind of caller may spend per window; 0 turns a limit off. */
export interface RateLimits {
  /** A signed-in user (access token), across all their sessions. */
  readonly user: number;
  /** One integrator API key. */
  readonly apiKey: number;
  /** One client IP, for anonymous callers (sign-up, sign-in, public fields). */
  readonly ip: number;
  /** Failed API-key attempts from one IP (counted, not costed); over it, keys from there are refused unchecked. */
  readonly failedApiKeysPerIp: number;
  /** Fixed window length; a minute outside tests. */
  readonly windowMs: number;
}

/**
 * Ten to twenty requests at the per-request cost ceiling (GATEWAY_MAX_COST, 10 000) a minute; a
 * typical screen costs tens to a few hundred units, so real clients never meet these.
 */
export const DEFAULT_RATE_LIMITS: Readonly<RateLimits> = Object.freeze({
  user: 100_000,
  apiKey: 100_000,
  ip: 50_000,
  failedApiKeysPerIp: 30,
  windowMs: 60_000,
});

export const RATE_LIMITS_ENV = Object.freeze({
  user: "RATE_LIMIT_USER_PER_MINUTE",
  apiKey: "RATE_LIMIT_API_KEY_PER_MINUTE",
  ip: "RATE_LIMIT_IP_PER_MINUTE",
  failedApiKeysPerIp: "RATE_LIMIT_FAILED_API_KEYS_PER_IP_PER_MINUTE",
} as const);

type CostLimitKey = "user" | "apiKey" | "ip";

function readWhole(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name]?.trim();
  if (raw === undefined || raw === "") return fallback;
  if (!/^\d+$/.test(raw)) throw new ConfigError(name, `must be a whole number, got "${raw}"`);
  const value = Number(raw);
  if (!Number.isSafeInteger(value)) throw new ConfigError(name, "is too large");
  return value;
}

/**
 * Reads `RATE_LIMIT_USER_PER_MINUTE`, `RATE_LIMIT_API_KEY_PER_MINUTE`, `RATE_LIMIT_IP_PER_MINUTE`
 * and `RATE_LIMIT_FAILED_API_KEYS_PER_IP_PER_MINUTE`; unset or empty means the default, 0 means off.
 * A cost limit below the per-request ceiling is refused: an operation the gateway accepts could
 * then never run, however long the client waited.
 * @throws ConfigError naming the first bad setting.
 */
export function loadRateLimits(env: NodeJS.ProcessEnv = process.env, limits: Pick<OperationLimits, "maxCost">): RateLimits {
  const cost = (key: CostLimitKey): number => {
    const value = readWhole(env, RATE_LIMITS_ENV[key], DEFAULT_RATE_LIMITS[key]);
    if (value !== 0 && value < limits.maxCost) {
      throw new ConfigError(RATE_LIMITS_ENV[key], `must be 0 (off) or at least ${OPERATION_LIMITS_ENV.maxCost} (${limits.maxCost})`);
    }
    return value;
  };
  return Object.freeze({
    user: cost("user"),
    apiKey: cost("apiKey"),
    ip: cost("ip"),
    failedApiKeysPerIp: readWhole(env, RATE_LIMITS_ENV.failedApiKeysPerIp, DEFAULT_RATE_LIMITS.failedApiKeysPerIp),
    windowMs: DEFAULT_RATE_LIMITS.windowMs,
  });
}
