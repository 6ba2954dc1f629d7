import type { LoaderFactory } from "../../platform/graphql/index.js";
import { userDeletionConsumer } from "../../platform/events/index.js";
import { defineSubgraph } from "../../platform/subgraph/index.js";
import { CreateTransactions1763769600200 } from "./migrations/1763769600200-create-transactions.js";
import { TransactionEntity } from "./transactions/transaction.entity.js";
import { transactionByIdLoader } from "./transactions/transaction.loaders.js";
import { resolveTransactionReference } from "./transactions/transaction.reference.js";
import { TransactionResolver } from "./transactions/transaction.resolver.js";
import { TransactionService } from "./transactions/transaction.service.js";

export interface LedgerDeps {
  transactions: TransactionService;
  transactionLoader: LoaderFactory<string, TransactionEntity | null>;
}

/** Ledger: the source of truth for money. Publishes `ledger.transaction.v1`. */
export default defineSubgraph<LedgerDeps>({
  name: "ledger",
  port: 4002,
  resolvers: [TransactionResolver],
  entities: [TransactionEntity],
  migrations: [CreateTransactions1763769600200],
  createDeps: (kit) => {
    const transactions = new TransactionService(kit.dataSource, kit.outbox, kit.clock, kit.ids);
    return { transactions, transactionLoader: transactionByIdLoader(transactions) };
  },
  references: (deps) => ({ Transaction: resolveTransactionReference(deps) }),
  consumers: (deps) => [userDeletionConsumer("ledger", (manager, userId) => deps.transactions.purgeUser(manager, userId))],
});
