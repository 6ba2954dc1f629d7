import { userDeletionConsumer } from "../../platform/events/index.js";
import { keyedLoader, resolveOwnUserReference, resolveThroughLoader } from "../../platform/graphql/index.js";
import { IdempotencyKeys, scheduleIdempotencyPurge } from "../../platform/idempotency/index.js";
import { ledgerAccountsConsumer, LedgerAccountsReadModel, userPreferencesConsumer } from "../../platform/read-models/index.js";
import { defineSubgraph, type SubgraphKit } from "../../platform/subgraph/index.js";
import { BudgetAlertEntity } from "./alerts/alert.entity.js";
import { AlertResolver } from "./alerts/alert.resolver.js";
import { AlertService } from "./alerts/alert.service.js";
import type { BudgetsDeps } from "./budgets.deps.js";
import { BudgetEntity } from "./budgets/budget.entity.js";
import { budgetByIdLoader, budgetChainLoader } from "./budgets/budget.loaders.js";
import { BudgetResolver } from "./budgets/budget.resolver.js";
import { BudgetService } from "./budgets/budget.service.js";
import { Budget, CategoryRef } from "./budgets/budget.type.js";
import { BudgetAmountEntity } from "./budgets/budget-amount.entity.js";
import { BudgetProgressService } from "./budgets/budget-progress.service.js";
import { BudgetSummaryService } from "./budgets/budget-summary.service.js";
import { BudgetCategoryEntity } from "./categories/budget-category.entity.js";
import { CategoryBudgetsResolver } from "./categories/category.resolver.js";
import { CategoryTreeService } from "./categories/category-tree.service.js";
import { ledgerCategoriesConsumer } from "./events/ledger-categories.handler.js";
import { ledgerTransactionsConsumer } from "./events/ledger-transactions.handler.js";
import { AutoSaveService } from "./goals/auto-save.service.js";
import { AutoSaveRuleEntity } from "./goals/auto-save-rule.entity.js";
import { autoSaveConsumer } from "./goals/events/auto-save.handler.js";
import { goalByIdLoader, goalMovementsLoader } from "./goals/goal.loaders.js";
import { AutoSaveRuleResolver, GoalMovementResolver, GoalsUserResolver, SavingsGoalResolver } from "./goals/goal.resolver.js";
import { SavingsGoalService } from "./goals/goal.service.js";
import { SavingsGoal } from "./goals/goal.type.js";
import { GoalMovementEntity } from "./goals/goal-movement.entity.js";
import { SavingsGoalEntity } from "./goals/savings-goal.entity.js";
import { CreateMonthlySpending1763769600300 } from "./migrations/1763769600300-create-monthly-spending.js";
import { BudgetsReadModels1764547200300 } from "./migrations/1764547200300-budgets-read-models.js";
import { Budgets1764547200310 } from "./migrations/1764547200310-budgets.js";
import { SavingsGoals1764547200320 } from "./migrations/1764547200320-savings-goals.js";
import { UserTimeZone1764547200330 } from "./migrations/1764547200330-user-time-zone.js";
import { LedgerAccounts1764547200340 } from "./migrations/1764547200340-ledger-accounts.js";
import { GoalIdempotencyKeys1796526000100 } from "./migrations/1796526000100-goal-idempotency-keys.js";
import { SavingsGoalReached1796610000000 } from "./migrations/1796610000000-savings-goal-reached.js";
import { UserSettingsEntity } from "./settings/user-settings.entity.js";
import { UserSettingsService } from "./settings/user-settings.service.js";
import { SpendingService } from "./spending/spending.service.js";
import { SpendingLineEntity } from "./spending/spending-line.entity.js";
import { BudgetsUserResolver } from "./users/user.resolver.js";
import { BudgetsUser } from "./users/user.type.js";

export type { BudgetsDeps } from "./budgets.deps.js";

function createBudgets(kit: SubgraphKit): BudgetsDeps {
  const { dataSource, outbox, clock, ids } = kit;
  const idempotency = new IdempotencyKeys("budgets", () => clock.now());
  const settings = new UserSettingsService(dataSource, clock);
  const categories = new CategoryTreeService(dataSource);
  const progress = new BudgetProgressService(dataSource, clock, settings, categories);
  const alerts = new AlertService(dataSource, outbox, clock, ids);
  const budgets = new BudgetService(dataSource, outbox, clock, ids, settings, categories, progress, alerts);
  const accounts = new LedgerAccountsReadModel("budgets");
  const savings = new SavingsGoalService(dataSource, outbox, clock, ids, settings, accounts, idempotency);
  const autoSave = new AutoSaveService(dataSource, clock, ids, savings, accounts);
  return {
    goals: { savings, autoSave, loaders: { goal: goalByIdLoader(savings), movements: goalMovementsLoader(savings) } },
    idempotency,
    idempotencyPurge: scheduleIdempotencyPurge(idempotency, dataSource, kit.logger.child({ job: "idempotency-purge" })),
    accounts,
    settings,
    categories,
    spending: new SpendingService(dataSource),
    progress,
    budgets,
    summary: new BudgetSummaryService(dataSource, settings, progress),
    alerts,
    loaders: {
      budget: budgetByIdLoader(budgets),
      chain: budgetChainLoader(budgets, progress),
      category: (caller) =>
        keyedLoader(
          (keys) => (caller.userId ? categories.findOwned(caller.userId, keys) : Promise.resolve([])),
          (c) => c.id,
        ),
    },
  };
}

/**
 * Budgets: lives on ledger events (each transaction's lines in base currency) and identity's
 * preferences, and the ledger's accounts (to check the ones goals and rules point at); period budgets with rollover, alerts and live updates (`budgets.budget.v1`,
 * `budgets.alert.v1`).
 */
export default defineSubgraph<BudgetsDeps>({
  name: "budgets",
  port: 4003,
  resolvers: [
    BudgetResolver,
    AlertResolver,
    CategoryBudgetsResolver,
    BudgetsUserResolver,
    SavingsGoalResolver,
    GoalMovementResolver,
    AutoSaveRuleResolver,
    GoalsUserResolver,
  ],
  orphanedTypes: [BudgetsUser],
  entities: [
    UserSettingsEntity,
    BudgetCategoryEntity,
    SpendingLineEntity,
    BudgetEntity,
    BudgetAmountEntity,
    BudgetAlertEntity,
    SavingsGoalEntity,
    GoalMovementEntity,
    AutoSaveRuleEntity,
  ],
  migrations: [
    CreateMonthlySpending1763769600300,
    BudgetsReadModels1764547200300,
    Budgets1764547200310,
    SavingsGoals1764547200320,
    UserTimeZone1764547200330,
    LedgerAccounts1764547200340,
    // After the platform's PlatformIdempotencyKeys1796526000000, which makes the table it fills.
    GoalIdempotencyKeys1796526000100,
    SavingsGoalReached1796610000000,
  ],
  createDeps: createBudgets,
  close: (deps) => deps.idempotencyPurge.stop(),
  references: (deps) => ({
    User: resolveOwnUserReference,
    Budget: resolveThroughLoader(deps.loaders.budget, Budget.from),
    // Budgets' copy of the caller's category tree: another user's category is not found here.
    Category: resolveThroughLoader(deps.loaders.category, (category) => Object.assign(new CategoryRef(), { id: category.id })),
    SavingsGoal: resolveThroughLoader(deps.goals.loaders.goal, (view) => SavingsGoal.from(view, deps.goals.savings.today())),
  }),
  consumers: (deps) => [
    userPreferencesConsumer(deps.settings),
    ledgerAccountsConsumer(deps.accounts),
    ledgerCategoriesConsumer(deps.categories, deps.spending, deps.budgets),
    ledgerTransactionsConsumer(deps.spending, deps.budgets),
    autoSaveConsumer(deps.goals.autoSave),
    userDeletionConsumer("budgets", async (manager, userId) => {
      // Children before parents: rules and movements point at goals.
      await deps.goals.autoSave.purgeUser(manager, userId);
      await deps.goals.savings.purgeUser(manager, userId);
      await deps.alerts.purgeUser(manager, userId);
      await deps.budgets.purgeUser(manager, userId);
      await deps.spending.purgeUser(manager, userId);
      await deps.categories.purgeUser(manager, userId);
      await deps.settings.purgeUser(manager, userId);
      await deps.accounts.purgeUser(manager, userId);
      await deps.idempotency.purgeUser(manager, userId);
    }),
  ],
});
