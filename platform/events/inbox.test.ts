import type { DataSource, EntityManager } from "typeorm";
import { beforeEach, describe, expect, it } from "vitest";

import { statementManager } from "../testing/statement-manager.js";
import { FixedClock } from "../time/clock.js";
import { sequentialIds } from "../time/ids.js";
import type { DeliveredMessage } from "./bus.js";
import { createEnvelope, type EventEnvelope, MalformedEventError } from "./envelope.js";
import { type ConsumerDefinition, inboxBatchHandler, inboxHandler } from "./inbox.js";

const SCHEMA = "budgets";
const flat = (sql: string) => sql.replace(/\s+/g, " ").trim();

/**
 * The subgraph schema's `inbox` and `deleted_users` tables, answering exactly the statements the inbox
 * makes (any other statement fails the test), in a transaction that rolls the inbox and the handlers'
 * effects back when its callback throws. The events contract suite runs the same statements on a real
 * database; this fake keeps the inbox's own decisions (apply, skip, tell) cheap to check one by one.
 */
class FakeDatabase {
  inbox: Array<{ consumer: string; event_id: string; event_type: string }> = [];
  effects: number[] = [];
  readonly deletedUsers = new Set<string>();
  /** Every inbox or tombstone statement, in order (the handlers' effect statements are left out). */
  readonly statements: string[] = [];
  /** The users each batch tombstone lookup asked about. */
  readonly lookups: unknown[] = [];

  readonly dataSource = {
    transaction: async <T>(work: (manager: EntityManager) => Promise<T>): Promise<T> => {
      const saved = { inbox: [...this.inbox], effects: [...this.effects] };
      const manager = statementManager((sql, params) => this.query(sql, params));
      try {
        return await work(manager);
      } catch (error) {
        Object.assign(this, saved);
        throw error;
      }
    },
  } as unknown as DataSource;

  private insert(consumer: unknown, id: unknown, type: unknown): Array<{ event_id: string }> {
    if (typeof consumer !== "string" || typeof id !== "string" || typeof type !== "string") throw new Error("inbox: bad parameters");
    if (this.inbox.some((row) => row.consumer === consumer && row.event_id === id)) return [];
    this.inbox.push({ consumer, event_id: id, event_type: type });
    return [{ event_id: id }];
  }

  private async query(sql: string, params: unknown[]): Promise<unknown[]> {
    const statement = flat(sql);
    if (statement === "INSERT INTO effects (seq) VALUES ($1)") {
      this.effects.push(params[0] as number);
      return [];
    }
    this.statements.push(statement);
    const inbox = `INSERT INTO "${SCHEMA}".inbox (consumer, event_id, event_type, processed_at)`;
    const onConflict = "ON CONFLICT (consumer, event_id) DO NOTHING RETURNING event_id";
    if (statement === `${inbox} VALUES ($1, $2, $3, now()) ${onConflict}`) return this.insert(params[0], params[1], params[2]);
    if (statement === `${inbox} SELECT $1, e.id, e.type, now() FROM unnest($2::uuid[], $3::text[]) AS e(id, type) ${onConflict}`) {
      const [consumer, ids, types] = params as [string, string[], string[]];
      if (!Array.isArray(ids) || !Array.isArray(types) || ids.length !== types.length) throw new Error("unnest: bad arrays");
      return ids.flatMap((id, i) => this.insert(consumer, id, types[i]));
    }
    if (statement === `SELECT 1 FROM "${SCHEMA}".deleted_users WHERE user_id = $1`) {
      return this.deletedUsers.has(params[0] as string) ? [{ "?column?": 1 }] : [];
    }
    if (statement === `SELECT user_id FROM "${SCHEMA}".deleted_users WHERE user_id = ANY($1::text[])`) {
      const keys = params[0] as string[];
      if (!Array.isArray(keys)) throw new Error("ANY: not an array");
      this.lookups.push(keys);
      return keys.filter((key) => this.deletedUsers.has(key)).map((user_id) => ({ user_id }));
    }
    throw new Error(`unexpected statement: ${statement}`);
  }
}

type Happened = { Happened: { seq: number } };
const ids = sequentialIds();
const clock = new FixedClock("2026-03-05T10:00:00Z");

function event(key: string, seq: number, type = "Happened"): DeliveredMessage & { envelope: EventEnvelope } {
  const envelope = createEnvelope({ topic: "t.v1", type, key, data: { seq } }, "ledger", "trace-1", clock, ids);
  return { topic: "t.v1", key, value: JSON.stringify(envelope), headers: {}, offset: String(seq), partition: 0, envelope };
}

/** A handler whose effect is a plain INSERT in the inbox's transaction: applied twice, it shows twice. */
const handlers: ConsumerDefinition<Happened>["handlers"] = {
  Happened: async (e, manager) => void (await manager.query("INSERT INTO effects (seq) VALUES ($1)", [e.data.seq])),
};
const consumer = (name = "goals", extra: Partial<ConsumerDefinition<Happened>> = {}) =>
  ({ name, topics: ["t.v1"], handlers, ...extra }) as unknown as ConsumerDefinition;

let db: FakeDatabase;
let skipped: string[];
const onDuplicate = (e: EventEnvelope) => void skipped.push(e.id);

beforeEach(() => {
  db = new FakeDatabase();
  skipped = [];
});

describe("inbox, one event at a time", () => {
  it("applies a new event once, records it under the consumer, and skips its redelivery, telling the observer", async () => {
    const handle = inboxHandler(db.dataSource, SCHEMA, consumer(), onDuplicate);
    const first = event("user-a", 1);
    await handle(first);
    expect(db.effects).toEqual([1]);
    expect(db.inbox).toEqual([{ consumer: "goals", event_id: first.envelope.id, event_type: "Happened" }]);
    expect(skipped).toEqual([]);
    await handle(first);
    expect(db.effects).toEqual([1]);
    expect(skipped).toEqual([first.envelope.id]);
    // Another consumer keeps its own inbox rows: the same event is new to it.
    await inboxHandler(db.dataSource, SCHEMA, consumer("insights"), onDuplicate)(first);
    expect(db.effects).toEqual([1, 1]);
    expect(skipped).toEqual([first.envelope.id]);
  });

  it("skips a redelivery without an observer too", async () => {
    const handle = inboxHandler(db.dataSource, SCHEMA, consumer());
    const first = event("user-a", 1);
    await handle(first);
    await handle(first);
    expect(db.effects).toEqual([1]);
  });

  it("records a deleted user's event and an event of a type it does not handle, and applies neither", async () => {
    db.deletedUsers.add("user-gone");
    const handle = inboxHandler(db.dataSource, SCHEMA, consumer(), onDuplicate);
    const late = event("user-gone", 1);
    const other = event("user-a", 2, "SomethingElse");
    await handle(late);
    await handle(other);
    expect(db.effects).toEqual([]);
    expect(db.inbox.map((row) => [row.event_id, row.event_type])).toEqual([
      [late.envelope.id, "Happened"],
      [other.envelope.id, "SomethingElse"],
    ]);
    // Neither was a redelivery.
    expect(skipped).toEqual([]);
    await handle(event("user-a", 3));
    expect(db.effects).toEqual([3]);
  });

  it("rolls the inbox row back with the effects when the handler fails, so the retry applies the event once", async () => {
    let attempts = 0;
    const failingOnce = consumer("goals", {
      handlers: {
        Happened: async (e, manager) => {
          await handlers.Happened!(e, manager);
          if (++attempts === 1) throw new Error("crash after the effect");
        },
      },
    });
    const handle = inboxHandler(db.dataSource, SCHEMA, failingOnce, onDuplicate);
    const first = event("user-a", 1);
    await expect(handle(first)).rejects.toThrow("crash after the effect");
    expect(db.inbox).toEqual([]);
    expect(db.effects).toEqual([]);
    await handle(first);
    expect(db.effects).toEqual([1]);
    expect(skipped).toEqual([]);
  });

  it("refuses a message that is not an event before touching the database", async () => {
    const handle = inboxHandler(db.dataSource, SCHEMA, consumer(), onDuplicate);
    await expect(handle({ ...event("user-a", 1), value: "{not json" })).rejects.toThrow(MalformedEventError);
    expect(db.statements).toEqual([]);
  });
});

describe("inbox, a batch at a time", () => {
  it("applies each new event of a batch once and in order, with one inbox statement and one tombstone lookup", async () => {
    db.deletedUsers.add("user-gone");
    const earlier = event("user-z", 0);
    await inboxHandler(db.dataSource, SCHEMA, consumer())(earlier);
    db.statements.length = 0;
    const [a1, b2, gone3, other4, a5] = [
      event("user-a", 1),
      event("user-b", 2),
      event("user-gone", 3),
      event("user-a", 4, "SomethingElse"),
      event("user-a", 5),
    ];
    // A redelivery of an earlier event, and one of this batch's own next to it.
    await inboxBatchHandler(db.dataSource, SCHEMA, consumer(), onDuplicate)([earlier, a1, b2, a1, gone3, other4, a5]);
    expect(db.effects).toEqual([0, 1, 2, 5]);
    expect(skipped).toEqual([earlier.envelope.id, a1.envelope.id]);
    expect(db.inbox.map((row) => row.event_id)).toEqual([earlier, a1, b2, gone3, other4, a5].map((m) => m.envelope.id));
    expect(db.inbox.every((row) => row.consumer === "goals")).toBe(true);
    expect(db.inbox.map((row) => row.event_type)).toEqual(["Happened", "Happened", "Happened", "Happened", "SomethingElse", "Happened"]);
    // Only the new events' users are looked up, each once.
    expect(db.statements).toHaveLength(2);
    expect(db.lookups).toEqual([["user-a", "user-b", "user-gone"]]);
  });

  it("skips an all-redelivered batch with its one inbox statement, telling the observer of each in order", async () => {
    const batch = [event("user-a", 1), event("user-b", 2)];
    const handle = inboxBatchHandler(db.dataSource, SCHEMA, consumer(), onDuplicate);
    await handle(batch);
    db.statements.length = 0;
    await handle([batch[1]!, batch[0]!]);
    expect(db.effects).toEqual([1, 2]);
    expect(skipped).toEqual([batch[1]!.envelope.id, batch[0]!.envelope.id]);
    expect(db.statements).toHaveLength(1);
    // Without an observer too.
    await inboxBatchHandler(db.dataSource, SCHEMA, consumer())(batch);
    expect(db.effects).toEqual([1, 2]);
  });

  it("hands a consumer's batch form the applicable events once, in order, instead of its handlers", async () => {
    db.deletedUsers.add("user-gone");
    const batches: number[][] = [];
    const batched = consumer("goals", {
      handlers: {
        Happened: async () => {
          throw new Error("the batch form should have been used");
        },
      },
      handleBatch: async (events, manager) => {
        batches.push(events.map((e) => e.data.seq));
        for (const e of events) await manager.query("INSERT INTO effects (seq) VALUES ($1)", [e.data.seq]);
      },
    });
    const handle = inboxBatchHandler(db.dataSource, SCHEMA, batched, onDuplicate);
    const a1 = event("user-a", 1);
    await handle([a1, event("user-gone", 2), a1, event("user-a", 3, "SomethingElse"), event("user-b", 4)]);
    expect(batches).toEqual([[1, 4]]);
    expect(db.effects).toEqual([1, 4]);
    expect(skipped).toEqual([a1.envelope.id]);
    // A batch with new events but none to apply does not call it.
    await handle([event("user-gone", 5), event("user-a", 6, "SomethingElse")]);
    expect(batches).toEqual([[1, 4]]);
    expect(db.inbox).toHaveLength(6);
  });

  it("rolls the whole batch back when one event fails, and tells the observer nothing", async () => {
    const failing = consumer("goals", {
      handlers: {
        Happened: async (e, manager) => {
          await handlers.Happened!(e, manager);
          if (e.data.seq === 2) throw new Error("cannot apply 2");
        },
      },
    });
    const a1 = event("user-a", 1);
    await expect(inboxBatchHandler(db.dataSource, SCHEMA, failing, onDuplicate)([a1, a1, event("user-a", 2)])).rejects.toThrow(
      "cannot apply 2",
    );
    expect(db.inbox).toEqual([]);
    expect(db.effects).toEqual([]);
    expect(skipped).toEqual([]);
  });

  it("refuses a batch holding a message that is not an event before touching the database", async () => {
    const handle = inboxBatchHandler(db.dataSource, SCHEMA, consumer(), onDuplicate);
    await expect(handle([event("user-a", 1), { ...event("user-a", 2), value: "[]" }])).rejects.toThrow(MalformedEventError);
    expect(db.statements).toEqual([]);
  });
});
