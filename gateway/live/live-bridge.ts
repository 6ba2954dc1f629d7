import type { DocumentNode, FormattedExecutionResult } from "graphql";
import { print } from "graphql";
import type { Logger } from "pino";

import type { Caller } from "../../platform/auth/caller.js";
import { ErrorCode } from "../../platform/errors/errors.js";
import type { DeliveredMessage, EventBus, SubscriptionHandle } from "../../platform/events/bus.js";
import { type EventEnvelope, parseEnvelope } from "../../platform/events/envelope.js";
import type { LiveField } from "./live-fields.js";
import { LIVE_ID_VARIABLE, type LiveOperation } from "./lookup-document.js";

/** Resolves one lookup query as `caller`, through the gateway's ordinary federated path. */
export type LookupExecutor = (
  document: DocumentNode,
  variables: Record<string, unknown>,
  caller: Caller,
  traceId: string,
) => Promise<FormattedExecutionResult>;

export interface LiveSubscriber {
  readonly operation: LiveOperation;
  readonly variables: Record<string, unknown>;
  readonly caller: Caller;
  push(result: FormattedExecutionResult): void;
  /**
   * The entity this subscriber watches is gone for it: send `last`, then complete. The bridge has
   * already dropped the subscriber, and calls this at most once.
   */
  end(last: FormattedExecutionResult): void;
}

interface Registered extends LiveSubscriber {
  /** False when it was already removed (the client left while its lookup ran). */
  remove(): boolean;
}

/**
 * Subscribers that get one resolution between them (same lookup, variables, caller and watched
 * arguments), by that share key. Grouped as they subscribe, not per event: an event then costs a
 * look at each group, not at each subscriber. Grouping 10,000 sockets of one budget per event took
 * 25–27 ms of the update's path (hashing each subscriber's long key the first time it was seen).
 */
type Groups = Map<string, Set<Registered>>;

interface FieldIndex {
  /** audience "owner": groups by user id, so an event reaches only its user's subscribers. */
  byOwner: Map<string, Groups>;
  /** audience "lookup": every group; the lookup decides who may see the entity. */
  all: Groups;
}

export interface LiveBridgeOptions {
  bus: EventBus;
  fields: LiveField[];
  execute: LookupExecutor;
  logger: Logger;
  /** One consumer group per gateway instance: every instance sees every event. */
  groupId: string;
  /** Lookups run at most this many at a time per event. */
  concurrency?: number;
}

/**
 * Event-driven federated subscriptions: consumes each live topic once for this gateway instance
 * (from the latest offset), matches events to subscribers, and resolves each distinct
 * (selection, variables, caller) once through the federated query path before fanning out.
 */
export class LiveBridge {
  private readonly fieldsByTopic = new Map<string, LiveField[]>();
  private readonly index = new Map<string, FieldIndex>();
  private handle?: SubscriptionHandle;
  private count = 0;
  /** Counters; events, deliveries and the lag are published as metrics. */
  readonly stats = { events: 0, resolutions: 0, deliveries: 0, ended: 0, lastEventLagMs: 0 };

  constructor(private readonly options: LiveBridgeOptions) {
    for (const field of options.fields) {
      this.fieldsByTopic.set(field.topic, [...(this.fieldsByTopic.get(field.topic) ?? []), field]);
      this.index.set(field.name, { byOwner: new Map(), all: new Map() });
    }
  }

  get subscriberCount(): number {
    return this.count;
  }

  async start(): Promise<void> {
    const topics = [...this.fieldsByTopic.keys()];
    if (topics.length === 0) return;
    this.handle = await this.options.bus.subscribe({
      groupId: this.options.groupId,
      topics,
      fromBeginning: false,
      handle: (message) => this.onMessage(message),
    });
  }

  async stop(): Promise<void> {
    await this.handle?.stop();
  }

  /** Adds a subscriber; the returned function removes it (a no-op once the bridge has ended it). */
  add(subscriber: LiveSubscriber): () => void {
    const index = this.index.get(subscriber.operation.field.name);
    if (!index) throw new Error(`no live field ${subscriber.operation.field.name}`);
    const { caller, operation } = subscriber;
    const owner = caller.userId ?? "";
    let groups: Groups;
    if (operation.field.audience === "owner") {
      groups = index.byOwner.get(owner) ?? new Map();
      index.byOwner.set(owner, groups);
    } else {
      groups = index.all;
    }
    const watched = operation.field.match.map((m) => String(operation.args[m.argument]));
    const shareKey = `${printed(operation.lookup)}\u0000${JSON.stringify(subscriber.variables)}\u0000${caller.userId}\u0000${caller.apiKeyId ?? ""}\u0000${caller.scopes.join(" ")}\u0000${JSON.stringify(watched)}`;
    const set = groups.get(shareKey) ?? new Set<Registered>();
    groups.set(shareKey, set);
    let removed = false;
    const remove = () => {
      if (removed) return false;
      removed = true;
      set.delete(registered);
      this.count--;
      if (set.size > 0) return true;
      groups.delete(shareKey);
      if (groups.size === 0 && operation.field.audience === "owner") index.byOwner.delete(owner);
      return true;
    };
    const registered: Registered = { ...subscriber, remove };
    set.add(registered);
    this.count++;
    return () => void remove();
  }

  private async onMessage(message: DeliveredMessage): Promise<void> {
    // Live fan-out is best effort: nothing here may fail the consumer or reach a dead-letter topic.
    try {
      const fields = this.fieldsByTopic.get(message.topic);
      if (!fields) return;
      const event = parseEnvelope(message.value);
      this.stats.events++;
      this.stats.lastEventLagMs = Date.now() - Date.parse(event.occurredAt);
      for (const field of fields) {
        if (field.events.has(event.type)) await this.deliver(field, event);
      }
    } catch (error) {
      this.options.logger.warn({ err: error, topic: message.topic }, "live event skipped");
    }
  }

  private async deliver(field: LiveField, event: EventEnvelope): Promise<void> {
    const data = (event.data ?? {}) as Record<string, unknown>;
    const entityId = data[field.idField];
    if (typeof entityId !== "string" && typeof entityId !== "number") return;
    const index = this.index.get(field.name)!;
    const groups = field.audience === "owner" ? index.byOwner.get(event.key) : index.all;
    if (!groups || groups.size === 0) return;

    // A group's members watch the same arguments (they are in its key): its first member speaks for all.
    // Each group is copied, so who gets this event is settled before its lookup runs.
    const work: Registered[][] = [];
    for (const members of groups.values()) {
      const first = members.values().next().value!;
      if (field.match.every((m) => String(first.operation.args[m.argument]) === String(data[m.dataField]))) work.push([...members]);
    }
    const concurrency = this.options.concurrency ?? 32;
    for (let i = 0; i < work.length; i += concurrency) {
      await Promise.all(work.slice(i, i + concurrency).map((group) => this.resolve(group, String(entityId), event.traceId)));
    }
  }

  private async resolve(group: Registered[], entityId: string, traceId: string): Promise<void> {
    const first = group[0]!;
    try {
      const result = await this.options.execute(
        first.operation.lookup,
        { ...first.variables, [LIVE_ID_VARIABLE]: entityId },
        first.caller,
        traceId,
      );
      this.stats.resolutions++;
      // Null means the lookup would not show this entity to this caller. A subscriber watching
      // exactly this entity will never see it again (deleted, or access lost), so its subscription
      // ends; one watching a stream of entities just gets nothing for this one.
      if (result.data?.[first.operation.responseKey] == null && !result.errors) {
        if (watchesOneEntity(first.operation.field)) this.end(group);
        return;
      }
      for (const subscriber of group) {
        subscriber.push(result);
        this.stats.deliveries++;
      }
    } catch (error) {
      this.options.logger.warn({ err: error, field: first.operation.field.name }, "live lookup failed");
    }
  }

  private end(group: Registered[]): void {
    const last = goneResult(group[0]!.operation);
    for (const subscriber of group) {
      if (!subscriber.remove()) continue;
      subscriber.end(last);
      this.stats.ended++;
    }
  }
}

/** Lookup documents are shared by every subscriber of one subscription document: printed once. */
const printedLookups = new WeakMap<DocumentNode, string>();
function printed(lookup: DocumentNode): string {
  let text = printedLookups.get(lookup);
  if (text === undefined) {
    text = print(lookup);
    printedLookups.set(lookup, text);
  }
  return text;
}

/** The field's `match` pins the entity id to a subscription argument: each subscriber watches one entity. */
function watchesOneEntity(field: LiveField): boolean {
  return field.match.some((m) => m.dataField === field.idField);
}

/**
 * The last result of a subscription whose entity is gone: the field is null, as its lookup query
 * now answers, and the subscription completes. A non-null field cannot be null, so it gets what
 * GraphQL gives for one that fails: `data: null` and a NOT_FOUND error at the field. Deleted and
 * no-longer-visible read the same, so the end never tells whether the entity still exists.
 */
export function goneResult(operation: LiveOperation): FormattedExecutionResult {
  const key = operation.responseKey;
  if (operation.field.nullable) return { data: { [key]: null } };
  return {
    data: null,
    errors: [{ message: `${operation.field.name} ended: not found`, path: [key], extensions: { code: ErrorCode.NOT_FOUND } }],
  };
}
