import { PageHeader } from "../../ui/card";

/** The first page after sign-in (not lazy: it is what everyone opens first). */
export function OverviewPage() {
  return <PageHeader title="Overview" />;
}
