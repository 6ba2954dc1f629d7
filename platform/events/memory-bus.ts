import type { Logger } from "pino";

import { nextTurn } from "../concurrency/next-turn.js";
import type { BusMessage, BusSubscription, DeliveredMessage, EventBus, SubscriptionHandle } from "./bus.js";
import { deliverBatch, MAX_BATCH } from "./delivery.js";

interface TopicLog {
  /** Offset of messages[0]; older messages are dropped to bound memory. */
  base: number;
  messages: DeliveredMessage[];
  waiters: Set<() => void>;
}

interface GroupTopic {
  cursor: number;
  members: Set<BusSubscription>;
  running: boolean;
}

/**
 * In-process stand-in for Kafka (embedded mode): an append-only log per topic and a cursor per
 * consumer group, delivered in order per group and topic (in batches when the consumer takes them), so one user's events keep
 * their order exactly as on a Kafka partition. It lives in memory: events relayed but not yet
 * consumed are lost if the process dies, which the outbox cannot prevent here.
 */
export class MemoryEventBus implements EventBus {
  readonly kind = "memory" as const;
  private readonly topics = new Map<string, TopicLog>();
  private readonly groups = new Map<string, GroupTopic>();
  private closed = false;

  constructor(
    private readonly logger: Logger,
    private readonly maxRetainedPerTopic = 100_000,
  ) {}

  private log(topic: string): TopicLog {
    let log = this.topics.get(topic);
    if (!log) {
      log = { base: 0, messages: [], waiters: new Set() };
      this.topics.set(topic, log);
    }
    return log;
  }

  async publish(messages: BusMessage[]): Promise<void> {
    if (this.closed) throw new Error("event bus is closed");
    const touched = new Set<TopicLog>();
    for (const message of messages) {
      const log = this.log(message.topic);
      const offset = log.base + log.messages.length;
      log.messages.push({ ...message, headers: { ...message.headers }, offset: String(offset), partition: 0 });
      if (log.messages.length > this.maxRetainedPerTopic) {
        log.messages.shift();
        log.base++;
      }
      touched.add(log);
    }
    for (const log of touched) for (const wake of log.waiters) wake();
  }

  async subscribe(subscription: BusSubscription): Promise<SubscriptionHandle> {
    const attached: GroupTopic[] = [];
    for (const topic of subscription.topics) {
      const key = `${subscription.groupId}\u0000${topic}`;
      let group = this.groups.get(key);
      if (!group) {
        const log = this.log(topic);
        group = { cursor: subscription.fromBeginning ? log.base : log.base + log.messages.length, members: new Set(), running: false };
        this.groups.set(key, group);
      }
      group.members.add(subscription);
      attached.push(group);
      if (!group.running) void this.pump(topic, subscription.groupId, group);
    }
    return {
      stop: async () => {
        for (const group of attached) group.members.delete(subscription);
      },
    };
  }

  async replay(topics: string[], handle: (message: DeliveredMessage) => Promise<void>): Promise<number> {
    let count = 0;
    for (const topic of topics) {
      for (const message of this.log(topic).messages.slice()) {
        await handle(message);
        count++;
      }
    }
    return count;
  }

  private async pump(topic: string, groupId: string, group: GroupTopic): Promise<void> {
    group.running = true;
    const log = this.log(topic);
    try {
      while (!this.closed && group.members.size > 0) {
        if (group.cursor < log.base) group.cursor = log.base;
        const start = group.cursor - log.base;
        // What is waiting, up to one batch: a backlog (an import's events) goes in few transactions.
        const batch = log.messages.slice(start, start + MAX_BATCH);
        if (batch.length === 0) {
          await new Promise<void>((resolve) => {
            const wake = () => {
              log.waiters.delete(wake);
              resolve();
            };
            log.waiters.add(wake);
          });
          continue;
        }
        const [member] = group.members;
        if (!member) break;
        await deliverBatch(batch, member, { groupId, logger: this.logger, publishDeadLetter: (dead) => this.publish([dead]) });
        group.cursor += batch.length;
        // Embedded PGlite answers in microtasks: without a macrotask turn here, a backlog of
        // thousands of events (an import's) would keep HTTP and timers waiting until it is drained.
        await nextTurn();
      }
    } catch (error) {
      this.logger.error({ err: error, topic, groupId }, "in-process consumer stopped");
    } finally {
      group.running = false;
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const log of this.topics.values()) for (const wake of log.waiters) wake();
  }
}
