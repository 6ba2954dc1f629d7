import { PageHeader } from "../../ui/card";

export default function TransactionsPage() {
  return <PageHeader title="Transactions" />;
}
