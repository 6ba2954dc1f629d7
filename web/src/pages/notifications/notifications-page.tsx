import { PageHeader } from "../../ui/card";

export default function NotificationsPage() {
  return <PageHeader title="Notifications" />;
}
