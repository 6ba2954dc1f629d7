import { keyedLoader, type LoaderFactory } from "../../../platform/graphql/index.js";
import type { TransactionEntity } from "./transaction.entity.js";
import type { TransactionService } from "./transaction.service.js";

/** One query per request for every transaction reference, scoped to the caller in SQL. */
export const transactionByIdLoader =
  (transactions: TransactionService): LoaderFactory<string, TransactionEntity | null> =>
  (caller) =>
    keyedLoader((ids) => (caller.userId ? transactions.findForUser(caller.userId, ids) : Promise.resolve([])), (t) => t.id);
