import type { EntityManager } from "typeorm";

import type { EventContracts } from "../../schema/events/index.js";
import { queryPrepared } from "../db/prepared.js";
import type { Clock } from "../time/clock.js";
import type { IdGenerator } from "../time/ids.js";
import { createEnvelope, type EventEnvelope, type TopicEvent } from "./envelope.js";

/** NOTIFY channel the relay of one subgraph schema listens on. */
export const outboxChannel = (schema: string) => `moneta_outbox_${schema}`;

/** Outbox rows ready to be written by the caller's own statement (`Outbox.prepare`). */
export interface OutboxWrite {
  envelopes: EventEnvelope[];
  /** The rows, as the JSON text parameter `insert` reads. */
  json: string;
  /** The relay's NOTIFY channel. */
  channel: string;
  /** `INSERT INTO <schema>.outbox … FROM json_to_recordset($n::json)` for parameter `$n`. */
  insert: (parameter: number) => string;
}

/**
 * Writes events into the subgraph's outbox table inside the caller's transaction, so an event
 * exists if and only if the change that caused it committed. `Topics` (topic → event type →
 * payload) are the contracts in `schema/events`: an event whose topic, type or payload is not in
 * them does not compile. Platform's own tests pass their own topics.
 */
export class Outbox<Topics = EventContracts> {
  constructor(
    private readonly schema: string,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
  ) {}

  async add(manager: EntityManager, traceId: string, events: ReadonlyArray<TopicEvent<Topics>>): Promise<EventEnvelope[]> {
    if (!manager.queryRunner?.isTransactionActive) {
      throw new Error("Outbox.add must run inside the transaction that makes the change");
    }
    const write = this.prepare(traceId, events);
    if (write.envelopes.length === 0) return write.envelopes;
    // One statement however many events (an import writes thousands in one transaction), the
    // relay's wake-up included: a data-modifying WITH runs whatever the outer SELECT reads.
    await queryPrepared(manager, `WITH written AS (${write.insert(1)}) SELECT pg_notify($2, '')`, [write.json, write.channel]);
    return write.envelopes;
  }

  /**
   * The outbox rows for `events` as parts of a statement the caller runs, for a write that puts its
   * own rows and its events in ONE statement (a statement is atomic on its own, so the event exists
   * if and only if the change does, without BEGIN and COMMIT around them). Whoever runs `insert`
   * must also run `pg_notify(channel, '')` in the same statement or transaction.
   */
  prepare(traceId: string, events: ReadonlyArray<TopicEvent<Topics>>): OutboxWrite {
    const envelopes = events.map((e) => createEnvelope(e, this.schema, traceId, this.clock, this.ids));
    return {
      envelopes,
      // The rows go as ONE JSON text, each envelope nested as an object: a text[] of envelopes had
      // every quote of every envelope escaped by the driver, which cost an import as much as building the events.
      json: JSON.stringify(
        envelopes.map((envelope, i) => ({
          id: envelope.id,
          topic: events[i]!.topic,
          key: envelope.key,
          type: envelope.type,
          envelope,
          created_at: envelope.occurredAt,
        })),
      ),
      channel: outboxChannel(this.schema),
      insert: (parameter) =>
        `INSERT INTO "${this.schema}".outbox (id, topic, key, type, envelope, created_at)
         SELECT id, topic, key, type, envelope, created_at FROM json_to_recordset($${parameter}::json)
           AS e(id uuid, topic text, key text, type text, envelope jsonb, created_at timestamptz)`,
    };
  }
}
