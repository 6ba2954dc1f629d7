import type { EntityManager } from "typeorm";

import { type ConsumerDefinition, userDeletionConsumer } from "../../platform/events/index.js";
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
import { ledgerAccountsConsumer } from "./events/ledger-accounts.handler.js";
import { ledgerCategoriesConsumer } from "./events/ledger-categories.handler.js";
import { ledgerSchedulesConsumer } from "./events/ledger-schedules.handler.js";
import { ledgerTransactionsConsumer } from "./events/ledger-transactions.handler.js";
import { lendingLoansConsumer } from "./events/lending-loans.handler.js";
import { ForecastJob } from "./forecast/forecast.job.js";
import { ForecastResolver } from "./forecast/forecast.resolver.js";
import { ForecastService } from "./forecast/forecast.service.js";
import { ForecastWarningStore } from "./forecast/forecast-warning.store.js";
import { HistoryService } from "./history/history.service.js";
import type { InsightsDeps } from "./insights.deps.js";
import { LoanStore } from "./loans/loan.store.js";
import { Insights1796560000000 } from "./migrations/1796560000000-insights.js";
import { Notifications1796600000000 } from "./migrations/1796600000000-notifications.js";
import { NetWorthService } from "./networth/net-worth.service.js";
import { NotificationResolver } from "./notifications/inbox/notification.resolver.js";
import { closeNotifications, createNotifications, notificationsConsumers, purgeNotifications } from "./notifications/notifications.module.js";
import { ReadModelRebuild } from "./rebuild/read-model-rebuild.js";
import { RebuildResolver } from "./rebuild/rebuild.resolver.js";
import { RecommendationResolver } from "./recommendations/recommendation.resolver.js";
import { RecommendationService } from "./recommendations/recommendation.service.js";
import { ScheduleStore } from "./schedules/schedule.store.js";
import { UserSettingsStore } from "./settings/user-settings.store.js";
import { SubscriptionResolver } from "./subscriptions/subscription.resolver.js";
import { SubscriptionService } from "./subscriptions/subscription.service.js";
import { TransactionStore } from "./transactions/transaction.store.js";

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
  "settings" | "categories" | "accounts" | "schedules" | "transactions" | "loans" | "overruns" | "categorizer" | "anomalyJob"
>;

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
    budgetsAlertsConsumer(d.overruns),
  ];
}

/** Clears a user's read models (what the consumers above build), children before parents. */
async function purgeReadModels(d: ReadModels, manager: EntityManager, userId: string): Promise<void> {
  await d.categorizer.purgeLearning(manager, userId);
  await d.overruns.purgeUser(manager, userId);
  await d.loans.purgeUser(manager, userId);
  await d.schedules.purgeUser(manager, userId);
  await d.transactions.purgeUser(manager, userId);
  await d.accounts.purgeUser(manager, userId);
  await d.categories.purgeUser(manager, userId);
  await d.settings.purgeUser(manager, userId);
}

function createInsights(kit: SubgraphKit): InsightsDeps {
  const { dataSource, clock, outbox, ids } = kit;
  const settings = new UserSettingsStore(dataSource, clock);
  const categories = new LedgerCategoryTree("insights", dataSource);
  const accounts = new AccountStore(dataSource);
  const transactions = new TransactionStore(dataSource);
  const loans = new LoanStore(dataSource);
  const overruns = new BudgetOverrunStore(dataSource);
  const analytics = new AnalyticsService(dataSource, settings, categories);
  const schedules = new ScheduleStore(dataSource);
  const netWorth = new NetWorthService(dataSource, settings, accounts, loans);
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
  const forecast = new ForecastService(settings, netWorth, schedules, transactions);
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
  const parts = {
    clock,
    settings,
    categories,
    accounts,
    transactions,
    loans,
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
    notifications: createNotifications(kit),
  };
  return {
    ...parts,
    rebuild: new ReadModelRebuild(dataSource, kit.eventLog, readModelConsumers(parts, true), (m, u) => purgeReadModels(parts, m, u)),
  };
}

/**
 * Insights: analytics, net worth over time, questions answered in plain words, the cash-flow
 * projection, a learning categorizer, recurring charges, anomalies and recommendations, computed
 * from events into insights' own read models (the ledger's categories, accounts, schedules and
 * transactions, lending's loans, budgets' exceeded periods); no reads of other subgraphs and no
 * calls to them. Announces `insights.suggestion.v1`, `insights.anomaly.v1` and, from a daily
 * pass, accounts projected below zero on `insights.forecast.v1`. Notifications: what the user
 * should hear of (other domains' events and its own), in-app on `insights.notification.v1` and by
 * e-mail (README "Notifications").
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
    NotificationResolver,
  ],
  entities: [],
  migrations: [Insights1796560000000, Notifications1796600000000],
  createDeps: createInsights,
  close: async (deps) => {
    await deps.anomalyJob.stop();
    await deps.forecastJob.stop();
    await closeNotifications(deps.notifications);
  },
  consumers: (deps) => [
    ...readModelConsumers(deps),
    ...notificationsConsumers(deps.notifications),
    userDeletionConsumer("insights", async (manager, userId) => {
      await deps.anomalies.purgeUser(manager, userId);
      await deps.recommendations.purgeUser(manager, userId);
      await deps.forecastWarnings.purgeUser(manager, userId);
      await deps.categorizer.purgeUser(manager, userId);
      await purgeNotifications(deps.notifications, manager, userId);
      await purgeReadModels(deps, manager, userId);
    }),
  ],
});
