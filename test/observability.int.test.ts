import type { AddressInfo } from "node:net";
import { createServer } from "node:net";

import { type Client, createClient } from "graphql-ws";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";

import { type RunningGateway, startGateway } from "../gateway/gateway.js";
import { eventually } from "../platform/testing/eventually.js";
import { realServicesConfig } from "../platform/testing/services.js";
import { postGraphQL, type RegisteredUser, startTestSupergraph, type TestSupergraph } from "./harness/supergraph.js";

const POST = `mutation ObsSpend($input: PostTransactionInput!) { postTransaction(input: $input) { id } }`;
const LIST = `query ObsRecent { transactions(first: 5) { nodes { id amount { amount currency } owner { displayName } } } }`;

/** Prometheus text exposition → value of one series (labels in any order), or undefined. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  for (const line of text.split("\n")) {
    if (line.startsWith("#")) continue;
    const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const found = Object.fromEntries([...(match[2] ?? "").matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((m) => [m[1], m[2]]));
    if (Object.entries(labels).every(([k, v]) => found[k] === v)) return Number(match[3]);
  }
  return undefined;
}

async function scrape(gateway: RunningGateway): Promise<string> {
  const response = await fetch(gateway.url.replace(/\/graphql$/, "/metrics"));
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toContain("text/plain");
  return response.text();
}

/** A port nothing listens on: bound, then released. */
async function deadPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe("observability through the running gateway (real PostgreSQL, Redis, Kafka)", () => {
  let sg: TestSupergraph;
  let alice: RegisteredUser;
  let accountId: string;
  const clients: Client[] = [];

  beforeAll(async () => {
    sg = await startTestSupergraph(realServicesConfig());
    alice = await sg.register("Alice");
    accountId = await sg.createAccount(alice, "EUR");
  });
  afterAll(async () => {
    for (const c of clients) await c.dispose();
    await sg?.close();
  });

  it("counts requests and times them by operation name; unnamed operations are 'anonymous'", async () => {
    const posted = await sg.query(
      POST,
      { input: { accountId, amount: { amount: "-3.50", currency: "EUR" }, payee: "Tea", date: "2026-11-02" } },
      alice.headers,
    );
    expect(posted.errors).toBeUndefined();
    for (let i = 0; i < 3; i++) {
      const listed = await sg.query(LIST, {}, alice.headers);
      expect(listed.errors).toBeUndefined();
      expect(listed.data.transactions.nodes[0].owner.displayName).toBe("Alice");
    }
    await sg.query(`{ me { id } }`, {}, alice.headers);

    const text = await scrape(sg.gateway);
    expect(sample(text, "graphql_requests_total", { operation: "ObsRecent", type: "query", outcome: "success" })).toBe(3);
    expect(sample(text, "graphql_requests_total", { operation: "ObsSpend", type: "mutation", outcome: "success" })).toBe(1);
    expect(sample(text, "graphql_requests_total", { operation: "anonymous", type: "query", outcome: "success" })).toBeGreaterThanOrEqual(1);
    expect(sample(text, "graphql_request_duration_seconds_count", { operation: "ObsRecent" })).toBe(3);
    expect(sample(text, "graphql_request_duration_seconds_bucket", { operation: "ObsRecent", le: "+Inf" })).toBe(3);
    expect(sample(text, "graphql_request_duration_seconds_sum", { operation: "ObsRecent" })).toBeGreaterThan(0);
    // The list comes from ledger, each owner's display name from identity.
    expect(sample(text, "subgraph_fetch_duration_seconds_count", { subgraph: "ledger" })).toBeGreaterThanOrEqual(4);
    expect(sample(text, "subgraph_fetch_duration_seconds_count", { subgraph: "identity" })).toBeGreaterThanOrEqual(3);
    expect(sample(text, "subgraph_fetch_duration_seconds_sum", { subgraph: "identity" })).toBeGreaterThan(0);
    // Default process metrics ride along.
    expect(sample(text, "process_cpu_user_seconds_total")).toBeGreaterThan(0);
    expect(text).toContain("nodejs_eventloop_lag_seconds");
  });

  it("counts errors by the code the client saw", async () => {
    const before = await scrape(sg.gateway);
    const invalid = await sg.query(`query Broken { transactions(first: 1) { nodes { nope } } }`, {}, alice.headers);
    expect(invalid.errors?.[0]?.extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
    const unauthenticated = await sg.query(LIST, {}, { authorization: "Bearer a.b.c" });
    expect(unauthenticated.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    const notJson = await fetch(sg.gateway.url, { method: "POST", headers: { "content-type": "application/json" }, body: "{nope" });
    expect(notJson.status).toBe(400);

    const after = await scrape(sg.gateway);
    const delta = (code: string) =>
      (sample(after, "graphql_errors_total", { code }) ?? 0) - (sample(before, "graphql_errors_total", { code }) ?? 0);
    expect(delta("GRAPHQL_VALIDATION_FAILED")).toBe(1);
    expect(delta("UNAUTHENTICATED")).toBe(1);
    expect(delta("BAD_REQUEST")).toBe(1);
    expect(sample(after, "graphql_requests_total", { operation: "Broken", type: "unknown", outcome: "error" })).toBe(1);
  });

  it("gauges open sockets and live subscriptions, and the live consumer's lag", async () => {
    const base = await scrape(sg.gateway);
    expect(sample(base, "graphql_live_subscriptions")).toBe(0);
    const received: unknown[] = [];
    const client = createClient({
      url: sg.gateway.url.replace("http", "ws"),
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${alice.accessToken}` },
      retryAttempts: 0,
      lazy: false,
      onNonLazyError: () => undefined,
    });
    clients.push(client);
    client.subscribe(
      { query: `subscription { transactionPosted { payee } }` },
      { next: (r) => void received.push(r), error: () => undefined, complete: () => undefined },
    );
    await eventually(async () => {
      const text = await scrape(sg.gateway);
      expect(sample(text, "graphql_live_subscriptions")).toBe(1);
      expect(sample(text, "graphql_ws_open_sockets")).toBe(1);
    });

    await sg.query(
      POST,
      { input: { accountId, amount: { amount: "-1.00", currency: "EUR" }, payee: "Live", date: "2026-11-03" } },
      alice.headers,
    );
    await eventually(() => expect(received).toHaveLength(1));
    const text = await scrape(sg.gateway);
    expect(sample(text, "live_events_total")).toBeGreaterThanOrEqual(1);
    expect(sample(text, "live_deliveries_total")).toBeGreaterThanOrEqual(1);
    expect(sample(text, "live_resolutions_total")).toBeGreaterThanOrEqual(1);
    expect(sample(text, "live_event_lag_seconds")).toBeGreaterThan(0);

    await client.dispose();
    await eventually(async () => {
      const after = await scrape(sg.gateway);
      expect(sample(after, "graphql_live_subscriptions")).toBe(0);
      expect(sample(after, "graphql_ws_open_sockets")).toBe(0);
    });
  });

  it("returns the client's x-trace-id and carries it to the subgraph and into the event envelope", async () => {
    const traceId = `obs-${Date.now().toString(36)}-trace`;
    const response = await fetch(sg.gateway.url, {
      method: "POST",
      headers: { "content-type": "application/json", "x-trace-id": traceId, ...alice.headers },
      body: JSON.stringify({
        query: POST,
        variables: { input: { accountId, amount: { amount: "-7.00", currency: "EUR" }, payee: "Traced", date: "2026-11-04" } },
      }),
    });
    expect(response.headers.get("x-trace-id")).toBe(traceId);
    const body = (await response.json()) as { data: { postTransaction: { id: string } } };
    const id = body.data.postTransaction.id;

    // The ledger wrote the envelope in the mutation's transaction, with the trace id it received.
    const rows = await sg
      .subgraph("ledger")
      .kit.dataSource.query(`SELECT envelope FROM ledger.outbox WHERE envelope->'data'->>'transactionId' = $1`, [id]);
    expect(rows).toHaveLength(1);
    const envelope = typeof rows[0].envelope === "string" ? JSON.parse(rows[0].envelope) : rows[0].envelope;
    expect(envelope.traceId).toBe(traceId);

    // A made-up id is replaced by a fresh one, so logs cannot be stuffed through the header.
    const junk = await fetch(sg.gateway.url, {
      method: "POST",
      headers: { "content-type": "application/json", "x-trace-id": "no spaces allowed!" },
      body: JSON.stringify({ query: "{ __typename }" }),
    });
    expect(junk.headers.get("x-trace-id")).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("masks unexpected errors with the request's trace id and counts them", async () => {
    // A gateway whose budgets subgraph is gone: the fetch fails inside the query plan.
    const broken = await startGateway({
      host: "127.0.0.1",
      port: 0,
      logger: pino({ level: "silent" }),
      internalPrivateKey: sg.all.platform.internalKeys.privateKey!,
      subgraphUrls: { ...sg.all.urls, budgets: `http://127.0.0.1:${await deadPort()}/graphql` },
    });
    try {
      const traceId = `obs-masked-${Date.now().toString(36)}`;
      const result = await postGraphQL(
        broken.url,
        { query: `{ me { displayName monthlySpending(month: "2026-11") { amount } } }` },
        { ...alice.headers, "x-trace-id": traceId },
      );
      expect(result.errors).toHaveLength(1);
      expect(result.errors![0]).toMatchObject({ message: "Internal server error", extensions: { code: "INTERNAL_SERVER_ERROR", traceId } });
      expect(JSON.stringify(result.errors)).not.toContain("ECONNREFUSED");
      const text = await scrape(broken);
      expect(sample(text, "graphql_errors_total", { code: "INTERNAL_SERVER_ERROR" })).toBe(1);
      expect(
        sample(text, "graphql_requests_total", { operation: "anonymous", type: "query", outcome: "partial" }) ??
          sample(text, "graphql_requests_total", { operation: "anonymous", type: "query", outcome: "error" }),
      ).toBe(1);
    } finally {
      await broken.close();
    }
  });

  it("exposes each subgraph's event consumers on its own /metrics: events handled and lag", async () => {
    // Earlier tests posted transactions; budgets consumes ledger's events.
    await eventually(async () => {
      const response = await fetch(sg.all.urls.budgets!.replace(/\/graphql$/, "/metrics"));
      const text = await response.text();
      expect(sample(text, "events_consumed_total", { consumer: "ledger-lines", outcome: "ok" })).toBeGreaterThanOrEqual(3);
      expect(sample(text, "event_consumer_lag_seconds", { consumer: "ledger-lines" })).toBeGreaterThanOrEqual(0);
      expect(sample(text, "process_cpu_user_seconds_total")).toBeGreaterThan(0);
    });
  });

  it("answers /health at once and /ready when every subgraph answers", async () => {
    const health = await fetch(sg.gateway.url.replace("/graphql", "/health"));
    expect(health.status).toBe(200);
    const ready = await fetch(sg.gateway.url.replace("/graphql", "/ready"));
    expect(ready.status).toBe(200);
    expect(((await ready.json()) as { status: string }).status).toBe("ready");
  });
});
