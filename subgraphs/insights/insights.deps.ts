import type { LedgerCategoryTree } from "../../platform/read-models/index.js";
import type { Clock } from "../../platform/time/index.js";
import type { AccountStore } from "./accounts/account.store.js";
import type { AnalyticsService } from "./analytics/analytics.service.js";
import type { AnomalyJob } from "./anomalies/anomaly.job.js";
import type { AnomalyStore } from "./anomalies/anomaly.store.js";
import type { AskService } from "./ask/ask.service.js";
import type { BudgetOverrunStore } from "./budgets/budget-overrun.store.js";
import type { CategorizerService } from "./categorizer/categorizer.service.js";
import type { ForecastJob } from "./forecast/forecast.job.js";
import type { ForecastService } from "./forecast/forecast.service.js";
import type { ForecastWarningStore } from "./forecast/forecast-warning.store.js";
import type { HistoryService } from "./history/history.service.js";
import type { LoanStore } from "./loans/loan.store.js";
import type { NetWorthService } from "./networth/net-worth.service.js";
import type { NotificationsDeps } from "./notifications/notifications.module.js";
import type { ReadModelRebuild } from "./rebuild/read-model-rebuild.js";
import type { RecommendationService } from "./recommendations/recommendation.service.js";
import type { ScheduleStore } from "./schedules/schedule.store.js";
import type { UserSettingsStore } from "./settings/user-settings.store.js";
import type { SubscriptionService } from "./subscriptions/subscription.service.js";
import type { TransactionStore } from "./transactions/transaction.store.js";

/** Everything insights' resolvers and consumers are built from. */
export interface InsightsDeps {
  clock: Clock;
  settings: UserSettingsStore;
  categories: LedgerCategoryTree;
  accounts: AccountStore;
  transactions: TransactionStore;
  loans: LoanStore;
  schedules: ScheduleStore;
  overruns: BudgetOverrunStore;
  analytics: AnalyticsService;
  ask: AskService;
  netWorth: NetWorthService;
  categorizer: CategorizerService;
  history: HistoryService;
  subscriptions: SubscriptionService;
  anomalies: AnomalyStore;
  anomalyJob: AnomalyJob;
  recommendations: RecommendationService;
  forecast: ForecastService;
  forecastWarnings: ForecastWarningStore;
  forecastJob: ForecastJob;
  rebuild: ReadModelRebuild;
  notifications: NotificationsDeps;
}
