import { ApolloServer } from "@apollo/server";
import { describe, expect, it } from "vitest";

import { GatewayMetrics } from "./gateway-metrics.js";
import { metricsPlugin } from "./metrics-plugin.js";

async function value(metrics: GatewayMetrics, name: string, labels: Record<string, string> = {}): Promise<number | undefined> {
  const metric = metrics.registry.getSingleMetric(name);
  const data = await metric?.get();
  return data?.values.find((v) => Object.entries(labels).every(([k, l]) => v.labels[k] === l))?.value;
}

describe("GatewayMetrics", () => {
  it("bounds operation-name cardinality: unnamed is 'anonymous', names past the cap are 'other'", async () => {
    const metrics = new GatewayMetrics({ maxOperationNames: 3, processMetrics: false });
    metrics.recordRequest(undefined, "query", "success", 0.01);
    metrics.recordRequest("A", "query", "success", 0.01);
    metrics.recordRequest("B", "mutation", "error", 0.01);
    metrics.recordRequest("C", "query", "success", 0.01);
    metrics.recordRequest("D", "query", "partial", 0.01);
    metrics.recordRequest("A", "query", "success", 0.02);
    expect(metrics.operationLabel("A")).toBe("A");
    expect(metrics.operationLabel("E")).toBe("other");
    expect(await value(metrics, "graphql_requests_total", { operation: "anonymous", type: "query", outcome: "success" })).toBe(1);
    expect(await value(metrics, "graphql_requests_total", { operation: "A", type: "query", outcome: "success" })).toBe(2);
    expect(await value(metrics, "graphql_requests_total", { operation: "other", type: "query", outcome: "success" })).toBe(1);
    expect(await value(metrics, "graphql_requests_total", { operation: "other", type: "query", outcome: "partial" })).toBe(1);
    const counted = (await metrics.registry.getSingleMetric("graphql_request_duration_seconds")!.get()).values.filter(
      (v) => (v as { metricName?: string }).metricName === "graphql_request_duration_seconds_count",
    );
    expect(counted.map((v) => v.labels.operation).sort()).toEqual(["A", "B", "anonymous", "other"]);
  });

  it("reads live gauges at scrape time and exposes the text format", async () => {
    const metrics = new GatewayMetrics({ processMetrics: false });
    let subscriptions = 2;
    metrics.setLiveSource({
      sockets: () => 1,
      subscriptions: () => subscriptions,
      lastEventLagMs: () => 250,
      events: () => 7,
      deliveries: () => 5,
      resolutions: () => 3,
    });
    metrics.recordError("RATE_LIMITED");
    metrics.subgraphFetch("ledger").observe(0.003);
    const scraped = await metrics.scrape();
    const { contentType } = scraped;
    let { body } = scraped;
    expect(contentType).toContain("text/plain");
    expect(body).toContain("graphql_live_subscriptions 2");
    expect(body).toContain("graphql_ws_open_sockets 1");
    expect(body).toContain("live_event_lag_seconds 0.25");
    expect(body).toContain("live_events_total 7");
    expect(body).toContain("live_resolutions_total 3");
    expect(body).toContain('graphql_errors_total{code="RATE_LIMITED"} 1');
    expect(body).toContain('subgraph_fetch_duration_seconds_count{subgraph="ledger"} 1');
    subscriptions = 0;
    ({ body } = await metrics.scrape());
    expect(body).toContain("graphql_live_subscriptions 0");
  });

  it("is fed by the Apollo plugin: names from the document, outcomes, codes as clients see them, internal operations skipped", async () => {
    const metrics = new GatewayMetrics({ processMetrics: false });
    const server = new ApolloServer<{ internal?: boolean }>({
      typeDefs: `type Query { ok: Int, boom: Int }`,
      resolvers: {
        Query: {
          ok: () => 1,
          boom: () => {
            throw new Error("kaput");
          },
        },
      },
      plugins: [metricsPlugin(metrics, { skip: (context) => context.internal === true })],
      formatError: (formatted) => ({ ...formatted, extensions: { ...formatted.extensions, code: formatted.extensions?.code ?? "X" } }),
    });
    await server.start();
    await server.executeOperation({ query: "query Fine { ok }" });
    await server.executeOperation({ query: "query Mixed { ok boom }" });
    await server.executeOperation({ query: "query Invalid { nope }" });
    await server.executeOperation({ query: "query Internal { ok }" }, { contextValue: { internal: true } });
    await server.stop();
    expect(await value(metrics, "graphql_requests_total", { operation: "Fine", type: "query", outcome: "success" })).toBe(1);
    expect(await value(metrics, "graphql_requests_total", { operation: "Mixed", type: "query", outcome: "partial" })).toBe(1);
    expect(await value(metrics, "graphql_requests_total", { operation: "Invalid", type: "unknown", outcome: "error" })).toBe(1);
    expect(await value(metrics, "graphql_requests_total", { operation: "Internal" })).toBeUndefined();
    expect(await value(metrics, "graphql_errors_total", { code: "GRAPHQL_VALIDATION_FAILED" })).toBe(1);
    expect(await value(metrics, "graphql_errors_total", { code: "INTERNAL_SERVER_ERROR" })).toBe(1);
  });
});

describe("lean metrics in the text format", () => {
  it("writes cumulative buckets, sum and count like prom-client's own histogram", async () => {
    const metrics = new GatewayMetrics({ processMetrics: false });
    const ledger = metrics.subgraphFetch("ledger");
    for (const seconds of [0.0004, 0.002, 0.002, 0.3, 99]) ledger.observe(seconds);
    ledger.observe(Number.NaN);
    const { body } = await metrics.scrape();
    const lines = body.split("\n").filter((l) => l.startsWith("subgraph_fetch_duration_seconds"));
    expect(lines).toContain('subgraph_fetch_duration_seconds_bucket{le="0.0005",subgraph="ledger"} 1');
    expect(lines).toContain('subgraph_fetch_duration_seconds_bucket{le="0.0025",subgraph="ledger"} 3');
    expect(lines).toContain('subgraph_fetch_duration_seconds_bucket{le="0.5",subgraph="ledger"} 4');
    expect(lines).toContain('subgraph_fetch_duration_seconds_bucket{le="5",subgraph="ledger"} 4');
    expect(lines).toContain('subgraph_fetch_duration_seconds_bucket{le="+Inf",subgraph="ledger"} 5');
    expect(lines).toContain('subgraph_fetch_duration_seconds_count{subgraph="ledger"} 5');
    expect(lines.find((l) => l.startsWith("subgraph_fetch_duration_seconds_sum"))).toMatch(/ 99\.3044/);
    expect(body).toContain("# TYPE subgraph_fetch_duration_seconds histogram");
    expect(body).toContain("# TYPE graphql_requests_total counter");
    metrics.registry.resetMetrics();
    expect((await metrics.scrape()).body).not.toContain('subgraph_fetch_duration_seconds_count{subgraph="ledger"}');
  });
});
