import { PageHeader } from "../../ui/card";

export default function TaxPage() {
  return <PageHeader title="Tax" />;
}
