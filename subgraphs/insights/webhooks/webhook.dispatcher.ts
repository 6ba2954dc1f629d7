import type { Logger } from "pino";
import type { DataSource, EntityManager } from "typeorm";

import type { SecretBox } from "../../../platform/crypto/index.js";
import type { Outbox } from "../../../platform/events/index.js";
import type { Clock } from "../../../platform/time/index.js";
import { INSIGHTS_WEBHOOK_TOPIC, WEBHOOK_ENDPOINT_DISABLED } from "../../../schema/events/insights.js";
import type { WebhookConfig } from "./webhook.config.js";
import { nextAttemptAt } from "./webhook-backoff.js";
import { eventKind, scopesAllow } from "./webhook-catalogue.js";
import type { StoredDelivery, WebhookDeliveryStore } from "./webhook-delivery.store.js";
import type { StoredEndpoint, WebhookEndpointStore } from "./webhook-endpoint.store.js";
import { type PostOutcome, postToTarget } from "./webhook-http.client.js";
import { signatureHeader } from "./webhook-signature.js";
import { type Resolver, resolveWebhookTarget, systemResolver, UnsafeUrlError } from "./webhook-url.guard.js";

export const USER_AGENT = "Moneta-Webhooks/1";
const TRACE = "insights-webhooks";

/** An outcome that no retry can change (the endpoint may no longer receive the event). */
type Outcome = PostOutcome & { final?: boolean };

/**
 * One attempt of one delivery: re-checks what the endpoint may receive and where its URL points
 * (DNS resolved once, the address checked, then that address connected to), signs with every
 * valid secret, POSTs, and records the attempt with the delivery's next state in one transaction,
 * counting the endpoint's failures in a row and disabling it (announced once) at the threshold.
 */
export class WebhookDispatcher {
  constructor(
    private readonly dataSource: DataSource,
    private readonly endpoints: WebhookEndpointStore,
    private readonly deliveries: WebhookDeliveryStore,
    private readonly box: SecretBox,
    private readonly config: WebhookConfig,
    private readonly clock: Clock,
    private readonly outbox: Outbox,
    private readonly logger: Logger,
    private readonly resolver: Resolver = systemResolver,
  ) {}

  async attempt(delivery: StoredDelivery): Promise<StoredDelivery> {
    const endpoint = await this.endpoints.find(delivery.userId, delivery.endpointId);
    if (!endpoint) return delivery;
    const attemptedAt = this.clock.now();
    const outcome = await this.send(endpoint, delivery, attemptedAt);
    return this.record(delivery, attemptedAt, outcome);
  }

  /** The secrets deliveries are signed with now: the current one, and a rotated-out one within its day. */
  secretsOf(endpoint: StoredEndpoint, now: Date): string[] {
    const secrets = [this.box.open(endpoint.secretSealed, endpoint.id)];
    if (endpoint.previousSecretSealed && endpoint.previousSecretExpiresAt && endpoint.previousSecretExpiresAt > now) {
      secrets.push(this.box.open(endpoint.previousSecretSealed, endpoint.id));
    }
    return secrets;
  }

  private async send(endpoint: StoredEndpoint, delivery: StoredDelivery, now: Date): Promise<Outcome> {
    const kind = eventKind(delivery.eventType);
    if (!kind || !scopesAllow(endpoint.scopes, kind) || (!delivery.test && !endpoint.events.includes(kind.name))) {
      return { statusCode: null, durationMs: 0, body: "", error: "the endpoint may no longer receive this event", final: true };
    }
    let target;
    try {
      target = await resolveWebhookTarget(endpoint.url, this.config.urls, this.resolver);
    } catch (error) {
      if (!(error instanceof UnsafeUrlError)) throw error;
      return { statusCode: null, durationMs: 0, body: "", error: `url ${error.message}` };
    }
    const timestamp = Math.floor(now.getTime() / 1000);
    const headers = {
      "Moneta-Signature": signatureHeader(this.secretsOf(endpoint, now), timestamp, delivery.payload),
      "Moneta-Delivery": delivery.id,
      "Moneta-Event": delivery.eventType,
      "User-Agent": USER_AGENT,
    };
    return postToTarget(target, headers, delivery.payload, this.config.timeoutMs);
  }

  private async record(claimed: StoredDelivery, attemptedAt: Date, outcome: Outcome): Promise<StoredDelivery> {
    const now = this.clock.now();
    return this.dataSource.transaction(async (manager) => {
      const delivery = await this.deliveries.lock(manager, claimed.id);
      // Gone with its endpoint, or finished by another instance after this one's lease ran out.
      if (!delivery || delivery.status !== "PENDING") return delivery ?? claimed;
      const attempt = delivery.attempts + 1;
      const ok = outcome.error === null;
      const retryAt = ok || outcome.final || delivery.test ? null : nextAttemptAt(attempt, delivery.createdAt, now, this.config.backoff);
      const status = ok ? "DELIVERED" : retryAt ? "PENDING" : "FAILED";
      const saved = await this.deliveries.recordAttempt(
        manager,
        delivery,
        {
          attempt,
          attemptedAt,
          statusCode: outcome.statusCode,
          durationMs: outcome.durationMs,
          error: outcome.error?.slice(0, 1000) ?? null,
          responseBody: outcome.body,
        },
        { status, nextAttemptAt: retryAt, completedAt: status === "PENDING" ? null : now },
      );
      if (!delivery.test && !outcome.final) await this.countOutcome(manager, delivery, ok, outcome, now);
      return saved;
    });
  }

  private async countOutcome(manager: EntityManager, delivery: StoredDelivery, ok: boolean, outcome: Outcome, now: Date): Promise<void> {
    const endpoint = await this.endpoints.find(delivery.userId, delivery.endpointId, manager, true);
    if (!endpoint) return;
    const failures = ok ? 0 : endpoint.consecutiveFailures + 1;
    if (failures === endpoint.consecutiveFailures) return;
    endpoint.consecutiveFailures = failures;
    endpoint.updatedAt = now;
    const disabling = endpoint.enabled && failures >= this.config.disableAfterFailures;
    if (disabling) {
      const last = outcome.statusCode !== null ? `answered HTTP ${outcome.statusCode}` : `failed: ${outcome.error ?? "no answer"}`;
      endpoint.enabled = false;
      endpoint.disabledAt = now;
      endpoint.disabledReason = `${failures} delivery attempts in a row failed; the last ${last}`.slice(0, 500);
    }
    await this.endpoints.save(manager, endpoint);
    if (!disabling) return;
    this.logger.warn({ endpointId: endpoint.id, failures }, "webhook endpoint disabled after repeated failures");
    await this.outbox.add(manager, TRACE, [
      {
        topic: INSIGHTS_WEBHOOK_TOPIC,
        type: WEBHOOK_ENDPOINT_DISABLED,
        key: endpoint.userId,
        data: {
          userId: endpoint.userId,
          endpointId: endpoint.id,
          url: endpoint.url,
          reason: endpoint.disabledReason!,
          consecutiveFailures: failures,
          disabledAt: now.toISOString(),
        },
      },
    ]);
  }
}
