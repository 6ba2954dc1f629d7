import { useState } from "react";

import { useApiMutation, useApiQuery } from "../../api/hooks";
import { useFormat } from "../../app/viewer";
import {
  BudgetsPageArchiveBudgetDocument,
  type BudgetsPageBudgetFragment,
  BudgetsPageBudgetsDocument,
  type BudgetsPageBudgetsQuery,
  BudgetsPageBudgetUpdatedDocument,
  BudgetsPageUnarchiveBudgetDocument,
} from "../../generated/graphql";
import { Card } from "../../ui/card";
import { EmptyState, ErrorMessage, Loading } from "../../ui/status";
import { BudgetBar } from "./budget-bar";
import { replaceById } from "./budget-progress";
import { PERIOD_LABELS } from "./periods";
import { useLiveItem } from "./use-live-item";

/** One budget, kept current by its own live subscription (the bar moves as spending arrives). */
function BudgetItem({ budget }: { budget: BudgetsPageBudgetFragment }) {
  const format = useFormat();
  useLiveItem(BudgetsPageBudgetUpdatedDocument, { id: budget.id }, BudgetsPageBudgetsDocument, (list: BudgetsPageBudgetsQuery, update) => ({
    budgets: replaceById(list.budgets, update.budgetUpdated),
  }));
  const archive = useApiMutation(BudgetsPageArchiveBudgetDocument);
  const unarchive = useApiMutation(BudgetsPageUnarchiveBudgetDocument);
  const { progress } = budget;
  const covers = budget.allExpenses ? "Every expense" : budget.categories.map((c) => c.name).join(", ");
  const error = archive.error ?? unarchive.error;
  return (
    <li>
      <BudgetBar budget={budget} />
      <div className="item-meta muted">
        <span className="badge">{PERIOD_LABELS[budget.period]}</span>
        {budget.archived && <span className="badge">Archived</span>}
        <span>
          {format.money(progress.remaining)} left · {progress.daysRemaining} days to go · {covers}
        </span>
        {budget.archived ? (
          <button
            type="button"
            className="button secondary small"
            aria-label={`Restore ${budget.name}`}
            onClick={() => unarchive.mutate({ id: budget.id })}
            disabled={unarchive.isPending}
          >
            Restore
          </button>
        ) : (
          <button
            type="button"
            className="button secondary small"
            aria-label={`Archive ${budget.name}`}
            onClick={() => archive.mutate({ id: budget.id })}
            disabled={archive.isPending}
          >
            Archive
          </button>
        )}
      </div>
      {error && <ErrorMessage error={error} />}
    </li>
  );
}

/** The person's budgets with live progress; archived ones on request. */
export function BudgetList() {
  const [includeArchived, setIncludeArchived] = useState(false);
  const budgets = useApiQuery(BudgetsPageBudgetsDocument, { includeArchived });
  return (
    <Card
      title="Budgets"
      id="budgets"
      actions={
        <label className="check">
          <input type="checkbox" checked={includeArchived} onChange={(e) => setIncludeArchived(e.target.checked)} /> Show archived
        </label>
      }
    >
      {budgets.error ? (
        <ErrorMessage error={budgets.error} onRetry={() => void budgets.refetch()} />
      ) : !budgets.data ? (
        <Loading label="Loading budgets" />
      ) : budgets.data.budgets.length === 0 ? (
        <EmptyState title="No budgets yet">
          <p>Set a monthly limit for groceries, eating out or every expense with the form on this page.</p>
        </EmptyState>
      ) : (
        <ul className="plain" aria-label="Your budgets">
          {budgets.data.budgets.map((budget) => (
            <BudgetItem key={budget.id} budget={budget} />
          ))}
        </ul>
      )}
    </Card>
  );
}
