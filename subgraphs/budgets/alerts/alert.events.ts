import { topicName } from "../../../platform/events/index.js";

export const ALERT_TOPIC = topicName("budgets", "alert");

/** `BudgetThresholdReached` (the warning level) and `BudgetExceeded` (the critical level) v1. */
export interface BudgetAlertV1 {
  alertId: string;
  userId: string;
  budgetId: string;
  level: "WARNING" | "CRITICAL";
  periodStart: string;
  periodEnd: string;
  spentMinor: string;
  availableMinor: string;
  currency: string;
}

export const alertEventType = (level: "WARNING" | "CRITICAL") => (level === "WARNING" ? "BudgetThresholdReached" : "BudgetExceeded");
