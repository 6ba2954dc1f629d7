import type { BudgetPeriod } from "../../generated/graphql";

/** Every budget period, as a person reads it. */
export const PERIOD_LABELS: Record<BudgetPeriod, string> = {
  WEEKLY: "Weekly",
  MONTHLY: "Monthly",
  QUARTERLY: "Quarterly",
  YEARLY: "Yearly",
};
