import { ApolloGateway, LocalGraphQLDataSource } from "@apollo/gateway";
import { ApolloServer } from "@apollo/server";
import { buildSubgraphSchema } from "@apollo/subgraph";
import { type GraphQLSchema, parse } from "graphql";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

import { createErrorMasker } from "../../platform/errors/masking.js";
import { authorizeGateway, supergraphForGateway } from "./authorized-gateway.js";
import { ACCOUNTS_SDL, composeFixture, LEDGER_SDL } from "./authz.fixture.js";
import type { AuthzCaller } from "./requirements.js";

const users = [
  { id: "1", name: "Ada", email: "ada@example.com", profile: { bio: "maths", phone: "555-1" } },
  { id: "2", name: "Bob", email: "bob@example.com", profile: null },
];

const accounts = buildSubgraphSchema({
  typeDefs: parse(ACCOUNTS_SDL),
  resolvers: {
    Query: {
      publicInfo: () => "hello",
      me: () => users[0],
      user: (_: unknown, { id }: { id: string }) => users.find((user) => user.id === id),
      users: () => users,
      secret: () => ({ code: "s3cr3t" }),
      nodes: () => [
        { __typename: "Article", id: "a1", title: "News" },
        { __typename: "Memo", id: "m1", body: "private" },
      ],
    },
    User: { __resolveReference: (reference: { id: string }) => users.find((user) => user.id === reference.id) },
    Node: { __resolveType: (node: { __typename: string }) => node.__typename },
  } as never,
});
const ledger = buildSubgraphSchema({
  typeDefs: parse(LEDGER_SDL),
  resolvers: {
    Query: { ledger: () => [{ id: "e1", amount: "12.50" }], entryCount: () => 1 },
    User: { __resolveReference: (reference: { id: string }) => ({ id: reference.id, balance: `${reference.id}00.00` }) },
  } as never,
});

/** Counts subgraph calls, to show denied fields are never fetched. */
const fetched: string[] = [];
class CountingSource extends LocalGraphQLDataSource {
  constructor(
    private readonly name: string,
    schema: GraphQLSchema,
  ) {
    super(schema);
  }
  override process(options: Parameters<LocalGraphQLDataSource["process"]>[0]) {
    fetched.push(`${this.name}: ${options.request.query?.replace(/\s+/g, " ")}`);
    return super.process(options);
  }
}

interface Context {
  caller: AuthzCaller;
}

let server: ApolloServer<Context>;

beforeAll(async () => {
  // @apollo/gateway reports usage data to Apollo from its constructor unless told not to.
  vi.stubEnv("APOLLO_TELEMETRY_DISABLED", "true");
  const gateway = new ApolloGateway({
    supergraphSdl: supergraphForGateway(composeFixture().supergraphSdl),
    buildService: ({ name }) => new CountingSource(name, name === "ledger" ? ledger : accounts),
  });
  server = new ApolloServer<Context>({
    gateway: authorizeGateway(gateway),
    // As in gateway.ts: the authz errors must survive masking.
    formatError: createErrorMasker({ traceId: () => "trace" }),
  });
  await server.start();
});

afterAll(async () => {
  await server?.stop();
  vi.unstubAllEnvs();
});

async function run(query: string, caller: AuthzCaller) {
  fetched.length = 0;
  const response = await server.executeOperation({ query }, { contextValue: { caller } });
  if (response.body.kind !== "single") throw new Error("expected a single result");
  return response.body.singleResult;
}

const unauthorized = (path: (string | number)[]) => ({
  message: "sign in required",
  path,
  extensions: { code: "UNAUTHENTICATED" },
});
const forbidden = (path: (string | number)[]) => ({
  message: "this credential lacks a scope the field requires",
  path,
  extensions: { code: "FORBIDDEN" },
});

describe("authorizeGateway (through @apollo/gateway and Apollo Server)", () => {
  const everything = `{
    publicInfo
    me { name }
    user(id: "1") { name profile { bio phone } }
    users { id profile { phone } }
    nodes { id ... on Memo { body } }
    secret { code }
  }`;

  it('answers fields denied to an anonymous caller with null and UNAUTHENTICATED "sign in required", the rest intact', async () => {
    const result = await run(everything, { scopes: [] });
    expect(result.data).toEqual({
      publicInfo: "hello",
      me: null,
      user: { name: "Ada", profile: { bio: "maths", phone: null } },
      users: [
        { id: "1", profile: { phone: null } },
        { id: "2", profile: null },
      ],
      nodes: [{ id: "a1" }, { id: "m1", body: null }],
      secret: null,
    });
    expect(result.errors).toEqual([
      unauthorized(["me"]),
      unauthorized(["user", "profile", "phone"]),
      unauthorized(["users", 0, "profile", "phone"]),
      unauthorized(["nodes", 1, "body"]),
      unauthorized(["secret"]),
    ]);
    expect(JSON.stringify(result.data)).not.toContain("_authz");
    expect(fetched.join("\n")).not.toMatch(/phone|body|secret|me ?\{/);
  });

  it("enforces @requiresScopes for API keys and never fetches the denied field", async () => {
    const query = `{ publicInfo user(id: "1") { name balance } }`;
    const denied = await run(query, { userId: "u1", scopes: ["budgets:read"] });
    // balance is String!: its parent goes null, as execution would do.
    expect(denied.data).toEqual({ publicInfo: "hello", user: null });
    // Signed in, but the key lacks the scope: FORBIDDEN, not "sign in".
    expect(denied.errors).toEqual([forbidden(["user", "balance"])]);
    expect(fetched.some((call) => call.startsWith("ledger:"))).toBe(false);

    const allowed = await run(query, { userId: "u1", scopes: ["ledger:read"] });
    expect(allowed).toEqual({ data: { publicInfo: "hello", user: { name: "Ada", balance: "100.00" } } });
  });

  it("keeps query plans apart per caller: a session's full plan is never reused for an anonymous caller", async () => {
    const full = await run(everything, { userId: "u1", scopes: ["*"] });
    expect(full.errors).toBeUndefined();
    expect(full.data).toMatchObject({
      me: { name: "Ada" },
      secret: { code: "s3cr3t" },
      nodes: [{ id: "a1" }, { id: "m1", body: "private" }],
    });

    const anonymous = await run(everything, { scopes: [] });
    expect(anonymous.data).toMatchObject({ me: null, secret: null });
    expect(anonymous.errors).toHaveLength(5);

    expect((await run(everything, { userId: "u1", scopes: ["*"] })).errors).toBeUndefined();
  });

  it("answers an operation whose every field is denied with nulls only", async () => {
    const result = await run(`{ me { name } secret { code } }`, { scopes: [] });
    expect(result).toEqual({ data: { me: null, secret: null }, errors: [unauthorized(["me"]), unauthorized(["secret"])] });
  });
});

describe("supergraphForGateway", () => {
  const { supergraphSdl } = composeFixture();

  it("is needed: @apollo/gateway refuses security features it does not enforce", async () => {
    const gateway = new ApolloGateway({ supergraphSdl, buildService: () => new LocalGraphQLDataSource(accounts) });
    await expect(gateway.load()).rejects.toThrow(/authenticated\/v0\.1 is for: SECURITY but is unsupported/);
    await gateway.stop();
  });

  it("drops only the purpose of the two links this module enforces", () => {
    const forGateway = supergraphForGateway(supergraphSdl);
    expect(forGateway).toContain('@link(url: "https://specs.apollo.dev/authenticated/v0.1")');
    expect(forGateway).toContain('@link(url: "https://specs.apollo.dev/requiresScopes/v0.1")');
    expect(forGateway).toContain('@link(url: "https://specs.apollo.dev/join/v0.5", for: EXECUTION)');
    expect(forGateway).toMatch(/email: String! @join__field\(graph: ACCOUNTS\) @authenticated/);
    const withPolicy = forGateway.replace(
      "{\n  query: Query",
      '@link(url: "https://specs.apollo.dev/policy/v0.1", for: SECURITY) {\n  query: Query',
    );
    expect(supergraphForGateway(withPolicy)).toContain('@link(url: "https://specs.apollo.dev/policy/v0.1", for: SECURITY)');
    expect(supergraphForGateway(forGateway)).toBe(forGateway);
  });
});
