/**
 * insights' event contract: topics, event types and payloads (see identity.ts for the rules of this
 * folder). Every key is the user id. Amounts are strings of minor units; confidences are decimal
 * strings from 0 to 1 ("0.9312").
 */

/** Key = user id. Something unusual in the user's spending (notifications tell them). */
export const INSIGHTS_ANOMALY_TOPIC = "insights.anomaly.v1" as const;

export const ANOMALY_DETECTED = "AnomalyDetected" as const;

export type AnomalyKindV1 = "UNUSUAL_AMOUNT" | "DUPLICATE_CHARGE" | "NEW_PAYEE_LARGE" | "CATEGORY_SPIKE";

export interface AnomalyDetectedV1 {
  anomalyId: string;
  userId: string;
  kind: AnomalyKindV1;
  /** Why, with its figures, in words. */
  explanation: string;
  transactionIds: string[];
}

/** Payloads on `insights.anomaly.v1`, by event type. */
export type InsightsAnomalyEvents = {
  [ANOMALY_DETECTED]: AnomalyDetectedV1;
};

/** Key = user id. A category the categorizer suggests for an uncategorised transaction (the ledger may apply it). */
export const INSIGHTS_SUGGESTION_TOPIC = "insights.suggestion.v1" as const;

export const CATEGORY_SUGGESTED = "CategorySuggested" as const;

export interface CategorySuggestedV1 {
  userId: string;
  transactionId: string;
  categoryId: string;
  confidence: string;
  /** The next best, best first. */
  alternatives: Array<{ categoryId: string; confidence: string }>;
}

/** Payloads on `insights.suggestion.v1`, by event type. */
export type InsightsSuggestionEvents = {
  [CATEGORY_SUGGESTED]: CategorySuggestedV1;
};

/** Key = user id. What the cash-flow projection warns of. */
export const INSIGHTS_FORECAST_TOPIC = "insights.forecast.v1" as const;

export const NEGATIVE_BALANCE_PROJECTED = "NegativeBalanceProjected" as const;

export interface NegativeBalanceProjectedV1 {
  userId: string;
  accountId: string;
  currency: string;
  /** The first day the account is projected below zero. */
  firstDate: string;
  lowestBalanceMinor: string;
  lowestDate: string;
}

/** Payloads on `insights.forecast.v1`, by event type. */
export type InsightsForecastEvents = {
  [NEGATIVE_BALANCE_PROJECTED]: NegativeBalanceProjectedV1;
};

/** Key = user id. Webhook endpoints' lives that their owner hears about. */
export const INSIGHTS_WEBHOOK_TOPIC = "insights.webhook.v1" as const;

/** Deliveries kept failing, so the endpoint was disabled (once per disabling). */
export const WEBHOOK_ENDPOINT_DISABLED = "WebhookEndpointDisabled" as const;

export interface WebhookEndpointDisabledV1 {
  userId: string;
  endpointId: string;
  url: string;
  /** Why, in words ("20 deliveries in a row failed; the last answered HTTP 500"). */
  reason: string;
  consecutiveFailures: number;
  /** ISO instant. */
  disabledAt: string;
}

/** Payloads on `insights.webhook.v1`, by event type. */
export type InsightsWebhookEvents = {
  [WEBHOOK_ENDPOINT_DISABLED]: WebhookEndpointDisabledV1;
};

/** Key = user id. Report jobs: progress (live subscribers re-read the report) and readiness. */
export const INSIGHTS_REPORT_TOPIC = "insights.report.v1" as const;

/** Status or progress changed. */
export const REPORT_UPDATED = "ReportUpdated" as const;
/** The file can be downloaded (once per report); notifications tell the user, e-mail for scheduled ones. */
export const REPORT_READY = "ReportReady" as const;

export interface ReportUpdatedV1 {
  id: string;
  userId: string;
}

export interface ReportReadyV1 {
  reportId: string;
  userId: string;
  kind: string;
  format: "CSV" | "PDF";
  /** YYYY-MM-DD, inclusive. */
  from: string;
  to: string;
  /** Made by a schedule (e-mailed) rather than asked for. */
  scheduled: boolean;
  /** ISO instant after which the file is gone. */
  expiresAt: string;
}

/** Payloads on `insights.report.v1`, by event type. */
export type InsightsReportEvents = {
  [REPORT_UPDATED]: ReportUpdatedV1;
  [REPORT_READY]: ReportReadyV1;
};

/** Key = user id. A notification reached the user's in-app inbox (live subscribers read it). */
export const INSIGHTS_NOTIFICATION_TOPIC = "insights.notification.v1" as const;

export const NOTIFICATION_RECEIVED = "NotificationReceived" as const;

export interface NotificationReceivedV1 {
  id: string;
  userId: string;
}

/** Payloads on `insights.notification.v1`, by event type. */
export type InsightsNotificationEvents = {
  [NOTIFICATION_RECEIVED]: NotificationReceivedV1;
};

/** Every insights topic and what it carries. */
export type InsightsTopics = {
  [INSIGHTS_ANOMALY_TOPIC]: InsightsAnomalyEvents;
  [INSIGHTS_SUGGESTION_TOPIC]: InsightsSuggestionEvents;
  [INSIGHTS_FORECAST_TOPIC]: InsightsForecastEvents;
  [INSIGHTS_WEBHOOK_TOPIC]: InsightsWebhookEvents;
  [INSIGHTS_REPORT_TOPIC]: InsightsReportEvents;
  [INSIGHTS_NOTIFICATION_TOPIC]: InsightsNotificationEvents;
};
