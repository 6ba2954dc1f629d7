/** The main navigation, in the order people look for things. */
export const NAVIGATION: ReadonlyArray<{ path: string; label: string }> = [
  { path: "/", label: "Overview" },
  { path: "/transactions", label: "Transactions" },
  { path: "/accounts", label: "Accounts" },
  { path: "/budgets", label: "Budgets & goals" },
  { path: "/groups", label: "Groups" },
  { path: "/investments", label: "Investments" },
  { path: "/loans", label: "Loans" },
  { path: "/tax", label: "Tax" },
  { path: "/insights", label: "Insights" },
  { path: "/notifications", label: "Notifications" },
];
