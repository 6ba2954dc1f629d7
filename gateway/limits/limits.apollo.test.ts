// The wiring the gateway needs, checked against a real Apollo Server 5 in process: Apollo rewrites
// validation error codes and the error masker would hide unknown codes, so the order matters.
import { ApolloServer, type ApolloServerPlugin } from "@apollo/server";
import type { GraphQLFormattedError } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createErrorMasker } from "../../platform/errors/masking.js";
import { checkOperationCost, operationLimitRules, parseOptionsFor, refineLimitError } from "./index.js";
import { DEFAULT_OPERATION_LIMITS } from "./limits.config.js";
import { apiSchema } from "./limits.fixtures.js";

const limits = { ...DEFAULT_OPERATION_LIMITS, maxDepth: 3, maxTokens: 200, maxCost: 1_000 };

const costPlugin: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async didResolveOperation({ schema, document, request }) {
        const error = checkOperationCost(schema, document, {
          operationName: request.operationName,
          variables: request.variables,
          limits,
        });
        if (error) throw error;
      },
    };
  },
};

const mask = createErrorMasker({ traceId: () => "trace" });
const server = new ApolloServer({
  schema: apiSchema(),
  // Our rule refuses introspection with its own code; Apollo's own rule would add a second error.
  introspection: true,
  rootValue: { me: null, transactions: { nodes: [], edges: [], pageInfo: { hasNextPage: false, endCursor: null } } },
  validationRules: operationLimitRules(limits, { introspection: false }),
  parseOptions: parseOptionsFor(limits),
  formatError: (formatted, error) => refineLimitError(mask(formatted, error), error),
  plugins: [costPlugin],
});

beforeAll(() => server.start());
afterAll(() => server.stop());

async function run(query: string, variables?: Record<string, unknown>) {
  const response = await server.executeOperation({ query, variables });
  if (response.body.kind !== "single") throw new Error("expected a single result");
  return { status: response.http.status, errors: response.body.singleResult.errors as GraphQLFormattedError[] | undefined };
}

describe("limits in Apollo Server", () => {
  it("answers a too-deep operation with DEPTH_LIMIT_EXCEEDED and its figures, HTTP 400", async () => {
    const { status, errors } = await run("{ me { preferences { baseCurrency } security { __typename } } }");
    expect(errors).toBeUndefined();
    expect(status).not.toBe(400);
    // transactions → nodes → owner → preferences → baseCurrency: 5 levels.
    const refused = await run("{ me { id } transactions { nodes { owner { preferences { baseCurrency } } } } }");
    expect(refused.status).toBe(400);
    expect(refused.errors?.map((e) => e.extensions)).toEqual([{ code: "DEPTH_LIMIT_EXCEEDED", limit: 3, actual: 5 }]);
  });

  it("answers too many aliases with ALIAS_LIMIT_EXCEEDED", async () => {
    const query = `mutation { ${Array.from({ length: 31 }, (_, i) => `l${i}: logout`).join(" ")} }`;
    const { errors } = await run(query);
    expect(errors?.map((e) => e.extensions)).toEqual([
      { code: "ALIAS_LIMIT_EXCEEDED", limit: 30, actual: 31 },
      { code: "ROOT_FIELD_LIMIT_EXCEEDED", limit: 20, actual: 31 },
    ]);
  });

  it("answers too many tokens with TOKEN_LIMIT_EXCEEDED", async () => {
    const { status, errors } = await run(`{ me { ${"id ".repeat(250)}} }`);
    expect(status).toBe(400);
    expect(errors?.map((e) => e.extensions)).toEqual([{ code: "TOKEN_LIMIT_EXCEEDED", limit: 200 }]);
  });

  it("answers the __schema fragment trick with INTROSPECTION_DISABLED only", async () => {
    const { errors } = await run("query { ...__schema } fragment __schema on Query { __schema { types { name } } }");
    expect(errors?.map((e) => e.extensions)).toEqual([{ code: "INTROSPECTION_DISABLED" }]);
  });

  it("checks cost per request with the variables sent, after the document was validated and cached", async () => {
    // Scalars only under nodes: with nodes the query is 3 deep, this file's maxDepth.
    const query = "query Page($n: Int!) { transactions(first: $n) { nodes { id date payee notes } } }";
    // transactions 1 + nodes (1 + 200 x 4) = 802
    expect(await run(query, { n: 200 })).toEqual({ status: undefined, errors: undefined });
    // 1 + (1 + 500 (clamped from 10,000) x 4) = 2002
    const { errors } = await run(query, { n: 10_000 });
    expect(errors?.map((e) => e.extensions)).toEqual([{ code: "COST_LIMIT_EXCEEDED", cost: 2_002, limit: 1_000 }]);
  });
});
