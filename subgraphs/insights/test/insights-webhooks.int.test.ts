import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";

import type { EntityManager } from "typeorm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { PlatformConfig } from "../../../platform/config/index.js";
import type { EventEnvelope } from "../../../platform/events/index.js";
import { eventually } from "../../../platform/testing/eventually.js";
import { embeddedConfig, realServicesConfig } from "../../../platform/testing/services.js";
import { type RegisteredUser, startTestSupergraph, type TestSupergraph } from "../../../test/harness/supergraph.js";
import type { InsightsDeps } from "../insights.deps.js";
import { verifyMonetaSignature } from "../webhooks/verify-signature.example.js";
import { insightsClient } from "./insights-client.js";

const modes: Array<[string, () => PlatformConfig]> = [
  ["real PostgreSQL, Redis and Kafka", () => realServicesConfig()],
  ["embedded defaults", () => embeddedConfig()],
];

/** Fast retries and a low disabling threshold; loopback allowed for the local receiver only. */
const SETTINGS = {
  WEBHOOKS_ALLOW_LOOPBACK: "true",
  WEBHOOK_RETRY_BASE_MS: "50",
  WEBHOOK_POLL_MS: "50",
  WEBHOOK_DISABLE_AFTER_FAILURES: "3",
};

interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

const CREATE = `mutation($i: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $i) { secret endpoint { id url events enabled } } }`;
const DELIVERIES = `query($id: ID!) { webhookEndpoint(id: $id) { enabled disabledReason consecutiveFailures
  deliveries(first: 10) { nodes { id eventId event status attempts responseCode durationMs lastError nextAttemptAt
    attemptLog { attempt responseCode error responseBody } } pageInfo { hasNextPage endCursor } } } }`;
const TEST = `mutation($id: ID!) { testWebhookEndpoint(id: $id) { id event status attempts responseCode lastError } }`;

describe.each(modes)("webhooks on %s", (_mode, config) => {
  let sg: TestSupergraph;
  let api: ReturnType<typeof insightsClient>;
  let deps: InsightsDeps;
  let alice: RegisteredUser;
  let bob: RegisteredUser;
  let checking: string;
  let receiver: Server;
  let base: string;
  const received: Received[] = [];
  const hits = new Map<string, number>();
  const saved: Record<string, string | undefined> = {};

  const at = (path: string) => received.filter((r) => r.path === path);
  const create = async (user: RegisteredUser, path: string, events: string[], extra: Record<string, unknown> = {}) =>
    (await api.ok(user, CREATE, { i: { url: `${base}${path}`, events, ...extra } })).createWebhookEndpoint as {
      secret: string;
      endpoint: { id: string };
    };
  const spend = (amount = "-12.34") => api.post(alice, { accountId: checking, date: "2026-03-01", amount });

  beforeAll(async () => {
    for (const [name, value] of Object.entries(SETTINGS)) {
      saved[name] = process.env[name];
      process.env[name] = value;
    }
    receiver = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on("data", (c: Buffer) => chunks.push(c));
      request.on("end", () => {
        const path = request.url ?? "/";
        received.push({ path, headers: request.headers, body: Buffer.concat(chunks).toString("utf8") });
        const n = (hits.get(path) ?? 0) + 1;
        hits.set(path, n);
        if (path.startsWith("/redirect")) response.writeHead(302, { location: `${base}/ok-after-redirect` }).end();
        else if (path.startsWith("/fail")) response.writeHead(500).end("x".repeat(5000));
        else if (path.startsWith("/flaky") && n === 1) response.writeHead(500).end("try later");
        else response.writeHead(200).end("thanks");
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
    sg = await startTestSupergraph(config());
    api = insightsClient(sg);
    deps = sg.subgraph<InsightsDeps>("insights").deps;
    alice = await sg.register("Alice");
    bob = await sg.register("Bob");
    checking = await api.account(alice, "Checking", "100.00");
  });

  afterAll(async () => {
    await sg?.close();
    await new Promise((resolve) => receiver?.close(resolve));
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  });

  it("delivers a posted transaction once, signed so that the documented snippet verifies it", async () => {
    const { secret, endpoint } = await create(alice, "/ok", ["transaction.created"], { description: "books" });
    expect(secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    const transactionId = await spend();
    const [delivery] = await eventually(() => {
      const got = at("/ok");
      expect(got).toHaveLength(1);
      return got;
    });
    const { headers, body } = delivery!;
    expect(headers["user-agent"]).toBe("Moneta-Webhooks/1");
    expect(headers["moneta-event"]).toBe("transaction.created");
    expect(headers["content-type"]).toBe("application/json");
    const signature = headers["moneta-signature"] as string;
    expect(signature).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    expect(verifyMonetaSignature(body, signature, secret)).toBe(true);
    expect(verifyMonetaSignature(body.replace("-1234", "-9999"), signature, secret)).toBe(false);
    expect(verifyMonetaSignature(body, signature, secret, Date.now() / 1000 + 301)).toBe(false);
    const payload = JSON.parse(body);
    expect(payload).toMatchObject({
      type: "transaction.created",
      data: { id: transactionId, accountId: checking, amount: { amountMinor: "-1234", currency: "USD" } },
    });
    expect(Object.keys(payload)).toEqual(["id", "type", "createdAt", "data"]);
    expect(body).not.toContain(alice.id);

    const log = (await api.ok(alice, DELIVERIES, { id: endpoint.id })).webhookEndpoint.deliveries.nodes;
    expect(log).toEqual([
      expect.objectContaining({ id: headers["moneta-delivery"], eventId: payload.id, status: "DELIVERED", attempts: 1, responseCode: 200 }),
    ]);
    expect(log[0].attemptLog).toEqual([{ attempt: 1, responseCode: 200, error: null, responseBody: "thanks" }]);
    // A replay of the same event queues nothing.
    await sg.subgraph("insights").kit.dataSource.transaction(async (manager) => {
      const again = await deps.webhookDeliveries.queue(manager, [
        {
          id: "99999999-9999-4999-8999-999999999999",
          endpointId: endpoint.id,
          userId: alice.id,
          eventId: payload.id,
          eventType: "transaction.created",
          payload: body,
          test: false,
          createdAt: new Date(),
          deadlineAt: new Date(),
        },
      ]);
      expect(again).toBe(0);
    });
    await api.ok(alice, `mutation($id: ID!) { deleteWebhookEndpoint(id: $id) }`, { id: endpoint.id });
  });

  it("retries a 500 with the same delivery id until the receiver takes it", async () => {
    const { endpoint } = await create(alice, "/flaky", ["transaction.created"]);
    await spend("-1.00");
    const calls = await eventually(() => {
      const got = at("/flaky");
      expect(got).toHaveLength(2);
      return got;
    });
    expect(calls[0]!.headers["moneta-delivery"]).toBe(calls[1]!.headers["moneta-delivery"]);
    expect(calls[0]!.body).toBe(calls[1]!.body);
    const node = await eventually(async () => {
      const [d] = (await deps.webhookDeliveries.page(alice.id, endpoint.id, 1, null))!;
      expect(d?.status).toBe("DELIVERED");
      return d!;
    });
    expect(node.attempts).toBe(2);
    const log = (await api.ok(alice, DELIVERIES, { id: endpoint.id })).webhookEndpoint.deliveries.nodes[0].attemptLog;
    expect(log.map((a: { responseCode: number }) => a.responseCode)).toEqual([500, 200]);
    await api.ok(alice, `mutation($id: ID!) { deleteWebhookEndpoint(id: $id) }`, { id: endpoint.id });
  });

  it("disables an endpoint after repeated failures and announces it to its owner", async () => {
    const { endpoint } = await create(alice, "/fail", ["transaction.created"]);
    await spend("-2.00");
    await eventually(async () => expect((await deps.webhooks.get(alice.id, endpoint.id)).enabled).toBe(false));
    const state = (await api.ok(alice, DELIVERIES, { id: endpoint.id })).webhookEndpoint;
    expect(state).toMatchObject({ enabled: false, consecutiveFailures: 3, disabledReason: expect.stringContaining("HTTP 500") });
    const [attempt] = state.deliveries.nodes[0].attemptLog;
    expect(attempt.responseBody).toHaveLength(1024);
    const announced = await sg
      .subgraph("insights")
      .kit.dataSource.query(
        `SELECT key, envelope->'data' AS data FROM insights.outbox WHERE topic = 'insights.webhook.v1' AND envelope->'data'->>'endpointId' = $1`,
        [endpoint.id],
      );
    expect(announced).toEqual([
      { key: alice.id, data: expect.objectContaining({ userId: alice.id, endpointId: endpoint.id, consecutiveFailures: 3 }) },
    ]);
    // Disabled, it is sent nothing more.
    const before = at("/fail").length;
    await spend("-3.00");
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(at("/fail")).toHaveLength(before);
    expect(
      (await api.ok(alice, `mutation($id: ID!) { enableWebhookEndpoint(id: $id) { enabled consecutiveFailures } }`, { id: endpoint.id }))
        .enableWebhookEndpoint,
    ).toEqual({
      enabled: true,
      consecutiveFailures: 0,
    });
    await api.ok(alice, `mutation($id: ID!) { deleteWebhookEndpoint(id: $id) }`, { id: endpoint.id });
  });

  it("does not follow redirects", async () => {
    const { endpoint } = await create(alice, "/redirect", ["transaction.created"]);
    const result = (await api.ok(alice, TEST, { id: endpoint.id })).testWebhookEndpoint;
    expect(result).toMatchObject({
      event: "ping",
      status: "FAILED",
      attempts: 1,
      responseCode: 302,
      lastError: expect.stringContaining("redirects are not followed"),
    });
    expect(at("/ok-after-redirect")).toHaveLength(0);
  });

  it("signs with both secrets for a day after a rotation, and pings on demand", async () => {
    const { secret: first, endpoint } = await create(alice, "/ok-ping", ["transaction.created"]);
    const rotated = (
      await api.ok(alice, `mutation($id: ID!) { rotateWebhookSecret(id: $id) { secret endpoint { previousSecretExpiresAt } } }`, {
        id: endpoint.id,
      })
    ).rotateWebhookSecret;
    expect(rotated.secret).not.toBe(first);
    expect(Date.parse(rotated.endpoint.previousSecretExpiresAt) - Date.now()).toBeGreaterThan(23.9 * 3_600_000);
    const result = (await api.ok(alice, TEST, { id: endpoint.id })).testWebhookEndpoint;
    expect(result).toMatchObject({ event: "ping", status: "DELIVERED", responseCode: 200 });
    const [ping] = at("/ok-ping");
    const signature = ping!.headers["moneta-signature"] as string;
    expect(signature.match(/v1=/g)).toHaveLength(2);
    expect(verifyMonetaSignature(ping!.body, signature, rotated.secret)).toBe(true);
    expect(verifyMonetaSignature(ping!.body, signature, first)).toBe(true);
    expect(JSON.parse(ping!.body)).toMatchObject({ type: "ping", data: { endpointId: endpoint.id } });
  });

  it("refuses URLs inside the network, unknown kinds, and a second request with the key's first secret", async () => {
    const attempt = (url: string, events = ["transaction.created"]) => api.outcome(alice, CREATE, { i: { url, events } });
    expect(await attempt("http://10.0.0.1/hook")).toBe("BAD_USER_INPUT:url");
    expect(await attempt("http://169.254.169.254/latest/meta-data/")).toBe("BAD_USER_INPUT:url");
    expect(await attempt("not a url")).toBe("BAD_USER_INPUT:url");
    expect(await attempt(`${base}/ok`, ["transaction.created", "transaction.teleported"])).toBe("BAD_USER_INPUT:events");
    const urls = deps.webhookConfig.urls;
    urls.allowLoopback = false;
    try {
      expect(await attempt("http://localhost:9/hook")).toBe("BAD_USER_INPUT:url");
      expect(await attempt(`${base}/ok`)).toBe("BAD_USER_INPUT:url");
    } finally {
      urls.allowLoopback = true;
    }
    const i = { url: `${base}/ok-idem`, events: ["budget.exceeded"], idempotencyKey: "hook-1" };
    const once = (await api.ok(alice, CREATE, { i })).createWebhookEndpoint;
    const twice = (await api.ok(alice, CREATE, { i })).createWebhookEndpoint;
    expect(twice).toEqual(once);
    expect(await api.outcome(alice, CREATE, { i: { ...i, events: ["bill.due"] } })).toBe("CONFLICT:idempotencyKey");
  });

  it("answers NOT_FOUND for another user's endpoint", async () => {
    const { endpoint } = await create(alice, "/ok-mine", ["bill.due"]);
    for (const op of [
      `query($id: ID!) { webhookEndpoint(id: $id) { id } }`,
      `mutation($id: ID!) { disableWebhookEndpoint(id: $id) { id } }`,
      `mutation($id: ID!) { rotateWebhookSecret(id: $id) { secret } }`,
      TEST,
      `mutation($id: ID!) { deleteWebhookEndpoint(id: $id) }`,
    ]) {
      expect(await api.outcome(bob, op, { id: endpoint.id })).toBe("NOT_FOUND");
    }
    expect((await api.ok(bob, `{ webhookEndpoints { id } }`)).webhookEndpoints).toEqual([]);
    expect((await deps.webhooks.get(alice.id, endpoint.id)).enabled).toBe(true);
  });

  it("queues from a batch of events exactly the deliveries it queues event by event", async () => {
    await create(alice, "/ok-batch", ["transaction.created"]);
    await create(bob, "/ok-batch-bob", ["transaction.created"]);
    await spend("-1.11");
    const ledger = sg.subgraph("ledger").kit.dataSource;
    const [{ envelope }] = await ledger.query(
      `SELECT envelope FROM ledger.outbox WHERE key = $1 AND type = 'TransactionPosted' ORDER BY seq DESC LIMIT 1`,
      [alice.id],
    );
    const now = new Date().toISOString();
    const event = (id: string, over: Partial<EventEnvelope> = {}): EventEnvelope => ({ ...envelope, id, occurredAt: now, ...over });
    const events = [
      event("6f1d2c1e-0000-4000-8000-000000000001"),
      // Before any endpoint existed: nothing for it.
      event("6f1d2c1e-0000-4000-8000-000000000002", { occurredAt: "2020-01-01T00:00:00.000Z" }),
      // Bob's key over Alice's transaction: never delivered to Bob's endpoint.
      event("6f1d2c1e-0000-4000-8000-000000000003", { key: bob.id }),
      event("6f1d2c1e-0000-4000-8000-000000000004"),
    ];
    const insights = sg.subgraph("insights").kit.dataSource;
    /** What `apply` queues, read inside its transaction, which is then rolled back. */
    const queued = async (apply: (manager: EntityManager) => Promise<void>) => {
      let rows: unknown[] = [];
      await insights
        .transaction(async (manager) => {
          await apply(manager);
          rows = await manager.query(
            `SELECT endpoint_id, user_id, event_id, event_type, payload, status FROM insights.webhook_deliveries
             WHERE event_id = ANY($1::uuid[]) ORDER BY event_id, endpoint_id`,
            [events.map((e) => e.id)],
          );
          throw new Error("rollback");
        })
        .catch((error: Error) => expect(error.message).toBe("rollback"));
      return rows;
    };
    const consumer = deps.webhookConsumer;
    const oneByOne = await queued(async (manager) => {
      for (const e of events) await consumer.handlers[e.type]!(e as EventEnvelope<never>, manager);
    });
    const batched = await queued((manager) => consumer.handleBatch!(events, manager));
    expect(batched).toEqual(oneByOne);
    const endpointsOfAlice = (await api.ok(alice, `{ webhookEndpoints { id events enabled } }`)).webhookEndpoints as Array<{
      id: string;
      events: string[];
      enabled: boolean;
    }>;
    const subscribed = endpointsOfAlice.filter((e) => e.enabled && e.events.includes("transaction.created")).length;
    expect(subscribed).toBeGreaterThan(0);
    expect(batched.map((r) => (r as { event_id: string }).event_id)).toEqual([
      ...Array<string>(subscribed).fill(events[0]!.id),
      ...Array<string>(subscribed).fill(events[3]!.id),
    ]);
  });

  it("lets an API key subscribe only to the kinds its scopes allow", async () => {
    const key = async (scopes: string[]) => {
      const r = await api.ok(alice, `mutation($s: [String!]!) { createApiKey(input: { name: "hooks", scopes: $s }) { secret } }`, {
        s: scopes,
      });
      return { ...alice, headers: { "x-api-key": r.createApiKey.secret } };
    };
    const hooksOnly = await key(["webhooks:write", "webhooks:read", "budgets:read"]);
    const i = (events: string[]) => ({ i: { url: `${base}/ok-key`, events } });
    expect(await api.outcome(hooksOnly, CREATE, i(["transaction.created"]))).toBe("BAD_USER_INPUT:events");
    const created = (await api.ok(hooksOnly, CREATE, i(["budget.exceeded"]))).createWebhookEndpoint;
    expect((await deps.webhooks.get(alice.id, created.endpoint.id)).scopes).toEqual(["webhooks:write", "webhooks:read", "budgets:read"]);
    const readOnly = await key(["ledger:read"]);
    expect(await api.outcome(readOnly, CREATE, i(["transaction.created"]))).toBe("FORBIDDEN");
  });
});
