import { pino } from "pino";
import { afterEach, beforeAll, describe, expect, it } from "vitest";

import {
  generateInternalKeys,
  INTERNAL_TOKEN_HEADER,
  type InternalKeyPair,
  InternalTokenSigner,
  InternalTokenVerifier,
} from "../../platform/auth/internal-token.js";
import { createEnvelope } from "../../platform/events/envelope.js";
import { MemoryEventBus } from "../../platform/events/memory-bus.js";
import { systemClock } from "../../platform/time/clock.js";
import { randomIds } from "../../platform/time/ids.js";
import { IDENTITY_API_KEY_TOPIC } from "../../schema/events/identity.js";
import {
  type ApiKeyGrant,
  IdentityApiKeyResolver,
  type IdentityApiKeyResolverOptions,
  INTERNAL_API_KEYS_SCOPE,
} from "./api-key-resolver.js";

const logger = pino({ level: "silent" });
const base62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
const randomKey = () => {
  const pick = (n: number) => Array.from({ length: n }, () => base62[Math.floor(Math.random() * 62)]).join("");
  return `mk_${pick(8)}_${pick(43)}`;
};

/** Stands in for identity's `resolveApiKey`, recording every call and the token it came with. */
function fakeIdentity(keys: Map<string, ApiKeyGrant>, verifier: InternalTokenVerifier) {
  const calls: Array<{ secret: string; scopes: readonly string[]; userId?: string }> = [];
  let gate: Promise<void> = Promise.resolve();
  const fetchFn = (async (_url: string, init: RequestInit) => {
    const { caller } = await verifier.verify(new Headers(init.headers).get(INTERNAL_TOKEN_HEADER) ?? undefined);
    const secret = JSON.parse(init.body as string).variables.secret as string;
    calls.push({ secret, scopes: caller.scopes, userId: caller.userId });
    await gate;
    return new Response(JSON.stringify({ data: { resolveApiKey: keys.get(secret) ?? null } }), {
      headers: { "content-type": "application/json" },
    });
  }) as typeof fetch;
  return {
    fetch: fetchFn,
    calls,
    hold: (until: Promise<void>) => {
      gate = until;
    },
  };
}

describe("IdentityApiKeyResolver", () => {
  let internal: InternalKeyPair;
  let now = 0;
  const resolvers: IdentityApiKeyResolver[] = [];
  const grant = (keyId: string, userId = "user-1"): ApiKeyGrant => ({ keyId, userId, scopes: ["transactions:read"], safelistOnly: false });

  beforeAll(async () => {
    internal = await generateInternalKeys();
  });
  afterEach(async () => {
    await Promise.all(resolvers.splice(0).map((r) => r.close()));
  });

  function setup(keys: Map<string, ApiKeyGrant>, options: Partial<IdentityApiKeyResolverOptions> = {}) {
    now = 0;
    const identity = fakeIdentity(keys, new InternalTokenVerifier(internal.publicKey));
    const resolver = new IdentityApiKeyResolver({
      url: "http://identity.test/graphql",
      signer: new InternalTokenSigner(internal.privateKey),
      fetch: identity.fetch,
      now: () => now,
      logger,
      ...options,
    });
    resolvers.push(resolver);
    return { identity, resolver };
  }

  it("asks identity as the gateway's service caller and returns the owner as a Caller without a session", async () => {
    const key = randomKey();
    const { identity, resolver } = setup(new Map([[key, grant("k1")]]));
    expect(await resolver.resolve(key)).toEqual({ userId: "user-1", scopes: ["transactions:read"], apiKeyId: "k1", safelistOnly: false });
    expect(identity.calls).toEqual([{ secret: key, scopes: [INTERNAL_API_KEYS_SCOPE], userId: undefined }]);
  });

  it("carries safelistOnly onto the Caller, so the gateway can hold the key to persisted operations", async () => {
    const key = randomKey();
    const { resolver } = setup(new Map([[key, { ...grant("k2"), safelistOnly: true }]]));
    expect(await resolver.resolve(key)).toMatchObject({ apiKeyId: "k2", safelistOnly: true });
  });

  it("costs one identity call per key per TTL (at most 60 s), and one for concurrent first uses", async () => {
    const key = randomKey();
    const { identity, resolver } = setup(new Map([[key, grant("k1")]]), { ttlMs: 10 * 60_000 });
    await Promise.all(Array.from({ length: 20 }, () => resolver.resolve(key)));
    now = 59_999;
    await resolver.resolve(key);
    expect(identity.calls).toHaveLength(1);
    now = 60_000;
    await resolver.resolve(key);
    expect(identity.calls).toHaveLength(2);
  });

  it("refuses malformed keys without calling identity, remembers misses briefly, and stays bounded under a flood", async () => {
    const { identity, resolver } = setup(new Map(), { maxMisses: 100, missTtlMs: 5_000 });
    for (const bad of ["", "nope", "mk_short_x", `${randomKey()}!`, "x".repeat(10_000)]) expect(await resolver.resolve(bad)).toBeNull();
    expect(identity.calls).toHaveLength(0);

    const unknown = randomKey();
    await resolver.resolve(unknown);
    await resolver.resolve(unknown);
    expect(identity.calls).toHaveLength(1);
    now = 5_000;
    await resolver.resolve(unknown);
    expect(identity.calls).toHaveLength(2);

    for (let i = 0; i < 500; i++) await resolver.resolve(randomKey());
    expect(resolver.cachedMisses).toBeLessThanOrEqual(100);
    expect(resolver.cachedGrants).toBe(0);
  });

  it("throws when identity fails, so an outage is not mistaken for an unknown key, and caches nothing", async () => {
    const key = randomKey();
    const failing = (async () =>
      new Response(JSON.stringify({ errors: [{ message: "no", extensions: { code: "FORBIDDEN" } }] }))) as typeof fetch;
    const { resolver } = setup(new Map(), { fetch: failing });
    await expect(resolver.resolve(key)).rejects.toThrow(/FORBIDDEN/);
    expect(resolver.cachedMisses).toBe(0);
  });

  it("evicts a revoked key when identity announces it, and refuses an answer that was in flight at the time", async () => {
    const bus = new MemoryEventBus(logger);
    const revoked = (keyId: string) => {
      const envelope = createEnvelope(
        { topic: IDENTITY_API_KEY_TOPIC, type: "ApiKeyRevoked", key: "user-1", data: { keyId, userId: "user-1" } },
        "identity",
        "t",
        systemClock,
        randomIds,
      );
      return bus.publish([{ topic: IDENTITY_API_KEY_TOPIC, key: "user-1", value: JSON.stringify(envelope), headers: {} }]);
    };
    const [cachedKey, racingKey] = [randomKey(), randomKey()];
    const keys = new Map([
      [cachedKey, grant("k1")],
      [racingKey, grant("k2")],
    ]);
    const { identity, resolver } = setup(keys, { bus });
    await resolver.start();

    expect(await resolver.resolve(cachedKey)).not.toBeNull();
    keys.delete(cachedKey);
    await revoked("k1");
    await waitFor(() => resolver.cachedGrants === 0);
    expect(await resolver.resolve(cachedKey)).toBeNull();

    let release!: () => void;
    identity.hold(new Promise((resolve) => (release = resolve)));
    const inFlight = resolver.resolve(racingKey);
    await revoked("k2");
    await waitFor(() => identity.calls.some((c) => c.secret === racingKey));
    await new Promise((resolve) => setTimeout(resolve, 20));
    release();
    expect(await inFlight).toBeNull();
    expect(resolver.cachedGrants).toBe(0);
    await bus.close();
  });

  it("drops every key of a deleted account", async () => {
    const bus = new MemoryEventBus(logger);
    const [a, b] = [randomKey(), randomKey()];
    const { resolver } = setup(
      new Map([
        [a, grant("k1", "gone")],
        [b, grant("k2", "stays")],
      ]),
      { bus },
    );
    await resolver.start();
    await resolver.resolve(a);
    await resolver.resolve(b);
    const envelope = createEnvelope(
      { topic: "identity.user.v1", type: "UserDeleted", key: "gone", data: { userId: "gone" } },
      "identity",
      "t",
      systemClock,
      randomIds,
    );
    await bus.publish([{ topic: "identity.user.v1", key: "gone", value: JSON.stringify(envelope), headers: {} }]);
    await waitFor(() => resolver.cachedGrants === 1);
    await bus.close();
  });
});

async function waitFor(condition: () => boolean, timeoutMs = 2_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
