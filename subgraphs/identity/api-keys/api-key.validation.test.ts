import { describe, expect, it } from "vitest";

import { normalizeKeyName, normalizeScopes } from "./api-key.validation.js";

const reason = (fn: () => unknown) => {
  try {
    fn();
    return undefined;
  } catch (error) {
    return (error as { extensions?: { code?: string } }).extensions?.code;
  }
};

describe("API key validation", () => {
  it("trims names and wants 1-100 characters", () => {
    expect(normalizeKeyName("  Sync app ")).toBe("Sync app");
    expect(normalizeKeyName("x".repeat(100))).toHaveLength(100);
    expect(reason(() => normalizeKeyName("   "))).toBe("BAD_USER_INPUT");
    expect(reason(() => normalizeKeyName("x".repeat(101)))).toBe("BAD_USER_INPUT");
  });

  it("accepts <resource>:read|write scopes, de-duplicated, 1 to 20 of them", () => {
    expect(normalizeScopes(["transactions:read", "budgets:write", "transactions:read"])).toEqual(["transactions:read", "budgets:write"]);
    expect(normalizeScopes(["net-worth:read"])).toEqual(["net-worth:read"]);
    const twenty = Array.from({ length: 20 }, (_, i) => `r${"a".repeat(i)}:read`);
    expect(normalizeScopes([...twenty, ...twenty])).toHaveLength(20);
    expect(reason(() => normalizeScopes([]))).toBe("BAD_USER_INPUT");
    expect(reason(() => normalizeScopes([...twenty, "one-more:read"]))).toBe("BAD_USER_INPUT");
  });

  it("refuses malformed scopes, the session wildcard and internal scopes", () => {
    for (const scope of [
      "*",
      "internal:api-keys",
      "transactions",
      "Transactions:read",
      "transactions:admin",
      ":read",
      "-x:read",
      "tx1:read",
      "a:read ",
      `${"a".repeat(70)}:read`,
    ]) {
      expect(
        reason(() => normalizeScopes([scope])),
        scope,
      ).toBe("BAD_USER_INPUT");
    }
  });
});
