import { PageHeader } from "../../ui/card";

export default function GroupsPage() {
  return <PageHeader title="Groups" />;
}
