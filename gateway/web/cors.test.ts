import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { ConfigError } from "../../platform/config/index.js";
import { loadGatewaySettings } from "../gateway.config.js";
import { startStubbedGateway, type StubbedGateway } from "../gateway.fixture.js";

const APP = "http://localhost:5173";
const OTHER_APP = "https://app.example.com";
const EVIL = "https://evil.example";

/** Every CORS response header (`access-control-*`), lower-cased names. */
function corsHeaders(response: Response): Record<string, string> {
  return Object.fromEntries([...response.headers].filter(([name]) => name.startsWith("access-control-")));
}

function preflight(sg: StubbedGateway, origin: string, requestHeaders = "content-type, authorization") {
  return fetch(sg.gateway.url, {
    method: "OPTIONS",
    headers: { origin, "access-control-request-method": "POST", "access-control-request-headers": requestHeaders },
  });
}

const jsonPost = (sg: StubbedGateway, origin: string | undefined) =>
  fetch(sg.gateway.url, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: "Bearer x", ...(origin ? { origin } : {}) },
    body: JSON.stringify({ query: "{ fast }" }),
  });

describe("CORS with CORS_ORIGINS set (started gateway, real HTTP)", () => {
  let sg: StubbedGateway;
  beforeAll(async () => {
    sg = await startStubbedGateway({ corsOrigins: [APP, OTHER_APP] });
  });
  afterAll(async () => sg?.close());

  it("answers a listed origin's preflight with its origin, credentials, the API's methods and headers", async () => {
    const response = await preflight(sg, APP);
    expect(response.status).toBe(204);
    const headers = corsHeaders(response);
    expect(headers["access-control-allow-origin"]).toBe(APP);
    expect(headers["access-control-allow-credentials"]).toBe("true");
    expect(headers["access-control-allow-methods"]!.split(", ")).toEqual(expect.arrayContaining(["GET", "POST"]));
    expect(headers["access-control-allow-headers"]!.split(", ")).toEqual(
      expect.arrayContaining(["content-type", "authorization", "x-api-key", "apollo-require-preflight", "x-trace-id"]),
    );
    expect(Number(headers["access-control-max-age"])).toBeGreaterThan(0);
    expect(response.headers.get("vary")).toMatch(/\bOrigin\b/);
    // Each listed origin gets itself back, never a list or "*".
    expect((await preflight(sg, OTHER_APP)).headers.get("access-control-allow-origin")).toBe(OTHER_APP);
  });

  it("lets a listed origin read the answer to a JSON POST, with the trace id exposed", async () => {
    const response = await jsonPost(sg, APP);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ data: { fast: "fast" } });
    expect(response.headers.get("access-control-allow-origin")).toBe(APP);
    expect(response.headers.get("access-control-allow-credentials")).toBe("true");
    expect(response.headers.get("access-control-expose-headers")).toContain("x-trace-id");
    // Vary: Origin survives whatever Apollo adds to its response.
    expect(response.headers.get("vary")).toMatch(/\bOrigin\b/);
  });

  it("gives an unlisted origin no CORS headers at all, on the preflight and on the request", async () => {
    const refused = await preflight(sg, EVIL);
    expect(corsHeaders(refused)).toEqual({});
    expect(refused.headers.get("vary")).toMatch(/\bOrigin\b/);
    const posted = await jsonPost(sg, EVIL);
    expect(corsHeaders(posted)).toEqual({});
    // Origins match exactly: another scheme, port or a suffix is another origin.
    for (const near of ["https://localhost:5173", "http://localhost:5174", "http://localhost:5173.evil.example", "null"]) {
      expect(corsHeaders(await preflight(sg, near)), near).toEqual({});
    }
  });

  it("keeps CSRF prevention: a request a browser sends without preflight (form-style POST, plain GET) is refused for every origin", async () => {
    for (const origin of [APP, EVIL]) {
      const form = await fetch(sg.gateway.url, {
        method: "POST",
        headers: { origin, "content-type": "text/plain" },
        body: JSON.stringify({ query: "mutation { slowWrite }" }),
      });
      expect(form.status).toBe(400);
      const get = await fetch(`${sg.gateway.url}?query=${encodeURIComponent("{ fast }")}`, { headers: { origin } });
      expect(get.status).toBe(400);
    }
    expect(sg.completedWrites).toBe(0);
    // With the header that forces a preflight, a GET works.
    const allowed = await fetch(`${sg.gateway.url}?query=${encodeURIComponent("{ fast }")}`, {
      headers: { origin: APP, "apollo-require-preflight": "true" },
    });
    expect(allowed.status).toBe(200);
    expect(allowed.headers.get("access-control-allow-origin")).toBe(APP);
  });

  it("adds nothing to requests without an Origin (servers, curl) or to other paths", async () => {
    expect(corsHeaders(await jsonPost(sg, undefined))).toEqual({});
    expect(corsHeaders(await fetch(`${sg.origin}/health`, { headers: { origin: APP } }))).toEqual({});
  });
});

describe("CORS by default (CORS_ORIGINS unset)", () => {
  let sg: StubbedGateway;
  beforeAll(async () => {
    sg = await startStubbedGateway({ corsOrigins: [] });
  });
  afterAll(async () => sg?.close());

  it("sends no CORS header and no Vary: Origin to anyone", async () => {
    const pre = await preflight(sg, APP);
    expect(corsHeaders(pre)).toEqual({});
    expect(pre.status).not.toBe(204);
    const posted = await jsonPost(sg, APP);
    expect(posted.status).toBe(200);
    expect(corsHeaders(posted)).toEqual({});
    expect(posted.headers.get("vary") ?? "").not.toMatch(/\bOrigin\b/);
  });
});

describe("CORS_ORIGINS", () => {
  it("is a comma-separated list of exact origins; none by default", () => {
    expect(loadGatewaySettings({}).corsOrigins).toEqual([]);
    expect(loadGatewaySettings({ CORS_ORIGINS: ` ${APP} , ${OTHER_APP},${APP}` }).corsOrigins).toEqual([APP, OTHER_APP]);
    expect(loadGatewaySettings({ CORS_ORIGINS: "http://[::1]:3000" }).corsOrigins).toEqual(["http://[::1]:3000"]);
  });

  it.each([
    ["*", /"\*" is not allowed/],
    ["http://localhost:5173/", /not an origin; write it as a browser sends it: "http:\/\/localhost:5173"/],
    ["https://app.example.com/path", /not an origin/],
    ["HTTPS://App.Example.com", /not an origin/],
    ["https://app.example.com:443", /not an origin/],
    ["localhost:5173", /must be an http or https origin|not an origin/],
    ["app.example.com", /not an origin/],
    ["ftp://files.example.com", /must be an http or https origin/],
    [`${APP},,${OTHER_APP}`, /empty entry/],
  ])("refuses %j with one line naming the setting", (raw, reason) => {
    let error: unknown;
    try {
      loadGatewaySettings({ CORS_ORIGINS: raw });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toMatch(/^invalid setting CORS_ORIGINS: [^\n]+$/);
    expect((error as Error).message).toMatch(reason);
  });
});
