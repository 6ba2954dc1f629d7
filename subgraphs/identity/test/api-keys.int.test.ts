import { createHash } from "node:crypto";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { Caller } from "../../../platform/auth/caller.js";
import { INTERNAL_TOKEN_HEADER, InternalTokenSigner } from "../../../platform/auth/internal-token.js";
import { eventually } from "../../../platform/testing/eventually.js";
import { realServicesConfig } from "../../../platform/testing/services.js";
import { FixedClock } from "../../../platform/time/index.js";
import {
  type GraphQLResult,
  postGraphQL,
  type RegisteredUser,
  startTestSupergraph,
  type TestSupergraph,
} from "../../../test/harness/supergraph.js";

const CREATE = `mutation($input: CreateApiKeyInput!) {
  createApiKey(input: $input) { secret apiKey { id name prefix scopes safelistOnly createdAt lastUsedAt revokedAt } }
}`;
const LIST = `{ apiKeys { id name prefix scopes safelistOnly createdAt lastUsedAt revokedAt } }`;
const REVOKE = `mutation($id: ID!) { revokeApiKey(id: $id) { id revokedAt } }`;
const RESOLVE = `query($secret: String!) { resolveApiKey(secret: $secret) { keyId userId scopes safelistOnly } }`;
const ME = `{ me { id } }`;
const POST = `mutation($input: PostTransactionInput!) { postTransaction(input: $input) { id } }`;
const TRANSACTIONS = `{ transactions { nodes { id payee } } }`;

const code = (r: GraphQLResult) => r.errors?.[0]?.extensions?.code;
const apiKey = (secret: string) => ({ "x-api-key": secret });
const sha256 = (s: string) => createHash("sha256").update(s).digest("base64url");

describe("API keys (real PostgreSQL, Redis, Kafka, through the gateway)", () => {
  // Pinned: grants cached by the gateway never expire on their own here, so a refused key after
  // revocation proves the revocation event evicted it.
  const clock = new FixedClock(new Date());
  let sg: TestSupergraph;
  let owner: RegisteredUser;
  let other: RegisteredUser;
  let signer: InternalTokenSigner;

  beforeAll(async () => {
    sg = await startTestSupergraph(realServicesConfig(), { clock });
    owner = await sg.register("Olive");
    other = await sg.register("Otto");
    signer = new InternalTokenSigner(sg.all.platform.internalKeys.privateKey!);
  });
  afterAll(async () => sg?.close());

  async function create(user: RegisteredUser, input: Record<string, unknown> = {}) {
    const r = await sg.query(CREATE, { input: { name: "Sync app", scopes: ["ledger:read"], ...input } }, user.headers);
    expect(r.errors).toBeUndefined();
    return r.data.createApiKey as { secret: string; apiKey: { id: string; prefix: string; revokedAt: string | null } };
  }

  /** Calls identity directly, as the gateway would, with a caller of our choosing. */
  async function identityAs(caller: Caller, query: string, variables: Record<string, unknown>) {
    return postGraphQL(
      sg.all.urls.identity!,
      { query, variables },
      { [INTERNAL_TOKEN_HEADER]: await signer.sign(caller, "api-keys-test") },
    );
  }
  const gatewayCaller: Caller = { scopes: ["internal:api-keys"] };

  const identityDb = () => sg.subgraph("identity").kit.dataSource;

  it("creates a key whose secret is shown once and stored only as a hash", async () => {
    const r = await sg.query(
      CREATE,
      { input: { name: "  Budget sync  ", scopes: ["transactions:read", "budgets:write", "transactions:read"] } },
      owner.headers,
    );
    expect(r.errors).toBeUndefined();
    const { secret, apiKey: key } = r.data.createApiKey;
    expect(secret).toMatch(/^mk_[0-9A-Za-z]{8}_[0-9A-Za-z]{43}$/);
    expect(key).toMatchObject({
      name: "Budget sync",
      prefix: secret.slice(3, 11),
      scopes: ["transactions:read", "budgets:write"],
      safelistOnly: false,
      createdAt: clock.now().toISOString(),
      lastUsedAt: null,
      revokedAt: null,
    });

    const listed = await sg.query(LIST, {}, owner.headers);
    expect(listed.data.apiKeys[0]).toEqual(key);
    expect(JSON.stringify(listed)).not.toContain(secret.slice(12));
    expect(code(await sg.query(`{ apiKeys { secret } }`, {}, owner.headers))).toBe("GRAPHQL_VALIDATION_FAILED");

    const [row] = await identityDb().query(`SELECT to_jsonb(k) AS row FROM identity.api_keys k WHERE id = $1`, [key.id]);
    expect(row.row.secret_hash).toBe(sha256(secret));
    expect(JSON.stringify(row.row)).not.toContain(secret.slice(12));

    const [event] = await identityDb().query(
      `SELECT topic, key, type, envelope::text AS envelope FROM identity.outbox WHERE envelope->'data'->>'keyId' = $1`,
      [key.id],
    );
    expect(event).toMatchObject({ topic: "identity.apikey.v1", key: owner.id, type: "ApiKeyCreated" });
    expect(event.envelope).not.toContain(secret.slice(12));
    expect(event.envelope).not.toContain(row.row.secret_hash);

    const audit = await sg.query(`{ securityEvents { type details } }`, {}, owner.headers);
    // The pinned clock gives every event the same time, so look the event up rather than rely on order.
    expect(audit.data.securityEvents.filter((e: { type: string }) => e.type === "API_KEY_CREATED")).toEqual([
      { type: "API_KEY_CREATED", details: expect.objectContaining({ keyId: key.id, prefix: key.prefix }) },
    ]);

    const exported = await sg.query(`{ exportMyData { content } }`, {}, owner.headers);
    const doc = JSON.parse(exported.data.exportMyData.content);
    expect(doc.apiKeys).toEqual(expect.arrayContaining([expect.objectContaining({ id: key.id, prefix: key.prefix, name: "Budget sync" })]));
    expect(exported.data.exportMyData.content).not.toContain(secret.slice(12));
    expect(exported.data.exportMyData.content).not.toContain(row.row.secret_hash);
    expect(exported.data.exportMyData.content).not.toMatch(/secret_hash/);
  });

  it("lets a request with x-api-key act as the key's owner", async () => {
    const accountId = await sg.createAccount(owner, "USD");
    const posted = await sg.query(
      POST,
      { input: { accountId, amount: { amount: "-3.50", currency: "USD" }, payee: "Coffee", date: "2026-11-05" } },
      owner.headers,
    );
    expect(posted.errors).toBeUndefined();
    const { secret, apiKey: key } = await create(owner);

    const me = await sg.query(ME, {}, apiKey(secret));
    expect(me.errors).toBeUndefined();
    expect(me.data.me.id).toBe(owner.id);
    const txs = await sg.query(TRANSACTIONS, {}, apiKey(secret));
    expect(txs.errors).toBeUndefined();
    expect(txs.data.transactions.nodes).toEqual([{ id: posted.data.postTransaction.id, payee: "Coffee" }]);
    // A safelist-only key is held to the persisted operations (test/persisted.int.test.ts).
    const safelisted = await create(owner, { safelistOnly: true });
    expect(code(await sg.query(ME, {}, apiKey(safelisted.secret)))).toBe("PERSISTED_QUERY_REQUIRED");

    const listed = await sg.query(LIST, {}, owner.headers);
    expect(listed.data.apiKeys.find((k: { id: string }) => k.id === key.id)).toMatchObject({
      safelistOnly: false,
      lastUsedAt: clock.now().toISOString(),
    });
    expect(listed.data.apiKeys.find((k: { id: string }) => k.id === safelisted.apiKey.id)).toMatchObject({
      safelistOnly: true,
      lastUsedAt: clock.now().toISOString(),
    });
  });

  it("refuses wrong, unknown and malformed keys, and a request carrying both a token and a key", async () => {
    const { secret } = await create(owner);
    const flipped = secret.slice(0, -1) + (secret.endsWith("a") ? "b" : "a");
    const unknown = `mk_${"A".repeat(8)}_${"b".repeat(43)}`;
    for (const bad of [flipped, unknown, "", "mk_", "not-a-key", `${secret}x`, `Bearer ${secret}`, "x".repeat(5_000)]) {
      const r = await sg.query(ME, {}, apiKey(bad));
      expect(r.status, bad.slice(0, 20)).toBe(401);
      expect(code(r), bad.slice(0, 20)).toBe("UNAUTHENTICATED");
      expect(r.data?.me).toBeUndefined();
    }
    const both = await sg.query(ME, {}, { ...owner.headers, ...apiKey(secret) });
    expect(both.status).toBe(401);
    expect(code(both)).toBe("UNAUTHENTICATED");
    // The key itself still works: none of the above disturbed it.
    expect((await sg.query(ME, {}, apiKey(secret))).data.me.id).toBe(owner.id);
  });

  it("stops accepting a key within seconds of its revocation (the event evicts the gateway's cache)", async () => {
    const { secret, apiKey: key } = await create(owner);
    expect((await sg.query(ME, {}, apiKey(secret))).data.me.id).toBe(owner.id);

    const revoked = await sg.query(REVOKE, { id: key.id }, owner.headers);
    expect(revoked.errors).toBeUndefined();
    expect(revoked.data.revokeApiKey).toEqual({ id: key.id, revokedAt: clock.now().toISOString() });
    await eventually(
      async () => {
        const r = await sg.query(ME, {}, apiKey(secret));
        expect(code(r)).toBe("UNAUTHENTICATED");
      },
      { timeoutMs: 5_000, intervalMs: 50 },
    );

    // Revoking again changes nothing and announces nothing new.
    expect((await sg.query(REVOKE, { id: key.id }, owner.headers)).data.revokeApiKey).toEqual(revoked.data.revokeApiKey);
    const events = await identityDb().query(`SELECT type FROM identity.outbox WHERE envelope->'data'->>'keyId' = $1 ORDER BY seq`, [
      key.id,
    ]);
    expect(events.map((e: { type: string }) => e.type)).toEqual(["ApiKeyCreated", "ApiKeyRevoked"]);
    const audit = await sg.query(`{ securityEvents { type details } }`, {}, owner.headers);
    expect(audit.data.securityEvents.filter((e: { type: string }) => e.type === "API_KEY_REVOKED")).toEqual([
      expect.objectContaining({ details: expect.objectContaining({ keyId: key.id }) }),
    ]);
    expect((await sg.query(LIST, {}, owner.headers)).data.apiKeys.find((k: { id: string }) => k.id === key.id).revokedAt).toBe(
      clock.now().toISOString(),
    );
  });

  it("answers NOT_FOUND, with the same message, for another user's key and for unknown ids", async () => {
    const { secret, apiKey: key } = await create(owner);
    const results = await Promise.all(
      [key.id, "00000000-0000-4000-8000-00000000dead", "not-a-uuid"].map((id) => sg.query(REVOKE, { id }, other.headers)),
    );
    expect(results.map(code)).toEqual(["NOT_FOUND", "NOT_FOUND", "NOT_FOUND"]);
    expect(new Set(results.map((r) => r.errors?.[0]?.message)).size).toBe(1);
    expect((await sg.query(ME, {}, apiKey(secret))).data.me.id).toBe(owner.id);
    expect((await sg.query(LIST, {}, other.headers)).data.apiKeys).toEqual([]);
  });

  it("never lets an API key manage keys or the account", async () => {
    const { secret, apiKey: key } = await create(owner);
    const attempts = [
      sg.query(CREATE, { input: { name: "escalate", scopes: ["transactions:write"] } }, apiKey(secret)),
      sg.query(REVOKE, { id: key.id }, apiKey(secret)),
      sg.query(LIST, {}, apiKey(secret)),
      sg.query(`mutation { deleteAccount(password: "${owner.password}") }`, {}, apiKey(secret)),
    ];
    for (const r of await Promise.all(attempts)) expect(code(r)).toBe("FORBIDDEN");
    expect((await sg.query(ME, {}, owner.headers)).data.me.id).toBe(owner.id);
    expect((await sg.query(LIST, {}, owner.headers)).data.apiKeys.find((k: { id: string }) => k.id === key.id).revokedAt).toBeNull();
  });

  it("keeps resolveApiKey out of the client-facing schema and, on identity, for the gateway's internal scope only", async () => {
    const { secret, apiKey: key } = await create(owner, { scopes: ["transactions:read", "budgets:read"] });
    const viaGateway = await sg.query(RESOLVE, { secret }, owner.headers);
    expect(viaGateway.status).toBe(400);
    expect(code(viaGateway)).toBe("GRAPHQL_VALIDATION_FAILED");
    expect(viaGateway.data).toBeUndefined();

    const asUser = await identityAs({ userId: owner.id, sessionId: "00000000-0000-4000-8000-000000000001", scopes: ["*"] }, RESOLVE, {
      secret,
    });
    expect(code(asUser)).toBe("FORBIDDEN");
    expect(asUser.data?.resolveApiKey ?? null).toBeNull();
    const asKey = await identityAs(
      { userId: owner.id, apiKeyId: key.id, scopes: ["transactions:read", "internal:api-keys:read"] },
      RESOLVE,
      { secret },
    );
    expect(code(asKey)).toBe("FORBIDDEN");

    const asGateway = await identityAs(gatewayCaller, RESOLVE, { secret });
    expect(asGateway.errors).toBeUndefined();
    expect(asGateway.data.resolveApiKey).toEqual({
      keyId: key.id,
      userId: owner.id,
      scopes: ["transactions:read", "budgets:read"],
      safelistOnly: false,
    });
    expect((await identityAs(gatewayCaller, RESOLVE, { secret: `mk_${"Z".repeat(8)}_${"z".repeat(43)}` })).data.resolveApiKey).toBeNull();
    expect((await identityAs(gatewayCaller, RESOLVE, { secret: "garbage" })).data.resolveApiKey).toBeNull();
  });

  it("records the last use at most once a minute", async () => {
    const { secret, apiKey: key } = await create(owner);
    const lastUsed = async () => {
      const [row] = await identityDb().query(`SELECT last_used_at FROM identity.api_keys WHERE id = $1`, [key.id]);
      return (row.last_used_at as Date | null)?.toISOString() ?? null;
    };
    const first = clock.now().toISOString();
    await identityAs(gatewayCaller, RESOLVE, { secret });
    expect(await lastUsed()).toBe(first);
    clock.advance(59_000);
    await identityAs(gatewayCaller, RESOLVE, { secret });
    expect(await lastUsed()).toBe(first);
    clock.advance(1_000);
    await identityAs(gatewayCaller, RESOLVE, { secret });
    expect(await lastUsed()).toBe(clock.now().toISOString());
  });

  it("validates names and scopes, writing nothing on a bad request", async () => {
    const user = await sg.register("Vera");
    const attempt = (input: Record<string, unknown>) =>
      sg.query(CREATE, { input: { name: "ok", scopes: ["ledger:read"], ...input } }, user.headers);
    const cases: Array<Record<string, unknown>> = [
      { scopes: [] },
      { scopes: ["*"] },
      { scopes: ["transactions"] },
      { scopes: ["transactions:admin"] },
      { scopes: ["Transactions:read"] },
      { scopes: ["internal:api-keys"] },
      { scopes: Array.from({ length: 21 }, (_, i) => `r${"x".repeat(i)}:read`) },
      { name: "" },
      { name: "   " },
      { name: "n".repeat(101) },
    ];
    for (const input of cases) {
      const r = await attempt(input);
      expect(code(r), JSON.stringify(input).slice(0, 60)).toBe("BAD_USER_INPUT");
    }
    expect((await sg.query(LIST, {}, user.headers)).data.apiKeys).toEqual([]);
    const twentyWithDuplicates = Array.from({ length: 40 }, (_, i) => `r${"x".repeat(i % 20)}:read`);
    expect((await attempt({ scopes: twentyWithDuplicates })).data.createApiKey.apiKey.scopes).toHaveLength(20);
  });

  it("allows at most 25 active keys per user, even under concurrent creation", async () => {
    const user = await sg.register("Lima");
    const keys = [];
    for (let i = 0; i < 23; i++) keys.push(await create(user, { name: `key ${i}` }));
    const racing = await Promise.all(
      Array.from({ length: 5 }, (_, i) => sg.query(CREATE, { input: { name: `race ${i}`, scopes: ["transactions:read"] } }, user.headers)),
    );
    expect(racing.filter((r) => !r.errors)).toHaveLength(2);
    expect(racing.filter((r) => code(r) === "CONFLICT")).toHaveLength(3);
    expect((await sg.query(LIST, {}, user.headers)).data.apiKeys).toHaveLength(25);

    await sg.query(REVOKE, { id: keys[0]!.apiKey.id }, user.headers);
    clock.advance(1_000);
    await create(user, { name: "after revoking one" });
    expect(code(await sg.query(CREATE, { input: { name: "one too many", scopes: ["transactions:read"] } }, user.headers))).toBe("CONFLICT");
    // Revoked keys stay listed, newest first.
    const listed = (await sg.query(LIST, {}, user.headers)).data.apiKeys as Array<{ name: string; revokedAt: string | null }>;
    expect(listed).toHaveLength(26);
    expect(listed[0]!.name).toBe("after revoking one");
  });

  it("drops a deleted account's keys, and the gateway refuses them promptly", async () => {
    const user = await sg.register("Gone");
    const { secret } = await create(user);
    expect((await sg.query(ME, {}, apiKey(secret))).data.me.id).toBe(user.id);
    expect((await sg.query(`mutation { deleteAccount(password: "${user.password}") }`, {}, user.headers)).data.deleteAccount).toBe(true);
    const [count] = await identityDb().query(`SELECT count(*)::int AS n FROM identity.api_keys WHERE user_id = $1`, [user.id]);
    expect(count.n).toBe(0);
    await eventually(async () => expect(code(await sg.query(ME, {}, apiKey(secret)))).toBe("UNAUTHENTICATED"), { timeoutMs: 5_000 });
  });
});
