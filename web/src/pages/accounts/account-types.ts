import type { AccountType } from "../../generated/graphql";

/** Every account type, as a person reads it (a Record, so a new type in the schema fails the build here). */
export const ACCOUNT_TYPE_LABELS: Record<AccountType, string> = {
  CHECKING: "Checking",
  SAVINGS: "Savings",
  CREDIT_CARD: "Credit card",
  CASH: "Cash",
  LOAN: "Loan",
  INVESTMENT_CASH: "Investment cash",
};
