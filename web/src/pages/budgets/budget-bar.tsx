import "./budget-bar.css";

import { useFormat } from "../../app/viewer";
import type { MoneyValue } from "../../format/money";
import { ProgressBar } from "../../ui/progress-bar";
import { budgetTone } from "./budget-progress";

export interface BudgetBarData {
  id: string;
  name: string;
  warningPercent: number;
  criticalPercent: number;
  progress: { percentUsed: number; spent: MoneyValue; available: MoneyValue };
}

/** A budget's name, spent of available, and its bar (coloured by its thresholds). */
export function BudgetBar({ budget }: { budget: BudgetBarData }) {
  const format = useFormat();
  const { percentUsed, spent, available } = budget.progress;
  return (
    <div className="budget-bar">
      <div className="budget-bar-head">
        <span className="budget-bar-name">{budget.name}</span>
        <span className="amount">
          {format.money(spent)} <span className="muted">of {format.money(available)}</span>
        </span>
      </div>
      <ProgressBar
        value={percentUsed}
        label={`${budget.name}: spent`}
        tone={budgetTone(percentUsed, budget.warningPercent, budget.criticalPercent)}
        testId={`budget-progress-${budget.id}`}
      />
    </div>
  );
}
