import "./overview.css";

import { PageHeader } from "../../ui/card";
import { AlertsCard } from "./alerts-card";
import { BudgetsCard } from "./budgets-card";
import { NetWorthCard } from "./net-worth-card";
import { NotificationsCard } from "./notifications-card";
import { SpendingCard } from "./spending-card";
import { UpcomingCard } from "./upcoming-card";

/**
 * The first page after sign-in (not lazy: it is what everyone opens first). Each card runs its
 * own query, so one domain that fails or is slow leaves the others on screen.
 */
export function OverviewPage() {
  return (
    <>
      <PageHeader title="Overview" />
      <div className="grid overview-grid">
        <NetWorthCard />
        <SpendingCard />
        <BudgetsCard />
        <UpcomingCard />
        <NotificationsCard />
        <AlertsCard />
      </div>
    </>
  );
}
