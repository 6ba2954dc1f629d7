import DataLoader from "dataloader";

import { keyedLoader, type LoaderFactory } from "../../../platform/graphql/index.js";
import type { BudgetEntity } from "./budget.entity.js";
import type { BudgetService } from "./budget.service.js";
import type { BudgetProgressFigures, BudgetProgressService } from "./budget-progress.service.js";

/** One query per request for every budget reference, scoped to the caller in SQL. */
export const budgetByIdLoader =
  (budgets: BudgetService): LoaderFactory<string, BudgetEntity | null> =>
  (caller) =>
    keyedLoader(
      (ids) => (caller.userId ? budgets.findForUser(caller.userId, ids) : Promise.resolve([])),
      (b) => b.id,
    );

/**
 * A budget's carry chain up to a day, keyed "budgetId|YYYY-MM-DD", computed once per request:
 * `progress`, `history` and `amount` of one budget share it.
 */
export const budgetChainLoader =
  (budgets: BudgetService, progress: BudgetProgressService): LoaderFactory<string, BudgetProgressFigures[] | null> =>
  (caller) =>
    new DataLoader<string, BudgetProgressFigures[] | null, string>(async (keys) => {
      if (!caller.userId) return keys.map(() => null);
      const entities = await budgets.findForUser(
        caller.userId,
        keys.map((k) => k.split("|")[0]!),
      );
      const byId = new Map(entities.map((b) => [b.id, b]));
      return Promise.all(
        keys.map(async (key) => {
          const [id, date] = key.split("|");
          const budget = byId.get(id!);
          return budget ? (await progress.chain(budget, date!)).periods : null;
        }),
      );
    });
