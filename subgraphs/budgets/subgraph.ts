import { resolveOwnUserReference } from "../../platform/graphql/index.js";
import { userDeletionConsumer } from "../../platform/events/index.js";
import { defineSubgraph } from "../../platform/subgraph/index.js";
import { LEDGER_TRANSACTION_TOPIC } from "./events/ledger-events.js";
import { onTransactionPosted } from "./events/transaction-posted.handler.js";
import { CreateMonthlySpending1763769600300 } from "./migrations/1763769600300-create-monthly-spending.js";
import { MonthlySpendingEntity } from "./spending/monthly-spending.entity.js";
import { SpendingResolver } from "./spending/spending.resolver.js";
import { SpendingService } from "./spending/spending.service.js";
import { BudgetsUser } from "./users/user.type.js";

export interface BudgetsDeps {
  spending: SpendingService;
}

/** Budgets: lives on ledger events; keeps spending per user and month. */
export default defineSubgraph<BudgetsDeps>({
  name: "budgets",
  port: 4003,
  resolvers: [SpendingResolver],
  orphanedTypes: [BudgetsUser],
  entities: [MonthlySpendingEntity],
  migrations: [CreateMonthlySpending1763769600300],
  createDeps: (kit) => ({ spending: new SpendingService(kit.dataSource) }),
  references: () => ({ User: resolveOwnUserReference }),
  consumers: (deps) => [
    {
      name: "ledger-spending",
      topics: [LEDGER_TRANSACTION_TOPIC],
      handlers: { TransactionPosted: onTransactionPosted(deps.spending) },
    },
    userDeletionConsumer("budgets", (manager, userId) => deps.spending.purgeUser(manager, userId)),
  ],
});
