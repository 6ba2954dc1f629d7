import { randomUUID } from "node:crypto";

import type { Logger } from "pino";

import { ACCESS_TOKEN } from "../../platform/auth/access-token.js";
import { unauthenticated } from "../../platform/errors/errors.js";
import type { EventBus, SubscriptionHandle } from "../../platform/events/bus.js";
import { parseEnvelope } from "../../platform/events/envelope.js";
import { IDENTITY_SESSION_TOPIC, SESSIONS_REVOKED, type SessionsRevokedV1 } from "../../schema/events/identity.js";
import type { Authenticator } from "./authenticator.js";
import { TtlCache } from "./ttl-cache.js";

export interface SessionRevocationsOptions {
  bus: EventBus;
  logger?: Logger;
  /** Must be unique per gateway instance: every instance refuses the revoked tokens itself. */
  groupId?: string;
  now?: () => number;
}

/**
 * Sessions identity ended before their time (sign-out everywhere, an operator's lock or forced
 * sign-out), remembered for as long as an access token of theirs can live. Access tokens are
 * stateless, so without this a signed-out device would keep calling for up to 15 minutes.
 */
export class SessionRevocations {
  private readonly revoked: TtlCache<string, true>;
  private subscription?: SubscriptionHandle;

  constructor(private readonly options: SessionRevocationsOptions) {
    // An access token outlives its session's revocation by at most its own lifetime.
    this.revoked = new TtlCache({ maxEntries: 100_000, ttlMs: ACCESS_TOKEN.ttlSeconds * 1000, now: options.now });
  }

  /** Resolves once revocations published from now on will be seen. */
  async start(): Promise<void> {
    if (this.subscription) return;
    this.subscription = await this.options.bus.subscribe({
      groupId: this.options.groupId ?? `gateway.sessions.${randomUUID()}`,
      topics: [IDENTITY_SESSION_TOPIC],
      // Older revocations concern tokens that have expired or that this instance never cached.
      fromBeginning: false,
      handle: async (message) => {
        const event = parseEnvelope(message.value);
        // Checked field by field: a revocation must never throw on a payload from a newer producer.
        const ids = (event.data as Partial<Record<keyof SessionsRevokedV1, unknown>>).sessionIds;
        if (event.type !== SESSIONS_REVOKED || !Array.isArray(ids)) return;
        for (const id of ids) if (typeof id === "string") this.revoked.set(id, true);
        this.options.logger?.debug({ sessions: ids.length }, "revoked sessions refused from now on");
      },
    });
  }

  isRevoked(sessionId: string): boolean {
    return this.revoked.has(sessionId);
  }

  async close(): Promise<void> {
    const subscription = this.subscription;
    this.subscription = undefined;
    await subscription?.stop();
  }
}

/** Refuses the access tokens of revoked sessions, after whatever verified (or remembered) them. */
export function refuseRevokedSessions(inner: Authenticator, revocations: Pick<SessionRevocations, "isRevoked">): Authenticator {
  return {
    async authenticate(req) {
      const caller = await inner.authenticate(req);
      if (caller.sessionId && revocations.isRevoked(caller.sessionId)) throw unauthenticated("this session has been signed out");
      return caller;
    },
  };
}
