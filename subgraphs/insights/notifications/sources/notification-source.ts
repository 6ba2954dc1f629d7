import type { EntityManager } from "typeorm";

import type { EventEnvelope } from "../../../../platform/events/index.js";
import type { NotificationKindV1 } from "../../../../schema/events/notifications.js";
import type { NotificationData } from "../templates/templates.js";

/** One notification an event asks for: who hears it, of which kind, with the template's variables. */
export interface NotificationItem {
  userId: string;
  kind: NotificationKindV1;
  data: NotificationData;
}

/**
 * Turns one event into the notifications it causes, for a topic's contract (`Payloads`: event type →
 * payload). A source for a shared object (a group) lists one item per member who should hear.
 * `manager` is the inbox transaction, for a source that must look something up.
 */
export type NotificationSource<Payloads> = {
  [Type in keyof Payloads & string]?: (
    event: EventEnvelope<Payloads[Type]>,
    manager: EntityManager,
  ) => NotificationItem[] | Promise<NotificationItem[]>;
};

const MAX_STRING = 1_000;
const MAX_LIST = 20;

/** Keeps what a template needs and nothing huge: strings cut, lists shortened, nesting flattened away. */
export function storableData(data: Record<string, unknown>): NotificationData {
  const out: NotificationData = {};
  for (const [key, value] of Object.entries(data)) {
    if (typeof value === "string") out[key] = value.slice(0, MAX_STRING);
    else if (typeof value === "number" || typeof value === "boolean" || value === null) out[key] = value;
    else if (Array.isArray(value))
      out[key] = value.slice(0, MAX_LIST).map((v) => (typeof v === "string" ? v.slice(0, 200) : String(v).slice(0, 200)));
  }
  return out;
}
