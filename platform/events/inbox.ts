import type { DataSource, EntityManager } from "typeorm";

import type { DeliveredMessage } from "./bus.js";
import { type EventEnvelope, parseEnvelope } from "./envelope.js";

/** Applies one event's effects using `manager`, which is inside the inbox transaction. */
export type EventHandler<TData> = (event: EventEnvelope<TData>, manager: EntityManager) => Promise<void>;

/**
 * A subgraph's reaction to other domains' events. `Payloads` maps event type → payload, from the
 * producer's contract in `schema/events/*` (e.g. `LedgerTransactionEvents`), so each handler's
 * `event.data` has the contract's type and a contract change that breaks a handler fails the
 * typecheck. Without an argument it is any consumer, as the runtime holds them: every typed
 * consumer is one, since a handler of some payload is a handler of the payloads that are none.
 */
export interface ConsumerDefinition<Payloads = Record<string, never>> {
  /** Unique within the subgraph; with the subgraph name it forms the consumer group. */
  name: string;
  topics: string[];
  /** By event type; events of other types on these topics are recorded and skipped. */
  handlers: { [Type in keyof Payloads & string]?: EventHandler<Payloads[Type]> };
  /** Defaults to true: a new read model starts from the beginning of history. */
  fromBeginning?: boolean;
}

/**
 * Told of each redelivery the inbox skipped: counted on /metrics, so a test can tell the inbox's
 * no-op from a handler that merely happens to be idempotent.
 */
export type DuplicateObserver = (event: EventEnvelope) => void;

/**
 * Wraps handlers so each event is applied at most once: the event id goes into the inbox table in
 * the same transaction as the effects, so a redelivery is a no-op and a crash rolls both back.
 */
export function inboxHandler(dataSource: DataSource, schema: string, consumer: ConsumerDefinition, onDuplicate?: DuplicateObserver) {
  return async (message: DeliveredMessage): Promise<void> => {
    const event = parseEnvelope(message.value);
    const duplicate = await dataSource.transaction(async (manager) => {
      const inserted: unknown[] = await manager.query(
        `INSERT INTO "${schema}".inbox (consumer, event_id, event_type, processed_at) VALUES ($1, $2, $3, now())
         ON CONFLICT (consumer, event_id) DO NOTHING RETURNING event_id`,
        [consumer.name, event.id, event.type],
      );
      if (inserted.length === 0) return true;
      // A deleted user's data must not come back through an event that was still in flight.
      const [tombstone] = await manager.query(`SELECT 1 FROM "${schema}".deleted_users WHERE user_id = $1`, [event.key]);
      if (tombstone) return false;
      const handler = consumer.handlers[event.type];
      // The one place a wire payload meets its type: the topic's contract says what `type` carries.
      if (handler) await handler(event as EventEnvelope<never>, manager);
      return false;
    });
    // After COMMIT only: a rolled-back attempt skipped nothing.
    if (duplicate) onDuplicate?.(event);
  };
}
