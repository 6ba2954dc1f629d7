import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { brotliDecompressSync, gunzipSync } from "node:zlib";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { startStubbedGateway, type StubbedGateway } from "../gateway.fixture.js";
import { WEB_APP_CSP } from "./web-app.js";

const INDEX = `<!doctype html><html><head><script type="module" src="/assets/app-1a2b3c.js"></script></head><body><div id="root"></div></body></html>`;
const SCRIPT = `console.log(${JSON.stringify("x".repeat(5000))});\n`;

/** Raw HTTP (no automatic decompression), so the test sees exactly what the gateway sent. */
async function get(url: string, headers: Record<string, string> = {}, method = "GET") {
  const { request } = await import("node:http");
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }>((resolve, reject) => {
    const req = request(url, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on("error", reject);
    req.end();
  });
}

describe("the web app served by the gateway at / (real HTTP)", () => {
  let dir: string;
  let sg: StubbedGateway;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "moneta-web-"));
    mkdirSync(join(dir, "assets"));
    writeFileSync(join(dir, "index.html"), INDEX);
    writeFileSync(join(dir, "assets", "app-1a2b3c.js"), SCRIPT);
    writeFileSync(join(dir, "favicon.svg"), `<svg xmlns="http://www.w3.org/2000/svg"/>`);
    writeFileSync(join(tmpdir(), "moneta-web-secret.txt"), "outside the build folder");
    sg = await startStubbedGateway({ development: false, webDistDir: dir });
  });
  afterAll(async () => {
    await sg?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("answers / and every route of the app with index.html, revalidated each time, under a strict CSP", async () => {
    for (const path of ["/", "/transactions", "/groups/0f9c3c3e-2c1b-4a4e-9d7e-1b2c3d4e5f60", "/signin?next=%2Fbudgets"]) {
      const res = await get(sg.origin + path);
      expect(res.status, path).toBe(200);
      expect(res.headers["content-type"]).toBe("text/html; charset=utf-8");
      expect(res.headers["cache-control"]).toBe("no-cache");
      expect(res.headers["content-security-policy"]).toBe(WEB_APP_CSP);
      expect(res.headers["x-content-type-options"]).toBe("nosniff");
      expect(res.body.toString()).toBe(INDEX);
    }
    expect(WEB_APP_CSP).toContain("script-src 'self'");
    expect(WEB_APP_CSP).not.toMatch(/unsafe-eval|https?:|\*/);
  });

  it("serves hashed assets for good, compressed as the browser accepts (Brotli, then gzip, else plain)", async () => {
    const url = `${sg.origin}/assets/app-1a2b3c.js`;
    const br = await get(url, { "accept-encoding": "gzip, deflate, br" });
    expect(br.status).toBe(200);
    expect(br.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect(br.headers["content-type"]).toBe("text/javascript; charset=utf-8");
    expect(br.headers["content-encoding"]).toBe("br");
    expect(br.headers.vary).toContain("accept-encoding");
    expect(brotliDecompressSync(br.body).toString()).toBe(SCRIPT);
    expect(br.body.length).toBeLessThan(SCRIPT.length / 10);
    const gz = await get(url, { "accept-encoding": "gzip" });
    expect(gz.headers["content-encoding"]).toBe("gzip");
    expect(gunzipSync(gz.body).toString()).toBe(SCRIPT);
    const plain = await get(url);
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.body.toString()).toBe(SCRIPT);
    expect(Number(plain.headers["content-length"])).toBe(SCRIPT.length);
  });

  it("answers 304 to a matching If-None-Match, and a new ETag once the file is rebuilt", async () => {
    const first = await get(`${sg.origin}/favicon.svg`);
    expect(first.status).toBe(200);
    expect(first.headers["content-type"]).toBe("image/svg+xml");
    const etag = String(first.headers.etag);
    expect((await get(`${sg.origin}/favicon.svg`, { "if-none-match": etag })).status).toBe(304);
    writeFileSync(join(dir, "favicon.svg"), `<svg xmlns="http://www.w3.org/2000/svg" width="1"/>`);
    utimesSync(join(dir, "favicon.svg"), new Date(), new Date(Date.now() + 5_000));
    const rebuilt = await get(`${sg.origin}/favicon.svg`, { "if-none-match": etag });
    expect(rebuilt.status).toBe(200);
    expect(rebuilt.headers.etag).not.toBe(etag);
  });

  it("is 404 for a missing asset or file (never index.html), and for anything outside the build folder", async () => {
    expect((await get(`${sg.origin}/assets/gone-000000.js`)).status).toBe(404);
    expect((await get(`${sg.origin}/robots.txt`)).status).toBe(404);
    for (const path of [
      "/../moneta-web-secret.txt",
      "/%2e%2e/moneta-web-secret.txt",
      "/assets/..%2f..%2fmoneta-web-secret.txt",
      "/..%5cmoneta-web-secret.txt",
    ]) {
      const res = await get(sg.origin + path);
      expect(res.body.toString(), path).not.toContain("outside the build folder");
    }
    expect((await get(`${sg.origin}/a%00b`)).status).toBe(400);
  });

  it("refuses other methods, and leaves /graphql, /health and /explorer (production: absent) to the gateway", async () => {
    const post = await get(`${sg.origin}/transactions`, {}, "POST");
    expect(post.status).toBe(405);
    expect(post.headers.allow).toBe("GET, HEAD");
    const head = await get(`${sg.origin}/`, {}, "HEAD");
    expect(head.status).toBe(200);
    expect(head.body.length).toBe(0);
    expect((await get(`${sg.origin}/health`)).status).toBe(200);
    const api = await fetch(`${sg.origin}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: "{ fast }" }),
    });
    expect(await api.json()).toEqual({ data: { fast: "fast" } });
  });

  it("says how to build the app when there is none, instead of a blank page", async () => {
    const empty = mkdtempSync(join(tmpdir(), "moneta-web-empty-"));
    const bare = await startStubbedGateway({ development: false, webDistDir: empty });
    try {
      const res = await get(`${bare.origin}/`);
      expect(res.status).toBe(404);
      expect(res.body.toString()).toContain("npm run build:web");
    } finally {
      await bare.close();
      rmSync(empty, { recursive: true, force: true });
    }
  });
});
