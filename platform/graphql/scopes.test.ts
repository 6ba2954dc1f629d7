import { describe, expect, it } from "vitest";

import { scopes } from "./scopes.js";

describe("scopes()", () => {
  it("writes the @requiresScopes application the gateway enforces", () => {
    expect(scopes("ledger:read")).toBe('@requiresScopes(scopes: [["ledger:read"]])');
    expect(scopes("ledger:read", "budgets:read")).toBe('@requiresScopes(scopes: [["ledger:read", "budgets:read"]])');
  });

  it("refuses a scope an API key could never hold, at schema build time", () => {
    expect(() => scopes("ledger")).toThrow(/<resource>:read/);
    expect(() => scopes('ledger:read"]]) @x(a: [["')).toThrow();
  });
});
