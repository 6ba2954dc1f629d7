/**
 * ledger's event contract: topics, event types and payloads (see identity.ts for the rules of this
 * folder). Every key is the user id, so one user's events stay ordered. Amounts are strings of
 * minor units: JSON has no bigint.
 */

/** Key = user id. The transaction as it stands after every change. */
export const LEDGER_TRANSACTION_TOPIC = "ledger.transaction.v1" as const;

export const TRANSACTION_POSTED = "TransactionPosted" as const;
export const TRANSACTION_UPDATED = "TransactionUpdated" as const;
export const TRANSACTION_DELETED = "TransactionDeleted" as const;
export const TRANSACTION_RESTORED = "TransactionRestored" as const;

/**
 * The transaction as it stands, in `TransactionPosted`, `TransactionDeleted`, `TransactionRestored`
 * and both sides of `TransactionUpdated`. `splits` are the category lines signed like the
 * transaction (empty for transfers); `description` repeats `payee` for consumers that read the
 * field before `payee` existed.
 */
export interface TransactionSnapshotV1 {
  transactionId: string;
  userId: string;
  /** INCOME, EXPENSE or TRANSFER; transfers move money between the user's own accounts and are no spending. */
  kind: string;
  accountId: string;
  amountMinor: string;
  currency: string;
  counterAccountId: string | null;
  counterAmountMinor: string | null;
  counterCurrency: string | null;
  date: string;
  payee: string;
  description: string;
  notes: string;
  tags: string[];
  status: string;
  categoryId: string | null;
  /** Category lines signed like the transaction; `baseAmountMinor` in the user's base currency, adding up to the transaction's. */
  splits: Array<{ categoryId: string | null; amountMinor: string; baseAmountMinor: string | null }>;
  deleted: boolean;
  /** The user's base currency, and the amount in it at the transaction day's rate (null without one). */
  baseCurrency: string | null;
  baseAmountMinor: string | null;
  /**
   * The rules that set fields of it when it was posted or rules were applied (empty: every field as
   * the user wrote it). Absent in events written before the field existed.
   */
  appliedRuleIds?: string[];
  /**
   * True while the category is one the ledger applied from insights' suggestion
   * (`insights.suggestion.v1`) and the user has neither confirmed nor changed it: not a choice of
   * theirs to learn from. Absent in events written before the field existed.
   */
  categorySuggested?: boolean;
  /**
   * Where it came from: MANUAL, IMPORT, BANK_SYNC, RECEIPT, RECURRING, GROUP, LENDING or RULE (the
   * GraphQL enum TransactionSource); never changes after posting. Lets consumers tell, say, a
   * scheduled or group-booked payment from one the user typed. Absent in events written before the
   * field existed.
   */
  source?: string;
}

export interface TransactionUpdatedV1 {
  transactionId: string;
  userId: string;
  before: TransactionSnapshotV1;
  after: TransactionSnapshotV1;
}

/** Payloads on `ledger.transaction.v1`, by event type. */
export type LedgerTransactionEvents = {
  [TRANSACTION_POSTED]: TransactionSnapshotV1;
  [TRANSACTION_UPDATED]: TransactionUpdatedV1;
  [TRANSACTION_DELETED]: TransactionSnapshotV1;
  [TRANSACTION_RESTORED]: TransactionSnapshotV1;
};

/** Key = user id. The category tree. */
export const LEDGER_CATEGORY_TOPIC = "ledger.category.v1" as const;

export const CATEGORY_CREATED = "CategoryCreated" as const;
export const CATEGORY_UPDATED = "CategoryUpdated" as const;
export const CATEGORIES_MERGED = "CategoriesMerged" as const;
export const CATEGORY_DELETED = "CategoryDeleted" as const;

/** `CategoryCreated` / `CategoryUpdated`: the category as it now is. */
export interface CategorySnapshotV1 {
  categoryId: string;
  userId: string;
  parentId: string | null;
  name: string;
  kind: string;
}

/**
 * `CategoriesMerged`: every posting of `sourceId` now belongs to `targetId` and the source is
 * gone. `CategoryDeleted`: the same, with `targetId` null meaning "uncategorised". Read models
 * keyed by category (budgets) move the spending in one step rather than per transaction.
 */
export interface CategoryMovedV1 {
  userId: string;
  sourceId: string;
  targetId: string | null;
}

/** Payloads on `ledger.category.v1`, by event type. */
export type LedgerCategoryEvents = {
  [CATEGORY_CREATED]: CategorySnapshotV1;
  [CATEGORY_UPDATED]: CategorySnapshotV1;
  [CATEGORIES_MERGED]: CategoryMovedV1;
  [CATEGORY_DELETED]: CategoryMovedV1;
};

/** Key = user id. The user's accounts. */
export const LEDGER_ACCOUNT_TOPIC = "ledger.account.v1" as const;

export const ACCOUNT_CREATED = "AccountCreated" as const;
export const ACCOUNT_UPDATED = "AccountUpdated" as const;
export const ACCOUNT_ARCHIVED = "AccountArchived" as const;
export const ACCOUNT_UNARCHIVED = "AccountUnarchived" as const;

/** Every account event: the account as it now is. */
export interface AccountSnapshotV1 {
  accountId: string;
  userId: string;
  name: string;
  type: string;
  currency: string;
  openingBalanceMinor: string;
  openingDate: string;
  archived: boolean;
}

/** Payloads on `ledger.account.v1`, by event type. */
export type LedgerAccountEvents = {
  [ACCOUNT_CREATED]: AccountSnapshotV1;
  [ACCOUNT_UPDATED]: AccountSnapshotV1;
  [ACCOUNT_ARCHIVED]: AccountSnapshotV1;
  [ACCOUNT_UNARCHIVED]: AccountSnapshotV1;
};

/** Key = user id. Reminders of upcoming bills. */
export const LEDGER_BILL_TOPIC = "ledger.bill.v1" as const;

export const BILL_DUE = "BillDue" as const;

/** `BillDue`: an expense schedule's next occurrence is `remindDaysBefore` days away (insights notifies). */
export interface BillDueV1 {
  scheduleId: string;
  userId: string;
  accountId: string;
  dueDate: string;
  amountMinor: string;
  currency: string;
  payee: string;
}

/** Payloads on `ledger.bill.v1`, by event type. */
export type LedgerBillEvents = {
  [BILL_DUE]: BillDueV1;
};

/** Key = user id. Progress of statement imports (live subscribers re-read the import). */
export const LEDGER_IMPORT_TOPIC = "ledger.import.v1" as const;

export const IMPORT_UPDATED = "ImportUpdated" as const;

/** `ImportUpdated`: the import's status or progress changed. */
export interface ImportUpdatedV1 {
  importId: string;
  userId: string;
}

/** Payloads on `ledger.import.v1`, by event type. */
export type LedgerImportEvents = {
  [IMPORT_UPDATED]: ImportUpdatedV1;
};

/** Key = user id. Progress of rule applications, `applyRules` (live subscribers re-read the application). */
export const LEDGER_RULES_TOPIC = "ledger.rules.v1" as const;

export const RULE_APPLICATION_UPDATED = "RuleApplicationUpdated" as const;

/** `RuleApplicationUpdated`: the rule application's status or counts changed. */
export interface RuleApplicationUpdatedV1 {
  applicationId: string;
  userId: string;
}

/** Payloads on `ledger.rules.v1`, by event type. */
export type LedgerRulesEvents = {
  [RULE_APPLICATION_UPDATED]: RuleApplicationUpdatedV1;
};

/** Key = user id. Recurring transactions (schedules) as they now stand: insights projects cash flow from them. */
export const LEDGER_SCHEDULE_TOPIC = "ledger.schedule.v1" as const;

export const SCHEDULE_SAVED = "ScheduleSaved" as const;
export const SCHEDULE_DELETED = "ScheduleDeleted" as const;

/** `ScheduleSaved` (created or replaced): the schedule whole; its occurrences follow `platform/time/recurrence`. */
export interface ScheduleSnapshotV1 {
  scheduleId: string;
  userId: string;
  accountId: string;
  categoryId: string | null;
  /** Signed like a transaction (money out negative), in the account's currency. */
  amountMinor: string;
  currency: string;
  payee: string;
  frequency: "DAILY" | "WEEKLY" | "MONTHLY" | "YEARLY";
  interval: number;
  dayOfMonth: number | null;
  startDate: string;
  endDate: string | null;
}

export interface ScheduleDeletedV1 {
  scheduleId: string;
  userId: string;
}

/** Payloads on `ledger.schedule.v1`, by event type. */
export type LedgerScheduleEvents = {
  [SCHEDULE_SAVED]: ScheduleSnapshotV1;
  [SCHEDULE_DELETED]: ScheduleDeletedV1;
};

/** Key = user id. Bank connections that need their owner (notifications tell them). */
export const LEDGER_BANK_TOPIC = "ledger.bank.v1" as const;

export const BANK_CONNECTION_NEEDS_ATTENTION = "BankConnectionNeedsAttention" as const;

/** `BankConnectionNeedsAttention`: the bank refused the stored access (401/403); syncing stops until the user reconnects. */
export interface BankConnectionNeedsAttentionV1 {
  userId: string;
  connectionId: string;
  institution: string;
  reason: string;
}

/** Payloads on `ledger.bank.v1`, by event type. */
export type LedgerBankEvents = {
  [BANK_CONNECTION_NEEDS_ATTENTION]: BankConnectionNeedsAttentionV1;
};

/** Key = user id. A receipt's status, reading, draft or attachment changed, or it was deleted (live subscribers re-read it). */
export const LEDGER_RECEIPT_TOPIC = "ledger.receipt.v1" as const;

export const RECEIPT_UPDATED = "ReceiptUpdated" as const;

/** `ReceiptUpdated`: re-read the receipt; null means it was deleted. */
export interface ReceiptUpdatedV1 {
  id: string;
  userId: string;
}

/** Payloads on `ledger.receipt.v1`, by event type. */
export type LedgerReceiptEvents = {
  [RECEIPT_UPDATED]: ReceiptUpdatedV1;
};

/** Every ledger topic and what it carries. */
export type LedgerTopics = {
  [LEDGER_TRANSACTION_TOPIC]: LedgerTransactionEvents;
  [LEDGER_CATEGORY_TOPIC]: LedgerCategoryEvents;
  [LEDGER_ACCOUNT_TOPIC]: LedgerAccountEvents;
  [LEDGER_BILL_TOPIC]: LedgerBillEvents;
  [LEDGER_IMPORT_TOPIC]: LedgerImportEvents;
  [LEDGER_RULES_TOPIC]: LedgerRulesEvents;
  [LEDGER_SCHEDULE_TOPIC]: LedgerScheduleEvents;
  [LEDGER_RECEIPT_TOPIC]: LedgerReceiptEvents;
  [LEDGER_BANK_TOPIC]: LedgerBankEvents;
};
