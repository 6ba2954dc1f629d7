import { SecretBox } from "../../platform/crypto/index.js";
import { userDeletionConsumer } from "../../platform/events/index.js";
import { resolveOwnUserReference, resolveThroughLoader } from "../../platform/graphql/index.js";
import { IdempotencyKeys, scheduleIdempotencyPurge } from "../../platform/idempotency/index.js";
import { createFileStorage, loadFileSettings } from "../../platform/storage/index.js";
import type { SubgraphKit } from "../../platform/subgraph/index.js";
import { defineSubgraph } from "../../platform/subgraph/index.js";
import { AccountEntity } from "./accounts/account.entity.js";
import { accountBalanceLoader, accountByIdLoader } from "./accounts/account.loaders.js";
import { AccountResolver } from "./accounts/account.resolver.js";
import { AccountService } from "./accounts/account.service.js";
import { Account } from "./accounts/account.type.js";
import { BankAccountEntity, BankConnectionEntity } from "./banksync/bank-connection.entity.js";
import { BankConnectionResolver } from "./banksync/bank-connection.resolver.js";
import { BankConnectionService } from "./banksync/bank-connection.service.js";
import { loadBankSyncConfig } from "./banksync/bank-sync.config.js";
import { bankSyncJobHandler } from "./banksync/bank-sync.job.js";
import { scheduleBankSyncs } from "./banksync/bank-sync.schedule.js";
import { BankSyncStore } from "./banksync/bank-sync.store.js";
import { SimpleFinProvider } from "./banksync/simplefin.provider.js";
import { CategoryEntity } from "./categories/category.entity.js";
import { categoryByIdLoader } from "./categories/category.loaders.js";
import { CategoryResolver } from "./categories/category.resolver.js";
import { CategoryService } from "./categories/category.service.js";
import { Category } from "./categories/category.type.js";
import { baseCurrencyLoader, dayRateLoader } from "./currency/currency.loaders.js";
import { ExchangeRateEntity } from "./currency/exchange-rate.entity.js";
import { ExchangeRateResolver } from "./currency/exchange-rate.resolver.js";
import { ExchangeRateService } from "./currency/exchange-rate.service.js";
import { ExchangeRateQueries } from "./currency/exchange-rate-query.service.js";
import { Repricing } from "./currency/repricing.js";
import { groupsPostingsConsumer } from "./events/groups-postings.handler.js";
import { identityUsersConsumer } from "./events/identity-users.handler.js";
import { insightsSuggestionsConsumer } from "./events/insights-suggestions.handler.js";
import { lendingPostingsConsumer } from "./events/lending-postings.handler.js";
import { importJobHandler } from "./imports/import.job.js";
import { ImportResolver } from "./imports/import.resolver.js";
import { ImportService } from "./imports/import.service.js";
import { ImportBatchEntity, ImportFileEntity } from "./imports/import-batch.entity.js";
import type { LedgerDeps } from "./ledger.deps.js";
import { CreateTransactions1763769600200 } from "./migrations/1763769600200-create-transactions.js";
import { DoubleEntryLedger1764547200200 } from "./migrations/1764547200200-double-entry-ledger.js";
import { Rules1764547200210 } from "./migrations/1764547200210-rules.js";
import { Recurring1764547200220 } from "./migrations/1764547200220-recurring.js";
import { Imports1764547200230 } from "./migrations/1764547200230-imports.js";
import { ImportJobs1764547200240 } from "./migrations/1764547200240-import-jobs.js";
import { AnnounceAccounts1764547200250 } from "./migrations/1764547200250-announce-accounts.js";
import { PayeeSearch1764547200260 } from "./migrations/1764547200260-payee-search.js";
import { RuleApplications1796528411663 } from "./migrations/1796528411663-rule-applications.js";
import { GroupPostings1796531990936 } from "./migrations/1796531990936-group-postings.js";
import { SourcePostings1796533800100 } from "./migrations/1796533800100-source-postings.js";
import { CategorySuggestions1796545645715 } from "./migrations/1796545645715-category-suggestions.js";
import { BankSync1796560000000 } from "./migrations/1796560000000-bank-sync.js";
import { Receipts1796560000400 } from "./migrations/1796560000400-receipts.js";
import { ImportFileBytes1796560000500 } from "./migrations/1796560000500-import-file-bytes.js";
import { TransactionSource1796560000600 } from "./migrations/1796560000600-transaction-source.js";
import { LeanerTransactionIndexes1796560000700 } from "./migrations/1796560000700-leaner-transaction-indexes.js";
import { ReceiptEntity } from "./receipts/receipt.entity.js";
import { receiptJobHandler } from "./receipts/receipt.job.js";
import { receiptsByTransactionLoader } from "./receipts/receipt.loaders.js";
import { ReceiptResolver, TransactionReceiptsResolver } from "./receipts/receipt.resolver.js";
import { ReceiptService } from "./receipts/receipt.service.js";
import { createReceiptReader } from "./receipts/receipt-reader.setting.js";
import { RecurringJob } from "./recurring/recurring.job.js";
import { RecurringResolver } from "./recurring/recurring.resolver.js";
import { ScheduleEntity } from "./recurring/schedule.entity.js";
import { ScheduleService } from "./recurring/schedule.service.js";
import { RuleEntity } from "./rules/rule.entity.js";
import { RuleResolver } from "./rules/rule.resolver.js";
import { RuleService } from "./rules/rule.service.js";
import { RuleApplicationEntity } from "./rules/rule-application.entity.js";
import { ruleApplicationJobHandler } from "./rules/rule-application.job.js";
import { RuleApplicationService } from "./rules/rule-application.service.js";
import { SourcePostingEntity } from "./source-postings/source-posting.entity.js";
import { SourcePostingService } from "./source-postings/source-posting.service.js";
import { SuggestionResolver } from "./suggestions/suggestion.resolver.js";
import { SuggestionService } from "./suggestions/suggestion.service.js";
import { CategorySuggestionSettingsEntity } from "./suggestions/suggestion-settings.entity.js";
import { PostingEntity } from "./transactions/posting.entity.js";
import { TransactionEntity } from "./transactions/transaction.entity.js";
import { transactionByIdLoader, transactionLegsLoader } from "./transactions/transaction.loaders.js";
import { PostingResolver, SplitResolver, TransactionConnectionResolver, TransactionResolver } from "./transactions/transaction.resolver.js";
import { TransactionService } from "./transactions/transaction.service.js";
import { Transaction } from "./transactions/transaction.type.js";
import { TransactionWriter } from "./transactions/transaction.writer.js";
import { TransactionEventPublisher } from "./transactions/transaction-events.publisher.js";
import { TransactionQueries } from "./transactions/transaction-query.service.js";
import { LedgerUserResolver } from "./users/user.resolver.js";
import { UserSettingsEntity } from "./users/user-settings.entity.js";
import { UserSettingsService } from "./users/user-settings.service.js";

export type { LedgerDeps } from "./ledger.deps.js";

/** Due occurrences are posted within this long of their day starting (UTC). */
const RECURRING_JOB_EVERY_MS = 60_000;

function createLedger(kit: SubgraphKit): LedgerDeps {
  const { dataSource, outbox, clock, ids } = kit;
  const idempotency = new IdempotencyKeys("ledger", () => clock.now());
  const accounts = new AccountService(dataSource, outbox, clock, ids, idempotency);
  const categories = new CategoryService(dataSource, outbox, clock, ids, idempotency);
  const settings = new UserSettingsService(dataSource, clock);
  const rateQueries = new ExchangeRateQueries(dataSource);
  // Every transaction event leaves through `events`, which fills in base-currency amounts from the rates.
  const events = new TransactionEventPublisher(outbox, rateQueries);
  const rates = new ExchangeRateService(dataSource, clock, new Repricing(events));
  const queries = new TransactionQueries(dataSource, categories);
  const rules = new RuleService(dataSource, clock, ids, categories, events, idempotency);
  const writer = new TransactionWriter(clock, ids, accounts, categories, rules.categorizer, rules.compile);
  const transactions = new TransactionService(dataSource, clock, ids, idempotency, accounts, categories, writer, events);
  const sourcePostings = new SourcePostingService(clock, ids, transactions, categories, kit.logger.child({ consumer: "source-postings" }));
  const suggestions = new SuggestionService(
    dataSource,
    clock,
    categories,
    transactions,
    kit.logger.child({ consumer: "category-suggestions" }),
  );
  const schedules = new ScheduleService(dataSource, clock, ids, idempotency, accounts, categories, outbox);
  const recurringJob = new RecurringJob(dataSource, outbox, clock, ids, writer, events, kit.logger.child({ job: "recurring" }));
  recurringJob.start(RECURRING_JOB_EVERY_MS);
  const imports = new ImportService(dataSource, clock, ids, idempotency, accounts, kit.jobs);
  const importJob = importJobHandler({ clock, ids, outbox, writer, events });
  const ruleApplications = new RuleApplicationService(dataSource, clock, ids, queries, kit.jobs);
  const ruleApplicationJob = ruleApplicationJobHandler({ clock, outbox, queries, rules });
  const storage = createFileStorage();
  const receiptReader = createReceiptReader();
  const receipts = new ReceiptService(
    dataSource,
    clock,
    ids,
    outbox,
    kit.jobs,
    idempotency,
    accounts,
    transactions,
    storage,
    loadFileSettings().linkSecret,
  );
  const receiptJob = receiptJobHandler({ clock, outbox, storage, reader: receiptReader, writer });
  const bankConfig = loadBankSyncConfig();
  const bankProvider = new SimpleFinProvider(bankConfig.timeoutMs);
  const box = new SecretBox(bankConfig.credentialsKey);
  const bankStore = new BankSyncStore(clock, outbox, bankConfig);
  const bankConnections = new BankConnectionService(
    dataSource,
    clock,
    ids,
    idempotency,
    kit.jobs,
    bankProvider,
    box,
    bankStore,
    bankConfig,
  );
  const bankSyncJob = bankSyncJobHandler({
    dataSource,
    clock,
    ids,
    outbox,
    writer,
    events,
    provider: bankProvider,
    box,
    config: bankConfig,
  });
  const bankSchedule = scheduleBankSyncs(dataSource, kit.jobs, clock, bankConfig, kit.logger.child({ job: "bank-sync-schedule" }));
  return {
    clock,
    idempotency,
    accounts,
    categories,
    transactions,
    sourcePostings,
    suggestions,
    writer,
    events,
    queries,
    rates,
    rateQueries,
    settings,
    rules,
    schedules,
    recurringJob,
    idempotencyPurge: scheduleIdempotencyPurge(idempotency, dataSource, kit.logger.child({ job: "idempotency-purge" })),
    imports,
    importJob,
    ruleApplications,
    ruleApplicationJob,
    receipts,
    receiptReader,
    receiptJob,
    bankConnections,
    bankSyncJob,
    bankSchedule,
    loaders: {
      account: accountByIdLoader(accounts),
      balance: accountBalanceLoader(accounts),
      category: categoryByIdLoader(categories),
      transaction: transactionByIdLoader(queries),
      legs: transactionLegsLoader(queries),
      baseCurrency: baseCurrencyLoader(settings),
      rate: dayRateLoader(rateQueries),
      receipts: receiptsByTransactionLoader(receipts),
    },
  };
}

/** Ledger: the source of truth for money; books what groups and lending ask on users' own accounts (`groups.expense.v1`, `lending.loan.v1`) and applies the categories insights suggests (`insights.suggestion.v1`). Publishes `ledger.transaction.v1`, `ledger.account.v1`, `ledger.category.v1`, `ledger.bill.v1`, `ledger.import.v1`, `ledger.rules.v1`, `ledger.receipt.v1`, `ledger.bank.v1`; reads receipts with an injected ReceiptReader (`useReceiptReader`). */
export default defineSubgraph<LedgerDeps>({
  name: "ledger",
  port: 4002,
  resolvers: [
    AccountResolver,
    CategoryResolver,
    TransactionResolver,
    TransactionConnectionResolver,
    SplitResolver,
    PostingResolver,
    ExchangeRateResolver,
    RuleResolver,
    RecurringResolver,
    ImportResolver,
    LedgerUserResolver,
    SuggestionResolver,
    ReceiptResolver,
    TransactionReceiptsResolver,
    BankConnectionResolver,
  ],
  entities: [
    AccountEntity,
    CategoryEntity,
    TransactionEntity,
    PostingEntity,
    ExchangeRateEntity,
    UserSettingsEntity,
    RuleEntity,
    ScheduleEntity,
    ImportBatchEntity,
    ImportFileEntity,
    RuleApplicationEntity,
    SourcePostingEntity,
    CategorySuggestionSettingsEntity,
    ReceiptEntity,
    BankConnectionEntity,
    BankAccountEntity,
  ],
  migrations: [
    CreateTransactions1763769600200,
    DoubleEntryLedger1764547200200,
    Rules1764547200210,
    Recurring1764547200220,
    Imports1764547200230,
    ImportJobs1764547200240,
    AnnounceAccounts1764547200250,
    PayeeSearch1764547200260,
    RuleApplications1796528411663,
    GroupPostings1796531990936,
    SourcePostings1796533800100,
    CategorySuggestions1796545645715,
    BankSync1796560000000,
    Receipts1796560000400,
    ImportFileBytes1796560000500,
    TransactionSource1796560000600,
    LeanerTransactionIndexes1796560000700,
  ],
  createDeps: createLedger,
  close: async (deps) => {
    await deps.recurringJob.stop();
    await deps.idempotencyPurge.stop();
    await deps.receiptReader.close();
    await deps.bankSchedule.stop();
  },
  jobs: (deps) => [deps.importJob, deps.ruleApplicationJob, deps.receiptJob, deps.bankSyncJob],
  references: (deps) => ({
    Transaction: resolveThroughLoader(deps.loaders.transaction, Transaction.from),
    Account: resolveThroughLoader(deps.loaders.account, Account.from),
    Category: resolveThroughLoader(deps.loaders.category, Category.from),
    User: resolveOwnUserReference,
  }),
  consumers: (deps) => [
    identityUsersConsumer(deps.categories, deps.settings),
    groupsPostingsConsumer(deps.sourcePostings),
    lendingPostingsConsumer(deps.sourcePostings),
    insightsSuggestionsConsumer(deps.suggestions),
    // Children before parents: postings point at accounts and categories.
    userDeletionConsumer("ledger", async (manager, userId) => {
      await deps.receipts.purgeUser(manager, userId);
      await deps.sourcePostings.purgeUser(manager, userId);
      await deps.bankConnections.purgeUser(manager, userId);
      await deps.suggestions.purgeUser(manager, userId);
      await deps.ruleApplications.purgeUser(manager, userId);
      await deps.rules.purgeUser(manager, userId);
      await deps.schedules.purgeUser(manager, userId);
      await deps.transactions.purgeUser(manager, userId);
      await deps.imports.purgeUser(manager, userId);
      await deps.accounts.purgeUser(manager, userId);
      await deps.categories.purgeUser(manager, userId);
      await deps.rates.purgeUser(manager, userId);
      await deps.settings.purgeUser(manager, userId);
      await deps.idempotency.purgeUser(manager, userId);
    }),
  ],
});
