import type { InstallmentStatus, LoanStatus } from "../../generated/graphql";

/** What a person reads for each status (the badge's class keeps the code). */
export const STATUS_LABEL: Record<LoanStatus | InstallmentStatus, string> = {
  ACTIVE: "Active",
  OVERDUE: "Overdue",
  PAID_OFF: "Paid off",
  WRITTEN_OFF: "Written off",
  PENDING: "Due",
  PARTIALLY_PAID: "Partly paid",
  PAID: "Paid",
};

export function StatusBadge({ status }: { status: LoanStatus | InstallmentStatus }) {
  return <span className={`badge status-${status.toLowerCase()}`}>{STATUS_LABEL[status]}</span>;
}
