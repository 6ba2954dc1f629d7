import type { LoaderFactory } from "../../platform/graphql/index.js";
import type { IdempotencyKeys, ScheduledPurge } from "../../platform/idempotency/index.js";
import type { JobHandler, Repeating } from "../../platform/jobs/index.js";
import type { Clock } from "../../platform/time/index.js";
import type { AccountEntity } from "./accounts/account.entity.js";
import type { AccountService } from "./accounts/account.service.js";
import type { BankConnectionService } from "./banksync/bank-connection.service.js";
import type { CategoryEntity } from "./categories/category.entity.js";
import type { CategoryService } from "./categories/category.service.js";
import type { DayRate } from "./currency/conversion.js";
import type { ExchangeRateService } from "./currency/exchange-rate.service.js";
import type { ExchangeRateQueries } from "./currency/exchange-rate-query.service.js";
import type { ImportService } from "./imports/import.service.js";
import type { ReceiptReader } from "./receipts/ocr/receipt-reader.js";
import type { ReceiptEntity } from "./receipts/receipt.entity.js";
import type { ReceiptService } from "./receipts/receipt.service.js";
import type { RecurringJob } from "./recurring/recurring.job.js";
import type { ScheduleService } from "./recurring/schedule.service.js";
import type { RuleService } from "./rules/rule.service.js";
import type { RuleApplicationService } from "./rules/rule-application.service.js";
import type { SourcePostingService } from "./source-postings/source-posting.service.js";
import type { SuggestionService } from "./suggestions/suggestion.service.js";
import type { PostingEntity } from "./transactions/posting.entity.js";
import type { TransactionEntity } from "./transactions/transaction.entity.js";
import type { TransactionService } from "./transactions/transaction.service.js";
import type { TransactionWriter } from "./transactions/transaction.writer.js";
import type { TransactionEventPublisher } from "./transactions/transaction-events.publisher.js";
import type { TransactionQueries } from "./transactions/transaction-query.service.js";
import type { UserSettingsService } from "./users/user-settings.service.js";

/** Per-request DataLoaders of the ledger, each scoped to the caller. */
export interface LedgerLoaders {
  account: LoaderFactory<string, AccountEntity | null>;
  /** "accountId" (now) or "accountId|YYYY-MM-DD". */
  balance: LoaderFactory<string, bigint | null>;
  category: LoaderFactory<string, CategoryEntity | null>;
  transaction: LoaderFactory<string, TransactionEntity | null>;
  legs: LoaderFactory<string, PostingEntity[]>;
  baseCurrency: LoaderFactory<string, string | null>;
  /** "YYYY-MM-DD|FROM|TO". */
  rate: LoaderFactory<string, DayRate | null>;
  /** Transaction id → the receipts attached to it. */
  receipts: LoaderFactory<string, ReceiptEntity[]>;
}

/** Everything the ledger's resolvers and consumers are built from. */
export interface LedgerDeps {
  clock: Clock;
  idempotency: IdempotencyKeys;
  accounts: AccountService;
  categories: CategoryService;
  transactions: TransactionService;
  /** Books the payments groups and lending ask for on users' own accounts, and follows their edits. */
  sourcePostings: SourcePostingService;
  /** Insights' category suggestions: the user's settings, applying them (`insights.suggestion.v1`), undoing them. */
  suggestions: SuggestionService;
  /** Builds and inserts new transactions (posting, imports, recurring posting). */
  writer: TransactionWriter;
  /** Publishes `ledger.transaction.v1` with base-currency amounts. */
  events: TransactionEventPublisher;
  queries: TransactionQueries;
  rates: ExchangeRateService;
  rateQueries: ExchangeRateQueries;
  settings: UserSettingsService;
  rules: RuleService;
  schedules: ScheduleService;
  recurringJob: RecurringJob;
  idempotencyPurge: ScheduledPurge;
  imports: ImportService;
  /** Runs imports in the background (registered with the platform's job runner). */
  importJob: JobHandler;
  /** `applyRules`, the request side: stores the application and queues its job. */
  ruleApplications: RuleApplicationService;
  /** Re-applies rules over history in the background (registered with the platform's job runner). */
  ruleApplicationJob: JobHandler;
  /** Receipts: upload links, confirming drafts, attaching, deleting. */
  receipts: ReceiptService;
  /** Reads receipt files (OCR); closed with the subgraph. */
  receiptReader: ReceiptReader;
  /** Reads uploaded receipts in the background (registered with the platform's job runner). */
  receiptJob: JobHandler;
  /** Bank feeds (SimpleFIN): connecting, linking, asking for a sync. */
  bankConnections: BankConnectionService;
  /** Syncs a bank connection in the background (registered with the platform's job runner). */
  bankSyncJob: JobHandler;
  /** Queues every connection's sync when it is due, once across instances. */
  bankSchedule: Repeating;
  loaders: LedgerLoaders;
}
