/**
 * The ledger events budgets consumes. Declared here, not imported: subgraphs share event
 * contracts, never code. Amounts are strings of minor units.
 */
export const LEDGER_TRANSACTION_TOPIC = "ledger.transaction.v1";
export const LEDGER_CATEGORY_TOPIC = "ledger.category.v1";

/** The transaction as it stands (`TransactionPosted`, `...Deleted`, `...Restored`, both sides of `...Updated`). */
export interface TransactionSnapshotV1 {
  transactionId: string;
  userId: string;
  /** INCOME, EXPENSE or TRANSFER; transfers move money between the user's own accounts and are no spending. */
  kind: string;
  accountId: string;
  amountMinor: string;
  currency: string;
  date: string;
  payee: string;
  /** Category lines, signed like the transaction; base amounts add up to `baseAmountMinor`. */
  splits: Array<{ categoryId: string | null; amountMinor: string; baseAmountMinor: string | null }>;
  deleted: boolean;
  baseCurrency: string | null;
  baseAmountMinor: string | null;
}

export interface TransactionUpdatedV1 {
  transactionId: string;
  userId: string;
  before: TransactionSnapshotV1;
  after: TransactionSnapshotV1;
}

/** `CategoryCreated` / `CategoryUpdated`. */
export interface CategorySnapshotV1 {
  categoryId: string;
  userId: string;
  parentId: string | null;
  name: string;
  kind: string;
}

/** `CategoriesMerged` (target set) and `CategoryDeleted` (target null: uncategorised). */
export interface CategoryMovedV1 {
  userId: string;
  sourceId: string;
  targetId: string | null;
}

export const LEDGER_ACCOUNT_TOPIC = "ledger.account.v1";

/** `AccountCreated` / `AccountUpdated` / `AccountArchived` / `AccountUnarchived`: the account as it now is (budgets reads these fields). */
export interface AccountSnapshotV1 {
  accountId: string;
  userId: string;
  currency: string;
  archived: boolean;
}
