import { SecretBox } from "../../../platform/crypto/index.js";
import type { ConsumerDefinition } from "../../../platform/events/index.js";
import type { IdempotencyKeys } from "../../../platform/idempotency/index.js";
import type { SubgraphKit } from "../../../platform/subgraph/index.js";
import { loadWebhookConfig, type WebhookConfig } from "./webhook.config.js";
import { WebhookDispatcher } from "./webhook.dispatcher.js";
import { WebhookWorker } from "./webhook.worker.js";
import { WebhookDeliveryStore } from "./webhook-delivery.store.js";
import { WebhookEndpointService } from "./webhook-endpoint.service.js";
import { WebhookEndpointStore } from "./webhook-endpoint.store.js";
import { webhookEventsConsumer } from "./webhook-events.handler.js";

/** Webhooks' part of insights' deps. */
export interface WebhookDeps {
  webhooks: WebhookEndpointService;
  webhookEndpoints: WebhookEndpointStore;
  webhookDeliveries: WebhookDeliveryStore;
  webhookWorker: WebhookWorker;
  /** Read once at start; tests may change the URL policy of a running instance. */
  webhookConfig: WebhookConfig;
  /** Queues deliveries from the catalogue's topics; listed in insights' consumers. */
  webhookConsumer: ConsumerDefinition;
}

/**
 * Builds webhooks' services and starts the delivery loop (`stopWebhooks` ends it). `idempotency` is
 * insights' one store of keys, purged by the subgraph.
 */
export function createWebhooks(kit: SubgraphKit, idempotency: IdempotencyKeys, config: WebhookConfig = loadWebhookConfig()): WebhookDeps {
  const { dataSource, clock, ids, outbox } = kit;
  const logger = kit.logger.child({ job: "webhooks" });
  const box = new SecretBox(config.secretKey);
  const endpoints = new WebhookEndpointStore(dataSource);
  const deliveries = new WebhookDeliveryStore(dataSource);
  const dispatcher = new WebhookDispatcher(dataSource, endpoints, deliveries, box, config, clock, outbox, logger);
  const worker = new WebhookWorker(deliveries, dispatcher, config, clock, logger);
  worker.start();
  return {
    webhooks: new WebhookEndpointService(dataSource, endpoints, deliveries, dispatcher, box, config, idempotency, clock, ids),
    webhookEndpoints: endpoints,
    webhookDeliveries: deliveries,
    webhookWorker: worker,
    webhookConfig: config,
    webhookConsumer: webhookEventsConsumer(endpoints, deliveries, ids, clock, config.backoff, logger),
  };
}

export async function stopWebhooks(deps: WebhookDeps): Promise<void> {
  await deps.webhookWorker.stop();
}
