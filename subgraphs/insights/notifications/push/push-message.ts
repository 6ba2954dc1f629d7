import type { NotificationKindV1 } from "../../../../schema/events/notifications.js";
import type { RenderedNotification } from "../channels/channel.js";

export type PushUrgency = "low" | "normal" | "high";

/**
 * How soon a device should wake for a kind (the Urgency header: a phone on battery saving takes
 * only "high"). Security kinds are urgent; what the user acts on today is normal; news is low.
 */
export const URGENCY: Readonly<Record<NotificationKindV1, PushUrgency>> = {
  NEW_SIGN_IN: "high",
  MFA_CHANGED: "high",
  API_KEY_CREATED: "high",
  INSTALLMENT_OVERDUE: "high",
  BUDGET_EXCEEDED: "normal",
  BILL_DUE: "normal",
  INSTALLMENT_DUE: "normal",
  NEGATIVE_BALANCE_PROJECTED: "normal",
  GROUP_INVITATION: "normal",
  ANOMALY: "normal",
  WEBHOOK_DISABLED: "normal",
  BANK_CONNECTION_NEEDS_ATTENTION: "normal",
  CHANNEL_PAUSED: "normal",
  BUDGET_THRESHOLD: "low",
  SAVINGS_GOAL_REACHED: "low",
  GROUP_GOAL_REACHED: "low",
  GROUP_EXPENSE: "low",
  REPORT_READY: "low",
};

/** Seconds a push service keeps a message for an offline device: urgent news goes stale sooner. */
export const TTL_SECONDS: Readonly<Record<PushUrgency, number>> = { high: 86_400, normal: 3 * 86_400, low: 7 * 86_400 };

/** Push services refuse payloads over 4 KB once encrypted; these bounds keep the JSON well under. */
const TITLE_MAX = 200;
const BODY_MAX = 1_000;

const cut = (text: string, max: number) => {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join("")}…`;
};

/** The JSON the service worker receives. */
export interface PushPayload {
  title: string;
  body: string;
  link: string | null;
  kind: NotificationKindV1;
  notificationId: string;
}

export function pushPayload(message: RenderedNotification): PushPayload {
  return {
    title: cut(message.title, TITLE_MAX),
    body: cut(message.body, BODY_MAX),
    link: message.link,
    kind: message.kind,
    notificationId: message.notificationId,
  };
}
