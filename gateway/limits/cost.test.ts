import { parse, specifiedRules, validate } from "graphql";
import { describe, expect, it } from "vitest";

import { checkOperationCost, costLimitRule, operationCost, type OperationCostOptions } from "./cost.js";
import { DEFAULT_OPERATION_LIMITS } from "./limits.config.js";
import { apiSchema, nestedSchema } from "./limits.fixtures.js";

// Small sizes so the arithmetic in the test names stays readable.
const limits = { defaultListSize: 10, maxListSize: 100 };
const cost = (source: string, options: Partial<OperationCostOptions> = {}) =>
  operationCost(nestedSchema, parse(source), { limits, ...options });

describe("operationCost", () => {
  it.each([
    ["an object field and two scalars: 1 + (1 + 1) = 3", '{ account(id: "1") { id name } }', 3],
    ["a list of first: 3 with two scalars: 1 + 3 x 2 = 7", "{ accounts(first: 3) { id name } }", 7],
    ["no size argument takes defaultListSize: 1 + 10 x 1 = 11", "{ accounts { id } }", 11],
    ["first and last take the larger: 1 + 7 x 1 = 8", "{ accounts(first: 2, last: 7) { id } }", 8],
    ["a size above maxListSize is clamped: 1 + 100 x 1 = 101", "{ accounts(first: 1000) { id } }", 101],
    ["first: 0 empties the list: 1 + 0 x 1 = 1", "{ accounts(first: 0) { id } }", 1],
    ["a negative size falls back to the default rather than zero: 1 + 10 x 1 = 11", "{ accounts(first: -5) { id } }", 11],
    [
      "nested lists multiply, splits using the schema default limit 5: splits 1 + 5 x 1 = 6; transaction 1 + 6 = 7; transactions 1 + 4 x 7 = 29; accounts 1 + 3 x 29 = 88",
      "{ accounts(first: 3) { transactions(first: 4) { id splits { amount } } } }",
      88,
    ],
    ["a scalar list costs 1: 1 + 2 x 1 = 3", "{ accounts(first: 2) { tags } }", 3],
    [
      "a connection's first sizes its nodes and edges: 1 + (1 + 3 x 1) + (1 + 3 x (1 + 2)) + 1 = 16",
      "{ page(first: 3) { nodes { id } edges { cursor node { id } } total } }",
      16,
    ],
    ["a connection without first takes its schema default: 1 + (1 + 4 x 1) = 6", "{ page { nodes { id } } }", 6],
    [
      "a fragment inside a connection is sized by it: 1 + (1 + 30 x 1) = 32",
      "{ page(first: 30) { ...P } } fragment P on TransactionPage { nodes { id } }",
      32,
    ],
    ["__typename is free: 1 + 3 x 1 = 4", "{ __typename accounts(first: 3) { __typename id } }", 4],
    ["unknown fields are ignored: 1 + 3 x 1 = 4", "{ accounts(first: 3) { id bogus { x } } nope }", 4],
    [
      "a fragment spread twice counts twice: 1 + 2 x (2 + 2) = 9",
      "{ accounts(first: 2) { ...A ...A } } fragment A on Account { id name }",
      9,
    ],
    [
      "a list inside a fragment: T = 1 + 2 x 1 = 3; 1 + 3 x 3 = 10",
      "{ accounts(first: 3) { ...T } } fragment T on Account { transactions(first: 2) { id } }",
      10,
    ],
    [
      "inline fragments on a union add up: 1 + 2 x (2 + 1) = 7",
      "{ search(limit: 2) { __typename ... on Account { id name } ... on Transaction { id } } }",
      7,
    ],
    ["an inline fragment without type condition keeps the parent: 1 + 3 x 2 = 7", "{ accounts(first: 3) { ... { id name } } }", 7],
    ["mutations are costed on the mutation root: 1 + 1 = 2", 'mutation { rename(id: "1", name: "n") { id } }', 2],
    ["introspection costs 1 whatever it selects", "{ __schema { types { fields { name } } } }", 1],
  ])("%s", (_, source, expected) => {
    expect(cost(source)).toBe(expected);
  });

  describe("sizes from variables", () => {
    const query = "query Q($n: Int) { accounts(first: $n) { id } }";

    it("uses the variable: n = 4 gives 1 + 4 x 1 = 5", () => {
      expect(cost(query, { variables: { n: 4 } })).toBe(5);
    });

    it("clamps the variable to maxListSize: n = 1,000,000 gives 1 + 100 x 1 = 101", () => {
      expect(cost(query, { variables: { n: 1_000_000 } })).toBe(101);
    });

    it("falls back to the declared default when the variable is not sent: $n = 7 gives 1 + 7 x 1 = 8", () => {
      expect(cost("query Q($n: Int = 7) { accounts(first: $n) { id } }", { variables: {} })).toBe(8);
    });

    it("a sent variable beats its declared default: n = 2 gives 1 + 2 x 1 = 3", () => {
      expect(cost("query Q($n: Int = 7) { accounts(first: $n) { id } }", { variables: { n: 2 } })).toBe(3);
    });

    it.each([
      ["null", null],
      ["a string", "50"],
      ["a fraction", 2.5],
      ["negative", -1],
    ])("treats %s as absent: 1 + 10 x 1 = 11", (_, n) => {
      expect(cost(query, { variables: { n } })).toBe(11);
    });

    it("with no variables sent at all, declared defaults still apply: 1 + 7 x 1 = 8", () => {
      expect(cost("query Q($n: Int = 7) { accounts(first: $n) { id } }")).toBe(8);
    });

    it("at validation, where values are unknown, a variable size counts as an absent argument: 1 + 10 x 1 = 11", () => {
      const document = parse("query Q($n: Int = 7) { accounts(first: $n) { id } }");
      const errors = validate(nestedSchema, document, [costLimitRule({ ...limits, maxCost: 10 })]);
      expect(errors.map((e) => e.extensions)).toEqual([{ code: "COST_LIMIT_EXCEEDED", cost: 11, limit: 10 }]);
    });

    it("ignores inherited properties such as __proto__ or toString", () => {
      expect(cost("query Q($toString: Int) { accounts(first: $toString) { id } }", { variables: {} })).toBe(11);
    });

    it("applies variables inside fragments: n = 50 in T gives T = 1 + 50 x 1 = 51; 1 + 3 x 51 = 154", () => {
      const source = "query Q($n: Int) { accounts(first: 3) { ...T } } fragment T on Account { transactions(first: $n) { id } }";
      expect(cost(source, { variables: { n: 50 } })).toBe(154);
    });
  });

  it("picks the named operation, and returns 0 when there is none to pick", () => {
    const source = "query Small { account(id: 1) { id } } query Big { accounts(first: 9) { id } }";
    expect(cost(source, { operationName: "Small" })).toBe(2);
    expect(cost(source, { operationName: "Big" })).toBe(10);
    expect(cost(source)).toBe(0);
    expect(cost(source, { operationName: "Missing" })).toBe(0);
  });

  it("survives fragment cycles: Loop's spread of itself counts as nothing, node 1 + (child 1 + name 1) = 3", () => {
    expect(cost("{ node { ...Loop } } fragment Loop on Node { child { name ...Loop } }")).toBe(3);
    const twoStep = "{ node { ...A } } fragment A on Node { child { ...B } } fragment B on Node { name ...A }";
    expect(Number.isFinite(cost(twoStep))).toBe(true);
  });

  it("saturates at Number.MAX_SAFE_INTEGER when lists multiply past it", () => {
    // 12 levels of children(first: 100): 100^12 items.
    const source = `{ node { ${"children(first: 100) { ".repeat(12)}name${" }".repeat(12)} } }`;
    expect(cost(source)).toBe(Number.MAX_SAFE_INTEGER);
  });

  it("prices a realistic client query on the API schema with the default limits", () => {
    const source = `query ($month: String!) {
      transactions { nodes { id amount { amount currency } owner { monthlySpending(month: $month) { amount } } } }
    }`;
    // monthlySpending: 1 + 20 (defaultListSize) x 1 = 21; owner 1 + 21 = 22; amount 1 + 2 = 3;
    // transaction 1 + 3 + 22 = 26; nodes, sized by the connection's schema default first: 50,
    // 1 + 50 x 26 = 1301; transactions 1 + 1301 = 1302.
    expect(operationCost(apiSchema(), parse(source), { limits: DEFAULT_OPERATION_LIMITS })).toBe(1302);
  });
});

describe("checkOperationCost", () => {
  const source = "query Q($n: Int) { accounts(first: $n) { transactions(first: $n) { id } } }";
  const limitsWithMax = { ...limits, maxCost: 10_000 };
  const check = (variables: Record<string, unknown>) =>
    checkOperationCost(nestedSchema, parse(source), { variables, limits: limitsWithMax });

  it("passes n = 99: transactions 1 + 99 x 1 = 100; accounts 1 + 99 x 100 = 9901", () => {
    expect(check({ n: 99 })).toBeNull();
  });

  it("refuses n = 100,000 clamped to 100: 1 + 100 x (1 + 100 x 1) = 10101, with COST_LIMIT_EXCEEDED", () => {
    const error = check({ n: 100_000 });
    expect(error?.extensions).toEqual({ code: "COST_LIMIT_EXCEEDED", cost: 10_101, limit: 10_000 });
    expect(error?.message).toBe("Operation costs 10101; the limit is 10000.");
  });

  it("is needed on top of the rule: validation alone priced the same document at 1 + 10 x 11 = 111", () => {
    expect(validate(nestedSchema, parse(source), [costLimitRule(limitsWithMax)])).toEqual([]);
  });

  it("passes at exactly the limit and refuses one above", () => {
    const exact = { ...limits, maxCost: 9_901 };
    expect(checkOperationCost(nestedSchema, parse(source), { variables: { n: 99 }, limits: exact })).toBeNull();
    const below = { ...limits, maxCost: 9_900 };
    expect(checkOperationCost(nestedSchema, parse(source), { variables: { n: 99 }, limits: below })?.extensions).toEqual({
      code: "COST_LIMIT_EXCEEDED",
      cost: 9_901,
      limit: 9_900,
    });
  });
});

describe("costLimitRule", () => {
  const source = "{ accounts(first: 3) { transactions(first: 4) { id splits { amount } } } }"; // 88

  it("passes a cost of 88 at maxCost 88 and refuses it at maxCost 87 with { cost: 88, limit: 87 }", () => {
    expect(validate(nestedSchema, parse(source), [costLimitRule({ ...limits, maxCost: 88 })])).toEqual([]);
    const errors = validate(nestedSchema, parse(source), [costLimitRule({ ...limits, maxCost: 87 })]);
    expect(errors.map((e) => e.extensions)).toEqual([{ code: "COST_LIMIT_EXCEEDED", cost: 88, limit: 87 }]);
  });

  it("refuses each over-priced operation of a document, alongside graphql-js's own rules", () => {
    const document = parse(`
      query Cheap { account(id: 1) { id } }
      query Dear { accounts(first: 100) { transactions(first: 100) { id } } }`);
    const errors = validate(nestedSchema, document, [...specifiedRules, costLimitRule({ ...limits, maxCost: 1_000 })]);
    expect(errors.map((e) => e.extensions)).toEqual([{ code: "COST_LIMIT_EXCEEDED", cost: 10_101, limit: 1_000 }]);
  });
});
