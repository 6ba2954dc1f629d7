import { useQueryClient } from "@tanstack/react-query";
import { Link } from "react-router";

import { queryKeyOf, useApiQuery, useLive } from "../../api/hooks";
import { useFormat } from "../../app/viewer";
import { OverviewBudgetAlertFiredDocument, OverviewBudgetAlertsDocument, type OverviewBudgetAlertsQuery } from "../../generated/graphql";
import { Card } from "../../ui/card";
import { EmptyState, ErrorMessage, Loading } from "../../ui/status";

const SHOWN = 5;

/** The newest budget alerts; one that fires is added at the top as it happens. */
export function AlertsCard() {
  const format = useFormat();
  const queries = useQueryClient();
  const query = useApiQuery(OverviewBudgetAlertsDocument, {});
  useLive(OverviewBudgetAlertFiredDocument, {}, ({ budgetAlerts: alert }) => {
    queries.setQueryData<OverviewBudgetAlertsQuery>(queryKeyOf(OverviewBudgetAlertsDocument, {}), (old) => ({
      budgetAlerts: [alert, ...(old?.budgetAlerts ?? []).filter((a) => a.id !== alert.id)].slice(0, SHOWN),
    }));
  });
  const body = () => {
    if (query.error) return <ErrorMessage error={query.error} onRetry={() => void query.refetch()} />;
    if (!query.data) return <Loading label="Loading budget alerts" />;
    if (query.data.budgetAlerts.length === 0)
      return (
        <EmptyState title="No budget alerts">
          <p>
            You are told here when a <Link to="/budgets">budget</Link> reaches its warning or critical level.
          </p>
        </EmptyState>
      );
    return (
      <ul className="plain" aria-live="polite">
        {query.data.budgetAlerts.map((alert) => (
          <li key={alert.id} className="upcoming-item">
            <span>
              <span className={`badge alert-${alert.level.toLowerCase()}`}>{alert.level === "CRITICAL" ? "Over" : "Warning"}</span>{" "}
              {alert.budget?.name ?? "A budget"}
              <span className="muted small-print"> · {format.instant(alert.createdAt, "short")}</span>
            </span>
            <span className="amount">
              {format.money(alert.spent)} <span className="muted">of {format.money(alert.available)}</span>
            </span>
          </li>
        ))}
      </ul>
    );
  };
  return (
    <Card title="Budget alerts" id="budget-alerts">
      {body()}
    </Card>
  );
}
