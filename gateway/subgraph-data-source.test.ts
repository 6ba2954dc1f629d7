import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";

import type { GraphQLDataSourceProcessOptions } from "@apollo/gateway";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { anonymousCaller, type Caller } from "../platform/auth/caller.js";
import type { InternalTokenSigner } from "../platform/auth/internal-token.js";
import { createGatewayContext, type GatewayContext } from "./context.js";
import { GatewayMetrics } from "./metrics/index.js";
import { SubgraphDataSource } from "./subgraph-data-source.js";
import { InflightFetches } from "./upstream/inflight.js";
import type { PlainResponse } from "./upstream/keep-alive-client.js";

interface Seen {
  headers: IncomingHttpHeaders;
  body: { query: string; variables?: unknown };
}

const seen: Seen[] = [];
let status = 200;
let delayMs = 0;
let extensions: Record<string, unknown> | undefined;
const server = createServer((req, res) => {
  let text = "";
  req.setEncoding("utf8").on("data", (chunk) => (text += chunk));
  req.on("end", () => {
    seen.push({ headers: req.headers, body: JSON.parse(text) });
    setTimeout(() => {
      if (status !== 200)
        return void res.writeHead(status, { "content-type": "application/json" }).end(`{"errors":[{"message":"secret internals"}]}`);
      res
        .writeHead(200, { "content-type": "application/json", "cache-control": "max-age=30, private" })
        .end(JSON.stringify({ data: { items: [{ id: "1" }], n: seen.length }, extensions }));
    }, delayMs);
  });
});
let url: string;

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const context = (token: string, traceId = "trace-1"): GatewayContext => ({
  caller: anonymousCaller,
  traceId,
  client: {},
  internalToken: async () => token,
});
const hints: object[] = [];
const run = (source: SubgraphDataSource, query: string, ctx: GatewayContext, variables: Record<string, unknown> = {}) =>
  source.process({
    kind: "incoming operation",
    request: { query, variables },
    context: ctx,
    incomingRequestContext: { overallCachePolicy: { restrict: (hint: object) => void hints.push(hint) } },
  } as unknown as GraphQLDataSourceProcessOptions<GatewayContext>);

describe("SubgraphDataSource", () => {
  it("sends the signed caller and the trace id, nothing else from the client, and times the fetch", async () => {
    const metrics = new GatewayMetrics({ processMetrics: false });
    const source = new SubgraphDataSource(url, { name: "ledger", metrics });
    seen.length = 0;
    const result = await run(source, "{ items { id } }", context("token-a", "trace-xyz"), { first: 2 });
    expect(result.data).toEqual({ items: [{ id: "1" }], n: 1 });
    expect(seen[0]!.headers["x-moneta-caller"]).toBe("token-a");
    expect(seen[0]!.headers["x-trace-id"]).toBe("trace-xyz");
    expect(seen[0]!.headers.authorization).toBeUndefined();
    expect(seen[0]!.body).toEqual({ query: "{ items { id } }", variables: { first: 2 } });
    expect(hints.at(-1)).toEqual({ maxAge: 30, scope: "PRIVATE" });
    expect((await metrics.scrape()).body).toContain('subgraph_fetch_duration_seconds_count{subgraph="ledger"} 1');
    source.close();
  });

  it("shares one fetch between identical concurrent reads of one caller; each gets its own objects", async () => {
    const metrics = new GatewayMetrics({ processMetrics: false });
    const source = new SubgraphDataSource(url, { name: "ledger", metrics, inflight: new InflightFetches<PlainResponse>() });
    seen.length = 0;
    delayMs = 30;
    try {
      const [a, b, other] = await Promise.all([
        run(source, "{ items { id } }", context("token-a", "t1")),
        run(source, "{ items { id } }", context("token-a", "t2")),
        run(source, "{ items { id } }", context("token-b", "t3")),
      ]);
      expect(seen).toHaveLength(2);
      expect(a.data).toEqual(b.data);
      expect(a.data).not.toBe(b.data);
      (a.data!.items as Array<{ id: string }>)[0]!.id = "changed";
      expect((b.data!.items as Array<{ id: string }>)[0]!.id).toBe("1");
      expect(other.data).toBeDefined();
      expect((await metrics.scrape()).body).toContain('subgraph_fetches_deduplicated_total{subgraph="ledger"} 1');

      // Writes are never shared.
      seen.length = 0;
      await Promise.all([run(source, "mutation { add }", context("token-a")), run(source, "mutation { add }", context("token-a"))]);
      expect(seen).toHaveLength(2);
    } finally {
      delayMs = 0;
      source.close();
    }
  });

  it("turns an HTTP failure into a coded error without the subgraph's body", async () => {
    const source = new SubgraphDataSource(url, { name: "ledger" });
    status = 401;
    try {
      const error = await run(source, "{ items { id } }", context("bad")).catch((e: unknown) => e);
      expect(error).toMatchObject({ message: "401: Unauthorized", extensions: { code: "UNAUTHENTICATED" } });
      expect(JSON.stringify(error)).not.toContain("secret internals");
      status = 502;
      expect(await run(source, "{ items { id } }", context("bad")).catch((e: unknown) => e)).toMatchObject({
        message: "502: Bad Gateway",
        extensions: {},
      });
    } finally {
      status = 200;
      source.close();
    }
  });

  describe("sign-ins reported by a subgraph", () => {
    const signedIn = { userId: "u-new", sessionId: "s-new", scopes: ["*"], expiresAt: 1_900_000_000_000 };
    // Tokens name the caller they were signed for, so the test sees whom each fetch ran as.
    const signer = { sign: async (caller: Caller) => `as:${caller.userId ?? "anonymous"}` } as unknown as InternalTokenSigner;

    it("from identity's mutation: the rest of the request runs as the signed-in user, and the client never sees the extension", async () => {
      const identity = new SubgraphDataSource(url, { name: "identity", trustSignIns: true });
      const ledger = new SubgraphDataSource(url, { name: "ledger" });
      const ctx = createGatewayContext(anonymousCaller, "t", signer, {});
      extensions = { monetaSignedIn: signedIn, other: 1 };
      seen.length = 0;
      try {
        const result = await run(identity, "mutation { register { accessToken } }", ctx);
        expect(result.extensions).toEqual({ other: 1 });
        expect(ctx.caller).toEqual(signedIn);
        extensions = undefined;
        await run(ledger, "{ items { id } }", ctx);
        expect(seen.map((s) => s.headers["x-moneta-caller"])).toEqual(["as:anonymous", "as:u-new"]);
      } finally {
        extensions = undefined;
        identity.close();
        ledger.close();
      }
    });

    it("is ignored from any other subgraph, and from identity outside a mutation, but still stripped", async () => {
      const ledger = new SubgraphDataSource(url, { name: "ledger" });
      const identity = new SubgraphDataSource(url, { name: "identity", trustSignIns: true });
      const ctx = createGatewayContext(anonymousCaller, "t", signer, {});
      extensions = { monetaSignedIn: signedIn };
      try {
        expect((await run(ledger, "mutation { postTransaction { id } }", ctx)).extensions).toBeUndefined();
        expect((await run(identity, "{ _entities { id } }", ctx)).extensions).toBeUndefined();
        expect(ctx.caller).toBe(anonymousCaller);
        extensions = { monetaSignedIn: { userId: "u-new" } };
        await run(identity, "mutation { login { accessToken } }", ctx);
        expect(ctx.caller).toBe(anonymousCaller);
      } finally {
        extensions = undefined;
        ledger.close();
        identity.close();
      }
    });
  });
});
