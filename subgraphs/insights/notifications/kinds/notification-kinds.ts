import type { NotificationChannelV1, NotificationKindV1 } from "../../../../schema/events/notifications.js";

export type NotificationPriority = "HIGH" | "NORMAL" | "LOW";

/**
 * How much a kind matters. HIGH: security and broken things the user must act on; LOW: reminders
 * and observations a daily or weekly digest may batch (their e-mail waits for the digest; in-app
 * and push do not).
 */
export const KIND_PRIORITY: Readonly<Record<NotificationKindV1, NotificationPriority>> = {
  NEW_SIGN_IN: "HIGH",
  MFA_CHANGED: "HIGH",
  API_KEY_CREATED: "HIGH",
  WEBHOOK_DISABLED: "HIGH",
  CHANNEL_PAUSED: "HIGH",
  INSTALLMENT_OVERDUE: "HIGH",
  BUDGET_EXCEEDED: "NORMAL",
  NEGATIVE_BALANCE_PROJECTED: "NORMAL",
  REPORT_READY: "NORMAL",
  GROUP_INVITATION: "NORMAL",
  BUDGET_THRESHOLD: "LOW",
  SAVINGS_GOAL_REACHED: "LOW",
  BILL_DUE: "LOW",
  INSTALLMENT_DUE: "LOW",
  GROUP_EXPENSE: "LOW",
  GROUP_GOAL_REACHED: "LOW",
  ANOMALY: "LOW",
};

/** Security notices go out at once, quiet hours or not: a sign-in from a stranger cannot wait for morning. */
export const SECURITY_KINDS: ReadonlySet<NotificationKindV1> = new Set(["NEW_SIGN_IN", "MFA_CHANGED", "API_KEY_CREATED"]);

/** Kinds e-mailed (and pushed) unless the user says otherwise; every kind is in-app by default. */
const LOUD_BY_DEFAULT: ReadonlySet<NotificationKindV1> = new Set([
  ...SECURITY_KINDS,
  "BUDGET_EXCEEDED",
  "INSTALLMENT_OVERDUE",
  "NEGATIVE_BALANCE_PROJECTED",
  "REPORT_READY",
  "WEBHOOK_DISABLED",
  "CHANNEL_PAUSED",
]);

export function defaultChannels(kind: NotificationKindV1): Record<NotificationChannelV1, boolean> {
  const loud = LOUD_BY_DEFAULT.has(kind);
  return { IN_APP: true, EMAIL: loud, PUSH: loud };
}

export const isDigestible = (kind: NotificationKindV1): boolean => KIND_PRIORITY[kind] === "LOW";

/** The channels a delivery can go out on besides the inbox, in the order they are tried. */
export const OUTBOUND_CHANNELS: readonly NotificationChannelV1[] = ["EMAIL", "PUSH"];
