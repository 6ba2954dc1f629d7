import type { ConsumerDefinition } from "../../../../platform/events/index.js";
import { BUDGETS_ALERT_TOPIC, BUDGETS_GOAL_TOPIC } from "../../../../schema/events/budgets.js";
import { GROUPS_EXPENSE_TOPIC, GROUPS_GROUP_TOPIC, GROUPS_SAVINGS_TOPIC } from "../../../../schema/events/groups.js";
import { IDENTITY_API_KEY_TOPIC, IDENTITY_SECURITY_TOPIC } from "../../../../schema/events/identity.js";
import {
  INSIGHTS_ANOMALY_TOPIC,
  INSIGHTS_FORECAST_TOPIC,
  INSIGHTS_REPORT_TOPIC,
  INSIGHTS_WEBHOOK_TOPIC,
} from "../../../../schema/events/insights.js";
import { LEDGER_BILL_TOPIC } from "../../../../schema/events/ledger.js";
import { LENDING_INSTALLMENT_TOPIC } from "../../../../schema/events/lending.js";
import type { NotificationService } from "../inbox/notification.service.js";
import { budgetsAlertsSource } from "./budgets-alerts.source.js";
import { budgetsGoalsSource } from "./budgets-goals.source.js";
import { groupsExpensesSource } from "./groups-expenses.source.js";
import { groupsMembersSource } from "./groups-members.source.js";
import { groupsSavingsSource } from "./groups-savings.source.js";
import { identityApiKeysSource } from "./identity-api-keys.source.js";
import { identitySecuritySource } from "./identity-security.source.js";
import { insightsAnomaliesSource } from "./insights-anomalies.source.js";
import { insightsForecastSource } from "./insights-forecast.source.js";
import { insightsReportsSource } from "./insights-reports.source.js";
import { insightsWebhooksSource } from "./insights-webhooks.source.js";
import { ledgerBillsSource } from "./ledger-bills.source.js";
import { lendingInstallmentsSource } from "./lending-installments.source.js";
import { notificationConsumer } from "./notification-consumer.js";

/**
 * Every event that notifies someone: one consumer per topic, each a source file mapping the
 * producer's events to `{ userId, kind, data }` items. A new source is one `*.source.ts` file and
 * one line here; a shared object's source (a group) names every member who should hear.
 */
export function notificationConsumers(n: NotificationService): ConsumerDefinition[] {
  return [
    notificationConsumer("notify-budget-alerts", BUDGETS_ALERT_TOPIC, budgetsAlertsSource, n),
    notificationConsumer("notify-savings-goals", BUDGETS_GOAL_TOPIC, budgetsGoalsSource, n),
    notificationConsumer("notify-group-members", GROUPS_GROUP_TOPIC, groupsMembersSource, n),
    notificationConsumer("notify-group-expenses", GROUPS_EXPENSE_TOPIC, groupsExpensesSource, n),
    notificationConsumer("notify-group-savings", GROUPS_SAVINGS_TOPIC, groupsSavingsSource, n),
    notificationConsumer("notify-ledger-bills", LEDGER_BILL_TOPIC, ledgerBillsSource, n),
    notificationConsumer("notify-lending-installments", LENDING_INSTALLMENT_TOPIC, lendingInstallmentsSource, n),
    notificationConsumer("notify-anomalies", INSIGHTS_ANOMALY_TOPIC, insightsAnomaliesSource, n),
    notificationConsumer("notify-forecast", INSIGHTS_FORECAST_TOPIC, insightsForecastSource, n),
    notificationConsumer("notify-identity-security", IDENTITY_SECURITY_TOPIC, identitySecuritySource, n),
    notificationConsumer("notify-api-keys", IDENTITY_API_KEY_TOPIC, identityApiKeysSource, n),
    notificationConsumer("notify-webhooks", INSIGHTS_WEBHOOK_TOPIC, insightsWebhooksSource, n),
    notificationConsumer("notify-reports", INSIGHTS_REPORT_TOPIC, insightsReportsSource, n),
  ] as ConsumerDefinition[];
}
