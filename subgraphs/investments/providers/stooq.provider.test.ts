import { readFileSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { PriceProviderError } from "./price-provider.js";
import { StooqPriceProvider } from "./stooq.provider.js";

/**
 * Stooq's answer for aapl.us over January and February 2025, in the exact shape its endpoint
 * publishes (header, CRLF lines, closes with 2 to 4 decimals). Served from a local server: the
 * tests never reach the network.
 */
const fixture = readFileSync(new URL("./fixtures/stooq-aapl.us-daily.csv", import.meta.url), "utf8");

type Handler = (request: IncomingMessage, response: ServerResponse) => void;

describe("the Stooq provider over HTTP", () => {
  let server: Server;
  let baseUrl: string;
  let handler: Handler;
  const requests: URL[] = [];

  beforeAll(async () => {
    server = createServer((request, response) => {
      requests.push(new URL(request.url!, "http://localhost"));
      handler(request, response);
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/q/d/l/`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  const provider = (timeoutMs = 2_000) => new StooqPriceProvider({ baseUrl, timeoutMs });
  const serve = (status: number, body: string, type = "text/csv") => {
    handler = (_request, response) => {
      response.writeHead(status, { "content-type": type });
      response.end(body);
    };
  };
  const failure = (promise: Promise<unknown>) =>
    promise.then(
      () => "no error",
      (error: unknown) => (error instanceof PriceProviderError ? error.failure : `other: ${String(error)}`),
    );

  it("asks for the symbol's daily closes between two days and reads the recorded answer", async () => {
    serve(200, fixture);
    const closes = await provider().dailyCloses("AAPL.US", "2025-02-10", "2025-02-14");
    const asked = requests.at(-1)!;
    expect(asked.pathname).toBe("/q/d/l/");
    expect(Object.fromEntries(asked.searchParams)).toEqual({ s: "aapl.us", i: "d", d1: "20250210", d2: "20250214" });
    expect(closes.map((c) => c.date)).toEqual(["2025-02-10", "2025-02-11", "2025-02-12", "2025-02-13", "2025-02-14"]);
    expect(closes.at(-1)).toEqual({ date: "2025-02-14", close: "242.778" });
  });

  it("names each way a feed can fail: status, no data, a page instead of CSV, silence, no server", async () => {
    serve(503, "busy");
    expect(await failure(provider().dailyCloses("aapl.us", "2025-01-01", "2025-01-31"))).toBe("HTTP_STATUS");
    serve(200, "No data", "text/plain");
    expect(await failure(provider().dailyCloses("nosuch.us", "2025-01-01", "2025-01-31"))).toBe("NO_DATA");
    serve(200, "<html><body>Please enable JavaScript</body></html>", "text/html");
    expect(await failure(provider().dailyCloses("aapl.us", "2025-01-01", "2025-01-31"))).toBe("NOT_CSV");
    handler = () => undefined; // accepts the request and never answers
    const started = Date.now();
    expect(await failure(provider(150).dailyCloses("aapl.us", "2025-01-01", "2025-01-31"))).toBe("TIMEOUT");
    expect(Date.now() - started).toBeLessThan(2_000);
    const closed = new StooqPriceProvider({ baseUrl: "http://127.0.0.1:1/q/d/l/", timeoutMs: 2_000 });
    expect(await failure(closed.dailyCloses("aapl.us", "2025-01-01", "2025-01-31"))).toBe("UNREACHABLE");
  });

  it("refuses an answer larger than it is willing to read", async () => {
    serve(200, fixture);
    const small = new StooqPriceProvider({ baseUrl, timeoutMs: 2_000, maxBytes: 100 });
    expect(await failure(small.dailyCloses("aapl.us", "2025-01-01", "2025-01-31"))).toBe("TOO_LARGE");
  });
});
