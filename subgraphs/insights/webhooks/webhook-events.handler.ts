import type { Logger } from "pino";

import type { ConsumerDefinition, EventEnvelope, EventHandler } from "../../../platform/events/index.js";
import type { Clock, IdGenerator } from "../../../platform/time/index.js";
import type { BackoffPolicy } from "./webhook-backoff.js";
import { scopesAllow, WEBHOOK_EVENT_KINDS, WEBHOOK_TOPICS, type WebhookEventKind } from "./webhook-catalogue.js";
import type { NewDelivery, WebhookDeliveryStore } from "./webhook-delivery.store.js";
import type { StoredEndpoint, WebhookEndpointStore } from "./webhook-endpoint.store.js";
import { webhookPayload } from "./webhook-payload.js";

/**
 * Turns the catalogue's events into deliveries: one per enabled endpoint of the event's owner that
 * subscribed to its kind, existed when it happened and whose scopes allow it. A consumer of its
 * own (its own group and inbox entries) beside insights' read models of the same topics; the
 * inbox applies each event once and (endpoint, event) is unique, so a replay queues nothing.
 */
export function webhookEventsConsumer(
  endpoints: WebhookEndpointStore,
  deliveries: WebhookDeliveryStore,
  ids: IdGenerator,
  clock: Clock,
  backoff: BackoffPolicy,
  logger: Logger,
): ConsumerDefinition {
  /** The deliveries of one event to the endpoints subscribed to its kind. */
  const deliveriesOf = (kind: WebhookEventKind, event: EventEnvelope, subscribed: readonly StoredEndpoint[]): NewDelivery[] => {
    const now = clock.now();
    const rows: NewDelivery[] = [];
    for (const endpoint of subscribed) {
      if (!scopesAllow(endpoint.scopes, kind)) continue;
      const payload = webhookPayload(kind.name, event, endpoint.userId);
      if (!payload) {
        logger.warn({ eventId: event.id, type: event.type }, "event's payload is not its key's user's; not delivered");
        continue;
      }
      rows.push({
        id: ids.next(),
        endpointId: endpoint.id,
        userId: endpoint.userId,
        eventId: event.id,
        eventType: kind.name,
        payload: JSON.stringify(payload),
        test: false,
        createdAt: now,
        deadlineAt: new Date(now.getTime() + backoff.windowMs),
      });
    }
    return rows;
  };
  const handle =
    (kind: WebhookEventKind): EventHandler<never> =>
    async (event: EventEnvelope<never>, manager) => {
      const subscribed = await endpoints.subscribed(manager, event.key, kind.name, event.occurredAt);
      await deliveries.queue(manager, deliveriesOf(kind, event, subscribed));
    };
  const kinds = new Map<string, WebhookEventKind>();
  const handlers: Record<string, EventHandler<never>> = {};
  for (const kind of WEBHOOK_EVENT_KINDS)
    for (const type of kind.types) {
      handlers[type] = handle(kind);
      kinds.set(type, kind);
    }
  return {
    name: "insights-webhooks",
    topics: [...WEBHOOK_TOPICS],
    handlers,
    /**
     * The same deliveries, in event order, with ONE endpoint lookup for the whole batch: one lookup
     * per event was the in-process bus's busiest statement while an import's 50,000 events went by.
     */
    async handleBatch(events: EventEnvelope[], manager) {
      const asked = events.map((event) => ({ event, kind: kinds.get(event.type)! }));
      const subscribed = await endpoints.subscribedMany(
        manager,
        asked.map(({ event, kind }) => ({ userId: event.key, kind: kind.name, occurredAt: event.occurredAt })),
      );
      const rows = asked.flatMap(({ event, kind }, i) => deliveriesOf(kind, event, subscribed.get(i) ?? []));
      await deliveries.queue(manager, rows);
    },
  };
}
