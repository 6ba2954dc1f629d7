import DataLoader from "dataloader";

import { keyedLoader, type LoaderFactory } from "../../../platform/graphql/index.js";
import type { AccountEntity } from "./account.entity.js";
import type { AccountService } from "./account.service.js";

/** One query per request for every account reference, scoped to the caller in SQL. */
export const accountByIdLoader =
  (accounts: AccountService): LoaderFactory<string, AccountEntity | null> =>
  (caller) =>
    keyedLoader(
      (ids) => (caller.userId ? accounts.findForUser(caller.userId, ids) : Promise.resolve([])),
      (a) => a.id,
    );

/** Balances keyed "accountId" (today) or "accountId|YYYY-MM-DD": one statement per distinct date. */
export const accountBalanceLoader =
  (accounts: AccountService): LoaderFactory<string, bigint | null> =>
  (caller) =>
    new DataLoader<string, bigint | null, string>(async (keys) => {
      if (!caller.userId) return keys.map(() => null);
      const byDate = new Map<string, string[]>();
      for (const key of keys) {
        const [id, date = ""] = key.split("|");
        byDate.set(date, [...(byDate.get(date) ?? []), id!]);
      }
      const results = new Map<string, bigint>();
      for (const [date, ids] of byDate) {
        const balances = await accounts.balances(caller.userId, ids, date || undefined);
        for (const [id, balance] of balances) results.set(date ? `${id}|${date}` : id, balance);
      }
      return keys.map((key) => results.get(key) ?? null);
    });
