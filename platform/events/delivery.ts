import type { Logger } from "pino";

import { type BusMessage, defaultRetryPolicy, type DeliveredMessage, type RetryPolicy } from "./bus.js";
import { dlqTopic, MalformedEventError } from "./envelope.js";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Header names on dead letters, so an operator can see why and where a message failed. */
export const DLQ_HEADERS = {
  error: "x-dlq-error",
  errorName: "x-dlq-error-name",
  attempts: "x-dlq-attempts",
  originalTopic: "x-dlq-original-topic",
  originalPartition: "x-dlq-original-partition",
  originalOffset: "x-dlq-original-offset",
  groupId: "x-dlq-group",
} as const;

/**
 * Runs a handler with retries and exponential backoff; a message that keeps failing (or is not an
 * event at all) is published to `<topic>.dlq` with the error in headers, and the consumer carries on.
 * Both bus adapters deliver through this function, so they fail the same way.
 */
export async function deliverWithRetry(
  message: DeliveredMessage,
  handle: (message: DeliveredMessage) => Promise<void>,
  options: { groupId: string; retry?: Partial<RetryPolicy>; logger: Logger; publishDeadLetter(message: BusMessage): Promise<void> },
): Promise<void> {
  const policy = { ...defaultRetryPolicy, ...options.retry };
  let delay = policy.initialDelayMs;
  let lastError: unknown;
  let attempt: number;
  for (attempt = 1; attempt <= policy.attempts; attempt++) {
    try {
      await handle(message);
      return;
    } catch (error) {
      lastError = error;
      if (error instanceof MalformedEventError) break;
      options.logger.warn({ err: error, topic: message.topic, offset: message.offset, attempt }, "event handler failed; retrying");
      if (attempt < policy.attempts) {
        await sleep(delay);
        delay = Math.min(delay * 2, policy.maxDelayMs);
      }
    }
  }
  const err = lastError instanceof Error ? lastError : new Error(String(lastError));
  options.logger.error({ err, topic: message.topic, offset: message.offset }, "event sent to dead-letter topic");
  await options.publishDeadLetter({
    topic: dlqTopic(message.topic),
    key: message.key,
    value: message.value,
    headers: {
      ...message.headers,
      [DLQ_HEADERS.error]: err.message.slice(0, 1000),
      [DLQ_HEADERS.errorName]: err.name,
      [DLQ_HEADERS.attempts]: String(Math.min(attempt, policy.attempts)),
      [DLQ_HEADERS.originalTopic]: message.topic,
      [DLQ_HEADERS.originalPartition]: String(message.partition),
      [DLQ_HEADERS.originalOffset]: message.offset,
      [DLQ_HEADERS.groupId]: options.groupId,
    },
  });
}

/** Most messages one `handleBatch` call gets: one transaction stays short and its locks brief. */
export const MAX_BATCH = 200;

/**
 * Delivers consecutive messages of one partition: through `handleBatch` in one go when the
 * subscription has it, else (or when the batch fails) one by one with {@link deliverWithRetry}.
 * Order is kept either way: the fallback starts again at the batch's first message.
 */
export async function deliverBatch(
  messages: DeliveredMessage[],
  subscription: {
    handle(message: DeliveredMessage): Promise<void>;
    handleBatch?(messages: DeliveredMessage[]): Promise<void>;
    retry?: Partial<RetryPolicy>;
  },
  options: { groupId: string; logger: Logger; publishDeadLetter(message: BusMessage): Promise<void> },
): Promise<void> {
  if (messages.length === 0) return;
  if (subscription.handleBatch && messages.length > 1) {
    try {
      await subscription.handleBatch(messages);
      return;
    } catch (error) {
      options.logger.warn(
        { err: error, topic: messages[0]!.topic, from: messages[0]!.offset, count: messages.length },
        "event batch failed; delivering its messages one by one",
      );
    }
  }
  for (const message of messages) {
    await deliverWithRetry(message, (m) => subscription.handle(m), { ...options, retry: subscription.retry });
  }
}
