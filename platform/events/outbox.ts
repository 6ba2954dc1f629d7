import type { EntityManager } from "typeorm";

import type { EventContracts } from "../../schema/events/index.js";
import type { Clock } from "../time/clock.js";
import type { IdGenerator } from "../time/ids.js";
import { createEnvelope, type EventEnvelope, type TopicEvent } from "./envelope.js";

/** NOTIFY channel the relay of one subgraph schema listens on. */
export const outboxChannel = (schema: string) => `moneta_outbox_${schema}`;

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
    const envelopes = events.map((e) => createEnvelope(e, this.schema, traceId, this.clock, this.ids));
    if (envelopes.length === 0) return envelopes;
    // One statement however many events (an import writes thousands in one transaction), the
    // relay's wake-up included: a data-modifying WITH runs whatever the outer SELECT reads. The rows
    // go as ONE JSON text, each envelope nested as an object: a text[] of envelopes had every quote
    // of every envelope escaped by the driver, which cost an import as much as building the events.
    await manager.query(
      `WITH written AS (
         INSERT INTO "${this.schema}".outbox (id, topic, key, type, envelope, created_at)
         SELECT id, topic, key, type, envelope, created_at FROM json_to_recordset($1::json)
           AS e(id uuid, topic text, key text, type text, envelope jsonb, created_at timestamptz))
       SELECT pg_notify($2, '')`,
      [
        JSON.stringify(
          envelopes.map((envelope, i) => ({
            id: envelope.id,
            topic: events[i]!.topic,
            key: envelope.key,
            type: envelope.type,
            envelope,
            created_at: envelope.occurredAt,
          })),
        ),
        outboxChannel(this.schema),
      ],
    );
    return envelopes;
  }
}
