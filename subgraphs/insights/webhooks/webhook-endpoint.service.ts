import type { DataSource, EntityManager } from "typeorm";

import type { SecretBox } from "../../../platform/crypto/index.js";
import { badInput } from "../../../platform/errors/index.js";
import type { IdempotencyKeys } from "../../../platform/idempotency/index.js";
import { type Clock, type IdGenerator, isUuid } from "../../../platform/time/index.js";
import type { WebhookConfig } from "./webhook.config.js";
import type { WebhookDispatcher } from "./webhook.dispatcher.js";
import {
  endpointDeletedSinceCreation,
  endpointNotFound,
  kindsNotAllowed,
  MAX_ENDPOINTS_PER_USER,
  secretRotatedSinceCreation,
  tooManyEndpoints,
  unknownKinds,
  unsafeUrl,
} from "./webhook.errors.js";
import { checkKinds } from "./webhook-catalogue.js";
import type { StoredDelivery, WebhookDeliveryStore } from "./webhook-delivery.store.js";
import type { StoredEndpoint, WebhookEndpointStore } from "./webhook-endpoint.store.js";
import { pingPayload } from "./webhook-payload.js";
import { newSigningSecret } from "./webhook-signature.js";
import { type Resolver, resolveWebhookTarget, systemResolver, UnsafeUrlError } from "./webhook-url.guard.js";

/** A rotated-out secret still signs (beside the new one) for this long. */
export const PREVIOUS_SECRET_VALID_MS = 24 * 3_600_000;
const MAX_KINDS = 20;
const MAX_DESCRIPTION = 500;

/** Who creates an endpoint: its owner, and the scopes of the session ("*") or API key. */
export interface WebhookCaller {
  userId: string;
  scopes: readonly string[];
  apiKeyId?: string;
}

export interface NewEndpoint {
  url: string;
  events: string[];
  description?: string | null;
  idempotencyKey?: string | null;
}

/** An endpoint with a secret in clear, which the API shows once. */
export interface EndpointWithSecret {
  endpoint: StoredEndpoint;
  secret: string;
}

export class WebhookEndpointService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly endpoints: WebhookEndpointStore,
    private readonly deliveries: WebhookDeliveryStore,
    private readonly dispatcher: WebhookDispatcher,
    private readonly box: SecretBox,
    private readonly config: WebhookConfig,
    private readonly idempotency: IdempotencyKeys,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
    private readonly resolver: Resolver = systemResolver,
  ) {}

  async create(caller: WebhookCaller, input: NewEndpoint): Promise<EndpointWithSecret> {
    const description = (input.description ?? "").trim();
    if (description.length > MAX_DESCRIPTION)
      throw badInput(`description must be at most ${MAX_DESCRIPTION} characters`, { field: "description" });
    if (input.events.length < 1 || input.events.length > MAX_KINDS)
      throw badInput(`events must list 1 to ${MAX_KINDS} kinds`, { field: "events" });
    const kinds = checkKinds(input.events, caller.scopes);
    if (!kinds.ok) throw kinds.unknown.length ? unknownKinds(kinds.unknown) : kindsNotAllowed(kinds.forbidden);
    const url = await this.checkedUrl(input.url);
    const now = this.clock.now();
    const id = this.ids.next();
    const secret = newSigningSecret();
    const endpoint: StoredEndpoint = {
      id,
      userId: caller.userId,
      url,
      description,
      events: kinds.kinds,
      scopes: [...caller.scopes],
      apiKeyId: caller.apiKeyId ?? null,
      secretSealed: this.box.seal(secret, id),
      previousSecretSealed: null,
      previousSecretExpiresAt: null,
      enabled: true,
      disabledAt: null,
      disabledReason: null,
      consecutiveFailures: 0,
      createdAt: now,
      updatedAt: now,
    };
    const request = { url: input.url, events: input.events, description };
    return this.dataSource.transaction(async (manager) => {
      const replayOf = await this.idempotency.claim(manager, caller.userId, input.idempotencyKey, "createWebhookEndpoint", request, id);
      if (replayOf) {
        // The first answer again, secret included: a client whose answer was lost has no other way to it.
        const first = await this.endpoints.find(caller.userId, replayOf, manager);
        if (!first) throw endpointDeletedSinceCreation();
        if (first.previousSecretSealed) throw secretRotatedSinceCreation();
        return { endpoint: first, secret: this.box.open(first.secretSealed, first.id) };
      }
      if ((await this.endpoints.lockAndCount(manager, caller.userId)) >= MAX_ENDPOINTS_PER_USER) throw tooManyEndpoints();
      await this.endpoints.insert(manager, endpoint);
      return { endpoint, secret };
    });
  }

  list(userId: string): Promise<StoredEndpoint[]> {
    return this.endpoints.list(userId);
  }

  async get(userId: string, id: string): Promise<StoredEndpoint> {
    const found = isUuid(id) ? await this.endpoints.find(userId, id) : null;
    if (!found) throw endpointNotFound();
    return found;
  }

  /** Enabling clears the failure count and gives up deliveries whose 24 hours passed while it was off. */
  setEnabled(userId: string, id: string, enabled: boolean): Promise<StoredEndpoint> {
    return this.change(userId, id, async (endpoint, manager, now) => {
      if (endpoint.enabled === enabled) return;
      endpoint.enabled = enabled;
      endpoint.disabledAt = enabled ? null : now;
      endpoint.disabledReason = enabled ? null : "disabled by its owner";
      endpoint.consecutiveFailures = 0;
      if (enabled) await this.deliveries.expire(manager, endpoint.id, now);
    });
  }

  /** A new secret; the one it replaces keeps signing beside it for 24 hours (a still older one stops). */
  async rotateSecret(userId: string, id: string): Promise<EndpointWithSecret> {
    const secret = newSigningSecret();
    const endpoint = await this.change(userId, id, async (e, _manager, now) => {
      e.previousSecretSealed = e.secretSealed;
      e.previousSecretExpiresAt = new Date(now.getTime() + PREVIOUS_SECRET_VALID_MS);
      e.secretSealed = this.box.seal(secret, e.id);
    });
    return { endpoint, secret };
  }

  async delete(userId: string, id: string): Promise<string> {
    const deleted = isUuid(id) && (await this.dataSource.transaction((manager) => this.endpoints.delete(manager, userId, id)));
    if (!deleted) throw endpointNotFound();
    return id;
  }

  /** Sends `ping` now, once, enabled or not, and answers how it went; it counts toward no disabling. */
  async test(userId: string, id: string): Promise<StoredDelivery> {
    const endpoint = await this.get(userId, id);
    const now = this.clock.now();
    const deliveryId = this.ids.next();
    const eventId = this.ids.next();
    await this.dataSource.transaction((manager) =>
      this.deliveries.queue(manager, [
        {
          id: deliveryId,
          endpointId: endpoint.id,
          userId,
          eventId,
          eventType: "ping",
          payload: JSON.stringify(pingPayload(eventId, endpoint.id, now)),
          test: true,
          createdAt: now,
          deadlineAt: now,
        },
      ]),
    );
    const queued = await this.deliveries.find(userId, deliveryId);
    return this.dispatcher.attempt(queued!);
  }

  private async checkedUrl(raw: string): Promise<string> {
    try {
      return (await resolveWebhookTarget(raw, this.config.urls, this.resolver)).url.toString();
    } catch (error) {
      if (error instanceof UnsafeUrlError) throw unsafeUrl(error.message);
      throw error;
    }
  }

  private change(
    userId: string,
    id: string,
    apply: (endpoint: StoredEndpoint, manager: EntityManager, now: Date) => Promise<void>,
  ): Promise<StoredEndpoint> {
    return this.dataSource.transaction(async (manager) => {
      const endpoint = isUuid(id) ? await this.endpoints.find(userId, id, manager, true) : null;
      if (!endpoint) throw endpointNotFound();
      const now = this.clock.now();
      await apply(endpoint, manager, now);
      endpoint.updatedAt = now;
      await this.endpoints.save(manager, endpoint);
      return endpoint;
    });
  }
}
