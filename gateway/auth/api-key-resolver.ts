import { createHash, randomUUID } from "node:crypto";

import type { Logger } from "pino";

import type { Caller } from "../../platform/auth/caller.js";
import { INTERNAL_TOKEN_HEADER, type InternalTokenSigner } from "../../platform/auth/internal-token.js";
import type { EventBus, SubscriptionHandle } from "../../platform/events/bus.js";
import { parseEnvelope } from "../../platform/events/envelope.js";
import { currentTraceId, TRACE_HEADER } from "../../platform/logging/trace.js";
import {
  API_KEY_REVOKED,
  type ApiKeyRevokedV1,
  IDENTITY_API_KEY_TOPIC,
  IDENTITY_USER_TOPIC,
  USER_DELETED,
  type UserDeletedV1,
} from "../../schema/events/identity.js";
import type { ApiKeyResolver } from "./jwt-authenticator.js";
import { TtlCache } from "./ttl-cache.js";

/**
 * identity's API contract, restated here because the gateway never imports subgraph code: the scope
 * identity requires for `resolveApiKey`, and the key shape. (The events it announces revocations
 * and deletions with are imported from their contract in schema/events/identity.ts.)
 */
export const INTERNAL_API_KEYS_SCOPE = "internal:api-keys";
/** Loose on the body length so identity may lengthen keys; bounded so garbage costs nothing. */
const KEY_SHAPE = /^mk_[0-9A-Za-z]{8}_[0-9A-Za-z]{32,128}$/;

const RESOLVE = `query ResolveApiKey($secret: String!) { resolveApiKey(secret: $secret) { keyId userId scopes safelistOnly } }`;
/** The gateway itself, asking identity; holds no user and only the internal scope. */
const SERVICE_CALLER: Caller = Object.freeze({ scopes: Object.freeze([INTERNAL_API_KEYS_SCOPE]) });

/** What a key grants, as identity resolved it. */
export interface ApiKeyGrant {
  keyId: string;
  userId: string;
  scopes: readonly string[];
  /** Only persisted operations may run with this key (enforced where operations are checked). */
  safelistOnly: boolean;
}

export interface IdentityApiKeyResolverOptions {
  /** identity's GraphQL endpoint. */
  url: string;
  /** Signs the gateway's own service token; the lookup is never made as a user. */
  signer: InternalTokenSigner;
  /** When given, revocations and account deletions evict cached grants at once (else within the TTL). */
  bus?: EventBus;
  logger?: Logger;
  /** How long a grant is trusted without asking identity again; capped at 60 s. */
  ttlMs?: number;
  maxEntries?: number;
  /** Unknown keys are remembered briefly, so one bad key retried in a loop costs little. */
  missTtlMs?: number;
  /** Small on purpose: a flood of random keys only churns this, it never grows memory. */
  maxMisses?: number;
  timeoutMs?: number;
  /** Consumer group; must be unique per gateway instance, since every instance caches its own grants. */
  groupId?: string;
  now?: () => number;
  fetch?: typeof fetch;
}

const MAX_TTL_MS = 60_000;

/** Secrets are never kept as map keys: a heap dump shows digests, not usable keys. */
const digest = (secret: string) => createHash("sha256").update(secret).digest("base64url");

function isGrant(value: unknown): value is ApiKeyGrant {
  const g = value as Partial<ApiKeyGrant> | null;
  return (
    typeof g === "object" &&
    g !== null &&
    typeof g.keyId === "string" &&
    typeof g.userId === "string" &&
    Array.isArray(g.scopes) &&
    g.scopes.every((s) => typeof s === "string") &&
    typeof g.safelistOnly === "boolean"
  );
}

/**
 * Resolves `x-api-key` secrets by asking identity's internal `resolveApiKey`, so each key costs
 * one identity call per TTL per gateway instance. Grants are cached by digest with a hard TTL;
 * misses briefly in a small separate cache; concurrent lookups of one key share a single call.
 * A revocation event evicts the grant at once, and a tombstone stops an answer that was already
 * in flight when the key was revoked from being cached.
 */
export class IdentityApiKeyResolver implements ApiKeyResolver {
  private readonly grants: TtlCache<string, ApiKeyGrant>;
  private readonly misses: TtlCache<string, true>;
  private readonly revokedKeys: TtlCache<string, true>;
  private readonly deletedUsers: TtlCache<string, true>;
  private readonly inFlight = new Map<string, Promise<ApiKeyGrant | null>>();
  private subscription?: SubscriptionHandle;
  private readonly fetch: typeof fetch;

  constructor(private readonly options: IdentityApiKeyResolverOptions) {
    const now = options.now;
    const ttlMs = Math.min(options.ttlMs ?? MAX_TTL_MS, MAX_TTL_MS);
    this.grants = new TtlCache({ maxEntries: options.maxEntries ?? 10_000, ttlMs, now });
    this.misses = new TtlCache({ maxEntries: options.maxMisses ?? 1_000, ttlMs: Math.min(options.missTtlMs ?? 5_000, ttlMs), now });
    // Tombstones only need to outlive a lookup in flight; the grant TTL is a generous bound.
    this.revokedKeys = new TtlCache({ maxEntries: 10_000, ttlMs, now });
    this.deletedUsers = new TtlCache({ maxEntries: 10_000, ttlMs, now });
    // Node's fetch pools keep-alive connections per origin, so lookups reuse one connection.
    this.fetch = options.fetch ?? fetch;
  }

  /** Subscribes to revocations; resolves once the consumer will see events published from now on. */
  async start(): Promise<void> {
    if (!this.options.bus || this.subscription) return;
    this.subscription = await this.options.bus.subscribe({
      groupId: this.options.groupId ?? `gateway.api-keys.${randomUUID()}`,
      topics: [IDENTITY_API_KEY_TOPIC, IDENTITY_USER_TOPIC],
      // Only revocations from now on matter: anything older is already out of every fresh cache.
      fromBeginning: false,
      handle: async (message) => {
        const event = parseEnvelope(message.value);
        // Checked field by field: a cache eviction must never throw on a payload from a newer producer.
        const data = event.data as Partial<Record<keyof ApiKeyRevokedV1 | keyof UserDeletedV1, unknown>>;
        if (event.type === API_KEY_REVOKED && typeof data.keyId === "string") {
          this.evictKey(data.keyId);
          this.options.logger?.debug({ keyId: data.keyId }, "revoked API key evicted");
        } else if (event.type === USER_DELETED && typeof data.userId === "string") {
          this.evictUser(data.userId);
        }
      },
    });
  }

  async close(): Promise<void> {
    const subscription = this.subscription;
    this.subscription = undefined;
    await subscription?.stop();
    this.grants.clear();
    this.misses.clear();
  }

  async resolve(secret: string): Promise<Caller | null> {
    const grant = await this.grant(secret);
    return grant ? { userId: grant.userId, scopes: grant.scopes, apiKeyId: grant.keyId, safelistOnly: grant.safelistOnly } : null;
  }

  /** The full grant (with `safelistOnly`), for checks beyond who is calling. */
  async grant(secret: string): Promise<ApiKeyGrant | null> {
    if (!KEY_SHAPE.test(secret)) return null;
    const id = digest(secret);
    const cached = this.grants.get(id);
    if (cached) return cached;
    if (this.misses.has(id)) return null;
    let pending = this.inFlight.get(id);
    if (!pending) {
      pending = this.lookupAndCache(id, secret).finally(() => this.inFlight.delete(id));
      this.inFlight.set(id, pending);
    }
    return pending;
  }

  evictKey(keyId: string): void {
    this.revokedKeys.set(keyId, true);
    this.grants.deleteWhere((g) => g.keyId === keyId);
  }

  evictUser(userId: string): void {
    this.deletedUsers.set(userId, true);
    this.grants.deleteWhere((g) => g.userId === userId);
  }

  /** Cached grants, for tests and metrics. */
  get cachedGrants(): number {
    return this.grants.size;
  }

  get cachedMisses(): number {
    return this.misses.size;
  }

  private async lookupAndCache(id: string, secret: string): Promise<ApiKeyGrant | null> {
    const grant = await this.lookup(secret);
    if (!grant) {
      this.misses.set(id, true);
      return null;
    }
    // Revoked (or its owner deleted) while identity's answer was on its way: refuse, cache nothing.
    if (this.revokedKeys.has(grant.keyId) || this.deletedUsers.has(grant.userId)) return null;
    const frozen: ApiKeyGrant = Object.freeze({ ...grant, scopes: Object.freeze([...grant.scopes]) });
    this.grants.set(id, frozen);
    return frozen;
  }

  /** One POST to identity as the gateway's service caller. Failures throw: "down" is not "unknown". */
  private async lookup(secret: string): Promise<ApiKeyGrant | null> {
    const traceId = currentTraceId() ?? randomUUID();
    const token = await this.options.signer.sign(SERVICE_CALLER, traceId);
    const response = await this.fetch(this.options.url, {
      method: "POST",
      headers: { "content-type": "application/json", [INTERNAL_TOKEN_HEADER]: token, [TRACE_HEADER]: traceId },
      body: JSON.stringify({ query: RESOLVE, variables: { secret } }),
      signal: AbortSignal.timeout(this.options.timeoutMs ?? 3_000),
    });
    let body: { data?: { resolveApiKey?: unknown }; errors?: Array<{ message?: string; extensions?: { code?: string } }> };
    try {
      body = (await response.json()) as typeof body;
    } catch {
      throw new Error(`API key lookup: identity answered ${response.status} without JSON`);
    }
    if (body.errors?.length) {
      const first = body.errors[0]!;
      throw new Error(`API key lookup refused by identity: ${first.extensions?.code ?? response.status} ${first.message ?? ""}`.trim());
    }
    const result = body.data?.resolveApiKey;
    if (result === null) return null;
    if (!isGrant(result)) throw new Error("API key lookup: identity answered with an unexpected shape");
    return result;
  }
}
