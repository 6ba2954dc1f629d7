import { randomUUID } from "node:crypto";

import { type DocumentNode, type FormattedExecutionResult, getOperationAST, type OperationDefinitionNode, parse } from "graphql";
import { pino } from "pino";

import type { Caller } from "../../platform/auth/caller.js";
import type { BusSubscription, DeliveredMessage, EventBus } from "../../platform/events/bus.js";
import { LiveBridge, type LiveBridgeOptions, type LiveSubscriber } from "./live-bridge.js";
import type { LiveField } from "./live-fields.js";
import { toLiveOperation } from "./lookup-document.js";

/** What the bridge tests drive by hand: a subscriber that records what it is sent. */
export interface FakeSubscriber extends LiveSubscriber {
  received: FormattedExecutionResult[];
  ended: number;
}

export function fakeSubscriber(
  fields: Map<string, LiveField>,
  userId: string,
  query: string,
  variables: Record<string, unknown> = {},
): FakeSubscriber {
  const document = parse(query);
  const live = toLiveOperation(document, getOperationAST(document)!, variables, fields);
  if (typeof live === "string") throw new Error(live);
  const s: FakeSubscriber = {
    operation: live,
    variables,
    caller: { userId, scopes: ["*"] } satisfies Caller,
    received: [],
    ended: 0,
    push: (result) => void s.received.push(result),
    end: (last) => {
      s.received.push(last);
      s.ended++;
    },
  };
  return s;
}

/** The lookup's response key, as the bridge asks for it. */
export const responseKey = (document: DocumentNode) => {
  const field = (document.definitions[0] as OperationDefinitionNode).selectionSet.selections[0]!;
  return field.kind === "Field" ? (field.alias?.value ?? field.name.value) : "";
};

/**
 * A started bridge over a bus that hands its one subscription's handler to the test, so events are
 * delivered synchronously by `deliver(topic, type, key, data)`.
 */
export async function startBridge(fields: Map<string, LiveField>, execute: LiveBridgeOptions["execute"]) {
  let handle: ((message: DeliveredMessage) => Promise<void>) | undefined;
  const bus = {
    kind: "memory",
    subscribe: async (s: BusSubscription) => {
      handle = s.handle;
      return { stop: async () => undefined };
    },
  } as unknown as EventBus;
  const bridge = new LiveBridge({ bus, fields: [...fields.values()], logger: pino({ level: "silent" }), groupId: "test", execute });
  await bridge.start();
  const deliver = (topic: string, type: string, key: string, data: Record<string, unknown>) =>
    handle!({
      topic,
      key,
      partition: 0,
      offset: "0",
      headers: {},
      value: JSON.stringify({
        id: randomUUID(),
        type,
        version: 1,
        source: "test",
        key,
        occurredAt: new Date().toISOString(),
        traceId: "t",
        data,
      }),
    });
  return { bridge, deliver };
}
