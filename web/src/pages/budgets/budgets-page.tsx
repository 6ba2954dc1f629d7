import "./budgets.css";

import { PageHeader } from "../../ui/card";
import { BudgetForm } from "./budget-form";
import { BudgetList } from "./budget-list";
import { GoalForm } from "./goal-form";
import { GoalList } from "./goal-list";

/** Budgets and savings goals: progress that moves live as spending and contributions arrive. */
export default function BudgetsPage() {
  return (
    <>
      <PageHeader title="Budgets & goals" />
      <div className="grid">
        <BudgetList />
        <BudgetForm />
        <GoalList />
        <GoalForm />
      </div>
    </>
  );
}
