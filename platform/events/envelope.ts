import type { Clock } from "../time/clock.js";
import type { IdGenerator } from "../time/ids.js";

/** Every cross-domain event travels in this envelope; `key` is the user id so one user's events stay ordered. */
export interface EventEnvelope<TData = unknown> {
  id: string;
  type: string;
  version: number;
  /** The subgraph that emitted it. */
  source: string;
  key: string;
  occurredAt: string;
  traceId: string;
  data: TData;
}

export const dlqTopic = (topic: string) => `${topic}.dlq`;

export interface NewEvent<TData = unknown> {
  topic: string;
  type: string;
  version?: number;
  key: string;
  data: TData;
}

/**
 * One event of a topic's contract (`Payloads` maps event type → payload, as `schema/events/*`
 * declares them): a type paired with exactly the payload that type carries.
 */
export type ContractEvent<Payloads> = { [Type in keyof Payloads & string]: { type: Type; data: Payloads[Type] } }[keyof Payloads & string];

/** An event to publish on one of `Topics` (topic → event type → payload), checked against its contract. */
export type TopicEvent<Topics> = {
  [Topic in keyof Topics & string]: ContractEvent<Topics[Topic]> & { topic: Topic; key: string; version?: number };
}[keyof Topics & string];

export function createEnvelope<TData>(
  event: NewEvent<TData>,
  source: string,
  traceId: string,
  clock: Clock,
  ids: IdGenerator,
): EventEnvelope<TData> {
  return {
    id: ids.next(),
    type: event.type,
    version: event.version ?? 1,
    source,
    key: event.key,
    occurredAt: clock.now().toISOString(),
    traceId,
    data: event.data,
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export class MalformedEventError extends Error {
  override name = "MalformedEventError";
}

/** Parses and checks an envelope; a message that cannot be one is poison and goes straight to the DLQ. */
export function parseEnvelope(value: string): EventEnvelope {
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    throw new MalformedEventError("message is not JSON");
  }
  const e = parsed as Partial<EventEnvelope>;
  if (
    typeof e !== "object" ||
    e === null ||
    typeof e.id !== "string" ||
    !UUID.test(e.id) ||
    typeof e.type !== "string" ||
    typeof e.version !== "number" ||
    typeof e.source !== "string" ||
    typeof e.key !== "string" ||
    typeof e.occurredAt !== "string" ||
    typeof e.traceId !== "string" ||
    !("data" in e)
  ) {
    throw new MalformedEventError("message is not an event envelope");
  }
  return e as EventEnvelope;
}
