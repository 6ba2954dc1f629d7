import { userDeletionConsumer } from "../../platform/events/index.js";
import { userPreferencesConsumer } from "../../platform/read-models/index.js";
import { defineSubgraph, type SubgraphKit } from "../../platform/subgraph/index.js";
import { AccountStore } from "./accounts/account.store.js";
import { AnalyticsResolver } from "./analytics/analytics.resolver.js";
import { AnalyticsService } from "./analytics/analytics.service.js";
import { AskResolver } from "./ask/ask.resolver.js";
import { AskService } from "./ask/ask.service.js";
import { BudgetOverrunStore } from "./budgets/budget-overrun.store.js";
import { CategoryTreeStore } from "./categories/category-tree.store.js";
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
import type { InsightsDeps } from "./insights.deps.js";
import { LoanStore } from "./loans/loan.store.js";
import { Insights1796560000000 } from "./migrations/1796560000000-insights.js";
import { NetWorthService } from "./networth/net-worth.service.js";
import { ScheduleStore } from "./schedules/schedule.store.js";
import { UserSettingsStore } from "./settings/user-settings.store.js";
import { TransactionStore } from "./transactions/transaction.store.js";

export type { InsightsDeps } from "./insights.deps.js";

function createInsights(kit: SubgraphKit): InsightsDeps {
  const { dataSource, clock, outbox } = kit;
  const settings = new UserSettingsStore(dataSource, clock);
  const categories = new CategoryTreeStore(dataSource);
  const accounts = new AccountStore(dataSource);
  const transactions = new TransactionStore(dataSource);
  const loans = new LoanStore(dataSource);
  const analytics = new AnalyticsService(dataSource, settings, categories);
  return {
    settings,
    categories,
    accounts,
    transactions,
    loans,
    schedules: new ScheduleStore(dataSource),
    overruns: new BudgetOverrunStore(dataSource),
    analytics,
    ask: new AskService(settings, categories, transactions, analytics),
    netWorth: new NetWorthService(dataSource, settings, accounts, loans),
    categorizer: new CategorizerService(new CategorizerStore(dataSource), outbox, clock),
  };
}

/**
 * Insights: analytics, net worth over time and what the user's history shows, computed from events
 * into insights' own read models (the ledger's categories, accounts and transactions, lending's
 * loans, budgets' exceeded periods); no reads of other subgraphs and no calls to them.
 */
export default defineSubgraph<InsightsDeps>({
  name: "insights",
  port: 4008,
  resolvers: [AnalyticsResolver, AskResolver, CategorizerResolver],
  entities: [],
  migrations: [Insights1796560000000],
  createDeps: createInsights,
  consumers: (deps) => [
    userPreferencesConsumer(deps.settings),
    ledgerCategoriesConsumer(deps.categories, deps.transactions, [deps.categorizer]),
    ledgerAccountsConsumer(deps.accounts),
    ledgerSchedulesConsumer(deps.schedules),
    ledgerTransactionsConsumer(deps.transactions, merchantKey, [deps.categorizer]),
    lendingLoansConsumer(deps.loans),
    budgetsAlertsConsumer(deps.overruns),
    userDeletionConsumer("insights", async (manager, userId) => {
      await deps.categorizer.purgeUser(manager, userId);
      await deps.overruns.purgeUser(manager, userId);
      await deps.loans.purgeUser(manager, userId);
      await deps.schedules.purgeUser(manager, userId);
      await deps.transactions.purgeUser(manager, userId);
      await deps.accounts.purgeUser(manager, userId);
      await deps.categories.purgeUser(manager, userId);
      await deps.settings.purgeUser(manager, userId);
    }),
  ],
});
