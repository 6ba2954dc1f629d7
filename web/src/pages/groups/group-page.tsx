import { PageHeader } from "../../ui/card";

export default function GroupPage() {
  return <PageHeader title="Group" />;
}
