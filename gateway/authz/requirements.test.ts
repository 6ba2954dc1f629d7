import { describe, expect, it } from "vitest";

import { composeFixture } from "./authz.fixture.js";
import { combineRequirements, extractRequirements, isAllowed } from "./requirements.js";

describe("extractRequirements", () => {
  const { supergraphSdl } = composeFixture();

  it("reads field and type directives that composition keeps in the supergraph", () => {
    expect(supergraphSdl).toContain('@link(url: "https://specs.apollo.dev/authenticated/v0.1", for: SECURITY)');
    expect(supergraphSdl).toContain('@link(url: "https://specs.apollo.dev/requiresScopes/v0.1", for: SECURITY)');
    const requirements = extractRequirements(supergraphSdl);
    expect(requirements.get("Query.me")).toEqual({ authenticated: true, scopes: null });
    expect(requirements.get("User.email")).toEqual({ authenticated: true, scopes: null });
    expect(requirements.get("Secret")).toEqual({ authenticated: true, scopes: null });
    expect(requirements.get("Query.ledger")).toEqual({ authenticated: false, scopes: [["ledger:read"], ["admin"]] });
    expect(requirements.get("User.balance")).toEqual({ authenticated: false, scopes: [["ledger:read"], ["admin"]] });
    expect(requirements.has("User.name")).toBe(false);
    expect(requirements.has("User")).toBe(false);
  });

  it("follows renames in the supergraph's @link (as: and import)", () => {
    const sdl = `
      schema
        @link(url: "https://specs.apollo.dev/link/v1.0")
        @link(url: "https://specs.apollo.dev/authenticated/v0.1", as: "signedIn", for: SECURITY)
        @link(url: "https://specs.apollo.dev/requiresScopes/v0.1", import: [{ name: "@requiresScopes", as: "@scoped" }], for: SECURITY)
      { query: Query }
      type Query {
        a: String @signedIn
        b: String @scoped(scopes: [["x", "y"], ["z"]])
        c: String @authenticated
        d: String @scoped(scopes: "lone")
      }
    `;
    const requirements = extractRequirements(sdl);
    expect(requirements.get("Query.a")).toEqual({ authenticated: true, scopes: null });
    expect(requirements.get("Query.b")).toEqual({ authenticated: false, scopes: [["z"], ["x", "y"]] });
    // Renamed away: a stray @authenticated is some other directive now.
    expect(requirements.has("Query.c")).toBe(false);
    expect(requirements.get("Query.d")).toEqual({ authenticated: false, scopes: [["lone"]] });
  });
});

describe("isAllowed", () => {
  const scoped = { authenticated: false, scopes: [["a", "b"], ["c"]] };

  it("needs a user id for @authenticated", () => {
    expect(isAllowed({ authenticated: true, scopes: null }, { scopes: [] })).toBe(false);
    expect(isAllowed({ authenticated: true, scopes: null }, { userId: "u1", scopes: [] })).toBe(true);
  });

  it("needs every scope of at least one inner list; '*' satisfies any", () => {
    expect(isAllowed(scoped, { userId: "u1", scopes: ["a"] })).toBe(false);
    expect(isAllowed(scoped, { userId: "u1", scopes: ["b", "a"] })).toBe(true);
    expect(isAllowed(scoped, { userId: "u1", scopes: ["c"] })).toBe(true);
    expect(isAllowed(scoped, { userId: "u1", scopes: ["*"] })).toBe(true);
    expect(isAllowed(scoped, { scopes: [] })).toBe(false);
  });

  it("combines requirements as AND (scopes as a minimal OR of ANDs)", () => {
    const combined = combineRequirements(scoped, { authenticated: true, scopes: [["c"], ["d"]] });
    // (ab ∨ c) ∧ (c ∨ d) = abc ∨ abd ∨ c ∨ cd = c ∨ abd
    expect(combined).toEqual({ authenticated: true, scopes: [["c"], ["a", "b", "d"]] });
    expect(isAllowed(combined!, { userId: "u", scopes: ["c"] })).toBe(true);
    expect(isAllowed(combined!, { userId: "u", scopes: ["a", "b"] })).toBe(false);
  });
});
