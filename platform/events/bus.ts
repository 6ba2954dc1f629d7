/** One message on a topic, as both adapters carry it. */
export interface BusMessage {
  topic: string;
  /** Partition key: the user id. */
  key: string;
  value: string;
  headers: Record<string, string>;
}

export interface DeliveredMessage extends BusMessage {
  /** Position in the topic (Kafka offset, or the in-process log index), for logs and DLQ headers. */
  offset: string;
  partition: number;
}

export interface RetryPolicy {
  /** Attempts before the message goes to `<topic>.dlq`. */
  attempts: number;
  initialDelayMs: number;
  maxDelayMs: number;
}

export const defaultRetryPolicy: RetryPolicy = { attempts: 5, initialDelayMs: 100, maxDelayMs: 5_000 };

export interface BusSubscription {
  /** Consumer group: each group receives every message once; instances of one group share the work. */
  groupId: string;
  topics: string[];
  /** New groups start at the beginning (domain read models) or at the latest offset (live fan-out). */
  fromBeginning: boolean;
  handle(message: DeliveredMessage): Promise<void>;
  /**
   * Optional: applies consecutive messages of one partition together (one transaction, one inbox
   * statement), all or none. When it throws, the bus delivers the same messages one by one through
   * `handle` with retries and the dead-letter topic, so a poison message costs its batch a second
   * pass, never its place in line.
   */
  handleBatch?(messages: DeliveredMessage[]): Promise<void>;
  retry?: Partial<RetryPolicy>;
}

export interface SubscriptionHandle {
  stop(): Promise<void>;
}

/**
 * The event transport. Kafka in production, an in-process log in embedded mode; one contract
 * suite holds both to the same behaviour.
 */
export interface EventBus {
  readonly kind: "kafka" | "memory";
  /** Resolves once the messages are durably accepted (all in-sync replicas for Kafka). */
  publish(messages: BusMessage[]): Promise<void>;
  /** Resolves once the consumer is attached and will see messages published from now on. */
  subscribe(subscription: BusSubscription): Promise<SubscriptionHandle>;
  /**
   * Hands every retained message of `topics`, from the oldest to the last one published before
   * the call, to `handle`, one at a time and in order within each partition (one user's events in
   * the order they happened); resolves with how many. Outside any consumer group's offsets: a
   * read model rebuilds from it without moving its live consumer. What was retained is what the
   * broker's retention kept (Kafka), or this process's log (in-process bus).
   */
  replay(topics: string[], handle: (message: DeliveredMessage) => Promise<void>): Promise<number>;
  close(): Promise<void>;
}
