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
] as const;

export type NotificationKindV1 = (typeof NOTIFICATION_KINDS)[number];

export type NotificationChannelV1 = "IN_APP" | "EMAIL" | "PUSH";

export type NotificationDigestV1 = "OFF" | "DAILY" | "WEEKLY";

/** One kind's channels; a kind not listed takes the defaults insights applies. */
export interface NotificationKindChoiceV1 {
  kind: NotificationKindV1;
  inApp: boolean;
  email: boolean;
  push: boolean;
}

export interface NotificationPreferencesV1 {
  kinds: NotificationKindChoiceV1[];
  /** Local "HH:MM" in the user's time zone; e-mail and push wait until `end`, in-app does not. Null: none. */
  quietHours: { start: string; end: string } | null;
  /** Batch low-priority kinds into one e-mail a day or a week. */
  digest: NotificationDigestV1;
}
