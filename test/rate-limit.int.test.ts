import { readFileSync } from "node:fs";

import { buildSchema, parse } from "graphql";
import { createClient } from "graphql-ws";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";

import { DEFAULT_OPERATION_LIMITS, operationCost } from "../gateway/limits/index.js";
import type { RateLimits } from "../gateway/rate-limit/index.js";
import { realServices, realServicesConfig, uniqueSuffix } from "../platform/testing/services.js";
import { type RegisteredUser, startTestSupergraph, type TestSupergraph } from "./harness/supergraph.js";

const CREATE_KEY = `mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret } }`;
const LIST = `query($n: Int!) { transactions(first: $n) { nodes { id } } }`;
const POST = `mutation($input: PostTransactionInput!) { postTransaction(input: $input) { id date payee amount { amount currency } owner { id displayName } } }`;
const LIVE = `subscription { transactionPosted { id payee date amount { amount currency } owner { id displayName } } }`;

// Small budgets for this file only; the gateway charges what operationCost says.
const limits: RateLimits = { user: 60, apiKey: 40, ip: 100, failedApiKeysPerIp: 3, windowMs: 60_000 };
const schema = buildSchema(readFileSync(new URL("../schema/api.graphql", import.meta.url), "utf8"));
const cost = (query: string, variables: Record<string, unknown> = {}) =>
  operationCost(schema, parse(query), { variables, limits: DEFAULT_OPERATION_LIMITS });
// transactions 1 + nodes (1 + 9 x 1) = 11, so 5 fit in a user's 60 with 5 units to spare (a
// createApiKey costs 2 of them) and 3 in a key's 40.
const LIST_VARS = { n: 9 };
const LIST_COST = cost(LIST, LIST_VARS);
/** How many LIST requests fit in a budget. */
const fits = (budget: number) => Math.floor(budget / LIST_COST);

interface Raw {
  status: number;
  retryAfter: string | null;
  body: any;
}

describe("rate limits through the gateway (real PostgreSQL, Redis, Kafka)", () => {
  // Its own cache namespace: budgets in this file start empty whatever else ran this minute.
  const cachePrefix = `t${realServices().runId}.ratelimit.${uniqueSuffix()}`;
  let sg: TestSupergraph;
  let alice: RegisteredUser;
  let bob: RegisteredUser;

  beforeAll(async () => {
    // X-Forwarded-For believed, so one test machine can speak as several client IPs.
    sg = await startTestSupergraph(realServicesConfig({ cachePrefix }), { rateLimits: limits, trustProxy: true });
    alice = await sg.register("Alice");
    bob = await sg.register("Bob");
  });
  afterAll(async () => sg?.close());

  async function send(
    query: string,
    variables: Record<string, unknown>,
    headers: Record<string, string>,
    url = sg.gateway.url,
  ): Promise<Raw> {
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: JSON.stringify({ query, variables }),
    });
    return { status: response.status, retryAfter: response.headers.get("retry-after"), body: await response.json() };
  }

  /** Sends LIST until refused; returns how many got through and the refusal. */
  async function exhaust(headers: Record<string, string>, url?: string): Promise<{ served: number; refused: Raw }> {
    for (let served = 0; served < 100; served++) {
      const r = await send(LIST, LIST_VARS, headers, url);
      if (r.status === 429) return { served, refused: r };
      expect(r.body.errors, JSON.stringify(r.body)).toBeUndefined();
    }
    throw new Error("never rate limited");
  }

  function expectRateLimited(r: Raw, limit: number) {
    expect(r.status).toBe(429);
    expect(r.body.data).toBeUndefined();
    const extensions = r.body.errors[0].extensions;
    expect(extensions).toMatchObject({ code: "RATE_LIMITED", limit });
    expect(extensions.retryAfterSeconds).toBeGreaterThanOrEqual(1);
    expect(extensions.retryAfterSeconds).toBeLessThanOrEqual(limits.windowMs / 1000);
    expect(r.retryAfter).toBe(String(extensions.retryAfterSeconds));
  }

  async function apiKeyOf(user: RegisteredUser): Promise<Record<string, string>> {
    const r = await send(CREATE_KEY, { input: { name: `rl-${uniqueSuffix()}`, scopes: ["ledger:read", "ledger:write"] } }, user.headers);
    expect(r.body.errors).toBeUndefined();
    return { "x-api-key": r.body.data.createApiKey.secret };
  }

  it("answers a user over their budget with 429 RATE_LIMITED and Retry-After, runs nothing, and leaves other users alone", async () => {
    const aliceKey = await apiKeyOf(alice);
    // Opened with the key (ledger:write), so Alice's own budget pays only for the key.
    const accountId = await sg.createAccount({ headers: aliceKey }, "EUR");
    const { served, refused } = await exhaust(alice.headers);
    expect(served).toBe(fits(limits.user));
    expectRateLimited(refused, limits.user);
    expect(refused.body.errors[0].extensions.cost).toBe(LIST_COST);

    // A mutation that does not fit in what is left is refused before it runs.
    const input = { accountId, amount: { amount: "-5.00", currency: "EUR" }, payee: "Over budget", date: "2026-11-21" };
    expect(cost(POST, { input })).toBeGreaterThan(limits.user - served * LIST_COST);
    expectRateLimited(await send(POST, { input }, alice.headers), limits.user);
    // Checked through Alice's API key, which has a budget of its own.
    const listed = await send(LIST, { n: 20 }, aliceKey);
    expect(listed.body.data.transactions.nodes).toEqual([]);

    // Bob spends from his own budget.
    expect((await send(LIST, LIST_VARS, bob.headers)).body.errors).toBeUndefined();
  });

  it("gives each API key its own budget, apart from its owner's sessions", async () => {
    const bobKey = await apiKeyOf(bob);
    const { served, refused } = await exhaust(bobKey);
    expect(served).toBe(fits(limits.apiKey));
    expectRateLimited(refused, limits.apiKey);
    expect((await send(LIST, LIST_VARS, bob.headers)).body.errors).toBeUndefined();
  });

  it("shares one budget between gateway instances on the same Redis", async () => {
    const carol = await sg.register("Carol");
    const second = await sg.startGateway();
    for (let i = 0; i < fits(limits.user); i++) expect((await send(LIST, LIST_VARS, carol.headers)).status).toBe(200);
    expectRateLimited(await send(LIST, LIST_VARS, carol.headers, second.url), limits.user);
  });

  it("limits anonymous callers per IP", async () => {
    const here = { "x-forwarded-for": "203.0.113.7" };
    let served = 0;
    for (; served <= limits.ip; served++) {
      const r = await send(`{ __typename }`, {}, here);
      if (r.status === 429) {
        expectRateLimited(r, limits.ip);
        break;
      }
      expect(r.body.data).toEqual({ __typename: "Query" });
    }
    // Each request costs at least one unit.
    expect(served).toBe(limits.ip);
    expect((await send(`{ __typename }`, {}, { "x-forwarded-for": "203.0.113.8" })).status).toBe(200);
  });

  it("counts a request that never runs (invalid, refused, an APQ miss) as one unit", async () => {
    const here = { "x-forwarded-for": "203.0.113.9" };
    for (let i = 0; i < limits.ip / 2; i++) expect((await send(`{ nope }`, {}, here)).status).toBe(400);
    for (let i = 0; i < limits.ip / 2; i++) {
      const response = await fetch(sg.gateway.url, {
        method: "POST",
        headers: { "content-type": "application/json", ...here },
        body: JSON.stringify({ extensions: { persistedQuery: { version: 1, sha256Hash: "f".repeat(64) } } }),
      });
      expect(((await response.json()) as any).errors[0].extensions.code).toBe("PERSISTED_QUERY_NOT_FOUND");
    }
    // Those are charged after their answers went out; give the last one a moment to land.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expectRateLimited(await send(`{ __typename }`, {}, here), limits.ip);
  });

  it("throttles failed API keys per IP, refusing even a good key from there until the window ends", async () => {
    const aliceKey = await apiKeyOf(alice);
    const from = (ip: string) => ({ "x-forwarded-for": ip });
    for (let i = 0; i < limits.failedApiKeysPerIp; i++) {
      const r = await send(LIST, LIST_VARS, { ...from("198.51.100.7"), "x-api-key": `mk_deadbeef_${"x".repeat(32)}${i}` });
      expect(r.status).toBe(401);
      expect(r.body.errors[0].extensions.code).toBe("UNAUTHENTICATED");
    }
    const blocked = await send(LIST, LIST_VARS, { ...from("198.51.100.7"), ...aliceKey });
    expect(blocked.status).toBe(429);
    expect(blocked.body.errors[0].extensions.code).toBe("RATE_LIMITED");
    expect(Number(blocked.retryAfter)).toBeGreaterThanOrEqual(1);
    expect((await send(LIST, LIST_VARS, { ...from("198.51.100.8"), ...aliceKey })).status).toBe(200);
  });

  it("starts a fresh budget when the window ends (a gateway with a 1-second window)", async () => {
    const dave = await sg.register("Dave");
    const quick = await sg.startGateway({ rateLimits: { ...limits, windowMs: 1_000 } });
    const { served, refused } = await exhaust(dave.headers, quick.url);
    expect(served).toBe(fits(limits.user));
    expect(refused.retryAfter).toBe("1");
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    const again = await exhaust(dave.headers, quick.url);
    expect(again.served).toBe(fits(limits.user));
  });

  it("charges a graphql-ws subscription its cost when it starts", async () => {
    const erin = await sg.register("Erin");
    const { served } = await exhaust(erin.headers);
    expect(cost(LIVE)).toBeGreaterThan(limits.user - served * LIST_COST);
    const errors = await new Promise<unknown>((resolve) => {
      const client = createClient({
        url: sg.gateway.url.replace("http", "ws"),
        webSocketImpl: WebSocket,
        connectionParams: { authorization: erin.headers.authorization },
        retryAttempts: 0,
      });
      client.subscribe(
        { query: LIVE },
        {
          next: () => undefined,
          error: (error) => void Promise.resolve(client.dispose()).then(() => resolve(error)),
          complete: () => void Promise.resolve(client.dispose()).then(() => resolve("completed")),
        },
      );
    });
    expect(errors).toEqual([
      expect.objectContaining({ extensions: expect.objectContaining({ code: "RATE_LIMITED", limit: limits.user }) }),
    ]);
  });
});
