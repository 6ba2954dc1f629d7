export * from "./envelope.js";
export * from "./bus.js";
export { deliverWithRetry, DLQ_HEADERS } from "./delivery.js";
export { MemoryEventBus } from "./memory-bus.js";
export { KafkaEventBus, type KafkaBusOptions } from "./kafka-bus.js";
export { Outbox, outboxChannel } from "./outbox.js";
export { OutboxRelay, type RelayOptions } from "./relay.js";
export { inboxHandler, type ConsumerDefinition, type EventHandler } from "./inbox.js";
export { PlatformEventTables1763769600000 } from "./event-tables.migration.js";
