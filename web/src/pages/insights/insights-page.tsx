import { PageHeader } from "../../ui/card";

export default function InsightsPage() {
  return <PageHeader title="Insights" />;
}
