import { PageHeader } from "../../ui/card";

export default function BudgetsPage() {
  return <PageHeader title="Budgets & goals" />;
}
