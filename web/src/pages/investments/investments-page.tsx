import { PageHeader } from "../../ui/card";

export default function InvestmentsPage() {
  return <PageHeader title="Investments" />;
}
