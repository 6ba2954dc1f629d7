import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { DEFAULT_OPERATION_LIMITS } from "../gateway/limits/index.js";
import { realServicesConfig } from "../platform/testing/services.js";
import { type RegisteredUser, startTestSupergraph, type TestSupergraph } from "./harness/supergraph.js";

interface Raw {
  status: number;
  body: any;
}

describe("gateway limits (each with its own code and figure; the gateway stays up)", () => {
  let sg: TestSupergraph;
  let user: RegisteredUser;

  beforeAll(async () => {
    sg = await startTestSupergraph(realServicesConfig(), { limits: { ...DEFAULT_OPERATION_LIMITS, maxDepth: 4 } });
    user = await sg.register("Lim");
  });
  afterAll(async () => sg?.close());

  async function raw(body: string, headers: Record<string, string> = {}, method = "POST", search = ""): Promise<Raw> {
    const response = await fetch(sg.gateway.url + search, {
      method,
      headers: { "content-type": "application/json", ...user.headers, ...headers },
      body: method === "GET" ? undefined : body,
    });
    const text = await response.text();
    let parsed: any = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      /* keep text */
    }
    return { status: response.status, body: parsed };
  }
  const ask = (query: string, variables: Record<string, unknown> = {}) => raw(JSON.stringify({ query, variables }));
  const firstError = (r: Raw) => r.body.errors?.[0];

  async function stillUp() {
    const r = await sg.query(`{ me { id } }`, {}, user.headers);
    expect(r.data.me.id).toBe(user.id);
  }

  it("refuses depth beyond the limit with the figure", async () => {
    // This file's gateway runs with maxDepth 4, so short everyday queries reach it: transactions →
    // nodes → owner → displayName is 4 levels, one more (preferences → baseCurrency) is 5.
    expect((await ask(`{ transactions { nodes { owner { displayName } } } }`)).body.errors).toBeUndefined();
    const r = await ask(`{ transactions { nodes { owner { preferences { baseCurrency } } } } }`);
    expect(r.status).toBe(400);
    expect(firstError(r).extensions).toMatchObject({ code: "DEPTH_LIMIT_EXCEEDED", limit: 4, actual: 5 });
    // Fragments do not hide depth.
    const viaFragment = await ask(
      `{ transactions { nodes { ...T } } } fragment T on Transaction { owner { preferences { baseCurrency } } }`,
    );
    expect(firstError(viaFragment).extensions.code).toBe("DEPTH_LIMIT_EXCEEDED");
  });

  it("refuses 1,000 aliases of login with the figure, quickly, and stays up", async () => {
    const aliases = Array.from(
      { length: 1000 },
      (_, i) => `a${i}: login(input: { email: "x${i}@example.com", password: "wrong-password-123" }) { __typename }`,
    ).join(" ");
    const started = Date.now();
    const r = await ask(`mutation { ${aliases} }`);
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(r.status).toBe(400);
    // A thousand aliases are also thousands of tokens: the parser stops first, before any login runs.
    expect(firstError(r).extensions).toMatchObject({ code: "TOKEN_LIMIT_EXCEEDED", limit: 5000 });
    const forty = Array.from({ length: 40 }, (_, i) => `a${i}: login(input: $i) { __typename }`).join(" ");
    const aliased = await raw(
      JSON.stringify({
        query: `mutation($i: LoginInput!) { ${forty} }`,
        variables: { i: { email: user.email, password: "wrong-password-123" } },
      }),
    );
    const alias = aliased.body.errors.find((e: any) => e.extensions.code === "ALIAS_LIMIT_EXCEEDED");
    expect(alias.extensions).toMatchObject({ limit: 30, actual: 40 });
    // Nothing was executed: the account has no failed logins and is not locked.
    const me = await sg.query(`{ me { security { lockedUntil } } securityEvents { type } }`, {}, user.headers);
    expect(me.data.me.security.lockedUntil).toBeNull();
    expect(me.data.securityEvents.map((e: { type: string }) => e.type)).not.toContain("LOGIN_FAILED");
    await stillUp();
  });

  it("refuses too many root fields", async () => {
    expect((await ask(`{ ${Array.from({ length: 20 }, (_, i) => `f${i}: me { id }`).join(" ")} }`)).body.errors).toBeUndefined();
    const r = await ask(`{ ${Array.from({ length: 21 }, (_, i) => `f${i}: me { id }`).join(" ")} }`);
    expect(firstError(r).extensions).toMatchObject({ code: "ROOT_FIELD_LIMIT_EXCEEDED", limit: 20, actual: 21 });
  });

  it("refuses documents over the token limit with TOKEN_LIMIT_EXCEEDED", async () => {
    const r = await ask(`{ ${"__typename ".repeat(6000)} }`);
    expect(firstError(r).extensions).toMatchObject({ code: "TOKEN_LIMIT_EXCEEDED", limit: 5000 });
    await stillUp();
  });

  it("refuses an operation whose estimated cost is over the ceiling, with the figure", async () => {
    // Each alias: transactions 1 + nodes (1 + 500 x (owner 1 + id 1)) = 1002; 11 of them 11022 > 10000.
    const r = await ask(
      `query($n: Int!) { a: transactions(first: $n) { nodes { owner { id } } } b: transactions(first: $n) { nodes { owner { id } } } c: transactions(first: $n) { nodes { owner { id } } } d: transactions(first: $n) { nodes { owner { id } } } e: transactions(first: $n) { nodes { owner { id } } } f: transactions(first: $n) { nodes { owner { id } } } g: transactions(first: $n) { nodes { owner { id } } } h: transactions(first: $n) { nodes { owner { id } } } i: transactions(first: $n) { nodes { owner { id } } } j: transactions(first: $n) { nodes { owner { id } } } k: transactions(first: $n) { nodes { owner { id } } } }`,
      { n: 500 },
    );
    expect(firstError(r).extensions.code).toBe("COST_LIMIT_EXCEEDED");
    expect(firstError(r).extensions.cost).toBeGreaterThan(firstError(r).extensions.limit);
    expect((await ask(`query($n: Int!) { transactions(first: $n) { nodes { id } } }`, { n: 10 })).body.errors).toBeUndefined();
  });

  it("keeps introspection off outside development, including the __schema-named fragment trick", async () => {
    for (const query of [
      `{ __schema { types { name } } }`,
      `query { ...__schema } fragment __schema on Query { __schema { queryType { name } } }`,
      `{ a: __schema { types { name } } }`,
      `{ me { ... on User { __type(name: "User") { name } } } }`,
    ]) {
      const r = await ask(query);
      expect(r.body.data ?? null, query).toBeNull();
      expect(JSON.stringify(r.body)).not.toContain('queryType":{');
      expect(r.body.errors.length).toBeGreaterThan(0);
    }
    expect((await ask(`{ __typename }`)).body.data).toEqual({ __typename: "Query" });
  });

  it("gives no 'did you mean' suggestions", async () => {
    const r = await ask(`{ transactionz { id } }`);
    expect(r.status).toBe(400);
    expect(JSON.stringify(r.body)).not.toMatch(/Did you mean/i);
  });

  it("refuses a 10 MB body without reading it all, and malformed JSON, and stays up", async () => {
    const big = await raw(JSON.stringify({ query: `{ me { id } }`, variables: { pad: "x".repeat(10 * 1024 * 1024) } }));
    expect(big.status).toBe(413);
    expect(big.body.errors[0].extensions).toMatchObject({ code: "PAYLOAD_TOO_LARGE" });
    const malformed = await raw(`{"query": "{ me { id } }"`);
    expect(malformed.status).toBe(400);
    expect(malformed.body.errors[0].extensions.code).toBe("BAD_REQUEST");
    const notObject = await raw(`[1, 2, 3]`);
    expect(notObject.status).toBe(400);
    await stillUp();
  });

  it("turns HTTP batching off and prevents CSRF", async () => {
    const batch = await raw(JSON.stringify([{ query: `{ me { id } }` }, { query: `{ me { id } }` }]));
    expect(batch.status).toBe(400);
    // A simple (no-preflight) GET is refused: it could be sent by any page the user visits.
    const simple = await fetch(`${sg.gateway.url}?query=${encodeURIComponent("{ me { id } }")}`, { headers: { ...user.headers } });
    expect(simple.status).toBe(400);
    const preflighted = await fetch(`${sg.gateway.url}?query=${encodeURIComponent("{ me { id } }")}`, {
      headers: { ...user.headers, "apollo-require-preflight": "true" },
    });
    expect(((await preflighted.json()) as any).data.me.id).toBe(user.id);
  });
});
