import { BUDGET_EXCEEDED, BUDGET_THRESHOLD_REACHED, type BudgetAlertV1 } from "../../../schema/events/budgets.js";

/** The event a crossed level is announced as (contract: schema/events/budgets.ts). */
export const alertEventType = (level: BudgetAlertV1["level"]) => (level === "WARNING" ? BUDGET_THRESHOLD_REACHED : BUDGET_EXCEEDED);
