import { createHash } from "node:crypto";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { ConfigError } from "../../platform/config/index.js";
import { loadGatewaySettings } from "../gateway.config.js";
import { startStubbedGateway, type StubbedGateway } from "../gateway.fixture.js";
import { PersistedDocuments } from "./persisted-documents.js";

const FAST = "query Fast { fast }";
const FAST_ID = `sha256:${createHash("sha256").update(FAST).digest("hex")}`;

async function post(origin: string, body: unknown): Promise<{ status: number; body: any }> {
  const response = await fetch(`${origin}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: await response.json() };
}

describe("a persisted-only gateway (GATEWAY_PERSISTED_ONLY)", () => {
  let strict: StubbedGateway;
  let open: StubbedGateway;
  beforeAll(async () => {
    const persistedDocuments = PersistedDocuments.fromManifest({ [FAST_ID]: FAST });
    strict = await startStubbedGateway({ persistedOnly: true, persistedDocuments });
    open = await startStubbedGateway({ persistedOnly: false, persistedDocuments });
  });
  afterAll(async () => {
    await strict?.close();
    await open?.close();
  });

  it("runs manifest documents by documentId (and their exact text) for any caller, anonymous included", async () => {
    expect((await post(strict.origin, { documentId: FAST_ID })).body).toEqual({ data: { fast: "fast" } });
    expect((await post(strict.origin, { query: FAST })).body).toEqual({ data: { fast: "fast" } });
  });

  it("refuses any other operation with PERSISTED_QUERY_REQUIRED (403) before it runs; the open gateway runs it", async () => {
    const refused = await post(strict.origin, { query: "mutation { slowWrite }" });
    expect(refused.status).toBe(403);
    expect(refused.body.errors[0].extensions.code).toBe("PERSISTED_QUERY_REQUIRED");
    expect(refused.body.data).toBeUndefined();
    expect(strict.completedWrites).toBe(0);
    expect((await post(open.origin, { query: "{ fast }" })).body).toEqual({ data: { fast: "fast" } });
  });

  it("is read from GATEWAY_PERSISTED_ONLY: off by default, a bad value stops boot naming the setting", () => {
    expect(loadGatewaySettings({}).persistedOnly).toBe(false);
    expect(loadGatewaySettings({ GATEWAY_PERSISTED_ONLY: "true" }).persistedOnly).toBe(true);
    expect(loadGatewaySettings({ GATEWAY_PERSISTED_ONLY: " 1 " }).persistedOnly).toBe(true);
    expect(loadGatewaySettings({ GATEWAY_PERSISTED_ONLY: "false" }).persistedOnly).toBe(false);
    expect(() => loadGatewaySettings({ GATEWAY_PERSISTED_ONLY: "yes please" })).toThrow(ConfigError);
    expect(() => loadGatewaySettings({ GATEWAY_PERSISTED_ONLY: "yes please" })).toThrow(/GATEWAY_PERSISTED_ONLY/);
  });
});
