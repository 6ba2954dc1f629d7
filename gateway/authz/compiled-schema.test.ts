import { describe, expect, it } from "vitest";

import { composeFixture } from "./authz.fixture.js";
import { compile, type CompiledSchema } from "./compiled-schema.js";
import { type AuthzCaller, extractRequirements } from "./requirements.js";

const { supergraphSdl, apiSchema } = composeFixture();
const requirements = extractRequirements(supergraphSdl);

const anonymous: AuthzCaller = { scopes: [] };
const session: AuthzCaller = { userId: "u1", scopes: ["*"] };
const ledgerKey: AuthzCaller = { userId: "u1", scopes: ["ledger:read"] };
const budgetsKey: AuthzCaller = { userId: "u1", scopes: ["budgets:read"] };

const requirementOf = (compiled: CompiledSchema, coordinate: string) => {
  const [type, field] = coordinate.split(".");
  const index = compiled.fieldRequirement.get(type!)?.get(field!);
  return index === undefined ? undefined : compiled.requirements[index];
};

describe("compile", () => {
  const compiled = compile(apiSchema, requirements);

  it("looks up each field's requirement, including the directive on the type it returns", () => {
    expect(requirementOf(compiled, "User.email")).toBeDefined();
    expect(requirementOf(compiled, "Query.me")).toBeDefined();
    expect(requirementOf(compiled, "Query.secret")).toEqual(requirementOf(compiled, "User.email"));
    expect(requirementOf(compiled, "Query.ledger")).toEqual(requirementOf(compiled, "User.balance"));
    expect(requirementOf(compiled, "User.name")).toBeUndefined();
    expect(requirementOf(compiled, "Query.publicInfo")).toBeUndefined();
  });

  it("keeps one entry per distinct requirement", () => {
    const keys = compiled.requirements.map((requirement) => JSON.stringify(requirement));
    expect(new Set(keys).size).toBe(keys.length);
  });

  it("gives no view to a caller allowed everything", () => {
    expect(compiled.viewFor(session)).toBeNull();
    expect(compiled.viewFor(ledgerKey)).toBeNull();
  });

  it("marks the types whose selections can reach a denied field", () => {
    const view = compiled.viewFor(anonymous)!;
    expect(view.dirty).toContain("User");
    expect(view.dirty).toContain("Profile");
    expect(view.dirty).toContain("Query");
    expect(view.dirty).not.toContain("Entry");
    // Signed in without the ledger scope: only the ledger's fields are out of reach.
    const scoped = compiled.viewFor(budgetsKey)!;
    expect(scoped.dirty).toContain("User");
    expect(scoped.dirty).not.toContain("Profile");
  });

  it("shares one view between callers with the same allow/deny pattern", () => {
    expect(compiled.viewFor({ scopes: [] })).toBe(compiled.viewFor(anonymous));
    expect(compiled.viewFor({ userId: "u2", scopes: ["budgets:read"] })).toBe(compiled.viewFor(budgetsKey));
    expect(compiled.viewFor(anonymous)).not.toBe(compiled.viewFor(budgetsKey));
  });

  it("is built once per schema and requirements", () => {
    expect(compile(apiSchema, requirements)).toBe(compiled);
    expect(compile(apiSchema, new Map()).requirements).toEqual([]);
  });

  it("lists the possible runtime types of an abstract type, sorted", () => {
    expect(compiled.possibleTypes(apiSchema.getType("Node") as never)).toEqual(["Article", "Memo"]);
    expect(compiled.possibleTypes(apiSchema.getType("User") as never)).toEqual(["User"]);
  });
});
