import { describe, expect, it } from "vitest";

import { applyRules } from "./rule.apply.js";
import { compileRules } from "./rule.compile.js";
import type { RuleDefinition, RuleSubject } from "./rule.types.js";

function subject(overrides: Partial<RuleSubject> = {}): RuleSubject {
  return {
    accountId: "acc-current",
    payee: "AMZN MKTP DE*2K4",
    notes: "",
    amountMinor: -2599n,
    currency: "EUR",
    categoryId: null,
    tags: [],
    ...overrides,
  };
}

const run = (rules: RuleDefinition[], input: RuleSubject) => applyRules(compileRules(rules), input);

describe("applyRules", () => {
  it("applies rules in order, each seeing what the earlier ones did", () => {
    const rules: RuleDefinition[] = [
      { id: "r1", conditions: { payee: { operator: "CONTAINS", value: "AMZN MKTP" } }, actions: { renamePayee: "Amazon" } },
      { id: "r2", conditions: { payee: { operator: "EQUALS", value: "Amazon" } }, actions: { setCategoryId: "cat-shopping" } },
    ];
    const outcome = run(rules, subject());
    expect(outcome).toEqual({
      subject: subject({ payee: "Amazon", categoryId: "cat-shopping" }),
      appliedRuleIds: ["r1", "r2"],
      changed: true,
    });
    // Reversed, the rename comes too late for the EQUALS rule.
    expect(run([...rules].reverse(), subject()).appliedRuleIds).toEqual(["r1"]);
  });

  it("lets the last matching rule choose the category", () => {
    const rules: RuleDefinition[] = [
      { id: "a", conditions: { accountIds: ["acc-current"] }, actions: { setCategoryId: "cat-a" } },
      { id: "b", conditions: { accountIds: ["acc-current"] }, actions: { setCategoryId: "cat-b" } },
    ];
    expect(run(rules, subject()).subject.categoryId).toBe("cat-b");
  });

  it("merges tags without duplicates, keeping the existing order", () => {
    const rules: RuleDefinition[] = [
      { id: "t1", conditions: { accountIds: ["acc-current"] }, actions: { addTags: ["online", "amazon", "online"] } },
      { id: "t2", conditions: { accountIds: ["acc-current"] }, actions: { addTags: [" amazon ", "prime"] } },
    ];
    const outcome = run(rules, subject({ tags: ["review", "amazon"] }));
    expect(outcome.subject.tags).toEqual(["review", "amazon", "online", "prime"]);
  });

  it("records a matching rule that changes nothing, with changed false", () => {
    const rules: RuleDefinition[] = [
      { id: "noop", conditions: { accountIds: ["acc-current"] }, actions: { setCategoryId: "cat-x", addTags: ["t"] } },
    ];
    const input = subject({ categoryId: "cat-x", tags: ["t"] });
    const outcome = run(rules, input);
    expect(outcome).toEqual({ subject: input, appliedRuleIds: ["noop"], changed: false });
    expect(outcome.subject).not.toBe(input);
    expect(outcome.subject.tags).not.toBe(input.tags);
  });

  it("reports no change and no rule when nothing matches", () => {
    const rules: RuleDefinition[] = [
      { id: "r", conditions: { payee: { operator: "EQUALS", value: "Tesco" } }, actions: { setCategoryId: "cat" } },
    ];
    expect(run(rules, subject())).toEqual({ subject: subject(), appliedRuleIds: [], changed: false });
  });

  it("matches an amount range inclusively at both ends, only in the rule's currency", () => {
    const rules: RuleDefinition[] = [
      {
        id: "range",
        conditions: { amountMinMinor: -5000n, amountMaxMinor: -1000n, currency: "EUR" },
        actions: { addTags: ["mid"] },
      },
    ];
    const fired = (amountMinor: bigint, currency = "EUR") => run(rules, subject({ amountMinor, currency })).appliedRuleIds.length === 1;
    expect(fired(-5000n)).toBe(true);
    expect(fired(-1000n)).toBe(true);
    expect(fired(-3000n)).toBe(true);
    expect(fired(-5001n)).toBe(false);
    expect(fired(-999n)).toBe(false);
    expect(fired(-3000n, "USD")).toBe(false);
  });

  it("treats a one-sided bound as open on the other side", () => {
    const rules: RuleDefinition[] = [
      { id: "big", conditions: { amountMaxMinor: -100_000n, currency: "EUR" }, actions: { addTags: ["large"] } },
    ];
    expect(run(rules, subject({ amountMinor: -9_000_000_000_000_000n })).appliedRuleIds).toEqual(["big"]);
    expect(run(rules, subject({ amountMinor: -99_999n })).appliedRuleIds).toEqual([]);
  });

  it("matches any of the listed accounts", () => {
    const rules: RuleDefinition[] = [{ id: "cards", conditions: { accountIds: ["acc-visa", "acc-amex"] }, actions: { addTags: ["card"] } }];
    expect(run(rules, subject({ accountId: "acc-amex" })).appliedRuleIds).toEqual(["cards"]);
    expect(run(rules, subject({ accountId: "acc-current" })).appliedRuleIds).toEqual([]);
  });

  it("requires every condition of a rule to hold", () => {
    const rules: RuleDefinition[] = [
      {
        id: "all",
        conditions: { payee: { operator: "CONTAINS", value: "amzn" }, notes: { operator: "REGEX", value: "refund" } },
        actions: { setCategoryId: "cat-refund" },
      },
    ];
    expect(run(rules, subject({ notes: "Refund order 123" })).appliedRuleIds).toEqual(["all"]);
    expect(run(rules, subject({ notes: "order 123" })).appliedRuleIds).toEqual([]);
  });

  it("does not mutate its input", () => {
    const rules: RuleDefinition[] = [
      { id: "r", conditions: { accountIds: ["acc-current"] }, actions: { renamePayee: "Amazon", addTags: ["x"] } },
    ];
    const input = subject({ tags: ["a"] });
    const before = structuredClone(input);
    run(rules, input);
    expect(input).toEqual(before);
  });
});
