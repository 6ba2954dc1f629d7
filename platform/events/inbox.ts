import type { DataSource, EntityManager } from "typeorm";
import type { DeliveredMessage } from "./bus.js";
import { parseEnvelope, type EventEnvelope } from "./envelope.js";

/** Applies one event's effects using `manager`, which is inside the inbox transaction. */
export type EventHandler<TData = any> = (event: EventEnvelope<TData>, manager: EntityManager) => Promise<void>;

/** A subgraph's reaction to other domains' events. */
export interface ConsumerDefinition {
  /** Unique within the subgraph; with the subgraph name it forms the consumer group. */
  name: string;
  topics: string[];
  /** By event type; events of other types on these topics are recorded and skipped. */
  handlers: Record<string, EventHandler>;
  /** Defaults to true: a new read model starts from the beginning of history. */
  fromBeginning?: boolean;
}

/**
 * Wraps handlers so each event is applied at most once: the event id goes into the inbox table in
 * the same transaction as the effects, so a redelivery is a no-op and a crash rolls both back.
 */
export function inboxHandler(dataSource: DataSource, schema: string, consumer: ConsumerDefinition) {
  return async (message: DeliveredMessage): Promise<void> => {
    const event = parseEnvelope(message.value);
    await dataSource.transaction(async (manager) => {
      const inserted: unknown[] = await manager.query(
        `INSERT INTO "${schema}".inbox (consumer, event_id, event_type, processed_at) VALUES ($1, $2, $3, now())
         ON CONFLICT (consumer, event_id) DO NOTHING RETURNING event_id`,
        [consumer.name, event.id, event.type],
      );
      if (inserted.length === 0) return;
      // A deleted user's data must not come back through an event that was still in flight.
      const [tombstone] = await manager.query(`SELECT 1 FROM "${schema}".deleted_users WHERE user_id = $1`, [event.key]);
      if (tombstone) return;
      const handler = consumer.handlers[event.type];
      if (handler) await handler(event, manager);
    });
  };
}
