import { describe, expect, it } from "vitest";

import { ConfigError } from "../../platform/config/index.js";
import { DEFAULT_OPERATION_LIMITS } from "../limits/index.js";
import { DEFAULT_RATE_LIMITS, loadRateLimits } from "./rate-limit.config.js";

const limits = DEFAULT_OPERATION_LIMITS;

function configError(env: NodeJS.ProcessEnv, maxCost = limits.maxCost): ConfigError {
  try {
    loadRateLimits(env, { maxCost });
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error("expected a ConfigError");
}

describe("loadRateLimits", () => {
  it("defaults well above the per-request cost ceiling, with a one-minute window", () => {
    expect(loadRateLimits({}, limits)).toEqual({ user: 100_000, apiKey: 100_000, ip: 50_000, failedApiKeysPerIp: 30, windowMs: 60_000 });
    for (const key of ["user", "apiKey", "ip"] as const) expect(DEFAULT_RATE_LIMITS[key]).toBeGreaterThanOrEqual(5 * limits.maxCost);
    expect(loadRateLimits({ RATE_LIMIT_USER_PER_MINUTE: "  " }, limits).user).toBe(100_000);
  });

  it("reads each RATE_LIMIT_* setting; 0 turns a limit off", () => {
    expect(
      loadRateLimits(
        {
          RATE_LIMIT_USER_PER_MINUTE: "250000",
          RATE_LIMIT_API_KEY_PER_MINUTE: "0",
          RATE_LIMIT_IP_PER_MINUTE: " 20000 ",
          RATE_LIMIT_FAILED_API_KEYS_PER_IP_PER_MINUTE: "0",
        },
        limits,
      ),
    ).toEqual({ user: 250_000, apiKey: 0, ip: 20_000, failedApiKeysPerIp: 0, windowMs: 60_000 });
  });

  it("refuses values that are not whole numbers, naming the setting", () => {
    for (const value of ["-1", "1e5", "12.5", "lots", "0x100"]) {
      const error = configError({ RATE_LIMIT_IP_PER_MINUTE: value });
      expect(error.setting).toBe("RATE_LIMIT_IP_PER_MINUTE");
      expect(error.message).toMatch(/whole number/);
    }
    expect(configError({ RATE_LIMIT_API_KEY_PER_MINUTE: "9".repeat(20) }).message).toMatch(/too large/);
  });

  it("refuses a cost limit below GATEWAY_MAX_COST, which an accepted operation could never fit", () => {
    const error = configError({ RATE_LIMIT_USER_PER_MINUTE: "9999" });
    expect(error.setting).toBe("RATE_LIMIT_USER_PER_MINUTE");
    expect(error.message).toMatch(/at least GATEWAY_MAX_COST \(10000\)/);
    // The defaults too, when the ceiling is raised past them.
    expect(configError({}, 60_000).setting).toBe("RATE_LIMIT_IP_PER_MINUTE");
    expect(loadRateLimits({ RATE_LIMIT_FAILED_API_KEYS_PER_IP_PER_MINUTE: "3" }, limits).failedApiKeysPerIp).toBe(3);
  });
});
