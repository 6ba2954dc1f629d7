import { keyedLoader, type LoaderFactory } from "../../../platform/graphql/index.js";
import type { BudgetEntity } from "./budget.entity.js";
import type { BudgetService } from "./budget.service.js";

/** One query per request for every budget reference, scoped to the caller in SQL. */
export const budgetByIdLoader =
  (budgets: BudgetService): LoaderFactory<string, BudgetEntity | null> =>
  (caller) =>
    keyedLoader((ids) => (caller.userId ? budgets.findForUser(caller.userId, ids) : Promise.resolve([])), (b) => b.id);
