import type { EntityManager } from "typeorm";

import { type ConsumerDefinition, userDeletionConsumer } from "../../platform/events/index.js";
import { IdempotencyKeys, scheduleIdempotencyPurge } from "../../platform/idempotency/index.js";
import { LedgerCategoryTree, userPreferencesConsumer } from "../../platform/read-models/index.js";
import { defineSubgraph, type SubgraphKit } from "../../platform/subgraph/index.js";
import { AccountStore } from "./accounts/account.store.js";
import { AnalyticsResolver } from "./analytics/analytics.resolver.js";
import { AnalyticsService } from "./analytics/analytics.service.js";
import { AnomalyJob } from "./anomalies/anomaly.job.js";
import { AnomalyResolver } from "./anomalies/anomaly.resolver.js";
import { AnomalyStore } from "./anomalies/anomaly.store.js";
import { AskResolver } from "./ask/ask.resolver.js";
import { AskService } from "./ask/ask.service.js";
import { BudgetOverrunStore } from "./budgets/budget-overrun.store.js";
import { CategorizerResolver } from "./categorizer/categorizer.resolver.js";
import { CategorizerService } from "./categorizer/categorizer.service.js";
import { CategorizerStore } from "./categorizer/categorizer.store.js";
import { merchantKey } from "./categorizer/payee-tokens.js";
import { budgetsAlertsConsumer } from "./events/budgets-alerts.handler.js";
import { investmentsPortfoliosConsumer } from "./events/investments-portfolios.handler.js";
import { ledgerAccountsConsumer } from "./events/ledger-accounts.handler.js";
import { ledgerCategoriesConsumer } from "./events/ledger-categories.handler.js";
import { ledgerSchedulesConsumer } from "./events/ledger-schedules.handler.js";
import { ledgerTransactionsConsumer } from "./events/ledger-transactions.handler.js";
import { lendingLoansConsumer } from "./events/lending-loans.handler.js";
import { taxSummaryConsumer } from "./events/tax-summary.handler.js";
import { ForecastJob } from "./forecast/forecast.job.js";
import { ForecastResolver } from "./forecast/forecast.resolver.js";
import { ForecastService } from "./forecast/forecast.service.js";
import { ForecastWarningStore } from "./forecast/forecast-warning.store.js";
import { HistoryService } from "./history/history.service.js";
import type { InsightsDeps } from "./insights.deps.js";
import { LoanStore } from "./loans/loan.store.js";
import { Insights1796560000000 } from "./migrations/1796560000000-insights.js";
import { Reports1796560000300 } from "./migrations/1796560000300-reports.js";
import { PortfolioValues1796560000400 } from "./migrations/1796560000400-portfolio-values.js";
import { LoanInstallments1796560000410 } from "./migrations/1796560000410-loan-installments.js";
import { Webhooks1796560007000 } from "./migrations/1796560007000-webhooks.js";
import { PushSubscriptions1796571000000 } from "./migrations/1796571000000-push-subscriptions.js";
import { Notifications1796600000000 } from "./migrations/1796600000000-notifications.js";
import { Sms1796620000000 } from "./migrations/1796620000000-sms.js";
import { NetWorthService } from "./networth/net-worth.service.js";
import { PortfolioValueStore } from "./networth/portfolio-value.store.js";
import { NotificationResolver } from "./notifications/inbox/notification.resolver.js";
import {
  closeNotifications,
  createNotifications,
  notificationsConsumers,
  purgeNotifications,
} from "./notifications/notifications.module.js";
import { PushChannel } from "./notifications/push/push.channel.js";
import { PushResolver } from "./notifications/push/push.resolver.js";
import { PushSubscriptionStore } from "./notifications/push/push-subscription.store.js";
import { loadPushConfig } from "./notifications/push/vapid.config.js";
import { PhoneNumberResolver } from "./notifications/sms/phone-number.resolver.js";
import { SMS_STATUS_PATH } from "./notifications/sms/sms-status.route.js";
import { ReadModelRebuild } from "./rebuild/read-model-rebuild.js";
import { RebuildResolver } from "./rebuild/rebuild.resolver.js";
import { RecommendationResolver } from "./recommendations/recommendation.resolver.js";
import { RecommendationService } from "./recommendations/recommendation.service.js";
import { ReportResolver } from "./reports/report.resolver.js";
import { createReports, type Reports } from "./reports/reports.module.js";
import { ScheduleStore } from "./schedules/schedule.store.js";
import { UserSettingsStore } from "./settings/user-settings.store.js";
import { SubscriptionResolver } from "./subscriptions/subscription.resolver.js";
import { SubscriptionService } from "./subscriptions/subscription.service.js";
import { TransactionStore } from "./transactions/transaction.store.js";
import { WebhookDeliveryResolver, WebhookEndpointResolver } from "./webhooks/webhook.resolver.js";
import { createWebhooks, stopWebhooks } from "./webhooks/webhooks.assembly.js";

export type { InsightsDeps } from "./insights.deps.js";

/** How often the anomaly job looks for users whose history changed. */
const ANOMALY_JOB_EVERY_MS = 5_000;
/**
 * How often the forecast pass runs: daily, and at each start. It announces a warning once, so a
 * more frequent pass would only find a new shortfall sooner, at the cost of projecting every user.
 */
const FORECAST_JOB_EVERY_MS = 24 * 3_600_000;

type ReadModels = Pick<
  InsightsDeps,
  | "settings"
  | "categories"
  | "accounts"
  | "schedules"
  | "transactions"
  | "loans"
  | "portfolioValues"
  | "overruns"
  | "categorizer"
  | "anomalyJob"
> & { reports: Pick<Reports, "taxEstimates"> };

/**
 * Insights' read models of other domains' events, in dependency order (preferences and categories
 * before the transactions that name them). `replaying`: for a rebuild, which announces nothing.
 */
function readModelConsumers(d: ReadModels, replaying = false): ConsumerDefinition[] {
  return [
    userPreferencesConsumer(d.settings),
    ledgerCategoriesConsumer(d.categories, d.transactions, [d.categorizer]),
    ledgerAccountsConsumer(d.accounts),
    ledgerSchedulesConsumer(d.schedules),
    ledgerTransactionsConsumer(d.transactions, merchantKey, [d.categorizer, d.anomalyJob], { replaying }),
    lendingLoansConsumer(d.loans),
    investmentsPortfoliosConsumer(d.portfolioValues),
    budgetsAlertsConsumer(d.overruns),
    taxSummaryConsumer(d.reports.taxEstimates),
  ];
}

/** Clears a user's read models (what the consumers above build), children before parents. */
async function purgeReadModels(d: ReadModels, manager: EntityManager, userId: string): Promise<void> {
  await d.categorizer.purgeLearning(manager, userId);
  await d.reports.taxEstimates.purgeUser(manager, userId);
  await d.overruns.purgeUser(manager, userId);
  await d.portfolioValues.purgeUser(manager, userId);
  await d.loans.purgeUser(manager, userId);
  await d.schedules.purgeUser(manager, userId);
  await d.transactions.purgeUser(manager, userId);
  await d.accounts.purgeUser(manager, userId);
  await d.categories.purgeUser(manager, userId);
  await d.settings.purgeUser(manager, userId);
}

function createInsights(kit: SubgraphKit): InsightsDeps {
  const { dataSource, clock, outbox, ids } = kit;
  // Checked first: a bad VAPID setting stops the start with a ConfigError naming it.
  const pushConfig = loadPushConfig();
  kit.logger.info({ vapidKeys: pushConfig.source, subject: pushConfig.subject }, "web push");
  const pushSubscriptions = new PushSubscriptionStore(dataSource, clock, ids);
  const push = new PushChannel(pushSubscriptions, pushConfig);
  const settings = new UserSettingsStore(dataSource, clock);
  const categories = new LedgerCategoryTree("insights", dataSource);
  const accounts = new AccountStore(dataSource);
  const transactions = new TransactionStore(dataSource);
  const loans = new LoanStore(dataSource);
  const portfolioValues = new PortfolioValueStore(dataSource);
  const overruns = new BudgetOverrunStore(dataSource);
  const analytics = new AnalyticsService(dataSource, settings, categories);
  const schedules = new ScheduleStore(dataSource);
  const netWorth = new NetWorthService(dataSource, settings, accounts, loans, portfolioValues);
  const history = new HistoryService(transactions);
  const subscriptions = new SubscriptionService(settings, history);
  const anomalies = new AnomalyStore(dataSource, ids);
  const anomalyJob = new AnomalyJob(
    dataSource,
    clock,
    anomalies,
    history,
    settings,
    categories,
    outbox,
    kit.logger.child({ job: "anomalies" }),
  );
  anomalyJob.start(ANOMALY_JOB_EVERY_MS);
  const forecast = new ForecastService(settings, netWorth, schedules, transactions, loans);
  const forecastWarnings = new ForecastWarningStore(dataSource);
  const forecastJob = new ForecastJob(
    dataSource,
    clock,
    forecast,
    forecastWarnings,
    outbox,
    kit.logger.child({ job: "insights-forecast" }),
  );
  forecastJob.start(FORECAST_JOB_EVERY_MS);
  const idempotency = new IdempotencyKeys("insights", () => clock.now());
  const parts = {
    clock,
    settings,
    categories,
    accounts,
    transactions,
    loans,
    portfolioValues,
    schedules,
    overruns,
    analytics,
    ask: new AskService(settings, categories, transactions, analytics),
    netWorth,
    categorizer: new CategorizerService(new CategorizerStore(dataSource), outbox, clock),
    history,
    subscriptions,
    anomalies,
    anomalyJob,
    recommendations: new RecommendationService(dataSource, settings, analytics, netWorth, loans, overruns, subscriptions),
    forecast,
    forecastWarnings,
    forecastJob,
    idempotency,
    idempotencyPurge: scheduleIdempotencyPurge(idempotency, dataSource, kit.logger.child({ job: "idempotency-purge" })),
    reports: createReports(kit, { settings, categories, accounts, netWorth, idempotency }),
    notifications: createNotifications(kit, { channels: [push] }),
  };
  return {
    ...parts,
    ...createWebhooks(kit, idempotency),
    pushConfig,
    pushSubscriptions,
    push,
    rebuild: new ReadModelRebuild(dataSource, kit.eventLog, readModelConsumers(parts, true), (m, u) => purgeReadModels(parts, m, u)),
  };
}

/**
 * Insights: analytics, net worth over time, questions answered in plain words, the cash-flow
 * projection, a learning categorizer, recurring charges, anomalies and recommendations, computed
 * from events into insights' own read models (the ledger's categories, accounts, schedules and
 * transactions, lending's loans, investments' portfolio values, budgets' exceeded periods, tax
 * estimates); no reads of other subgraphs and no calls to them. Announces `insights.suggestion.v1`,
 * `insights.anomaly.v1`, from a daily pass accounts projected below zero on `insights.forecast.v1`,
 * report jobs (CSV and PDF files, made in the background, scheduled monthly) on
 * `insights.report.v1`, disabled webhook endpoints on `insights.webhook.v1`; delivers webhooks. Notifications: what the
 * user should hear of (other domains' events and its own), in-app on `insights.notification.v1`, by
 * e-mail, Web Push and SMS (README "Notifications").
 */
export default defineSubgraph<InsightsDeps>({
  name: "insights",
  port: 4008,
  resolvers: [
    AnalyticsResolver,
    AskResolver,
    CategorizerResolver,
    ForecastResolver,
    SubscriptionResolver,
    AnomalyResolver,
    RecommendationResolver,
    RebuildResolver,
    WebhookEndpointResolver,
    WebhookDeliveryResolver,
    ReportResolver,
    PushResolver,
    NotificationResolver,
    PhoneNumberResolver,
  ],
  entities: [],
  migrations: [
    Insights1796560000000,
    Reports1796560000300,
    PortfolioValues1796560000400,
    LoanInstallments1796560000410,
    Webhooks1796560007000,
    PushSubscriptions1796571000000,
    Notifications1796600000000,
    Sms1796620000000,
  ],
  createDeps: createInsights,
  // Delivery status callbacks of the SMS provider; the gateway forwards its /sms/status here.
  routes: (deps) => ({ [SMS_STATUS_PATH]: deps.notifications.sms.statusRoute }),
  close: async (deps) => {
    await deps.anomalyJob.stop();
    await deps.forecastJob.stop();
    await stopWebhooks(deps);
    await deps.reports.stop();
    await deps.idempotencyPurge.stop();
    await closeNotifications(deps.notifications);
  },
  jobs: (deps) => [deps.reports.job],
  consumers: (deps) => [
    ...readModelConsumers(deps),
    deps.webhookConsumer,
    ...notificationsConsumers(deps.notifications),
    userDeletionConsumer("insights", async (manager, userId) => {
      await deps.webhookEndpoints.purgeUser(manager, userId);
      await deps.anomalies.purgeUser(manager, userId);
      await deps.recommendations.purgeUser(manager, userId);
      await deps.forecastWarnings.purgeUser(manager, userId);
      await deps.categorizer.purgeUser(manager, userId);
      await deps.reports.purgeUser(manager, userId);
      await deps.idempotency.purgeUser(manager, userId);
      await deps.pushSubscriptions.purgeUser(manager, userId);
      await purgeNotifications(deps.notifications, manager, userId);
      await purgeReadModels(deps, manager, userId);
    }),
  ],
});
