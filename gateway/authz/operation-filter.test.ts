import { buildSchema, type DocumentNode, parse, print, validate } from "graphql";
import { describe, expect, it } from "vitest";

import { composeFixture } from "./authz.fixture.js";
import { type FilterResult, PLACEHOLDER_KEY, UnauthorizedFieldError } from "./denials.js";
import { filterOperation } from "./operation-filter.js";
import { type AuthzCaller, extractRequirements } from "./requirements.js";

const { supergraphSdl, apiSchema } = composeFixture();
const requirements = extractRequirements(supergraphSdl);

const anonymous: AuthzCaller = { scopes: [] };
const session: AuthzCaller = { userId: "u1", scopes: ["*"] };
const ledgerKey: AuthzCaller = { userId: "u1", scopes: ["ledger:read"] };
const budgetsKey: AuthzCaller = { userId: "u1", scopes: ["budgets:read"] };

function filter(query: string | DocumentNode, caller: AuthzCaller, operationName?: string): FilterResult & { source: DocumentNode } {
  const source = typeof query === "string" ? parse(query) : query;
  const result = filterOperation(apiSchema, source, operationName, requirements, caller);
  // Whatever was removed, the operation left must be valid against the client-facing schema.
  expect(validate(apiSchema, result.document).map((error) => error.message)).toEqual([]);
  return { ...result, source };
}

const paths = (result: FilterResult) => result.denied.map((denial) => denial.path);

describe("filterOperation", () => {
  it("removes @authenticated fields for an anonymous caller and keeps the rest", () => {
    const result = filter(`{ publicInfo entryCount me { id } user(id: "1") { id name email } }`, anonymous);
    expect(paths(result)).toEqual([["me"], ["user", "email"]]);
    expect(result.denied.map((denial) => denial.coordinate)).toEqual(["Query.me", "User.email"]);
    const printed = print(result.document);
    expect(printed).toContain("publicInfo");
    expect(printed).toContain("entryCount");
    expect(printed).toContain("name");
    expect(printed).not.toContain("me {");
    expect(printed).not.toContain("email");
  });

  it("lets an API key with one of the required scope sets through, and not one without", () => {
    const query = `{ ledger { id amount } user(id: "1") { balance } }`;
    const allowed = filter(query, ledgerKey);
    expect(allowed.denied).toEqual([]);
    expect(allowed.document).toBe(allowed.source);
    expect(filter(query, { userId: "u1", scopes: ["admin"] }).denied).toEqual([]);

    const denied = filter(query, budgetsKey);
    expect(paths(denied)).toEqual([["ledger"], ["user", "balance"]]);
    expect(print(denied.document)).not.toMatch(/ledger|balance/);
  });

  it("lets a session caller ('*') see everything, without touching the document", () => {
    const query = parse(
      `{ me { email profile { phone } } secret { code } ledger { id } user(id: "1") { balance } nodes { ... on Memo { body } } }`,
    );
    const result = filter(query, session);
    expect(result.denied).toEqual([]);
    expect(result.document).toBe(query);
  });

  it("applies a type's directive to every field returning that type", () => {
    const result = filter(`{ secret { code } publicInfo }`, anonymous);
    expect(paths(result)).toEqual([["secret"]]);
    expect(result.denied[0]!.coordinate).toBe("Query.secret");
    expect(filter(`{ secret { code } }`, { userId: "u1", scopes: [] }).denied).toEqual([]);
  });

  it("reports response paths with aliases, once per place a fragment is used", () => {
    const result = filter(
      `query Two { a: user(id: "1") { ...Card } b: user(id: "2") { id ...Card } }
       fragment Card on User { name mail: email profile { ... on Profile { tel: phone bio } } }`,
      anonymous,
    );
    expect(paths(result)).toEqual([
      ["a", "mail"],
      ["a", "profile", "tel"],
      ["b", "mail"],
      ["b", "profile", "tel"],
    ]);
    const printed = print(result.document);
    expect(printed).toContain("fragment Card on User");
    expect(printed).not.toMatch(/email|phone/);
  });

  it("counts a field selected twice at one path once", () => {
    const result = filter(`{ user(id: "1") { email ... on User { email } } }`, anonymous);
    expect(paths(result)).toEqual([["user", "email"]]);
  });

  it("keeps emptied selection sets valid with a placeholder __typename", () => {
    const result = filter(`{ user(id: "1") { email } }`, anonymous);
    expect(print(result.document)).toBe(`{\n  user(id: "1") {\n    ${PLACEHOLDER_KEY}: __typename\n  }\n}`);

    const root = filter(`{ me { id } }`, anonymous);
    expect(print(root.document)).toBe(`{\n  ${PLACEHOLDER_KEY}: __typename\n}`);
  });

  it("drops fragments that become empty or unused, and variables only removed fields used", () => {
    const result = filter(
      `query Q($id: ID!, $withMe: Boolean!, $meId: Boolean = true) {
         user(id: $id) { ...OnlyEmail ... on User { email } }
         me @include(if: $withMe) { ...MeFields }
       }
       fragment OnlyEmail on User { email }
       fragment MeFields on User { id @include(if: $meId) }
       query Other { publicInfo }`,
      anonymous,
      "Q",
    );
    expect(paths(result)).toEqual([["user", "email"], ["me"]]);
    expect(print(result.document)).toBe(
      `query Q($id: ID!) {\n  user(id: $id) {\n    ${PLACEHOLDER_KEY}: __typename\n  }\n  ${PLACEHOLDER_KEY}: __typename\n}`,
    );
  });

  it("removes a denied field in a fragment on one implementation and records the runtime types it applies to", () => {
    const result = filter(`{ nodes { id ... on Memo { body } ... on Article { title } } }`, anonymous);
    expect(result.denied).toEqual([
      { path: ["nodes", "body"], nonNull: [[true, true], [false]], coordinate: "Memo.body", possibleTypes: ["Memo"] },
    ]);
    expect(print(result.document)).toContain(`${PLACEHOLDER_KEY}: __typename`);
  });

  it("describes nullability along the path for the patcher", () => {
    const result = filter(`{ users { profile { phone } } user(id: "1") { balance } }`, anonymous);
    expect(result.denied.map(({ path, nonNull }) => ({ path, nonNull }))).toEqual([
      { path: ["users", "profile", "phone"], nonNull: [[true, true], [false], [false]] },
      { path: ["user", "balance"], nonNull: [[false], [true]] },
    ]);
  });

  it("returns the same document when nothing is denied, and caches per caller pattern", () => {
    const query = parse(`{ publicInfo user(id: "1") { id name profile { bio } } nodes { id } }`);
    const result = filterOperation(apiSchema, query, undefined, requirements, anonymous);
    expect(result.document).toBe(query);
    expect(result.denied).toEqual([]);

    const protectedQuery = parse(`{ me { id } }`);
    const first = filterOperation(apiSchema, protectedQuery, undefined, requirements, anonymous);
    const again = filterOperation(apiSchema, protectedQuery, undefined, requirements, { scopes: ["budgets:read"] });
    expect(again).toBe(first);
  });

  it("does nothing without requirements in the schema", () => {
    const query = parse(`{ me { email } }`);
    const result = filterOperation(apiSchema, query, undefined, new Map(), anonymous);
    expect(result.document).toBe(query);
    expect(result.denied).toEqual([]);
  });

  it("refuses a subscription whose root field is denied (no valid operation would remain)", () => {
    const schema = buildSchema(
      `type Query { a: String } type Subscription { ticks: Int, news: News } type News { title: String, secret: String }`,
    );
    const subscriptionRequirements = new Map([
      ["Subscription.ticks", { authenticated: true, scopes: null }],
      ["News.secret", { authenticated: true, scopes: null }],
    ]);
    expect(() => filterOperation(schema, parse(`subscription { ticks }`), undefined, subscriptionRequirements, anonymous)).toThrow(
      UnauthorizedFieldError,
    );
    const nested = filterOperation(schema, parse(`subscription { news { secret } }`), undefined, subscriptionRequirements, anonymous);
    expect(nested.denied.map((denial) => denial.path)).toEqual([["news", "secret"]]);
    expect(validate(schema, nested.document)).toEqual([]);
  });
});
