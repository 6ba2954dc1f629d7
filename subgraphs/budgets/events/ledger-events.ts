/**
 * The ledger events budgets consumes, as published on `ledger.transaction.v1`. Declared here, not
 * imported: subgraphs share event contracts, never code.
 */
export const LEDGER_TRANSACTION_TOPIC = "ledger.transaction.v1";

export interface TransactionPostedV1 {
  transactionId: string;
  userId: string;
  /** INCOME, EXPENSE or TRANSFER; transfers move money between the user's own accounts and are no spending. */
  kind: string;
  amountMinor: string;
  currency: string;
  date: string;
  description: string;
}
