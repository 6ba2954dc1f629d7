import { createHash } from "node:crypto";

import { createClient } from "graphql-ws";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";

import { loadPersistedDocuments } from "../gateway/persisted/index.js";
import { eventually } from "../platform/testing/eventually.js";
import { realServices, realServicesConfig, uniqueSuffix } from "../platform/testing/services.js";
import { type RegisteredUser, startTestSupergraph, type TestSupergraph } from "./harness/supergraph.js";

const CREATE_KEY = `mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret } }`;
const POST = `mutation($input: PostTransactionInput!) { postTransaction(input: $input) { id } }`;
const COUNT = `{ transactions(first: 500) { nodes { id } } }`;
const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

interface Raw {
  status: number;
  headers: Headers;
  body: any;
}

const documents = loadPersistedDocuments();
const manifest = (prefix: string) => {
  // The generated text puts a document's fragments before its operation.
  const found = [...documents.entries()].find(([, text]) => text.startsWith(prefix) || text.includes(`} ${prefix}`));
  if (!found) throw new Error(`no manifest document starting with ${prefix}`);
  return { id: found[0], text: found[1] };
};
const ME = manifest("query Me(");
const RECENT = manifest("query RecentTransactions(");
const POST_DOC = manifest("mutation PostTransaction(");

describe("persisted operations through the gateway (real PostgreSQL, Redis, Kafka)", () => {
  // Its own cache namespace, so the APQ keys this file writes can be found (and removed) exactly.
  const cachePrefix = `t${realServices().runId}.persisted.${uniqueSuffix()}`;
  let sg: TestSupergraph;
  let user: RegisteredUser;
  let redis: Redis;
  let safelistKey: Record<string, string>;
  let ordinaryKey: Record<string, string>;
  let accountId: string;

  beforeAll(async () => {
    sg = await startTestSupergraph(realServicesConfig({ cachePrefix }));
    redis = new Redis(realServices().redisUrl);
    user = await sg.register("Pia");
    accountId = await sg.createAccount(user, "EUR");
    for (const payee of ["Rent", "Tea"]) {
      const r = await sg.query(
        POST,
        { input: { accountId, amount: { amount: "-3.50", currency: "EUR" }, payee, date: "2026-11-20" } },
        user.headers,
      );
      expect(r.errors).toBeUndefined();
    }
    const key = async (safelistOnly: boolean) => {
      const r = await sg.query(
        CREATE_KEY,
        { input: { name: `pq-${safelistOnly}`, scopes: ["ledger:read", "ledger:write", "budgets:read"], safelistOnly } },
        user.headers,
      );
      expect(r.errors).toBeUndefined();
      return { "x-api-key": r.data.createApiKey.secret as string };
    };
    safelistKey = await key(true);
    ordinaryKey = await key(false);
  });
  afterAll(async () => {
    if (redis) {
      const keys = await redis.keys(`${cachePrefix}:*`);
      if (keys.length) await redis.del(...keys);
      redis.disconnect();
    }
    await sg?.close();
  });

  async function raw(init: { method?: "GET" | "POST"; search?: string; body?: unknown; headers?: Record<string, string> }): Promise<Raw> {
    const method = init.method ?? "POST";
    const response = await fetch(sg.gateway.url + (init.search ?? ""), {
      method,
      headers: { ...(method === "POST" ? { "content-type": "application/json" } : {}), ...init.headers },
      body: method === "POST" ? JSON.stringify(init.body) : undefined,
    });
    return { status: response.status, headers: response.headers, body: await response.json() };
  }
  const getSearch = (params: Record<string, string>) => `?${new URLSearchParams(params).toString()}`;
  const transactionCount = async () => (await sg.query(COUNT, {}, user.headers)).data.transactions.nodes.length as number;

  it("runs a documentId by POST and by GET, with the same data as the query text", async () => {
    const variables = { month: "2026-11" };
    const asText = await sg.query(ME.text, variables, user.headers);
    expect(asText.errors).toBeUndefined();
    expect(asText.data.me.id).toBe(user.id);

    const post = await raw({ body: { documentId: ME.id, variables, operationName: "Me" }, headers: user.headers });
    expect(post.status).toBe(200);
    expect(post.body).toEqual({ data: asText.data });

    const recentText = await sg.query(RECENT.text, { first: 5 }, user.headers);
    expect(recentText.data.transactions.nodes.map((t: { payee: string }) => t.payee).sort()).toEqual(["Rent", "Tea"]);
    const get = await raw({
      method: "GET",
      search: getSearch({ documentId: RECENT.id, variables: JSON.stringify({ first: 5 }) }),
      headers: { ...user.headers, "apollo-require-preflight": "true" },
    });
    expect(get.status).toBe(200);
    expect(get.body).toEqual({ data: recentText.data });
  });

  it("runs the notification inbox, webhook and push documents by documentId", async () => {
    const run = async (prefix: string, variables: Record<string, unknown> = {}) => {
      const answer = await raw({ body: { documentId: manifest(prefix).id, variables }, headers: user.headers });
      expect(answer.body.errors, prefix).toBeUndefined();
      return answer.body.data;
    };
    // The two API keys made in beforeAll each notify the user (API_KEY_CREATED), a moment later.
    await eventually(async () => expect((await run("query UnreadNotificationCount")).unreadNotificationCount).toBe(2), { intervalMs: 500 });
    const inbox = await run("query Notifications(", { first: 5 });
    expect(inbox.notifications.edges.map((e: { node: { kind: string } }) => e.node.kind)).toEqual(["API_KEY_CREATED", "API_KEY_CREATED"]);
    expect(inbox.notifications.pageInfo.hasNextPage).toBe(false);
    expect(await run("mutation MarkNotificationsRead(", { input: { all: true } })).toEqual({
      markNotificationsRead: { marked: 2, unreadCount: 0 },
    });
    expect(await run("query WebhookEndpoints")).toEqual({ webhookEndpoints: [] });
    expect((await run("query VapidPublicKey")).vapidPublicKey).toMatch(/^[A-Za-z0-9_-]{87}$/);
    expect(await run("query PushSubscriptions")).toEqual({ pushSubscriptions: [] });
  });

  it("runs the bank connections document by documentId, for a safelist-only key too", async () => {
    for (const headers of [user.headers, safelistKey]) {
      const answer = await raw({ body: { documentId: manifest("query BankConnections").id }, headers });
      expect(answer.body).toEqual({ data: { bankConnections: [] } });
    }
  });

  it("runs the receipt documents by documentId: create an upload, read it back, list it, refuse to confirm it unread", async () => {
    const run = async (prefix: string, variables: Record<string, unknown> = {}) =>
      (await raw({ body: { documentId: manifest(prefix).id, variables }, headers: user.headers })).body;
    const created = await run("mutation CreateReceiptUpload(", { input: { contentType: "image/jpeg", size: 1234 } });
    expect(created.errors).toBeUndefined();
    const { receiptId, uploadUrl } = created.data.createReceiptUpload;
    expect(uploadUrl).toMatch(/^\/uploads\?token=/);
    const one = await run("query Receipt(", { id: receiptId });
    expect(one).toEqual({
      data: { receipt: expect.objectContaining({ id: receiptId, status: "AWAITING_UPLOAD", size: 1234, draft: null }) },
    });
    const list = await run("query Receipts(", { first: 5 });
    expect(list.data.receipts.nodes.map((r: { id: string }) => r.id)).toContain(receiptId);
    // Nothing was read yet, so there is no draft to post: the document runs and the service answers.
    const confirm = await run("mutation ConfirmReceipt(", { input: { receiptId, accountId } });
    expect(confirm.errors?.[0]?.extensions).toMatchObject({ code: "CONFLICT", field: "receiptId" });
  });

  it("keeps CSRF prevention and queries-only on GET documentIds; mutations run by POST", async () => {
    // A simple GET (no preflight header, no JSON content type) could come from any web page.
    const simple = await raw({ method: "GET", search: getSearch({ documentId: RECENT.id }), headers: user.headers });
    expect(simple.status).toBe(400);
    expect(simple.body.data).toBeUndefined();
    const json = await raw({
      method: "GET",
      search: getSearch({ documentId: RECENT.id }),
      headers: { ...user.headers, "content-type": "application/json" },
    });
    expect(json.body.data.transactions.nodes).toHaveLength(2);

    const before = await transactionCount();
    const input = { accountId, amount: { amount: "-1.00", currency: "EUR" }, payee: "Via GET", date: "2026-11-21" };
    const viaGet = await raw({
      method: "GET",
      search: getSearch({ documentId: POST_DOC.id, variables: JSON.stringify({ input }) }),
      headers: { ...user.headers, "apollo-require-preflight": "true" },
    });
    expect(viaGet.status).toBe(405);
    expect(await transactionCount()).toBe(before);

    const viaPost = await raw({
      body: { documentId: POST_DOC.id, variables: { input: { ...input, payee: "Via POST" } } },
      headers: user.headers,
    });
    expect(viaPost.body.errors).toBeUndefined();
    expect(viaPost.body.data.postTransaction.amount).toEqual({ amount: "-1.00", currency: "EUR" });
    expect(await transactionCount()).toBe(before + 1);
  });

  it("answers an unknown documentId with PERSISTED_QUERY_NOT_FOUND (HTTP 200, not cacheable), by POST and GET", async () => {
    const unknown = `sha256:${sha256("query Nope { __typename }")}`;
    const post = await raw({ body: { documentId: unknown }, headers: user.headers });
    expect(post.status).toBe(200);
    expect(post.body.data).toBeUndefined();
    expect(post.body.errors[0].extensions.code).toBe("PERSISTED_QUERY_NOT_FOUND");
    expect(post.headers.get("cache-control")).toMatch(/no-cache/);
    const get = await raw({ method: "GET", search: getSearch({ documentId: unknown }), headers: { "apollo-require-preflight": "true" } });
    expect(get.status).toBe(200);
    expect(get.body.errors[0].extensions.code).toBe("PERSISTED_QUERY_NOT_FOUND");
    const both = await raw({ body: { documentId: ME.id, query: "{ __typename }" }, headers: user.headers });
    expect(both.status).toBe(400);
    expect(both.body.errors[0].extensions.code).toBe("BAD_REQUEST");
  });

  it("lets a safelist-only key run manifest documents only; anything else is refused before it runs", async () => {
    const byId = await raw({ body: { documentId: RECENT.id, variables: { first: 10 } }, headers: safelistKey });
    expect(byId.body.errors).toBeUndefined();
    expect(byId.body.data.transactions.nodes.length).toBeGreaterThanOrEqual(2);
    // The manifest's exact text is the same document, whichever way it arrives.
    const byText = await raw({ body: { query: RECENT.text, variables: { first: 10 } }, headers: safelistKey });
    expect(byText.body).toEqual(byId.body);

    const adHoc = await raw({ body: { query: `{ transactions { nodes { id } } }` }, headers: safelistKey });
    expect(adHoc.status).toBe(403);
    expect(adHoc.body.data).toBeUndefined();
    expect(adHoc.body.errors[0].extensions.code).toBe("PERSISTED_QUERY_REQUIRED");

    const before = await transactionCount();
    const mutation = await raw({
      body: {
        query: POST,
        variables: { input: { accountId, amount: { amount: "-9.00", currency: "EUR" }, payee: "Sneaky", date: "2026-11-21" } },
      },
      headers: safelistKey,
    });
    expect(mutation.body.errors[0].extensions.code).toBe("PERSISTED_QUERY_REQUIRED");
    expect(await transactionCount()).toBe(before);

    // An ordinary key of the same user may send ad-hoc operations.
    const ordinary = await raw({ body: { query: `{ transactions(first: 500) { nodes { id } } }` }, headers: ordinaryKey });
    expect(ordinary.body.errors).toBeUndefined();
    expect(ordinary.body.data.transactions.nodes.length).toBe(before);
  });

  it("refuses a safelist-only key's ad-hoc subscription over graphql-ws too", async () => {
    const errors = await new Promise<unknown>((resolve) => {
      const client = createClient({
        url: sg.gateway.url.replace("http", "ws"),
        webSocketImpl: WebSocket,
        connectionParams: safelistKey,
        retryAttempts: 0,
      });
      client.subscribe(
        { query: `subscription { transactionPosted { id } }` },
        {
          next: () => undefined,
          error: (error) => void Promise.resolve(client.dispose()).then(() => resolve(error)),
          complete: () => void Promise.resolve(client.dispose()).then(() => resolve("completed")),
        },
      );
    });
    expect(errors).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: "PERSISTED_QUERY_REQUIRED" }) })]);
  });

  it("a persisted-only gateway (GATEWAY_PERSISTED_ONLY) holds signed-in users to the manifest too, over HTTP and graphql-ws by documentId", async () => {
    const strict = await sg.startGateway({ persistedOnly: true });
    const post = async (body: unknown) =>
      (
        await fetch(strict.url, {
          method: "POST",
          headers: { "content-type": "application/json", ...user.headers },
          body: JSON.stringify(body),
        })
      ).json() as Promise<any>;
    // The same user the default gateway serves ad-hoc queries for is refused free text here.
    expect((await post({ query: COUNT })).errors[0].extensions.code).toBe("PERSISTED_QUERY_REQUIRED");
    expect((await post({ documentId: ME.id, variables: { month: "2026-11" } })).data.me.id).toBe(user.id);
    // The manifest's own text is a manifest document, however it is sent.
    expect((await post({ query: ME.text, variables: { month: "2026-11" } })).data.me.id).toBe(user.id);

    const POSTED = manifest("subscription TransactionPosted");
    const received: any[] = [];
    const client = createClient({
      url: strict.url.replace("http", "ws"),
      webSocketImpl: WebSocket,
      connectionParams: user.headers,
      retryAttempts: 0,
    });
    const subscribe = (payload: Record<string, unknown>) =>
      new Promise<unknown>((resolve) => {
        client.subscribe(payload as never, {
          next: (result) => void received.push(result),
          error: (error) => resolve(error),
          complete: () => resolve("completed"),
        });
      });
    // Text is refused, an unknown id is not found, an id with text is ambiguous.
    await expect(subscribe({ query: `subscription { transactionPosted { id } }` })).resolves.toEqual([
      expect.objectContaining({ extensions: expect.objectContaining({ code: "PERSISTED_QUERY_REQUIRED" }) }),
    ]);
    await expect(subscribe({ query: "", documentId: `sha256:${"0".repeat(64)}` })).resolves.toEqual([
      expect.objectContaining({ extensions: expect.objectContaining({ code: "PERSISTED_QUERY_NOT_FOUND" }) }),
    ]);
    await expect(subscribe({ query: POSTED.text, documentId: POSTED.id })).resolves.toEqual([
      expect.objectContaining({ extensions: expect.objectContaining({ code: "BAD_REQUEST" }) }),
    ]);
    void subscribe({ query: "", documentId: POSTED.id });
    try {
      await eventually(async () => {
        const r = await sg.query(
          POST,
          { input: { accountId, amount: { amount: "-1.00", currency: "EUR" }, payee: "Live by id", date: "2026-11-21" } },
          user.headers,
        );
        expect(r.errors).toBeUndefined();
        expect(received.some((result) => result.data?.transactionPosted?.payee === "Live by id")).toBe(true);
      });
    } finally {
      await client.dispose();
    }
  });

  it("keeps automatic persisted queries in Redis: hash miss, then hash + query, then hash alone, on every instance", async () => {
    const query = `query Apq${uniqueSuffix()} { me { id displayName } }`;
    const hash = sha256(query);
    const persistedQuery = { version: 1, sha256Hash: hash };

    const miss = await raw({ body: { extensions: { persistedQuery } }, headers: user.headers });
    expect(miss.status).toBe(200);
    expect(miss.body.errors[0].extensions.code).toBe("PERSISTED_QUERY_NOT_FOUND");

    const register = await raw({ body: { query, extensions: { persistedQuery } }, headers: user.headers });
    expect(register.body).toEqual({ data: { me: { id: user.id, displayName: "Pia" } } });
    // Apollo writes the registration without waiting for it.
    const key = `${cachePrefix}:apq:${hash}`;
    await expect.poll(() => redis.get(key)).toBe(query);
    expect(await redis.pttl(key)).toBeGreaterThan(23 * 3600_000);

    const hit = await raw({ body: { extensions: { persistedQuery } }, headers: user.headers });
    expect(hit.body).toEqual(register.body);
    // Cacheable queries by GET, hash only.
    const get = await raw({
      method: "GET",
      search: getSearch({ extensions: JSON.stringify({ persistedQuery }) }),
      headers: { ...user.headers, "apollo-require-preflight": "true" },
    });
    expect(get.body).toEqual(register.body);
    // Another gateway instance on the same Redis knows the hash without a registration of its own.
    const second = await sg.startGateway();
    const elsewhere = await fetch(second.url, {
      method: "POST",
      headers: { "content-type": "application/json", ...user.headers },
      body: JSON.stringify({ extensions: { persistedQuery } }),
    });
    expect(await elsewhere.json()).toEqual(register.body);
  });

  it("refuses a query sent under another query's hash, and keeps the registered one", async () => {
    const query = `query Owned${uniqueSuffix()} { me { id } }`;
    const persistedQuery = { version: 1, sha256Hash: sha256(query) };
    expect((await raw({ body: { query, extensions: { persistedQuery } }, headers: user.headers })).body.errors).toBeUndefined();
    await expect.poll(() => redis.get(`${cachePrefix}:apq:${persistedQuery.sha256Hash}`)).toBe(query);

    const hijack = await raw({
      body: { query: `{ transactions { nodes { id payee } } }`, extensions: { persistedQuery } },
      headers: user.headers,
    });
    expect(hijack.status).toBe(400);
    expect(hijack.body.data).toBeUndefined();
    expect(hijack.body.errors[0].extensions.code).toBe("PERSISTED_QUERY_HASH_MISMATCH");
    expect(await redis.get(`${cachePrefix}:apq:${persistedQuery.sha256Hash}`)).toBe(query);
    expect((await raw({ body: { extensions: { persistedQuery } }, headers: user.headers })).body).toEqual({
      data: { me: { id: user.id } },
    });
  });
});
