import { randomUUID } from "node:crypto";

import { type Admin, type Consumer, type IHeaders, Kafka, type KafkaMessage, logLevel, type Producer } from "kafkajs";
import type { Logger } from "pino";

import type { BusMessage, BusSubscription, DeliveredMessage, EventBus, SubscriptionHandle } from "./bus.js";
import { deliverBatch, MAX_BATCH } from "./delivery.js";
import { dlqTopic } from "./envelope.js";
import { commitStart, resumesWithoutLoss, type StartOffsets, uncommittedEnds } from "./kafka-group-start.js";

export interface KafkaBusOptions {
  brokers: string[];
  clientId: string;
  /** Prepended to every topic and group id (test runs on a shared broker). */
  prefix?: string;
  /** Partitions of each topic the bus creates (`KAFKA_TOPIC_PARTITIONS`); 3 when left out. */
  partitions?: number;
  /** Replicas of each topic the bus creates (`KAFKA_REPLICATION_FACTOR`); 1 when left out. */
  replicationFactor?: number;
  /**
   * How long the broker waits for a silent consumer before giving its partitions to another
   * instance; 10 s when left out. The fault tests shorten it (the broker's floor is 6 s) so a
   * kill -9'd consumer's partitions move on quickly.
   */
  sessionTimeoutMs?: number;
  logger: Logger;
}

/** Default session and rebalance timeout of consumers: the broker's floor is 6 s. */
const DEFAULT_SESSION_TIMEOUT_MS = 10_000;

/** The producer's own retries: at most ~1.5 s in all, no wait over 500 ms. */
export const PRODUCER_RETRY = { retries: 4, initialRetryTime: 100, maxRetryTime: 500 };

function toHeaders(headers: IHeaders | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (value === undefined) continue;
    out[name] = Array.isArray(value) ? value.map(String).join(",") : value.toString();
  }
  return out;
}

/** Kafka transport over kafkajs: idempotent producer with acks from all in-sync replicas. */
export class KafkaEventBus implements EventBus {
  readonly kind = "kafka" as const;
  private readonly kafka: Kafka;
  private readonly prefix: string;
  private producer?: Promise<Producer>;
  private admin?: Promise<Admin>;
  private readonly knownTopics = new Set<string>();
  private readonly consumers = new Set<Consumer>();
  private closed = false;

  constructor(private readonly options: KafkaBusOptions) {
    this.prefix = options.prefix ?? "";
    this.kafka = new Kafka({
      clientId: options.clientId,
      brokers: options.brokers,
      logLevel: logLevel.ERROR,
      connectionTimeout: 3_000,
      retry: { retries: 8, initialRetryTime: 200 },
      logCreator:
        () =>
        ({ namespace, log }) =>
          options.logger.error({ kafka: namespace, ...log }, log.message),
    });
  }

  /** Fails fast with the setting's name when no broker answers (boot-time check). */
  async ping(timeoutMs = 5_000): Promise<void> {
    // A client of its own, without the bus's retries: at boot an unreachable broker should fail fast.
    const admin = new Kafka({
      clientId: this.options.clientId,
      brokers: this.options.brokers,
      logLevel: logLevel.NOTHING,
      connectionTimeout: 2_000,
      retry: { retries: 0 },
    }).admin();
    const timer = new Promise<never>((_, reject) => setTimeout(() => reject(new Error("timed out")), timeoutMs).unref());
    try {
      await Promise.race([admin.connect().then(() => admin.describeCluster()), timer]);
    } finally {
      await admin.disconnect().catch(() => undefined);
    }
  }

  private getProducer(): Promise<Producer> {
    this.producer ??= (async () => {
      // Idempotence makes broker-side retries safe: no duplicates, no reordering within a partition.
      const producer = this.kafka.producer({
        idempotent: true,
        maxInFlightRequests: 1,
        allowAutoTopicCreation: false,
        // The outbox relay is the retry loop (it keeps the rows until a publish succeeds): kafkajs'
        // exponential backoff (up to 30 s a wait) only delayed the first publish after the broker
        // came back. Short waits, so a send fails soon and the relay's next try finds the broker.
        retry: PRODUCER_RETRY,
      });
      await producer.connect();
      return producer;
    })();
    return this.producer;
  }

  private getAdmin(): Promise<Admin> {
    this.admin ??= (async () => {
      const admin = this.kafka.admin();
      await admin.connect();
      return admin;
    })();
    return this.admin;
  }

  /** Creates topics explicitly so partition counts are ours, not the broker's auto-create default. */
  private async ensureTopics(topics: string[]): Promise<void> {
    const missing = [...new Set(topics)].filter((t) => !this.knownTopics.has(t));
    if (missing.length === 0) return;
    const admin = await this.getAdmin();
    for (let attempt = 1; ; attempt++) {
      try {
        const created = await admin.createTopics({
          waitForLeaders: true,
          topics: missing.map((topic) => ({
            topic,
            numPartitions: this.options.partitions ?? 3,
            replicationFactor: this.options.replicationFactor ?? 1,
          })),
        });
        // kafkajs answers false, WITHOUT waiting for leaders, when any of the topics existed, though
        // the others were just created: another instance (or a consumer of the same topic) made
        // some first. A subscribe to a topic still without a leader fails, so wait here.
        if (!created) await this.waitForLeaders(admin, missing);
        break;
      } catch (error) {
        // A broker busy creating many topics at once may answer the leader wait for a topic it has
        // just created with UNKNOWN_TOPIC_OR_PARTITION. The creation stands (asking again is a
        // no-op for existing topics), so ask again shortly instead of failing the caller.
        if (attempt >= 6 || (error as { type?: string }).type !== "UNKNOWN_TOPIC_OR_PARTITION") throw error;
        await new Promise((resolve) => setTimeout(resolve, 250 * attempt));
      }
    }
    for (const t of missing) this.knownTopics.add(t);
  }

  /** Polls the topics' metadata until every partition of each has a leader (about 30 s at most: a fresh broker on a busy machine, creating every service's topics at once, took over 10 s). */
  private async waitForLeaders(admin: Admin, topics: string[]): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        const { topics: found } = await admin.fetchTopicMetadata({ topics });
        if (found.length === topics.length && found.every((t) => t.partitions.length > 0 && t.partitions.every((p) => p.leader >= 0)))
          return;
      } catch (error) {
        const type = (error as { type?: string }).type;
        if (type !== "UNKNOWN_TOPIC_OR_PARTITION" && type !== "LEADER_NOT_AVAILABLE") throw error;
      }
      if (attempt >= 120) throw new Error(`Kafka topics without a leader after creation: ${topics.join(", ")}`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }

  async publish(messages: BusMessage[]): Promise<void> {
    if (messages.length === 0) return;
    const byTopic = new Map<string, BusMessage[]>();
    for (const m of messages) {
      const topic = this.prefix + m.topic;
      byTopic.set(topic, [...(byTopic.get(topic) ?? []), m]);
    }
    await this.ensureTopics([...byTopic.keys()]);
    const producer = await this.getProducer();
    await producer.sendBatch({
      acks: -1,
      topicMessages: [...byTopic].map(([topic, list]) => ({
        topic,
        messages: list.map((m) => ({ key: m.key, value: m.value, headers: m.headers })),
      })),
    });
  }

  async subscribe(subscription: BusSubscription): Promise<SubscriptionHandle> {
    const topics = subscription.topics.map((t) => this.prefix + t);
    await this.ensureTopics([...topics, ...topics.map(dlqTopic)]);
    let current: Consumer | undefined;
    let stopped = false;
    // Read before joining: a group with offsets everywhere resumes from them whatever it joins into.
    const groupId = this.prefix + subscription.groupId;
    const resumes = subscription.fromBeginning || (await resumesWithoutLoss(() => this.getAdmin(), groupId, topics));
    // A group starting at the latest offset commits where it starts once it joined (below), so that
    // it has offsets everywhere and every later start resumes without waiting for a join. Only the
    // first consumer does: a replacement after a crash may find the group's offsets moved on.
    let startAt = resumes ? undefined : await uncommittedEnds(() => this.getAdmin(), groupId, topics, this.options.logger);
    // Any of the subscription's consumers joining counts: the first may crash while joining (a
    // broker still loading its group coordinator) and its replacement be the one that joins.
    let onJoin!: () => void;
    const joined = new Promise<void>((resolve) => (onJoin = resolve));
    // A resuming group reads a partition it has no offset on (empty when looked at) from its start:
    // what arrives there while the group joins is not skipped.
    const run = () => {
      const record = startAt;
      startAt = undefined;
      return this.runConsumer({ ...subscription, fromBeginning: resumes }, topics, (c) => void replace(c), onJoin, record);
    };
    // kafkajs restarts a crashed consumer once, and a restart that meets a broker still down
    // (kill -9, a broker restart longer than the retries) leaves the consumer dead for good while
    // the process stays up. So kafkajs never restarts here: a crash replaces the consumer, retried
    // with backoff until one runs again; it resumes from the group's committed offsets.
    const replace = async (crashed: Consumer) => {
      this.consumers.delete(crashed);
      await crashed.disconnect().catch(() => undefined);
      for (let attempt = 1; !stopped && !this.closed; attempt++) {
        await new Promise((resolve) => setTimeout(resolve, Math.min(500 * attempt, 5_000)).unref());
        if (stopped || this.closed) return;
        try {
          current = await run();
          this.options.logger.info({ groupId: subscription.groupId, attempt }, "kafka consumer replaced after a crash");
          return;
        } catch (error) {
          this.options.logger.error({ err: error, groupId: subscription.groupId, attempt }, "kafka consumer could not start; retrying");
        }
      }
    };
    current = await run();
    // A group that has committed offsets, or that starts from the beginning, misses nothing while
    // it joins: readiness need not wait for the join (after a kill -9 it waits for the dead
    // members' session to expire). A group starting at the latest offset must be in first.
    if (!resumes) await joined;
    return {
      stop: async () => {
        stopped = true;
        if (!current) return;
        this.consumers.delete(current);
        await current.disconnect();
      },
    };
  }

  /**
   * One consumer of the group, running; `onCrash` gets it when kafkajs gives it up, `onJoin` fires
   * when it joined. With `startAt`, its first join commits those offsets for the partitions it was
   * given, before it delivers anything (so its own later commits are never moved back by it).
   */
  private async runConsumer(
    subscription: BusSubscription,
    topics: string[],
    onCrash: (consumer: Consumer) => void,
    onJoin: () => void,
    startAt?: StartOffsets,
  ): Promise<Consumer> {
    const consumer = this.kafka.consumer({
      groupId: this.prefix + subscription.groupId,
      allowAutoTopicCreation: false,
      sessionTimeout: this.options.sessionTimeoutMs ?? DEFAULT_SESSION_TIMEOUT_MS,
      // How long a rebalance waits for members to rejoin: a member killed with -9 holds up the
      // group's next join until then (kafkajs' default, 60 s, was most of a restart's wait).
      rebalanceTimeout: this.options.sessionTimeoutMs ?? DEFAULT_SESSION_TIMEOUT_MS,
      heartbeatInterval: 1_000,
      maxWaitTimeInMs: 100,
      retry: { retries: 8, initialRetryTime: 200, restartOnFailure: async () => false },
    });
    this.consumers.add(consumer);
    const subscribed = performance.now();
    consumer.on(consumer.events.CRASH, () => onCrash(consumer));
    let assigned: Record<string, number[]> = {};
    let recorded: Promise<void> | undefined;
    const off = consumer.on(consumer.events.GROUP_JOIN, ({ payload }) => {
      off();
      assigned = payload.memberAssignment;
      onJoin();
      this.options.logger.debug(
        { groupId: subscription.groupId, ms: Math.round(performance.now() - subscribed) },
        "consumer joined its group",
      );
    });
    try {
      await consumer.connect();
      await consumer.subscribe({ topics, fromBeginning: subscription.fromBeginning });
      const options = {
        groupId: subscription.groupId,
        logger: this.options.logger,
        publishDeadLetter: (dead: BusMessage) => this.publish([dead]),
      };
      // Not awaited: kafkajs' run() resolves only once the consumer joined its group, and after a
      // kill -9 a join waits for the dead members' sessions to expire (up to the session timeout).
      // A group that resumes from committed offsets misses nothing meanwhile, so readiness does not
      // wait; subscribe() waits for `onJoin` where it must. A failed join is a crash (onCrash).
      const running = consumer.run({
        // Partitions are handled concurrently, messages within one (one user's) strictly in order.
        partitionsConsumedConcurrently: 3,
        eachBatchAutoResolve: false,
        eachBatch: async ({ batch, resolveOffset, heartbeat, commitOffsetsIfNecessary, isRunning, isStale }) => {
          await recorded;
          const messages = batch.messages.map((m) => this.delivered(batch.topic, batch.partition, m));
          for (let from = 0; from < messages.length; from += MAX_BATCH) {
            // A rebalance took the partition away: what is left belongs to its new owner.
            if (!isRunning() || isStale()) return;
            const chunk = messages.slice(from, from + MAX_BATCH);
            // Throws only if even a dead-letter publish failed; kafkajs then retries from the last resolved offset.
            await deliverBatch(chunk, subscription, options);
            // Offsets move only after the chunk's transaction committed (the inbox absorbs a redelivery).
            resolveOffset(chunk[chunk.length - 1]!.offset);
            await commitOffsetsIfNecessary();
            await heartbeat();
            // Where a partition stands, for a consumer that stops moving (the kill -9 suite's long run).
            this.options.logger.debug(
              { groupId: subscription.groupId, partition: batch.partition, upTo: chunk[chunk.length - 1]!.offset },
              "event chunk delivered",
            );
          }
        },
      });
      // kafkajs takes a commit only once the consumer runs (after the join event), before any batch.
      if (startAt)
        recorded = running.then(
          () => commitStart(consumer, startAt, assigned, { groupId: subscription.groupId, logger: this.options.logger }),
          () => undefined,
        );
      running.catch((error: unknown) => {
        this.options.logger.error({ err: error, groupId: subscription.groupId }, "kafka consumer stopped running");
        onCrash(consumer);
      });
    } catch (error) {
      this.consumers.delete(consumer);
      await consumer.disconnect().catch(() => undefined);
      throw error;
    }
    return consumer;
  }

  async replay(topics: string[], handle: (message: DeliveredMessage) => Promise<void>): Promise<number> {
    const names = topics.map((t) => this.prefix + t);
    await this.ensureTopics(names);
    const admin = await this.getAdmin();
    // Where each partition ends now: messages published after the call are the live consumers' business.
    const ends = new Map<string, bigint>();
    for (const name of names) {
      for (const p of await admin.fetchTopicOffsets(name))
        if (BigInt(p.high) > BigInt(p.low)) ends.set(`${name}:${p.partition}`, BigInt(p.high));
    }
    if (ends.size === 0) return 0;
    const groupId = `${this.prefix}replay.${randomUUID()}`;
    const consumer = this.kafka.consumer({ groupId, allowAutoTopicCreation: false, maxWaitTimeInMs: 100 });
    let count = 0;
    try {
      await consumer.connect();
      await consumer.subscribe({ topics: names, fromBeginning: true });
      await new Promise<void>((resolve, reject) => {
        const remaining = new Set(ends.keys());
        consumer
          .run({
            eachMessage: async ({ topic, partition, message }) => {
              const end = ends.get(`${topic}:${partition}`);
              if (end === undefined || BigInt(message.offset) >= end) return;
              try {
                await handle(this.delivered(topic, partition, message));
              } catch (error) {
                reject(error as Error);
                return;
              }
              count++;
              if (BigInt(message.offset) + 1n >= end && remaining.delete(`${topic}:${partition}`) && remaining.size === 0) resolve();
            },
          })
          .catch(reject);
      });
    } finally {
      await consumer.disconnect().catch(() => undefined);
      await admin.deleteGroups([groupId]).catch(() => undefined);
    }
    return count;
  }

  private delivered(topic: string, partition: number, message: KafkaMessage): DeliveredMessage {
    return {
      topic: topic.slice(this.prefix.length),
      key: message.key?.toString() ?? "",
      value: message.value?.toString() ?? "",
      headers: toHeaders(message.headers),
      offset: message.offset,
      partition,
    };
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.allSettled([...this.consumers].map((c) => c.disconnect()));
    this.consumers.clear();
    if (this.producer) await (await this.producer).disconnect().catch(() => undefined);
    if (this.admin) await (await this.admin).disconnect().catch(() => undefined);
  }
}
