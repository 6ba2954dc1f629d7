import { Writable } from "node:stream";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { ConfigError } from "../platform/config/index.js";
import { createLogger } from "../platform/logging/index.js";
import { eventually } from "../platform/testing/eventually.js";
import { loadGatewaySettings } from "./gateway.config.js";
import { startStubbedGateway, type StubbedGateway } from "./gateway.fixture.js";

async function post(
  sg: StubbedGateway,
  query: string,
): Promise<{
  status: number;
  body: { data?: Record<string, unknown> | null; errors?: Array<{ message: string; extensions?: Record<string, unknown> }> };
}> {
  const response = await fetch(sg.gateway.url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query }),
  });
  return { status: response.status, body: await response.json() };
}

describe("a subgraph slower than GATEWAY_SUBGRAPH_TIMEOUT_MS", () => {
  let sg: StubbedGateway;
  const logLines: string[] = [];
  beforeAll(async () => {
    const logs = new Writable({
      write: (chunk, _encoding, done) => done(void logLines.push(...String(chunk).split("\n").filter(Boolean))),
    });
    // The stub answers slow fields after 1.5 s; the gateway waits 250 ms.
    sg = await startStubbedGateway({ subgraphTimeoutMs: 250, slowMs: 1_500, logger: createLogger("gateway", "info", logs) });
  });
  afterAll(async () => sg?.close());

  it("answers a query with UPSTREAM_TIMEOUT saying a retry is safe, not INTERNAL_SERVER_ERROR, and soon", async () => {
    const started = performance.now();
    const { status, body } = await post(sg, "{ slow }");
    const elapsed = performance.now() - started;
    expect(status).toBe(200);
    expect(body.data).toEqual({ slow: null });
    expect(body.errors).toHaveLength(1);
    expect(body.errors![0]!.extensions).toMatchObject({ code: "UPSTREAM_TIMEOUT", serviceName: "stub", timeoutMs: 250, retryable: true });
    expect(body.errors![0]!.message).toMatch(/did not answer within 250 ms.*may still complete.*safe to retry/);
    // The sweeper checks at most every timeout: well under the stub's 1.5 s.
    expect(elapsed).toBeLessThan(1_200);
  });

  it("answers a mutation with UPSTREAM_TIMEOUT saying the write may still complete, which it then does", async () => {
    const before = sg.completedWrites;
    const { body } = await post(sg, "mutation { slowWrite }");
    expect(body.errors![0]!.extensions).toMatchObject({ code: "UPSTREAM_TIMEOUT", retryable: false });
    expect(body.errors![0]!.message).toMatch(/The mutation may still complete: check its result before sending it again/);
    expect(sg.completedWrites).toBe(before);
    await eventually(() => expect(sg.completedWrites).toBe(before + 1));
  });

  it("keeps the rest of the operation: fast fields still answer beside a timed-out one", async () => {
    const { body } = await post(sg, "{ fast }");
    expect(body).toEqual({ data: { fast: "fast" } });
  });

  it("logs each timeout for operators, with the subgraph and what the client sent", () => {
    const warnings = logLines
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .filter((line) => line.msg === "subgraph did not answer in time");
    expect(warnings).toEqual([
      expect.objectContaining({ level: 40, component: "gateway", subgraph: "stub", timeoutMs: 250, operation: "query" }),
      expect.objectContaining({ level: 40, subgraph: "stub", operation: "mutation" }),
    ]);
  });

  it("counts timeouts by code in the metrics", async () => {
    const text = await (await fetch(`${sg.origin}/metrics`)).text();
    const count = Number(/^graphql_errors_total\{code="UPSTREAM_TIMEOUT"\} (\d+)$/m.exec(text)?.[1]);
    expect(count).toBeGreaterThanOrEqual(2);
    expect(text).not.toMatch(/^graphql_errors_total\{code="INTERNAL_SERVER_ERROR"\} [1-9]/m);
  });
});

describe("GATEWAY_SUBGRAPH_TIMEOUT_MS", () => {
  it("defaults to 30 s and takes whole milliseconds within bounds", () => {
    expect(loadGatewaySettings({}).subgraphTimeoutMs).toBe(30_000);
    expect(loadGatewaySettings({ GATEWAY_SUBGRAPH_TIMEOUT_MS: " 120000 " }).subgraphTimeoutMs).toBe(120_000);
    expect(loadGatewaySettings({ GATEWAY_SUBGRAPH_TIMEOUT_MS: "" }).subgraphTimeoutMs).toBe(30_000);
  });

  it.each(["abc", "1e4", "30s", "-5", "99", "600001", "2.5"])("refuses %j with one line naming the setting", (raw) => {
    let error: unknown;
    try {
      loadGatewaySettings({ GATEWAY_SUBGRAPH_TIMEOUT_MS: raw });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toMatch(/^invalid setting GATEWAY_SUBGRAPH_TIMEOUT_MS: [^\n]+$/);
  });

  it("stops the gateway from starting when it is bad", async () => {
    const previous = process.env.GATEWAY_SUBGRAPH_TIMEOUT_MS;
    process.env.GATEWAY_SUBGRAPH_TIMEOUT_MS = "soon";
    try {
      await expect(startStubbedGateway({ subgraphTimeoutMs: undefined })).rejects.toThrow(
        /^invalid setting GATEWAY_SUBGRAPH_TIMEOUT_MS: must be a whole number/,
      );
    } finally {
      if (previous === undefined) delete process.env.GATEWAY_SUBGRAPH_TIMEOUT_MS;
      else process.env.GATEWAY_SUBGRAPH_TIMEOUT_MS = previous;
    }
  });
});
