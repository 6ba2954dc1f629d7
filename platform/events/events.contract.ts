import { pino } from "pino";
import type { DataSource, MigrationInterface, QueryRunner } from "typeorm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { DatabaseProvider } from "../db/database.js";
import type { Notifier } from "../db/notifier.js";
import { eventually } from "../testing/eventually.js";
import { systemClock } from "../time/clock.js";
import { randomIds } from "../time/ids.js";
import type { BusMessage, DeliveredMessage, EventBus, SubscriptionHandle } from "./bus.js";
import { DLQ_HEADERS } from "./delivery.js";
import { createEnvelope, dlqTopic, type EventEnvelope } from "./envelope.js";
import { type ConsumerDefinition, type EventHandler, inboxBatchHandler, inboxHandler } from "./inbox.js";
import { Outbox } from "./outbox.js";
import { OutboxRelay } from "./relay.js";

export interface EventsHarness {
  bus: EventBus;
  database: DatabaseProvider;
  close(): Promise<void>;
}

class CreateEffects1763769609999 implements MigrationInterface {
  name = "CreateEffects1763769609999";
  async up(queryRunner: QueryRunner): Promise<void> {
    const schema = (queryRunner.connection.options as { schema: string }).schema;
    await queryRunner.query(
      `CREATE TABLE "${schema}".effects (n serial PRIMARY KEY, event_id uuid NOT NULL, user_id text NOT NULL, seq int NOT NULL)`,
    );
  }
  async down(): Promise<void> {}
}

const retry = { attempts: 3, initialDelayMs: 20, maxDelayMs: 50 };

/** The suite's own contract: fresh topics per test, each carrying one event type. */
type Happened = { Happened: { seq: number } };
const silent = pino({ level: "silent" });

/**
 * The one suite every event-bus adapter must pass, end to end through the outbox and the inbox:
 * relay, rollback, duplicate delivery, crash mid-handler, poison messages, per-user ordering.
 */
export function describeEventsContract(name: string, createHarness: () => Promise<EventsHarness>): void {
  describe(`events contract: ${name}`, () => {
    let harness: EventsHarness;
    let dataSource: DataSource;
    let notifier: Notifier;
    let schema: string;
    let outbox: Outbox<Record<string, Happened>>;
    let relay: OutboxRelay;
    const handles: SubscriptionHandle[] = [];
    let topicCounter = 0;
    const nextTopic = () => `contract.t${Date.now().toString(36)}${++topicCounter}.v1`;

    beforeAll(async () => {
      harness = await createHarness();
      schema = `contract_${Math.random().toString(36).slice(2, 8)}`;
      ({ dataSource, notifier } = await harness.database.open(schema, { entities: [], migrations: [CreateEffects1763769609999] }));
      outbox = new Outbox<Record<string, Happened>>(schema, systemClock, randomIds);
      relay = new OutboxRelay({ dataSource, schema, bus: harness.bus, notifier, logger: silent, safetyIntervalMs: 60_000 });
      await relay.start();
    });

    afterAll(async () => {
      await Promise.allSettled(handles.map((h) => h.stop()));
      await relay?.stop();
      await harness?.close();
    });

    const recordEffect: EventHandler<Happened["Happened"]> = async (event, manager) => {
      await manager.query(`INSERT INTO "${schema}".effects (event_id, user_id, seq) VALUES ($1, $2, $3)`, [
        event.id,
        event.key,
        event.data.seq,
      ]);
    };

    async function consume(
      topic: string,
      consumer: string,
      handler: EventHandler<Happened["Happened"]>,
      onDuplicate?: () => void,
      handleBatch?: ConsumerDefinition<Happened>["handleBatch"],
    ) {
      const definition: ConsumerDefinition<Happened> = { name: consumer, topics: [topic], handlers: { Happened: handler }, handleBatch };
      handles.push(
        await harness.bus.subscribe({
          groupId: `${schema}.${consumer}`,
          topics: [topic],
          fromBeginning: true,
          retry,
          handle: inboxHandler(dataSource, schema, definition, onDuplicate),
          handleBatch: inboxBatchHandler(dataSource, schema, definition, onDuplicate),
        }),
      );
    }

    async function effects(): Promise<Array<{ event_id: string; user_id: string; seq: number }>> {
      return dataSource.query(`SELECT event_id, user_id, seq FROM "${schema}".effects ORDER BY n`);
    }

    async function clearEffects() {
      await dataSource.query(`DELETE FROM "${schema}".effects`);
    }

    function envelope(topic: string, key: string, seq: number): BusMessage & { envelope: EventEnvelope } {
      const env = createEnvelope({ topic, type: "Happened", key, data: { seq } }, "contract", "trace-1", systemClock, randomIds);
      return { topic, key, value: JSON.stringify(env), headers: { "event-id": env.id }, envelope: env };
    }

    it("relays committed outbox rows to a consumer, which applies each once", async () => {
      await clearEffects();
      const topic = nextTopic();
      await consume(topic, "relay", recordEffect);
      await dataSource.transaction((m) =>
        outbox.add(
          m,
          "trace-1",
          [1, 2, 3].map((seq) => ({ topic, type: "Happened", key: "user-a", data: { seq } })),
        ),
      );
      await eventually(async () => expect((await effects()).map((e) => e.seq)).toEqual([1, 2, 3]));
      const [pending] = await dataSource.query(`SELECT count(*)::int AS n FROM "${schema}".outbox WHERE published_at IS NULL`);
      expect(pending.n).toBe(0);
    });

    it("publishes nothing for a rolled-back change", async () => {
      await clearEffects();
      const topic = nextTopic();
      await consume(topic, "rollback", recordEffect);
      await expect(
        dataSource.transaction(async (m) => {
          await outbox.add(m, "trace-1", [{ topic, type: "Happened", key: "user-a", data: { seq: 1 } }]);
          throw new Error("business rule failed after the event was written");
        }),
      ).rejects.toThrow(/business rule/);
      await dataSource.transaction((m) => outbox.add(m, "trace-1", [{ topic, type: "Happened", key: "user-a", data: { seq: 2 } }]));
      await eventually(async () => expect((await effects()).map((e) => e.seq)).toEqual([2]));
      const [count] = await dataSource.query(`SELECT count(*)::int AS n FROM "${schema}".outbox WHERE topic = $1`, [topic]);
      expect(count.n).toBe(1);
    });

    it("treats a duplicate delivery as a no-op", async () => {
      await clearEffects();
      const topic = nextTopic();
      let skipped = 0;
      await consume(topic, "dup", recordEffect, () => skipped++);
      const message = envelope(topic, "user-a", 1);
      await harness.bus.publish([message]);
      await harness.bus.publish([message, message]);
      await harness.bus.publish([envelope(topic, "user-a", 2)]);
      await eventually(async () => expect((await effects()).map((e) => e.seq)).toEqual([1, 2]));
      const [inbox] = await dataSource.query(`SELECT count(*)::int AS n FROM "${schema}".inbox WHERE event_id = $1`, [message.envelope.id]);
      expect(inbox.n).toBe(1);
      // Both redeliveries were the inbox's to skip (the effect, a plain INSERT, would have doubled).
      expect(skipped).toBe(2);
    });

    it("gives a consumer's batch form each new event of its types once, in order, and retries a failed batch through its handlers", async () => {
      await clearEffects();
      const topic = nextTopic();
      const batches: number[][] = [];
      await consume(topic, "batch", recordEffect, undefined, async (events, manager) => {
        batches.push(events.map((e) => e.data.seq));
        for (const event of events) await recordEffect(event, manager);
        if (batches.length === 1) throw new Error("crash after the batch's effects");
      });
      const first = envelope(topic, "user-a", 1);
      const other = createEnvelope(
        { topic, type: "Unhandled", key: "user-a", data: { seq: 9 } },
        "contract",
        "trace-1",
        systemClock,
        randomIds,
      );
      const unhandled = { topic, key: "user-a", value: JSON.stringify(other), headers: { "event-id": other.id } };
      await harness.bus.publish([first, envelope(topic, "user-a", 2), first, unhandled, envelope(topic, "user-a", 3)]);
      await eventually(async () => expect((await effects()).map((e) => e.seq)).toEqual([1, 2, 3]));
      // The failed batch left nothing behind: its events were applied once, one by one, by the handler.
      expect(batches).toEqual([[1, 2, 3]]);
      await harness.bus.publish([envelope(topic, "user-a", 4), envelope(topic, "user-a", 5)]);
      await eventually(async () => expect((await effects()).map((e) => e.seq)).toEqual([1, 2, 3, 4, 5]));
      expect(batches).toEqual([
        [1, 2, 3],
        [4, 5],
      ]);
    });

    it("rolls back effects and inbox together when a handler crashes midway, then applies once on retry", async () => {
      await clearEffects();
      const topic = nextTopic();
      let attempts = 0;
      await consume(topic, "crash", async (event, manager) => {
        attempts++;
        await recordEffect(event, manager);
        if (attempts === 1) throw new Error("crash after writing the effect");
      });
      const message = envelope(topic, "user-a", 7);
      await harness.bus.publish([message]);
      await eventually(async () => expect((await effects()).map((e) => e.seq)).toEqual([7]));
      expect(attempts).toBe(2);
      const [inbox] = await dataSource.query(`SELECT count(*)::int AS n FROM "${schema}".inbox WHERE event_id = $1`, [message.envelope.id]);
      expect(inbox.n).toBe(1);
    });

    it("sends a message that keeps failing, or is not an event, to <topic>.dlq with the error in headers and carries on", async () => {
      await clearEffects();
      const topic = nextTopic();
      const dead: DeliveredMessage[] = [];
      handles.push(
        await harness.bus.subscribe({
          groupId: `${schema}.dlq-reader`,
          topics: [dlqTopic(topic)],
          fromBeginning: true,
          handle: async (m) => void dead.push(m),
        }),
      );
      await consume(topic, "poison", async (event, manager) => {
        if (event.data.seq === 666) throw new Error("cannot handle 666");
        await recordEffect(event, manager);
      });
      const poison = envelope(topic, "user-a", 666);
      await harness.bus.publish([
        envelope(topic, "user-a", 1),
        { topic, key: "user-a", value: "{not json", headers: {} },
        poison,
        envelope(topic, "user-a", 2),
      ]);
      await eventually(async () => expect((await effects()).map((e) => e.seq)).toEqual([1, 2]));
      await eventually(() => expect(dead).toHaveLength(2));
      const [notJson, failing] = dead;
      expect(notJson!.value).toBe("{not json");
      expect(notJson!.headers[DLQ_HEADERS.errorName]).toBe("MalformedEventError");
      expect(failing!.value).toBe(poison.value);
      expect(failing!.headers[DLQ_HEADERS.error]).toBe("cannot handle 666");
      expect(failing!.headers[DLQ_HEADERS.attempts]).toBe(String(retry.attempts));
      expect(failing!.headers[DLQ_HEADERS.originalTopic]).toBe(topic);
      // The failed event left nothing behind: no effect, no inbox row.
      const [inbox] = await dataSource.query(`SELECT count(*)::int AS n FROM "${schema}".inbox WHERE event_id = $1`, [poison.envelope.id]);
      expect(inbox.n).toBe(0);
    });

    it("keeps each user's events in order", async () => {
      await clearEffects();
      const topic = nextTopic();
      await consume(topic, "order", async (event, manager) => {
        // Uneven handler time must not reorder one user's events.
        if (Math.random() < 0.2) await new Promise((r) => setTimeout(r, 5));
        await recordEffect(event, manager);
      });
      const users = ["user-a", "user-b", "user-c", "user-d"];
      const perUser = 25;
      for (let seq = 1; seq <= perUser; seq++) {
        await dataSource.transaction((m) =>
          outbox.add(
            m,
            "trace-1",
            users.map((key) => ({ topic, type: "Happened", key, data: { seq } })),
          ),
        );
      }
      await eventually(async () => expect(await effects()).toHaveLength(users.length * perUser), { timeoutMs: 30_000 });
      const rows = await effects();
      for (const user of users) {
        expect(rows.filter((r) => r.user_id === user).map((r) => r.seq)).toEqual(Array.from({ length: perUser }, (_, i) => i + 1));
      }
    });

    it("replays a topic's retained history in each user's order, beside a live consumer whose offsets it leaves alone", async () => {
      await clearEffects();
      const topic = nextTopic();
      await consume(topic, "live", recordEffect);
      const users = ["user-a", "user-b"];
      for (let seq = 1; seq <= 5; seq++) {
        await dataSource.transaction((m) =>
          outbox.add(
            m,
            "trace-1",
            users.map((key) => ({ topic, type: "Happened", key, data: { seq } })),
          ),
        );
      }
      await eventually(async () => expect(await effects()).toHaveLength(10), { timeoutMs: 30_000 });
      const seen: Array<[string, number]> = [];
      const replayed = await harness.bus.replay([topic], async (message) => {
        const env = JSON.parse(message.value) as EventEnvelope<{ seq: number }>;
        seen.push([message.key, env.data.seq]);
      });
      expect(replayed).toBe(10);
      for (const user of users) expect(seen.filter(([key]) => key === user).map(([, seq]) => seq)).toEqual([1, 2, 3, 4, 5]);
      // The live consumer carries on from where it was: one more event is applied once, not the history again.
      await dataSource.transaction((m) => outbox.add(m, "trace-1", [{ topic, type: "Happened", key: "user-a", data: { seq: 6 } }]));
      await eventually(async () => expect(await effects()).toHaveLength(11), { timeoutMs: 30_000 });
      expect(await harness.bus.replay([topic], async () => undefined)).toBe(11);
      expect(await harness.bus.replay([nextTopic()], async () => undefined)).toBe(0);
    });
  });
}
