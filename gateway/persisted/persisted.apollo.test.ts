// The wiring the gateway uses, against a real Apollo Server 5 in process: the safelist, the
// boot-time warm-up of Apollo's document cache, and APQ over our KeyValueStore.
import { createHash } from "node:crypto";

import { ApolloServer, type ApolloServerPlugin } from "@apollo/server";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { anonymousCaller, type Caller } from "../../platform/auth/caller.js";
import { MemoryKeyValueStore } from "../../platform/cache/index.js";
import { createErrorMasker } from "../../platform/errors/masking.js";
import type { GatewayContext } from "../context.js";
import { apiSchema } from "../limits/limits.fixtures.js";
import { APQ_TTL_SECONDS, apqOptions, loadPersistedDocuments, persistedOperationsPlugin, warmUpPersistedDocuments } from "./index.js";

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");
const documents = loadPersistedDocuments(undefined, {});
const [meId, meQuery] = [...documents.entries()].find(([, text]) => text.startsWith("query Me"))!;
const store = new MemoryKeyValueStore({ prefix: "test", sweepIntervalMs: 0 });
const parsed: string[] = [];
const countParses: ApolloServerPlugin<GatewayContext> = {
  async requestDidStart() {
    return {
      async parsingDidStart({ source }) {
        parsed.push(source);
      },
    };
  },
};

const mask = createErrorMasker({ traceId: () => "trace" });
const server = new ApolloServer<GatewayContext>({
  schema: apiSchema(),
  rootValue: { me: null, transactions: { nodes: [] } },
  persistedQueries: apqOptions(store),
  formatError: (formatted, error) => mask(formatted, error),
  plugins: [persistedOperationsPlugin(documents), countParses],
});

const context = (caller: Caller): GatewayContext => ({ caller, traceId: "t", client: {}, internalToken: async () => "token" });
const safelisted: Caller = { userId: "u1", apiKeyId: "k1", scopes: ["budgets:read"], safelistOnly: true };
const ordinaryKey: Caller = { userId: "u1", apiKeyId: "k2", scopes: ["budgets:read"], safelistOnly: false };

async function run(caller: Caller, request: { query?: string; variables?: Record<string, unknown>; extensions?: Record<string, unknown> }) {
  const response = await server.executeOperation(request, { contextValue: context(caller) });
  if (response.body.kind !== "single") throw new Error("expected a single result");
  const { data, errors } = response.body.singleResult;
  return { status: response.http.status, data, errors, code: errors?.[0]?.extensions?.code };
}

beforeAll(async () => {
  await server.start();
  await warmUpPersistedDocuments(server, documents, context(anonymousCaller), pino({ level: "silent" }));
});
afterAll(async () => {
  await server.stop();
  await store.close();
});

describe("persisted operations in Apollo Server", () => {
  it("warms Apollo's document cache at boot: a manifest document is never parsed for a request", async () => {
    expect(parsed.sort()).toEqual([...documents.entries()].map(([, text]) => text).sort());
    parsed.length = 0;
    const r = await run(ordinaryKey, { query: meQuery, variables: { month: "2026-11" } });
    expect(r.errors).toBeUndefined();
    expect(r.data).toEqual({ me: null });
    expect(parsed).toEqual([]);
  });

  it("lets a safelist-only key run manifest documents only, refusing anything else before it executes", async () => {
    expect((await run(safelisted, { query: meQuery, variables: { month: "2026-11" } })).data).toEqual({ me: null });
    const adHoc = await run(safelisted, { query: "{ me { id } }" });
    expect(adHoc).toMatchObject({ status: 403, code: "PERSISTED_QUERY_REQUIRED", data: undefined });
    // The same text with different whitespace is a different document.
    expect((await run(safelisted, { query: `${meQuery} ` })).code).toBe("PERSISTED_QUERY_REQUIRED");
    // An APQ registration of an ad-hoc query is refused and not stored.
    const query = "{ transactions { nodes { id } } }";
    const register = await run(safelisted, { query, extensions: { persistedQuery: { version: 1, sha256Hash: sha256(query) } } });
    expect(register.code).toBe("PERSISTED_QUERY_REQUIRED");
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(await store.get(`apq:${sha256(query)}`)).toBeNull();
    // The same key may run a manifest document by APQ hash once it is registered.
    const byHash = {
      extensions: { persistedQuery: { version: 1, sha256Hash: meId.slice("sha256:".length) } },
      variables: { month: "2026-11" },
    };
    expect((await run(safelisted, { ...byHash, query: meQuery })).errors).toBeUndefined();
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect((await run(safelisted, byHash)).errors).toBeUndefined();
  });

  it("lets other callers send ad-hoc operations", async () => {
    expect((await run(ordinaryKey, { query: "{ me { id } }" })).errors).toBeUndefined();
    expect((await run(anonymousCaller, { query: "{ me { id } }" })).errors).toBeUndefined();
  });

  it("keeps automatic persisted queries in the store for 24 h: miss, register, hit; a wrong hash is refused", async () => {
    const query = "query Recent { transactions(first: 3) { nodes { id } } }";
    const hash = sha256(query);
    const persistedQuery = { version: 1, sha256Hash: hash };
    const miss = await run(ordinaryKey, { extensions: { persistedQuery } });
    expect(miss).toMatchObject({ status: 200, code: "PERSISTED_QUERY_NOT_FOUND" });
    expect((await run(ordinaryKey, { query, extensions: { persistedQuery } })).data).toEqual({ transactions: { nodes: [] } });
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(await store.get(`apq:${hash}`)).toBe(query);
    const ttl = (await store.ttl(`apq:${hash}`))!;
    expect(ttl).toBeGreaterThan((APQ_TTL_SECONDS - 60) * 1000);
    expect(ttl).toBeLessThanOrEqual(APQ_TTL_SECONDS * 1000);
    expect((await run(ordinaryKey, { extensions: { persistedQuery } })).data).toEqual({ transactions: { nodes: [] } });
    const wrong = await run(ordinaryKey, { query: "{ me { id } }", extensions: { persistedQuery } });
    expect(wrong.status).toBe(400);
    expect(wrong.data).toBeUndefined();
    expect(await store.get(`apq:${hash}`)).toBe(query);
  });
});
