import type { DataSource, EntityManager } from "typeorm";

import { queryPrepared } from "../db/prepared.js";
import type { DeliveredMessage } from "./bus.js";
import { type EventEnvelope, parseEnvelope } from "./envelope.js";

/** Applies one event's effects using `manager`, which is inside the inbox transaction. */
export type EventHandler<TData> = (event: EventEnvelope<TData>, manager: EntityManager) => Promise<void>;

/**
 * One event of a consumer's contract: its type narrows `data` to the payload that type carries. For
 * any consumer (no contract) it is any envelope, which every contract's event is.
 */
export type ConsumedEvent<Payloads> = string extends keyof Payloads
  ? EventEnvelope
  : { [Type in keyof Payloads & string]: EventEnvelope<Payloads[Type]> & { type: Type } }[keyof Payloads & string];

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
  /**
   * Optional batch form, used by {@link inboxBatchHandler} instead of `handlers`: the batch's new
   * (not yet in the inbox), non-tombstoned events of the types `handlers` names, in partition order,
   * inside the batch's transaction. It must leave the same data as `handlers` applied one by one,
   * so it can fold many events into few statements (e.g. only a row's last version is written).
   * The single-message path (retries, replays) keeps using `handlers`. Method syntax on purpose:
   * its parameter is then bivariant, so a typed consumer is still a `ConsumerDefinition`.
   */
  handleBatch?(events: Array<ConsumedEvent<Payloads>>, manager: EntityManager): Promise<void>;
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
      const inserted: unknown[] = await queryPrepared(
        manager,
        `INSERT INTO "${schema}".inbox (consumer, event_id, event_type, processed_at) VALUES ($1, $2, $3, now())
         ON CONFLICT (consumer, event_id) DO NOTHING RETURNING event_id`,
        [consumer.name, event.id, event.type],
      );
      if (inserted.length === 0) return true;
      // A deleted user's data must not come back through an event that was still in flight.
      const [tombstone] = await queryPrepared(manager, `SELECT 1 FROM "${schema}".deleted_users WHERE user_id = $1`, [event.key]);
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

/**
 * The batch form of {@link inboxHandler}: consecutive messages of one partition in ONE transaction,
 * one inbox statement and one tombstone lookup for all of them, then each new event's handler in
 * order (or the consumer's `handleBatch` once with all of them). Per-event transactions (BEGIN, inbox
 * insert, tombstone check, COMMIT) were most of what a consumer spent per event. Any failure rolls
 * the whole batch back; the bus then retries one by one.
 */
export function inboxBatchHandler(dataSource: DataSource, schema: string, consumer: ConsumerDefinition, onDuplicate?: DuplicateObserver) {
  return async (messages: DeliveredMessage[]): Promise<void> => {
    const events = messages.map((m) => parseEnvelope(m.value));
    const skipped = await dataSource.transaction(async (manager): Promise<EventEnvelope[]> => {
      // ON CONFLICT DO NOTHING also absorbs an id twice in the batch (a redelivery next to the original).
      const inserted: Array<{ event_id: string }> = await queryPrepared(
        manager,
        `INSERT INTO "${schema}".inbox (consumer, event_id, event_type, processed_at)
         SELECT $1, e.id, e.type, now() FROM unnest($2::uuid[], $3::text[]) AS e(id, type)
         ON CONFLICT (consumer, event_id) DO NOTHING RETURNING event_id`,
        [consumer.name, events.map((e) => e.id), events.map((e) => e.type)],
      );
      if (inserted.length === 0) return events;
      const fresh = new Set(inserted.map((r) => r.event_id));
      const keys = [...new Set(events.filter((e) => fresh.has(e.id)).map((e) => e.key))];
      const tombstones: Array<{ user_id: string }> = await queryPrepared(
        manager,
        `SELECT user_id FROM "${schema}".deleted_users WHERE user_id = ANY($1::text[])`,
        [keys],
      );
      const deleted = new Set(tombstones.map((t) => t.user_id));
      const duplicates: EventEnvelope[] = [];
      const applicable: EventEnvelope[] = [];
      for (const event of events) {
        // delete(): the first occurrence of an id is applied, a duplicate later in the batch is not.
        if (!fresh.delete(event.id)) {
          duplicates.push(event);
          continue;
        }
        if (!deleted.has(event.key) && consumer.handlers[event.type]) applicable.push(event);
      }
      if (consumer.handleBatch) {
        // As below, the wire payloads meet their types here: only types `handlers` names get this far.
        if (applicable.length > 0) await consumer.handleBatch(applicable, manager);
      } else {
        for (const event of applicable) await consumer.handlers[event.type]!(event as EventEnvelope<never>, manager);
      }
      return duplicates;
    });
    // After COMMIT only, as in the single form.
    if (onDuplicate) for (const event of skipped) onDuplicate(event);
  };
}
