import { Link } from "react-router";

import { useApiQuery } from "../../api/hooks";
import {
  type OverviewBudgetFragment,
  OverviewBudgetsDocument,
  type OverviewBudgetsQuery,
  OverviewBudgetUpdatedDocument,
} from "../../generated/graphql";
import { Card } from "../../ui/card";
import { EmptyState, ErrorMessage, Loading } from "../../ui/status";
import { BudgetBar } from "../budgets/budget-bar";
import { replaceById } from "../budgets/budget-progress";
import { useLiveItem } from "../budgets/use-live-item";

/** One budget's bar, moved live by its own subscription. */
function LiveBudget({ budget }: { budget: OverviewBudgetFragment }) {
  useLiveItem(OverviewBudgetUpdatedDocument, { id: budget.id }, OverviewBudgetsDocument, (list: OverviewBudgetsQuery, update) => ({
    budgets: replaceById(list.budgets, update.budgetUpdated),
  }));
  return (
    <li>
      <BudgetBar budget={budget} />
    </li>
  );
}

/** Every active budget's progress this period. */
export function BudgetsCard() {
  const query = useApiQuery(OverviewBudgetsDocument, {});
  const body = () => {
    if (query.error) return <ErrorMessage error={query.error} onRetry={() => void query.refetch()} />;
    if (!query.data) return <Loading label="Loading budgets" />;
    if (query.data.budgets.length === 0)
      return (
        <EmptyState title="No budgets yet">
          <p>
            <Link to="/budgets">Set a budget</Link> for a category or for every expense, and watch it fill up as you spend.
          </p>
        </EmptyState>
      );
    return (
      <ul className="plain">
        {query.data.budgets.map((budget) => (
          <LiveBudget key={budget.id} budget={budget} />
        ))}
      </ul>
    );
  };
  return (
    <Card title="Budgets" id="overview-budgets" actions={<Link to="/budgets">All budgets</Link>}>
      {body()}
    </Card>
  );
}
