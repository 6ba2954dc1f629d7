import { describe, expect, it } from "vitest";

import { compileRules, validateRule } from "./rule.compile.js";
import type { RuleActions, RuleConditions, TextCondition } from "./rule.types.js";

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

/** The message of the refusal, which the client shows next to the field. */
function messageOf(conditions: RuleConditions, actions: RuleActions): string {
  try {
    validateRule(conditions, actions);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error("expected the rule to be rejected");
}

// Stored rules are JSON and inputs pass through GraphQL and REST layers: each check below is
// about a value of the wrong shape, which must come back as the client's error, never a crash.
const shaped = <T>(value: unknown) => value as T;

describe("validateRule: values of the wrong shape", () => {
  it("refuses missing conditions or actions", () => {
    expect(rejection(shaped<RuleConditions>(null), category)).toEqual(bad("conditions"));
    expect(rejection(shaped<RuleConditions>("payee"), category)).toEqual(bad("conditions"));
    expect(rejection(payee, shaped<RuleActions>(null))).toEqual(bad("actions"));
    expect(rejection(payee, shaped<RuleActions>("tag"))).toEqual(bad("actions"));
  });

  it("refuses a text condition that is not an object, a caseSensitive that is not a boolean, a value that is not text", () => {
    expect(rejection({ payee: shaped<TextCondition>("tesco") }, category)).toEqual(bad("conditions.payee"));
    const yes = shaped<boolean>("yes");
    expect(rejection({ notes: { operator: "CONTAINS", value: "x", caseSensitive: yes } }, category)).toEqual(
      bad("conditions.notes.caseSensitive"),
    );
    expect(rejection({ payee: { operator: "EQUALS", value: shaped<string>(42) } }, category)).toEqual(bad("conditions.payee.value"));
  });

  it("refuses an upper bound that is not an integer amount, naming that bound", () => {
    expect(rejection({ amountMaxMinor: shaped<bigint>(9.5), currency: "EUR" }, category)).toEqual(bad("conditions.amountMaxMinor"));
  });

  it("refuses a currency that is not a string", () => {
    expect(rejection({ amountMinMinor: 1n, currency: shaped<string>(978) }, category)).toEqual(bad("conditions.currency"));
  });

  it("refuses accountIds or addTags that are not lists, and entries that are empty or not text", () => {
    expect(rejection({ accountIds: shaped<string[]>("acc-1") }, category)).toEqual(bad("conditions.accountIds"));
    expect(rejection({ accountIds: ["acc-1", ""] }, category)).toEqual(bad("conditions.accountIds"));
    expect(rejection({ accountIds: shaped<string[]>(["acc-1", 7]) }, category)).toEqual(bad("conditions.accountIds"));
    expect(rejection(payee, { addTags: shaped<string[]>("tag") })).toEqual(bad("actions.addTags"));
    expect(rejection(payee, { addTags: ["ok", "  "] })).toEqual(bad("actions.addTags"));
    expect(rejection(payee, { addTags: shaped<string[]>([7]) })).toEqual(bad("actions.addTags"));
    expect(rejection(payee, { setCategoryId: shaped<string>(42) })).toEqual(bad("actions.setCategoryId"));
  });
});

describe("validateRule: limits, at and just past each", () => {
  it("takes 50 accounts, a 40-character tag and a 200-character rename", () => {
    const accounts = Array.from({ length: 50 }, (_, i) => `acc-${i}`);
    expect(() => validateRule({ accountIds: accounts }, category)).not.toThrow();
    expect(() => validateRule(payee, { addTags: ["t".repeat(40)] })).not.toThrow();
    expect(() => validateRule(payee, { renamePayee: "€".repeat(200) })).not.toThrow();
  });

  it("takes a regex that compiles to exactly the 2,000-instruction cap, and refuses one more", () => {
    expect(() => validateRule({ payee: { operator: "REGEX", value: "a{998}b{1000}" } }, category)).not.toThrow();
    expect(rejection({ payee: { operator: "REGEX", value: "a{999}b{1000}" } }, category)).toEqual(bad("conditions.payee.value"));
  });

  it("takes a lower bound alone, with its currency, and refuses it without one", () => {
    expect(() => validateRule({ amountMinMinor: 10n, currency: "EUR" }, category)).not.toThrow();
    expect(rejection({ amountMinMinor: 10n }, category)).toEqual(bad("conditions.currency"));
  });

  it("reads a blank currency as no currency condition", () => {
    expect(() => validateRule({ ...payee, currency: "  " }, category)).not.toThrow();
    expect(rejection({ currency: "  " }, category)).toEqual(bad("conditions"));
  });
});

describe("validateRule: what each refusal says", () => {
  it.each<[string, RuleConditions, RuleActions, string]>([
    ["no condition", {}, category, "a rule needs at least one condition"],
    ["null conditions", shaped<RuleConditions>(null), category, "a rule needs at least one condition"],
    ["no action", payee, {}, "a rule needs at least one action"],
    ["null actions", payee, shaped<RuleActions>(null), "a rule needs at least one action"],
    [
      "bounds crossed",
      { amountMinMinor: 10n, amountMaxMinor: 9n, currency: "EUR" },
      category,
      "amountMinMinor must not exceed amountMaxMinor",
    ],
    [
      "a fractional bound",
      { amountMinMinor: shaped<bigint>(1.5), currency: "EUR" },
      category,
      "conditions.amountMinMinor must be an integer amount in minor units",
    ],
    ["a bound without currency", { amountMaxMinor: 9n }, category, "an amount condition needs a currency"],
    ["a currency that is not a string", { currency: shaped<string>(978) }, category, "currency must be an ISO-4217 code"],
    ["an unknown currency, quoting at most 8 characters", { currency: "NOTACURRENCY" }, category, 'unknown currency "NOTACURR"'],
    ["accountIds not a list", { accountIds: shaped<string[]>("acc") }, category, "accountIds must be a list"],
    ["51 accounts", { accountIds: Array.from({ length: 51 }, (_, i) => `a${i}`) }, category, "at most 50 accounts per rule"],
    ["an empty account id", { accountIds: [""] }, category, "account ids must not be empty"],
    ["a blank rename", payee, { renamePayee: " " }, "actions.renamePayee must not be empty"],
    ["a long rename", payee, { renamePayee: "y".repeat(201) }, "actions.renamePayee must be at most 200 characters"],
    ["addTags not a list", payee, { addTags: shaped<string[]>("t") }, "addTags must be a list"],
    ["21 tags", payee, { addTags: Array.from({ length: 21 }, (_, i) => `t${i}`) }, "at most 20 tags per rule"],
    ["a blank tag", payee, { addTags: [" "] }, "tags must not be empty"],
    ["a long tag", payee, { addTags: ["t".repeat(41)] }, "a tag must be at most 40 characters"],
    [
      "a text condition that is not an object",
      { payee: shaped<TextCondition>("x") },
      category,
      "conditions.payee must be an object with an operator and a value",
    ],
    [
      "an unknown operator",
      { payee: shaped<TextCondition>({ operator: "LIKE", value: "x" }) },
      category,
      "conditions.payee.operator must be one of CONTAINS, EQUALS, REGEX",
    ],
    [
      "a non-boolean caseSensitive",
      { payee: { operator: "EQUALS", value: "x", caseSensitive: shaped<boolean>(1) } },
      category,
      "conditions.payee.caseSensitive must be a boolean",
    ],
    ["a blank value", { notes: { operator: "CONTAINS", value: " " } }, category, "conditions.notes.value must not be empty"],
    [
      "a long value",
      { notes: { operator: "CONTAINS", value: "x".repeat(201) } },
      category,
      "conditions.notes.value must be at most 200 characters",
    ],
    [
      "a regex over the cap",
      { payee: { operator: "REGEX", value: "a{999}b{1000}" } },
      category,
      "conditions.payee.value is too complex; use fewer or smaller repetitions",
    ],
  ])("%s", (_, conditions, actions, message) => {
    expect(messageOf(conditions, actions)).toBe(message);
  });

  it("explains an invalid regex with RE2's reason, cut to 200 characters", () => {
    const prefix = "conditions.payee.value is not a valid regular expression: ";
    expect(messageOf({ payee: { operator: "REGEX", value: "[a-" } }, category)).toBe(
      `${prefix}error parsing regexp: missing closing ]: \`[a-\``,
    );
    // RE2 quotes the whole pattern in its reason: a long one is cut rather than echoed whole.
    const long = messageOf({ payee: { operator: "REGEX", value: "(" + "a".repeat(199) } }, category);
    expect(long.startsWith(`${prefix}error parsing regexp: missing closing ): `)).toBe(true);
    expect(long).toHaveLength(prefix.length + 200);
  });
});
