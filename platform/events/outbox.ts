import type { EntityManager } from "typeorm";
import type { Clock } from "../time/clock.js";
import type { IdGenerator } from "../time/ids.js";
import { createEnvelope, type EventEnvelope, type NewEvent } from "./envelope.js";

/** NOTIFY channel the relay of one subgraph schema listens on. */
export const outboxChannel = (schema: string) => `moneta_outbox_${schema}`;

/**
 * Writes events into the subgraph's outbox table inside the caller's transaction, so an event
 * exists if and only if the change that caused it committed.
 */
export class Outbox {
  constructor(
    private readonly schema: string,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
  ) {}

  async add(manager: EntityManager, traceId: string, events: NewEvent[]): Promise<EventEnvelope[]> {
    if (!manager.queryRunner?.isTransactionActive) {
      throw new Error("Outbox.add must run inside the transaction that makes the change");
    }
    const envelopes = events.map((e) => createEnvelope(e, this.schema, traceId, this.clock, this.ids));
    for (const [i, envelope] of envelopes.entries()) {
      await manager.query(
        `INSERT INTO "${this.schema}".outbox (id, topic, key, type, envelope, created_at) VALUES ($1, $2, $3, $4, $5::jsonb, $6)`,
        [envelope.id, events[i]!.topic, envelope.key, envelope.type, JSON.stringify(envelope), envelope.occurredAt],
      );
    }
    await manager.query(`SELECT pg_notify($1, '')`, [outboxChannel(this.schema)]);
    return envelopes;
  }
}
