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

  it("keeps the category when a later matching rule sets none, and the subject's own when no rule does", () => {
    const rules: RuleDefinition[] = [
      { id: "cat", conditions: { accountIds: ["acc-current"] }, actions: { setCategoryId: "cat-shopping" } },
      { id: "tag", conditions: { accountIds: ["acc-current"] }, actions: { addTags: ["online"] } },
    ];
    expect(run(rules, subject()).subject.categoryId).toBe("cat-shopping");
    expect(run([rules[1]!], subject({ categoryId: "cat-own" })).subject.categoryId).toBe("cat-own");
  });

  it("adds a tag two rules both add only once", () => {
    const rules: RuleDefinition[] = [
      { id: "t1", conditions: { accountIds: ["acc-current"] }, actions: { addTags: ["online"] } },
      { id: "t2", conditions: { accountIds: ["acc-current"] }, actions: { addTags: ["online", "prime"] } },
    ];
    expect(run(rules, subject()).subject.tags).toEqual(["online", "prime"]);
  });

  it("reports a change when only the payee, only the category or only the tags changed", () => {
    const only = (actions: RuleDefinition["actions"]) =>
      run([{ id: "r", conditions: { accountIds: ["acc-current"] }, actions }], subject());
    expect(only({ renamePayee: "Amazon" }).changed).toBe(true);
    expect(only({ setCategoryId: "cat-shopping" }).changed).toBe(true);
    expect(only({ addTags: ["online"] }).changed).toBe(true);
  });

  it("renames to the trimmed NFC text of the rule", () => {
    const rules: RuleDefinition[] = [
      { id: "r", conditions: { accountIds: ["acc-current"] }, actions: { renamePayee: "  Cafe\u0301 Flore " } },
    ];
    expect(run(rules, subject()).subject.payee).toBe("Caf\u00e9 Flore");
  });

  it("treats a lower bound alone as open above, for incomes too", () => {
    const rules: RuleDefinition[] = [
      { id: "salary", conditions: { amountMinMinor: 100_000n, currency: "EUR" }, actions: { addTags: ["salary"] } },
    ];
    expect(run(rules, subject({ amountMinor: 9_000_000_000_000_000n })).appliedRuleIds).toEqual(["salary"]);
    expect(run(rules, subject({ amountMinor: 99_999n })).appliedRuleIds).toEqual([]);
  });

  it("matches a currency given alone in any case of the subject's code, and no other currency", () => {
    const rules: RuleDefinition[] = [{ id: "gbp", conditions: { currency: "gbp" }, actions: { addTags: ["uk"] } }];
    expect(run(rules, subject({ currency: "GBP" })).appliedRuleIds).toEqual(["gbp"]);
    expect(run(rules, subject({ currency: "gbp" })).appliedRuleIds).toEqual(["gbp"]);
    expect(run(rules, subject({ currency: "EUR" })).appliedRuleIds).toEqual([]);
  });

  it("ignores a blank currency: the rule's other conditions decide, in any currency", () => {
    const rules: RuleDefinition[] = [
      { id: "amzn", conditions: { payee: { operator: "CONTAINS", value: "amzn" }, currency: " " }, actions: { addTags: ["x"] } },
    ];
    expect(run(rules, subject({ currency: "USD" })).appliedRuleIds).toEqual(["amzn"]);
  });
});
