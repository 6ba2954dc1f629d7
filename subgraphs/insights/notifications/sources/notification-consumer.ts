import type { ConsumerDefinition, EventHandler } from "../../../../platform/events/index.js";
import type { NotificationService } from "../inbox/notification.service.js";
import type { NotificationSource } from "./notification-source.js";

/** A topic and the source that reads it. */
export interface SourcedTopic {
  topic: string;
  source: NotificationSource<Record<string, unknown>>;
}

/**
 * One consumer that turns every source topic's events into notifications through the inbox
 * (exactly once per event): one consumer group, not one per topic, since each group is a Kafka
 * client polling the broker. It starts at the topics' end: a deployment must not notify users of
 * last year's events. Event types are unique across the contracts, so they key the handlers.
 */
export function notificationConsumer(
  name: string,
  sourced: readonly SourcedTopic[],
  notifications: NotificationService,
): ConsumerDefinition {
  const handlers: Record<string, EventHandler<unknown>> = {};
  for (const { source } of sourced) {
    for (const [type, toItems] of Object.entries(source)) {
      if (!toItems) continue;
      if (handlers[type]) throw new Error(`two notification sources handle ${type}`);
      handlers[type] = async (event, manager) => {
        const items = await toItems(event as Parameters<typeof toItems>[0], manager);
        if (items.length) await notifications.create(manager, event.id, event.traceId, items);
      };
    }
  }
  return { name, topics: [...new Set(sourced.map((s) => s.topic))], handlers, fromBeginning: false } as ConsumerDefinition;
}
