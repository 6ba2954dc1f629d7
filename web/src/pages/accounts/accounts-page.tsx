import { PageHeader } from "../../ui/card";

export default function AccountsPage() {
  return <PageHeader title="Accounts" />;
}
