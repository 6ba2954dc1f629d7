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
import { LEDGER_BANK_TOPIC, LEDGER_BILL_TOPIC } from "../../../../schema/events/ledger.js";
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
import { ledgerBankSource } from "./ledger-bank.source.js";
import { ledgerBillsSource } from "./ledger-bills.source.js";
import { lendingInstallmentsSource } from "./lending-installments.source.js";
import { notificationConsumer, type SourcedTopic } from "./notification-consumer.js";

/**
 * Every event that notifies someone: a source file per topic maps the producer's events to
 * `{ userId, kind, data }` items. A new source is one `*.source.ts` file and one line here; a
 * shared object's source (a group) names every member who should hear.
 */
const SOURCES = [
  { topic: BUDGETS_ALERT_TOPIC, source: budgetsAlertsSource },
  { topic: BUDGETS_GOAL_TOPIC, source: budgetsGoalsSource },
  { topic: GROUPS_GROUP_TOPIC, source: groupsMembersSource },
  { topic: GROUPS_EXPENSE_TOPIC, source: groupsExpensesSource },
  { topic: GROUPS_SAVINGS_TOPIC, source: groupsSavingsSource },
  { topic: LEDGER_BILL_TOPIC, source: ledgerBillsSource },
  { topic: LEDGER_BANK_TOPIC, source: ledgerBankSource },
  { topic: LENDING_INSTALLMENT_TOPIC, source: lendingInstallmentsSource },
  { topic: INSIGHTS_ANOMALY_TOPIC, source: insightsAnomaliesSource },
  { topic: INSIGHTS_FORECAST_TOPIC, source: insightsForecastSource },
  { topic: IDENTITY_SECURITY_TOPIC, source: identitySecuritySource },
  { topic: IDENTITY_API_KEY_TOPIC, source: identityApiKeysSource },
  { topic: INSIGHTS_WEBHOOK_TOPIC, source: insightsWebhooksSource },
  { topic: INSIGHTS_REPORT_TOPIC, source: insightsReportsSource },
] as SourcedTopic[];

/** The one consumer (`notify`) that reads every source topic. */
export function notificationConsumers(n: NotificationService): ConsumerDefinition[] {
  return [notificationConsumer("notify", SOURCES, n)];
}
