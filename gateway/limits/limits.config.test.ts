import { describe, expect, it } from "vitest";

import { ConfigError } from "../../platform/config/index.js";
import { DEFAULT_OPERATION_LIMITS, loadOperationLimits } from "./limits.config.js";

describe("loadOperationLimits", () => {
  it("defaults every limit when nothing is set (or set empty)", () => {
    expect(loadOperationLimits({})).toEqual({
      maxDepth: 12,
      maxAliases: 30,
      maxRootFields: 20,
      maxTokens: 5_000,
      maxCost: 10_000,
      defaultListSize: 20,
      maxListSize: 500,
    });
    expect(loadOperationLimits({ GATEWAY_MAX_DEPTH: "" })).toEqual(DEFAULT_OPERATION_LIMITS);
  });

  it("reads each GATEWAY_* setting", () => {
    expect(
      loadOperationLimits({
        GATEWAY_MAX_DEPTH: "8",
        GATEWAY_MAX_ALIASES: "0",
        GATEWAY_MAX_ROOT_FIELDS: "5",
        GATEWAY_MAX_TOKENS: " 2000 ",
        GATEWAY_MAX_COST: "50000",
        GATEWAY_DEFAULT_LIST_SIZE: "10",
        GATEWAY_MAX_LIST_SIZE: "100",
      }),
    ).toEqual({
      maxDepth: 8,
      maxAliases: 0,
      maxRootFields: 5,
      maxTokens: 2_000,
      maxCost: 50_000,
      defaultListSize: 10,
      maxListSize: 100,
    });
  });

  it.each([
    ["GATEWAY_MAX_DEPTH", "twelve", 'invalid setting GATEWAY_MAX_DEPTH: must be a whole number, got "twelve"'],
    ["GATEWAY_MAX_DEPTH", "0", "invalid setting GATEWAY_MAX_DEPTH: must be at least 1"],
    ["GATEWAY_MAX_ALIASES", "-1", 'invalid setting GATEWAY_MAX_ALIASES: must be a whole number, got "-1"'],
    ["GATEWAY_MAX_ROOT_FIELDS", "2.5", 'invalid setting GATEWAY_MAX_ROOT_FIELDS: must be a whole number, got "2.5"'],
    ["GATEWAY_MAX_TOKENS", "1e4", 'invalid setting GATEWAY_MAX_TOKENS: must be a whole number, got "1e4"'],
    ["GATEWAY_MAX_COST", "99999999999999999999", "invalid setting GATEWAY_MAX_COST: is too large"],
    ["GATEWAY_MAX_LIST_SIZE", "0x10", 'invalid setting GATEWAY_MAX_LIST_SIZE: must be a whole number, got "0x10"'],
  ])("refuses %s=%s with a ConfigError naming it", (name, value, message) => {
    const load = () => loadOperationLimits({ [name]: value });
    expect(load).toThrow(ConfigError);
    expect(load).toThrow(message);
  });

  it("refuses a default list size above the maximum list size", () => {
    expect(() => loadOperationLimits({ GATEWAY_DEFAULT_LIST_SIZE: "50", GATEWAY_MAX_LIST_SIZE: "40" })).toThrow(
      "invalid setting GATEWAY_DEFAULT_LIST_SIZE: must not exceed GATEWAY_MAX_LIST_SIZE (40)",
    );
  });
});
