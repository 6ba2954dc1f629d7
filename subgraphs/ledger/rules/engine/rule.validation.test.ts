import { describe, expect, it } from "vitest";

import { compileRules, validateRule } from "./rule.compile.js";
import type { RuleActions, RuleConditions } from "./rule.types.js";

const payee = { payee: { operator: "CONTAINS", value: "tesco" } } satisfies RuleConditions;
const category = { setCategoryId: "cat-groceries" } satisfies RuleActions;

/** The thrown error's code and field, so each case states exactly what the client will see. */
function rejection(conditions: RuleConditions, actions: RuleActions): { code: unknown; field: unknown } {
  try {
    validateRule(conditions, actions);
  } catch (error) {
    const extensions = (error as { extensions?: Record<string, unknown> }).extensions ?? {};
    return { code: extensions["code"], field: extensions["field"] };
  }
  throw new Error("expected the rule to be rejected");
}

const bad = (field: string) => ({ code: "BAD_USER_INPUT", field });

describe("validateRule", () => {
  it("accepts a sensible rule", () => {
    expect(() => validateRule(payee, category)).not.toThrow();
    expect(() => validateRule({ amountMinMinor: -5000n, amountMaxMinor: -5000n, currency: "eur" }, { addTags: ["x"] })).not.toThrow();
  });

  it("needs a condition and an action", () => {
    expect(rejection({}, category)).toEqual(bad("conditions"));
    expect(rejection({ payee: null, accountIds: [] }, category)).toEqual(bad("conditions"));
    expect(rejection(payee, {})).toEqual(bad("actions"));
    expect(rejection(payee, { addTags: [], renamePayee: null })).toEqual(bad("actions"));
  });

  it("rejects empty and over-long text", () => {
    expect(rejection({ payee: { operator: "EQUALS", value: "   " } }, category)).toEqual(bad("conditions.payee.value"));
    expect(rejection({ notes: { operator: "CONTAINS", value: "x".repeat(201) } }, category)).toEqual(bad("conditions.notes.value"));
    expect(() => validateRule({ notes: { operator: "CONTAINS", value: "€".repeat(200) } }, category)).not.toThrow();
    expect(rejection(payee, { renamePayee: " " })).toEqual(bad("actions.renamePayee"));
    expect(rejection(payee, { renamePayee: "y".repeat(201) })).toEqual(bad("actions.renamePayee"));
    expect(rejection(payee, { setCategoryId: "" })).toEqual(bad("actions.setCategoryId"));
  });

  it("rejects an unknown operator", () => {
    const conditions = { payee: { operator: "STARTS_WITH", value: "a" } } as unknown as RuleConditions;
    expect(rejection(conditions, category)).toEqual(bad("conditions.payee.operator"));
  });

  it("rejects invalid regexes, including the backtracking-only constructs RE2 refuses", () => {
    for (const value of ["(unclosed", "[a-", "(\\w)\\1", "foo(?=bar)", "a{1001}"]) {
      expect(rejection({ payee: { operator: "REGEX", value } }, category)).toEqual(bad("conditions.payee.value"));
    }
  });

  it("rejects a regex that compiles to an oversized program", () => {
    expect(rejection({ payee: { operator: "REGEX", value: ".{1000}.{1000}.{1000}" } }, category)).toEqual(bad("conditions.payee.value"));
  });

  it("checks amount bounds", () => {
    expect(rejection({ amountMinMinor: 10n, amountMaxMinor: 9n, currency: "EUR" }, category)).toEqual(bad("conditions.amountMinMinor"));
    expect(rejection({ amountMaxMinor: 9n }, category)).toEqual(bad("conditions.currency"));
    expect(rejection({ amountMinMinor: -1n, currency: "XYZ" }, category)).toEqual(bad("conditions.currency"));
    const float = { amountMinMinor: 1.5, currency: "EUR" } as unknown as RuleConditions;
    expect(rejection(float, category)).toEqual(bad("conditions.amountMinMinor"));
  });

  it("limits tags and accounts", () => {
    const tags = (n: number) => Array.from({ length: n }, (_, i) => `tag-${i}`);
    expect(() => validateRule(payee, { addTags: tags(20) })).not.toThrow();
    expect(rejection(payee, { addTags: tags(21) })).toEqual(bad("actions.addTags"));
    expect(rejection(payee, { addTags: ["t".repeat(41)] })).toEqual(bad("actions.addTags"));
    expect(rejection(payee, { addTags: [""] })).toEqual(bad("actions.addTags"));
    const accounts = Array.from({ length: 51 }, (_, i) => `acc-${i}`);
    expect(rejection({ accountIds: accounts }, category)).toEqual(bad("conditions.accountIds"));
  });
});

describe("compileRules", () => {
  it("re-validates stored rules and names the offending one", () => {
    const rules = [
      { id: "ok", conditions: payee, actions: category },
      { id: "broken", conditions: { payee: { operator: "REGEX" as const, value: "(" } }, actions: category },
    ];
    expect(() => compileRules(rules)).toThrow(
      expect.objectContaining({ extensions: expect.objectContaining({ code: "BAD_USER_INPUT", ruleId: "broken" }) }),
    );
  });
});
