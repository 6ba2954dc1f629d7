import DataLoader from "dataloader";

import { keyedLoader, type LoaderFactory } from "../../../platform/graphql/index.js";
import type { PostingEntity } from "./posting.entity.js";
import type { TransactionEntity } from "./transaction.entity.js";
import type { TransactionQueries } from "./transaction-query.service.js";

/** One query per request for every transaction reference, scoped to the caller in SQL. */
export const transactionByIdLoader =
  (transactions: TransactionQueries): LoaderFactory<string, TransactionEntity | null> =>
  (caller) =>
    keyedLoader(
      (ids) => (caller.userId ? transactions.findForUser(caller.userId, ids) : Promise.resolve([])),
      (t) => t.id,
    );

/** Every leg of every transaction on a page in one query. */
export const transactionLegsLoader =
  (transactions: TransactionQueries): LoaderFactory<string, PostingEntity[]> =>
  (caller) =>
    new DataLoader<string, PostingEntity[], string>(async (ids) => {
      const legs = caller.userId ? await transactions.legsFor(caller.userId, ids) : [];
      const byTransaction = new Map<string, PostingEntity[]>();
      for (const leg of legs) byTransaction.set(leg.transactionId, [...(byTransaction.get(leg.transactionId) ?? []), leg]);
      return ids.map((id) => byTransaction.get(id) ?? []);
    });
