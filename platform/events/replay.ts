import type { DataSource } from "typeorm";

import type { EventBus } from "./bus.js";
import { type EventEnvelope, parseEnvelope } from "./envelope.js";
import type { ConsumerDefinition } from "./inbox.js";

/**
 * Applies `consumer`'s handlers again to one user's retained events on its topics, in order, each
 * in its own transaction and outside the inbox (the events were applied before; a rebuild applies
 * them once more onto state it has cleared). Handlers that replace state from whole snapshots give
 * the same read model as the first time. Returns how many events were applied.
 */
export async function replayForUser(
  log: Pick<EventBus, "replay">,
  dataSource: DataSource,
  consumer: ConsumerDefinition,
  userId: string,
): Promise<number> {
  let applied = 0;
  await log.replay(consumer.topics, async (message) => {
    if (message.key !== userId) return;
    const event = parseEnvelope(message.value);
    const handler = consumer.handlers[event.type];
    if (!handler) return;
    await dataSource.transaction((manager) => handler(event as EventEnvelope<never>, manager));
    applied++;
  });
  return applied;
}
