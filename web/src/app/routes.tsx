import { lazy } from "react";
import { Navigate, type RouteObject, useLocation } from "react-router";

import { useSessionTokens } from "../api/hooks";
import { MfaPage } from "../pages/auth/mfa-page";
import { RegisterPage } from "../pages/auth/register-page";
import { SignInPage } from "../pages/auth/sign-in-page";
import { OverviewPage } from "../pages/overview/overview-page";
import { Layout } from "./layout";

// Every page but the overview is its own chunk, loaded when first opened.
const TransactionsPage = lazy(() => import("../pages/transactions/transactions-page"));
const AccountsPage = lazy(() => import("../pages/accounts/accounts-page"));
const BudgetsPage = lazy(() => import("../pages/budgets/budgets-page"));
const GroupsPage = lazy(() => import("../pages/groups/groups-page"));
const GroupPage = lazy(() => import("../pages/groups/group-page"));
const InvestmentsPage = lazy(() => import("../pages/investments/investments-page"));
const LoansPage = lazy(() => import("../pages/loans/loans-page"));
const TaxPage = lazy(() => import("../pages/tax/tax-page"));
const InsightsPage = lazy(() => import("../pages/insights/insights-page"));
const NotificationsPage = lazy(() => import("../pages/notifications/notifications-page"));

/** Signed-in pages only: anyone else goes to sign-in, and comes back where they were after. */
function RequireSession() {
  const tokens = useSessionTokens();
  const location = useLocation();
  if (!tokens) return <Navigate to="/signin" replace state={{ from: location.pathname + location.search }} />;
  return <Layout />;
}

export const ROUTES: RouteObject[] = [
  { path: "/signin", element: <SignInPage /> },
  { path: "/signin/mfa", element: <MfaPage /> },
  { path: "/register", element: <RegisterPage /> },
  {
    element: <RequireSession />,
    children: [
      { index: true, element: <OverviewPage /> },
      { path: "transactions", element: <TransactionsPage /> },
      { path: "accounts", element: <AccountsPage /> },
      { path: "budgets", element: <BudgetsPage /> },
      { path: "groups", element: <GroupsPage /> },
      { path: "groups/:groupId", element: <GroupPage /> },
      { path: "investments", element: <InvestmentsPage /> },
      { path: "loans", element: <LoansPage /> },
      { path: "tax", element: <TaxPage /> },
      { path: "insights", element: <InsightsPage /> },
      { path: "notifications", element: <NotificationsPage /> },
      { path: "*", element: <Navigate to="/" replace /> },
    ],
  },
];
