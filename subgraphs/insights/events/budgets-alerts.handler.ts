import type { ConsumerDefinition } from "../../../platform/events/index.js";
import { BUDGET_EXCEEDED, BUDGET_THRESHOLD_REACHED, BUDGETS_ALERT_TOPIC, type BudgetsAlertEvents } from "../../../schema/events/budgets.js";
import type { BudgetOverrunStore } from "../budgets/budget-overrun.store.js";

/** Budgets' exceeded periods (a recommendation looks for three in a row); the warning level is not kept. */
export function budgetsAlertsConsumer(overruns: BudgetOverrunStore): ConsumerDefinition<BudgetsAlertEvents> {
  return {
    name: "insights-budget-alerts",
    topics: [BUDGETS_ALERT_TOPIC],
    handlers: {
      [BUDGET_EXCEEDED]: (event, manager) => overruns.record(manager, event.data),
      [BUDGET_THRESHOLD_REACHED]: async () => undefined,
    },
  };
}
