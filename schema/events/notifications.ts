/**
 * The notification kinds users choose channels for. identity stores the user's choices per kind
 * (and validates them against this list); insights' notifications deliver by them. Names only.
 */
export const NOTIFICATION_KINDS = [
  "BUDGET_THRESHOLD",
  "BUDGET_EXCEEDED",
  "SAVINGS_GOAL_REACHED",
  "BILL_DUE",
  "INSTALLMENT_DUE",
  "INSTALLMENT_OVERDUE",
  "GROUP_INVITATION",
  "GROUP_EXPENSE",
  "GROUP_GOAL_REACHED",
  "ANOMALY",
  "NEGATIVE_BALANCE_PROJECTED",
  "NEW_SIGN_IN",
  "MFA_CHANGED",
  "API_KEY_CREATED",
  "WEBHOOK_DISABLED",
  "CHANNEL_PAUSED",
  "REPORT_READY",
  "BANK_CONNECTION_NEEDS_ATTENTION",
] as const;

export type NotificationKindV1 = (typeof NOTIFICATION_KINDS)[number];

export type NotificationChannelV1 = "IN_APP" | "EMAIL" | "PUSH" | "SMS";

export type NotificationDigestV1 = "OFF" | "DAILY" | "WEEKLY";

/** Which channels one kind goes out on. */
export interface NotificationChannelsV1 {
  inApp: boolean;
  email: boolean;
  push: boolean;
  /**
   * Text message to the user's verified phone number. Optional and off when absent: SMS costs
   * money per message, so no kind sends one until the user opts that kind in.
   */
  sms?: boolean;
}

/** One kind's channels; a kind not listed takes DEFAULT_NOTIFICATION_CHANNELS. */
export interface NotificationKindChoiceV1 extends NotificationChannelsV1 {
  kind: NotificationKindV1;
}

/**
 * The channels of a kind the user has not chosen for: what identity stores for a new user (and its
 * migration `NotificationPreferencesDefaults1796570000000` wrote into older rows, so these values
 * must stay equal to that migration's table) and what insights applies before identity has said
 * anything. Urgent or money-moving kinds reach the user everywhere; informational ones stay quieter.
 * Every kind is in the inbox.
 */
export const DEFAULT_NOTIFICATION_CHANNELS: Readonly<Record<NotificationKindV1, Readonly<NotificationChannelsV1>>> = {
  BUDGET_THRESHOLD: { inApp: true, email: false, push: true },
  BUDGET_EXCEEDED: { inApp: true, email: true, push: true },
  SAVINGS_GOAL_REACHED: { inApp: true, email: false, push: true },
  BILL_DUE: { inApp: true, email: true, push: true },
  INSTALLMENT_DUE: { inApp: true, email: true, push: true },
  INSTALLMENT_OVERDUE: { inApp: true, email: true, push: true },
  GROUP_INVITATION: { inApp: true, email: true, push: true },
  GROUP_EXPENSE: { inApp: true, email: false, push: false },
  GROUP_GOAL_REACHED: { inApp: true, email: false, push: true },
  ANOMALY: { inApp: true, email: true, push: false },
  NEGATIVE_BALANCE_PROJECTED: { inApp: true, email: true, push: true },
  NEW_SIGN_IN: { inApp: true, email: true, push: true },
  MFA_CHANGED: { inApp: true, email: true, push: true },
  API_KEY_CREATED: { inApp: true, email: true, push: false },
  WEBHOOK_DISABLED: { inApp: true, email: true, push: false },
  CHANNEL_PAUSED: { inApp: true, email: false, push: false },
  REPORT_READY: { inApp: true, email: true, push: false },
  BANK_CONNECTION_NEEDS_ATTENTION: { inApp: true, email: true, push: true },
};

export interface NotificationPreferencesV1 {
  kinds: NotificationKindChoiceV1[];
  /** Local "HH:MM" in the user's time zone; e-mail and push wait until `end`, in-app does not. Null: none. */
  quietHours: { start: string; end: string } | null;
  /** Batch low-priority kinds into one e-mail a day or a week. */
  digest: NotificationDigestV1;
}
