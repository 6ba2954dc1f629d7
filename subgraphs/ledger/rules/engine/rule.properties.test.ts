import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { applyRules } from "./rule.apply.js";
import { compileRules } from "./rule.compile.js";
import type { RuleActions, RuleConditions, RuleDefinition, RuleSubject, TextCondition } from "./rule.types.js";

// Small vocabularies, so that generated rules actually match generated subjects often.
const words = ["amzn", "Amazon", "TESCO", "tesco store", "café", "Uber"] as const;
const accounts = ["acc-1", "acc-2", "acc-3"] as const;
const tagPool = ["a", "b", "c", "d"] as const;

const textCondition: fc.Arbitrary<TextCondition> = fc.oneof(
  fc.record({
    operator: fc.constantFrom("CONTAINS" as const, "EQUALS" as const),
    value: fc.constantFrom(...words),
    caseSensitive: fc.boolean(),
  }),
  fc.record({
    operator: fc.constant("REGEX" as const),
    value: fc.constantFrom("^am", "tesco|uber", "(a+)+$", "\\bstore\\b", "caf."),
    caseSensitive: fc.boolean(),
  }),
);

const conditions: fc.Arbitrary<RuleConditions> = fc
  .record(
    {
      payee: textCondition,
      notes: textCondition,
      accountIds: fc.uniqueArray(fc.constantFrom(...accounts), { minLength: 1 }),
      amount: fc.tuple(fc.bigInt({ min: -2000n, max: 2000n }), fc.bigInt({ min: 0n, max: 3000n })),
    },
    { requiredKeys: [] },
  )
  .filter((c) => Object.keys(c).length > 0)
  .map(({ amount, ...rest }) =>
    amount ? { ...rest, amountMinMinor: amount[0], amountMaxMinor: amount[0] + amount[1], currency: "EUR" } : rest,
  );

const actions = (withRenames: boolean): fc.Arbitrary<RuleActions> =>
  fc
    .record(
      {
        setCategoryId: fc.constantFrom("cat-1", "cat-2"),
        addTags: fc.array(fc.constantFrom(...tagPool), { minLength: 1, maxLength: 3 }),
        ...(withRenames ? { renamePayee: fc.constantFrom(...words) } : {}),
      },
      { requiredKeys: [] },
    )
    .filter((a) => Object.keys(a).length > 0);

const rules = (withRenames: boolean): fc.Arbitrary<RuleDefinition[]> =>
  fc
    .array(fc.record({ conditions, actions: actions(withRenames) }), { maxLength: 8 })
    .map((list) => list.map((rule, i) => ({ id: `r${i}`, ...rule })));

const subject: fc.Arbitrary<RuleSubject> = fc.record({
  accountId: fc.constantFrom(...accounts),
  payee: fc.oneof(fc.constantFrom(...words), fc.string({ maxLength: 12 })),
  notes: fc.oneof(fc.constantFrom(...words, ""), fc.string({ maxLength: 12 })),
  amountMinor: fc.bigInt({ min: -3000n, max: 3000n }),
  currency: fc.constantFrom("EUR", "USD"),
  categoryId: fc.option(fc.constantFrom("cat-1", "cat-2", "cat-0"), { nil: null }),
  tags: fc.uniqueArray(fc.constantFrom(...tagPool, "z")),
});

describe("rule engine properties", () => {
  it("is idempotent when no rule renames the payee", () => {
    // Category and tag actions never touch what conditions read, so the same rules match again
    // and find their category already chosen (last writer wins both times) and their tags present.
    fc.assert(
      fc.property(rules(false), subject, (definitions, input) => {
        const compiled = compileRules(definitions);
        const first = applyRules(compiled, input);
        const second = applyRules(compiled, first.subject);
        expect(second.subject).toEqual(first.subject);
        expect(second.changed).toBe(false);
        expect(second.appliedRuleIds).toEqual(first.appliedRuleIds);
      }),
    );
  });

  it("keeps its invariants with renames too", () => {
    // Renames can cycle (A→B, then B→A), so a second pass may change the payee again; what must hold
    // on every pass is that `changed` is truthful, input tags survive in order, and ids follow rule order.
    fc.assert(
      fc.property(rules(true), subject, (definitions, input) => {
        const before = structuredClone(input);
        const outcome = applyRules(compileRules(definitions), input);
        expect(input).toEqual(before);

        const differs =
          outcome.subject.payee !== input.payee ||
          outcome.subject.categoryId !== input.categoryId ||
          outcome.subject.tags.join("\u0000") !== input.tags.join("\u0000");
        expect(outcome.changed).toBe(differs);

        expect(outcome.subject.tags.slice(0, input.tags.length)).toEqual(input.tags);
        expect(new Set(outcome.subject.tags).size).toBe(outcome.subject.tags.length);

        const order = definitions.map((d) => d.id);
        const positions = outcome.appliedRuleIds.map((id) => order.indexOf(id));
        expect(positions).toEqual([...positions].sort((a, b) => a - b));
        expect(new Set(positions).size).toBe(positions.length);

        const { accountId, notes, amountMinor, currency } = outcome.subject;
        expect({ accountId, notes, amountMinor, currency }).toEqual({
          accountId: input.accountId,
          notes: input.notes,
          amountMinor: input.amountMinor,
          currency: input.currency,
        });
      }),
    );
  });
});
