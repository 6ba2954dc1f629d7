import type { ConsumerDefinition, EventHandler } from "../../../../platform/events/index.js";
import type { NotificationService } from "../inbox/notification.service.js";
import type { NotificationSource } from "./notification-source.js";

/**
 * A consumer that turns a topic's events into notifications through the inbox (exactly once per
 * event). It starts at the topic's end: a deployment must not notify users of last year's events.
 */
export function notificationConsumer<Payloads>(
  name: string,
  topic: string,
  source: NotificationSource<Payloads>,
  notifications: NotificationService,
): ConsumerDefinition<Payloads> {
  const handlers: { [Type in keyof Payloads & string]?: EventHandler<Payloads[Type]> } = {};
  for (const type of Object.keys(source) as Array<keyof Payloads & string>) {
    const toItems = source[type]!;
    handlers[type] = async (event, manager) => {
      const items = await toItems(event, manager);
      if (items.length) await notifications.create(manager, event.id, event.traceId, items);
    };
  }
  return { name, topics: [topic], handlers, fromBeginning: false };
}
