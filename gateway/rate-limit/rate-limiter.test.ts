import type { IncomingMessage } from "node:http";

import { GraphQLError } from "graphql";
import { pino } from "pino";
import { afterEach, describe, expect, it } from "vitest";

import type { Caller } from "../../platform/auth/caller.js";
import { type KeyValueStore, MemoryKeyValueStore } from "../../platform/cache/index.js";
import type { Authenticator } from "../auth/authenticator.js";
import { guardApiKeys } from "./api-key-guard.js";
import type { RateLimits } from "./rate-limit.config.js";
import { RateLimiter } from "./rate-limiter.js";

const logger = pino({ level: "silent" });
const limits: RateLimits = { user: 100, apiKey: 50, ip: 30, failedApiKeysPerIp: 3, windowMs: 60_000 };

describe("RateLimiter (memory store, pinned clock)", () => {
  let now = 1_000_000;
  const stores: KeyValueStore[] = [];
  afterEach(async () => {
    await Promise.all(stores.splice(0).map((s) => s.close()));
  });

  function setup(overrides: Partial<RateLimits> = {}, store?: KeyValueStore) {
    now = 1_000_000;
    const s = store ?? new MemoryKeyValueStore({ prefix: "rl-test", clock: { now: () => now }, sweepIntervalMs: 0 });
    stores.push(s);
    return { store: s, limiter: new RateLimiter({ store: s, limits: { ...limits, ...overrides }, logger, now: () => now }) };
  }

  const user: Caller = { userId: "u1", scopes: ["*"] };
  const key: Caller = { userId: "u1", apiKeyId: "k1", scopes: ["ledger:read"] };
  const anonymous: Caller = { scopes: [] };

  it("charges API keys, users and anonymous IPs to separate buckets with their own limits", () => {
    const { limiter } = setup();
    expect(limiter.bucketFor(key, { ip: "10.0.0.1" })).toEqual({ kind: "apiKey", id: "k1", limit: 50 });
    expect(limiter.bucketFor(user, { ip: "10.0.0.1" })).toEqual({ kind: "user", id: "u1", limit: 100 });
    expect(limiter.bucketFor(anonymous, { ip: "10.0.0.1" })).toMatchObject({ kind: "ip", limit: 30 });
    expect(limiter.bucketFor(anonymous, { ip: "10.0.0.1" })!.id).not.toContain("10.0.0.1");
    expect(limiter.bucketFor(anonymous, { ip: "10.0.0.1" })!.id).not.toBe(limiter.bucketFor(anonymous, { ip: "10.0.0.2" })!.id);
    expect(limiter.bucketFor(anonymous, {})).toBeUndefined();
  });

  it("lets operations through up to the limit, then refuses with the time left in the window, charging nothing", async () => {
    const { limiter, store } = setup();
    const bucket = limiter.bucketFor(user, {})!;
    expect(await limiter.charge(bucket, 60)).toBeNull();
    now += 15_000;
    expect(await limiter.charge(bucket, 40)).toBeNull();
    expect(await limiter.charge(bucket, 1)).toEqual({ retryAfterSeconds: 45, limit: 100, cost: 1 });
    expect(await store.get("ratelimit:user:u1")).toBe("100");
    now += 44_001;
    expect(await limiter.charge(bucket, 30)).toEqual({ retryAfterSeconds: 1, limit: 100, cost: 30 });
    now += 1_000;
    expect(await limiter.charge(bucket, 100)).toBeNull();
  });

  it("hands back a refused charge, so a smaller operation still fits", async () => {
    const { limiter } = setup();
    const bucket = limiter.bucketFor(key, {})!;
    expect(await limiter.charge(bucket, 45)).toBeNull();
    expect(await limiter.charge(bucket, 10)).not.toBeNull();
    expect(await limiter.charge(bucket, 5)).toBeNull();
  });

  it("charges at least one unit per operation, and nothing when a limit is off", async () => {
    const { limiter, store } = setup({ user: 0 });
    expect(await limiter.charge(limiter.bucketFor(key, {})!, 0)).toBeNull();
    expect(await store.get("ratelimit:apiKey:k1")).toBe("1");
    for (let i = 0; i < 5; i++) expect(await limiter.charge(limiter.bucketFor(user, {})!, 1_000_000)).toBeNull();
    expect(await store.get("ratelimit:user:u1")).toBeNull();
  });

  it("shares one budget between limiters on the same store (several gateway instances)", async () => {
    const { limiter, store } = setup();
    const other = new RateLimiter({ store, limits, logger, now: () => now });
    expect(await limiter.charge(limiter.bucketFor(user, {})!, 70)).toBeNull();
    expect(await other.charge(other.bucketFor(user, {})!, 31)).not.toBeNull();
    expect(await other.charge(other.bucketFor(user, {})!, 30)).toBeNull();
  });

  it("lets requests through when the store fails", async () => {
    const { limiter, store } = setup();
    await store.close();
    expect(await limiter.charge(limiter.bucketFor(user, {})!, 1_000)).toBeNull();
    await expect(limiter.recordFailedApiKey("10.0.0.1")).resolves.toBeUndefined();
  });

  describe("failed API keys per IP", () => {
    const request = (apiKey: string | undefined, ip = "10.0.0.9") =>
      ({ headers: apiKey === undefined ? {} : { "x-api-key": apiKey }, socket: { remoteAddress: ip } }) as unknown as IncomingMessage;
    const refused = () => new GraphQLError("invalid API key", { extensions: { code: "UNAUTHENTICATED" } });

    function guarded(overrides: Partial<RateLimits> = {}) {
      const { limiter } = setup(overrides);
      const calls: string[] = [];
      const inner: Authenticator = {
        async authenticate(req) {
          const key = req.headers["x-api-key"] as string | undefined;
          calls.push(key ?? "none");
          if (key === "good") return { userId: "u1", apiKeyId: "k1", scopes: [] };
          if (key === "down") throw new Error("identity unreachable");
          if (key !== undefined) throw refused();
          return { scopes: [] };
        },
      };
      return { calls, auth: guardApiKeys(inner, limiter, (req) => ({ ip: req.socket.remoteAddress })) };
    }

    async function code(promise: Promise<unknown>) {
      try {
        await promise;
        return "ok";
      } catch (error) {
        return error instanceof GraphQLError ? error.extensions.code : "thrown";
      }
    }

    it("refuses an IP from memory once it reached the limit, without asking identity, until the window ends", async () => {
      const { auth, calls } = guarded();
      for (let i = 0; i < 3; i++) expect(await code(auth.authenticate(request(`bad-${i}`)))).toBe("UNAUTHENTICATED");
      let error: unknown;
      await auth.authenticate(request("good")).catch((e: unknown) => (error = e));
      expect(error).toBeInstanceOf(GraphQLError);
      expect((error as GraphQLError).extensions).toMatchObject({ code: "RATE_LIMITED", retryAfterSeconds: 60, http: { status: 429 } });
      expect(calls).toEqual(["bad-0", "bad-1", "bad-2"]);
      // Other addresses, and requests without a key, are not affected.
      expect(await code(auth.authenticate(request("good", "10.0.0.10")))).toBe("ok");
      expect(await code(auth.authenticate(request(undefined)))).toBe("ok");
      now += 60_000;
      expect(await code(auth.authenticate(request("good")))).toBe("ok");
    });

    it("does not count identity being unreachable as a failed key", async () => {
      const { auth } = guarded({ failedApiKeysPerIp: 1 });
      expect(await code(auth.authenticate(request("down")))).toBe("thrown");
      expect(await code(auth.authenticate(request("good")))).toBe("ok");
    });

    it("is off at 0", async () => {
      const { auth } = guarded({ failedApiKeysPerIp: 0 });
      for (let i = 0; i < 10; i++) expect(await code(auth.authenticate(request("bad")))).toBe("UNAUTHENTICATED");
    });
  });
});
