import { PageHeader } from "../../ui/card";

export default function LoansPage() {
  return <PageHeader title="Loans" />;
}
