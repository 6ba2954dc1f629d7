import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { startStubbedGateway, type StubbedGateway } from "../gateway.fixture.js";
import { EXPLORER_CSP } from "./explorer.js";

/** Every `src`/`href` in the page: what a browser would load next. */
const urlsIn = (html: string) => [...html.matchAll(/\b(?:src|href)="([^"]+)"/g)].map((m) => m[1]!);

describe("the GraphQL explorer in development (started gateway, real HTTP)", () => {
  let sg: StubbedGateway;
  beforeAll(async () => {
    sg = await startStubbedGateway({ development: true });
  });
  afterAll(async () => sg?.close());

  it("GET /explorer is an HTML page whose scripts, stylesheet and icon all load from the gateway itself", async () => {
    const page = await fetch(`${sg.origin}/explorer`);
    expect(page.status).toBe(200);
    expect(page.headers.get("content-type")).toBe("text/html; charset=utf-8");
    const html = await page.text();
    const urls = urlsIn(html);
    expect(urls.length).toBeGreaterThanOrEqual(5);
    expect(urls.filter((u) => u.endsWith(".js"))).toHaveLength(3);
    expect(urls.some((u) => u.endsWith(".css"))).toBe(true);
    // No other host, no protocol-relative URL, no inline script: everything is a path on this server.
    for (const url of urls) expect(url).toMatch(/^\/[^/]/);
    expect(html).not.toMatch(/https?:\/\/|\/\/[a-z]/i);
    expect(html).not.toMatch(/<script>(?!<\/script>)/);
    for (const url of urls) {
      const asset = await fetch(new URL(url, sg.origin));
      expect(asset.status, url).toBe(200);
      expect((await asset.arrayBuffer()).byteLength, url).toBeGreaterThan(0);
      expect(asset.headers.get("content-type"), url).toMatch(
        url.endsWith(".js") ? /^text\/javascript/ : url.endsWith(".css") ? /^text\/css/ : /^image\//,
      );
    }
  });

  it("restricts the page to its own origin with a Content-Security-Policy", async () => {
    const page = await fetch(`${sg.origin}/explorer`);
    const csp = page.headers.get("content-security-policy") ?? "";
    expect(csp).toBe(EXPLORER_CSP);
    const directives = Object.fromEntries(
      csp
        .split(";")
        .map((d) => d.trim().split(/\s+/))
        .map(([name, ...values]) => [name, values]),
    );
    expect(directives["default-src"]).toEqual(["'self'"]);
    expect(directives["script-src"]).toEqual(["'self'"]);
    expect(directives["connect-src"]).toEqual(["'self'"]);
    // No directive names a host or allows every https source.
    expect(csp).not.toMatch(/https?:|\*/);
  });

  it("serves Monaco's workers from the gateway too, and points the page at /graphql with the header editor open", async () => {
    const html = await (await fetch(`${sg.origin}/explorer`)).text();
    const setupPath = urlsIn(html).find((u) => u.endsWith("/setup.js"))!;
    const setup = await (await fetch(new URL(setupPath, sg.origin))).text();
    const workers = [...setup.matchAll(/"(\/explorer\/[^"]+\.worker\.js)"/g)].map((m) => m[1]!);
    expect(workers).toHaveLength(3);
    for (const worker of workers) expect((await fetch(new URL(worker, sg.origin))).status, worker).toBe(200);
    const startPath = urlsIn(html).find((u) => u.endsWith("/start.js"))!;
    const start = await (await fetch(new URL(startPath, sg.origin))).text();
    expect(start).toContain('"endpoint":"/graphql"');
    expect(start).toContain('"defaultEditorToolsVisibility":"headers"');
    expect(start).toContain("Authorization");
  });

  it("answers the explorer's requests: a JSON POST of the introspection query passes CSRF prevention and the limits", async () => {
    const { getIntrospectionQuery } = await import("graphql");
    const response = await fetch(`${sg.origin}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json" },
      body: JSON.stringify({
        query: getIntrospectionQuery({ inputValueDeprecation: true, directiveIsRepeatable: true, specifiedByUrl: true }),
        operationName: "IntrospectionQuery",
      }),
    });
    const body = (await response.json()) as { data?: { __schema: { queryType: { name: string } } }; errors?: unknown };
    expect(body.errors).toBeUndefined();
    expect(body.data?.__schema.queryType.name).toBe("Query");
  });

  it("keeps /graphql the API and unknown asset paths 404", async () => {
    expect((await fetch(`${sg.origin}/explorer/0.0.0/graphiql.js`)).status).toBe(404);
    const api = await fetch(`${sg.origin}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: "{ fast }" }),
    });
    expect(await api.json()).toEqual({ data: { fast: "fast" } });
  });
});

describe("the GraphQL explorer in production", () => {
  let sg: StubbedGateway;
  beforeAll(async () => {
    sg = await startStubbedGateway({ development: false });
  });
  afterAll(async () => sg?.close());

  it("is not served: GET /explorer is no explorer (at most the web app's own route), and its asset paths are 404", async () => {
    const page = await fetch(`${sg.origin}/explorer`);
    const html = await page.text();
    expect(html).not.toContain("GraphQL explorer");
    expect(html).not.toContain("/explorer/");
    const dev = await startStubbedGateway({ development: true });
    try {
      const assets = urlsIn(await (await fetch(`${dev.origin}/explorer`)).text());
      for (const url of assets) expect((await fetch(new URL(url, sg.origin))).status, url).toBe(404);
    } finally {
      await dev.close();
    }
  });
});
