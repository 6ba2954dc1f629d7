import type { LoaderFactory } from "../../platform/graphql/index.js";
import type { IdempotencyKeys, ScheduledPurge } from "../../platform/idempotency/index.js";
import type { LedgerAccountsReadModel } from "../../platform/read-models/index.js";
import type { AlertService } from "./alerts/alert.service.js";
import type { BudgetEntity } from "./budgets/budget.entity.js";
import type { BudgetService } from "./budgets/budget.service.js";
import type { BudgetProgressFigures, BudgetProgressService } from "./budgets/budget-progress.service.js";
import type { BudgetSummaryService } from "./budgets/budget-summary.service.js";
import type { BudgetCategoryEntity } from "./categories/budget-category.entity.js";
import type { CategoryTreeService } from "./categories/category-tree.service.js";
import type { AutoSaveService } from "./goals/auto-save.service.js";
import type { SavingsGoalService } from "./goals/goal.service.js";
import type { GoalView } from "./goals/goal.type.js";
import type { GoalMovementEntity } from "./goals/goal-movement.entity.js";
import type { UserSettingsService } from "./settings/user-settings.service.js";
import type { SpendingService } from "./spending/spending.service.js";

/** Savings goals, grouped because their resolvers use nothing else of the deps. */
export interface GoalsDeps {
  savings: SavingsGoalService;
  autoSave: AutoSaveService;
  loaders: {
    goal: LoaderFactory<string, GoalView | null>;
    /** "goalId|first". */
    movements: LoaderFactory<string, GoalMovementEntity[]>;
  };
}

/** Everything budgets' resolvers and consumers are built from. */
export interface BudgetsDeps {
  goals: GoalsDeps;
  /** The caller's ledger accounts as budgets knows them, for checking account references. */
  accounts: LedgerAccountsReadModel;
  settings: UserSettingsService;
  categories: CategoryTreeService;
  spending: SpendingService;
  progress: BudgetProgressService;
  budgets: BudgetService;
  summary: BudgetSummaryService;
  alerts: AlertService;
  /** Keys of goal movements' idempotencyKey. */
  idempotency: IdempotencyKeys;
  /** Forgets expired keys hourly; stopped on close. */
  idempotencyPurge: ScheduledPurge;
  loaders: {
    budget: LoaderFactory<string, BudgetEntity | null>;
    /** "budgetId|YYYY-MM-DD" → the carry chain through that day's period. */
    chain: LoaderFactory<string, BudgetProgressFigures[] | null>;
    category: LoaderFactory<string, BudgetCategoryEntity | null>;
  };
}
