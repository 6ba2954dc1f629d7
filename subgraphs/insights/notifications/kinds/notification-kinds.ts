import {
  DEFAULT_NOTIFICATION_CHANNELS,
  type NotificationChannelV1,
  type NotificationKindV1,
} from "../../../../schema/events/notifications.js";

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
  BANK_CONNECTION_NEEDS_ATTENTION: "HIGH",
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

/** The contract's default channels of a kind (identity's table, the one the user sees and changes). */
export function defaultChannels(kind: NotificationKindV1): Record<NotificationChannelV1, boolean> {
  const d = DEFAULT_NOTIFICATION_CHANNELS[kind];
  return { IN_APP: d.inApp, EMAIL: d.email, PUSH: d.push, SMS: d.sms ?? false };
}

export const isDigestible = (kind: NotificationKindV1): boolean => KIND_PRIORITY[kind] === "LOW";

/** The channels a delivery can go out on besides the inbox, in the order they are tried. */
export const OUTBOUND_CHANNELS: readonly NotificationChannelV1[] = ["EMAIL", "PUSH", "SMS"];
