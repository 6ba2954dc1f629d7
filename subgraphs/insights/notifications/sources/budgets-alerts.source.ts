import {
  BUDGET_EXCEEDED,
  BUDGET_THRESHOLD_REACHED,
  type BudgetAlertV1,
  type BudgetsAlertEvents,
} from "../../../../schema/events/budgets.js";
import type { NotificationKindV1 } from "../../../../schema/events/notifications.js";
import type { NotificationItem, NotificationSource } from "./notification-source.js";

const item = (kind: NotificationKindV1, a: BudgetAlertV1): NotificationItem[] => [
  {
    userId: a.userId,
    kind,
    data: {
      budgetId: a.budgetId,
      periodStart: a.periodStart,
      periodEnd: a.periodEnd,
      spentMinor: a.spentMinor,
      availableMinor: a.availableMinor,
      currency: a.currency,
    },
  },
];

/** budgets.alert.v1: the warning level (BUDGET_THRESHOLD) and the critical one (BUDGET_EXCEEDED). */
export const budgetsAlertsSource: NotificationSource<BudgetsAlertEvents> = {
  [BUDGET_THRESHOLD_REACHED]: (e) => item("BUDGET_THRESHOLD", e.data),
  [BUDGET_EXCEEDED]: (e) => item("BUDGET_EXCEEDED", e.data),
};
