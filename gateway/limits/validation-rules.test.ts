import {
  getIntrospectionQuery,
  type GraphQLError,
  type GraphQLSchema,
  parse,
  specifiedRules,
  validate,
  type ValidationRule,
} from "graphql";
import { describe, expect, it } from "vitest";

import { operationCost } from "./cost.js";
import { DEFAULT_OPERATION_LIMITS as LIMITS } from "./limits.config.js";
import { apiSchema, cpuMillis, nestedQuery, nestedSchema } from "./limits.fixtures.js";
import { operationShapes } from "./operation-shape.js";
import { aliasLimitRule, depthLimitRule, noIntrospectionRule, operationLimitRules, rootFieldLimitRule } from "./validation-rules.js";

const api = apiSchema();

function check(schema: GraphQLSchema, source: string, rules: readonly ValidationRule[]): readonly GraphQLError[] {
  return validate(schema, parse(source), rules);
}

/** Only the limit errors, as `{ code, ...figures }`. */
function refusals(schema: GraphQLSchema, source: string, rules: readonly ValidationRule[]) {
  return check(schema, source, rules)
    .map((error) => error.extensions)
    .filter((extensions) => typeof extensions.code === "string");
}

const allRules = operationLimitRules(LIMITS, { introspection: false });
const login = (alias: string) => `${alias}: login(input: { email: "a@b.c", password: "x" }) { __typename }`;

describe("depthLimitRule", () => {
  const rule = [depthLimitRule(12)];

  it("passes at the limit (12 levels) and refuses 13 with DEPTH_LIMIT_EXCEEDED, limit 12, actual 13", () => {
    expect(check(nestedSchema, nestedQuery(12), rule)).toEqual([]);
    expect(refusals(nestedSchema, nestedQuery(13), rule)).toEqual([{ code: "DEPTH_LIMIT_EXCEEDED", limit: 12, actual: 13 }]);
  });

  it("counts field levels: { node { child { name } } } is 3, and the whole operation is valid GraphQL", () => {
    const source = "{ node { child { name } } }";
    expect(validate(nestedSchema, parse(source), specifiedRules)).toEqual([]);
    expect(operationShapes(parse(source)).values().next().value?.depth).toBe(3);
  });

  it("does not count __typename as a level", () => {
    const doc = parse("{ node { child { __typename } } __typename }");
    expect(operationShapes(doc).values().next().value?.depth).toBe(2);
    expect(check(nestedSchema, "{ node { child { __typename } } }", [depthLimitRule(2)])).toEqual([]);
  });

  it("counts through inline fragments and fragments without adding levels for them", () => {
    const source = `
      { node { ... on Node { ...A } } }
      fragment A on Node { child { ...B } }
      fragment B on Node { child { ... { name } } }`;
    // node, child, child, name
    expect(operationShapes(parse(source)).values().next().value?.depth).toBe(4);
    expect(check(nestedSchema, source, [depthLimitRule(4)])).toEqual([]);
    expect(refusals(nestedSchema, source, [depthLimitRule(3)])).toEqual([{ code: "DEPTH_LIMIT_EXCEEDED", limit: 3, actual: 4 }]);
  });

  it("takes the deepest branch, whichever fragment it is in", () => {
    const source = `
      { node { name ...Deep child { name } } }
      fragment Deep on Node { children { child { child { name } } } }`;
    expect(operationShapes(parse(source)).values().next().value?.depth).toBe(5);
  });

  it("refuses 200 levels quickly with the actual depth", () => {
    let errors: ReturnType<typeof refusals> = [];
    const millis = cpuMillis(() => (errors = refusals(nestedSchema, nestedQuery(200), [...specifiedRules, ...allRules])));
    expect(errors).toContainEqual({ code: "DEPTH_LIMIT_EXCEEDED", limit: 12, actual: 200 });
    expect(millis).toBeLessThan(500);
  });

  it("measures 1,500 levels (more than 5,000 tokens allow) without exhausting the stack", () => {
    const document = parse(nestedQuery(1_500));
    expect(operationShapes(document).values().next().value?.depth).toBe(1_500);
    expect(operationCost(nestedSchema, document, { limits: LIMITS })).toBe(1_500);
  });

  it("refuses 200 levels built from a chain of 199 fragments", () => {
    const fragments = Array.from({ length: 199 }, (_, i) =>
      i === 198 ? `fragment F${i} on Node { name }` : `fragment F${i} on Node { child { ...F${i + 1} } }`,
    ).join("\n");
    const source = `{ node { ...F0 } }\n${fragments}`;
    // node + 198 child levels + name
    expect(refusals(nestedSchema, source, allRules)).toContainEqual({
      code: "DEPTH_LIMIT_EXCEEDED",
      limit: 12,
      actual: 200,
    });
  });

  it("handles a chain of 10,000 fragments without recursing through it", () => {
    const fragments = Array.from({ length: 10_000 }, (_, i) =>
      i === 9_999 ? `fragment F${i} on Node { name }` : `fragment F${i} on Node { child { ...F${i + 1} } }`,
    ).join("\n");
    const document = parse(`{ node { ...F0 } }\n${fragments}`);
    expect(operationShapes(document).values().next().value?.depth).toBe(10_001);
    expect(operationCost(nestedSchema, document, { limits: LIMITS })).toBe(10_001);
  });

  it("does not count beneath __schema, so development tools can introspect (their query is 15 levels)", () => {
    const errors = validate(api, parse(getIntrospectionQuery()), [
      ...specifiedRules,
      ...operationLimitRules(LIMITS, { introspection: true }),
    ]);
    expect(errors).toEqual([]);
  });

  it("checks every operation of a document on its own", () => {
    const source = `query Shallow { node { name } } query Deep ${nestedQuery(14)}`;
    expect(refusals(nestedSchema, source, rule)).toEqual([{ code: "DEPTH_LIMIT_EXCEEDED", limit: 12, actual: 14 }]);
  });
});

describe("aliasLimitRule", () => {
  const aliases = (n: number) => `{ me { ${Array.from({ length: n }, (_, i) => `a${i}: id`).join(" ")} } }`;

  it("passes 30 aliases (the default limit) and refuses 31 with ALIAS_LIMIT_EXCEEDED, limit 30, actual 31", () => {
    expect(check(api, aliases(30), allRules)).toEqual([]);
    expect(refusals(api, aliases(31), allRules)).toEqual([{ code: "ALIAS_LIMIT_EXCEEDED", limit: 30, actual: 31 }]);
  });

  it("counts a fragment's aliases once per spread: 5 aliases x 6 spreads = 30 passes, x 7 = 35 fails", () => {
    const fragment = "fragment Five on User { a: id b: id c: email d: email e: locale }";
    const spreads = (n: number) => `{ me { ${"...Five ".repeat(n)}} }\n${fragment}`;
    expect(check(api, spreads(6), allRules)).toEqual([]);
    expect(refusals(api, spreads(7), allRules)).toEqual([{ code: "ALIAS_LIMIT_EXCEEDED", limit: 30, actual: 35 }]);
  });

  it("multiplies through nested fragments: 2 aliases x 4 spreads in Inner x 4 spreads of Outer = 32", () => {
    const source = `
      { me { ...Outer ...Outer ...Outer ...Outer } }
      fragment Outer on User { ...Inner ...Inner ...Inner ...Inner }
      fragment Inner on User { x: id y: email }`;
    expect(refusals(api, source, [...specifiedRules, ...allRules])).toEqual([{ code: "ALIAS_LIMIT_EXCEEDED", limit: 30, actual: 32 }]);
  });

  it("counts aliases in inline fragments and aliases of __typename", () => {
    const source = `{ me { ... on User { a: id } b: __typename } }`;
    expect(refusals(api, source, [aliasLimitRule(1)])).toEqual([{ code: "ALIAS_LIMIT_EXCEEDED", limit: 1, actual: 2 }]);
  });

  it("refuses 1,000 aliases of the login mutation within milliseconds, alongside graphql-js's own rules", () => {
    const source = `mutation { ${Array.from({ length: 1_000 }, (_, i) => login(`l${i}`)).join(" ")} }`;
    const errors = validate(api, parse(source), [...specifiedRules, ...allRules]);
    expect(errors.map((e) => e.extensions)).toEqual([
      { code: "ALIAS_LIMIT_EXCEEDED", limit: 30, actual: 1_000 },
      { code: "ROOT_FIELD_LIMIT_EXCEEDED", limit: 20, actual: 1_000 },
    ]);
    // The limits' own share of the work, apart from graphql-js's walk (which every rule shares):
    // about a millisecond, bounded generously for a cold JIT on a loaded machine.
    const document = parse(source);
    expect(cpuMillis(() => [operationShapes(document), operationCost(api, document, { limits: LIMITS })])).toBeLessThan(50);
  });

  it("saturates instead of overflowing when fragments multiply exponentially", () => {
    // 60 fragments each spreading the previous one twice: 2^60 aliases.
    const fragments = Array.from({ length: 60 }, (_, i) =>
      i === 0 ? "fragment F0 on User { a: id }" : `fragment F${i} on User { ...F${i - 1} ...F${i - 1} }`,
    ).join("\n");
    const [error] = refusals(api, `{ me { ...F59 } }\n${fragments}`, [aliasLimitRule(30)]);
    expect(error).toEqual({ code: "ALIAS_LIMIT_EXCEEDED", limit: 30, actual: Number.MAX_SAFE_INTEGER });
  });
});

describe("rootFieldLimitRule", () => {
  const rootFields = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `f${i}: me { id }`).join(" ")} }`;
  const rule = [rootFieldLimitRule(20)];

  it("passes 20 root fields and refuses 21 with ROOT_FIELD_LIMIT_EXCEEDED, limit 20, actual 21", () => {
    expect(check(api, rootFields(20), rule)).toEqual([]);
    expect(refusals(api, rootFields(21), rule)).toEqual([{ code: "ROOT_FIELD_LIMIT_EXCEEDED", limit: 20, actual: 21 }]);
  });

  it("counts top-level fields through fragments (once per spread) and inline fragments, not __typename", () => {
    const source = `
      { __typename ...Root ...Root ... on Query { apiKeys { id } } }
      fragment Root on Query { me { id } sessions { id } ... { exportMyData { filename } } }`;
    // (me + sessions + exportMyData) x 2 + apiKeys
    expect(refusals(api, source, [rootFieldLimitRule(6)])).toEqual([{ code: "ROOT_FIELD_LIMIT_EXCEEDED", limit: 6, actual: 7 }]);
    expect(check(api, source, [rootFieldLimitRule(7)])).toEqual([]);
  });

  it("does not count nested fields", () => {
    expect(check(api, "{ me { id email displayName timezone locale } }", [rootFieldLimitRule(1)])).toEqual([]);
  });
});

describe("fragment cycles", () => {
  const cycles = [
    ["self", "{ me { ...A } } fragment A on User { id ...A }"],
    ["two-step", "{ me { ...A } } fragment A on User { a: id ...B } fragment B on User { b: email ...A }"],
    [
      "through nested fields",
      "{ me { ...A } } fragment A on User { preferences { baseCurrency } security { ...B } } fragment B on AccountSecurity { mfaEnabled ...C } fragment C on AccountSecurity { ...B }",
    ],
    ["unknown fragment", "{ me { ...Missing } }"],
  ] as const;

  it.each(cycles)("%s: reported by graphql-js, neither hangs nor throws in the limit rules", (_, source) => {
    const errors = validate(api, parse(source), [...specifiedRules, ...allRules]);
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.every((e) => e.extensions.code === undefined)).toBe(true);
  });

  it("measures a cycle by leaving out the spread that closes it", () => {
    const shape = operationShapes(parse("{ me { ...A } } fragment A on User { a: id ...B } fragment B on User { b: email ...A }"));
    expect([...shape.values()]).toEqual([{ depth: 2, aliases: 2, rootFields: 1 }]);
  });
});

describe("noIntrospectionRule", () => {
  const refused = [
    ["plain __schema", "{ __schema { types { name } } }"],
    ["__type", '{ __type(name: "User") { fields { name } } }'],
    ["the fragment named __schema", "query { ...__schema } fragment __schema on Query { __schema { types { name } } }"],
    ["aliased", "{ a: __schema { queryType { name } } }"],
    ["aliased as __typename", "{ __typename: __schema { queryType { name } } }"],
    ["inside an inline fragment", "{ ... on Query { __schema { queryType { name } } } }"],
    [
      "inside a fragment inside a fragment",
      '{ ...A } fragment A on Query { me { id } ...B } fragment B on Query { ... { x: __type(name: "Query") { name } } }',
    ],
  ] as const;

  it.each(refused)("refuses %s with INTROSPECTION_DISABLED", (_, source) => {
    expect(refusals(api, source, [noIntrospectionRule])).toEqual([{ code: "INTROSPECTION_DISABLED" }]);
  });

  it("refuses the standard introspection query once, not per field", () => {
    expect(refusals(api, getIntrospectionQuery(), allRules)).toEqual([{ code: "INTROSPECTION_DISABLED" }]);
  });

  it("allows __typename everywhere, also under an alias named __schema", () => {
    const source = "{ __typename __schema: __typename me { __typename } login: __typename }";
    expect(validate(api, parse(source), [...specifiedRules, ...allRules])).toEqual([]);
  });

  it("is left out when introspection is on", () => {
    const rules = operationLimitRules(LIMITS, { introspection: true });
    expect(check(api, "{ __schema { queryType { name } } }", rules)).toEqual([]);
  });
});

describe("performance", () => {
  // A dashboard-sized operation: 31 fields (14 + 11 + 6) over lists and a connection, with fragments and an alias.
  const typical = `
    query Dashboard($month: String!) {
      me { ...UserCard spending: monthlySpending(month: $month) { ...Amount } preferences { baseCurrency firstDayOfWeek monthStartDay salaryDay } }
      transactions(first: 20) { nodes { id payee date amount { ...Amount } owner { id displayName } } }
      sessions { id device createdAt lastSeenAt current }
    }
    fragment UserCard on User { id email displayName timezone locale }
    fragment Amount on Money { amount currency }`;

  it("the typical operation is valid and within every limit", () => {
    expect(validate(api, parse(typical), [...specifiedRules, ...allRules])).toEqual([]);
  });

  it("validates a typical 31-field operation with all limit rules in well under 0.5 ms on average", () => {
    // CPU time, and the best of three rounds of 1,000 so that a GC pause does not count either;
    // quadratic work would slow every round.
    const rounds = [0, 1, 2, 3].map(() => {
      // Fresh ASTs: the per-document memo must not turn the loop into cache hits.
      const documents = Array.from({ length: 1_000 }, () => parse(typical));
      return cpuMillis(() => documents.forEach((document) => validate(api, document, allRules))) / documents.length;
    });
    // The first round warms the JIT up.
    expect(Math.min(...rounds.slice(1))).toBeLessThan(0.5);
  });
});
