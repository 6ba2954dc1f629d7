import type { EntityManager } from "typeorm";

import { addDays } from "../../../platform/time/index.js";
import type { TransactionStore } from "../transactions/transaction.store.js";
import type { HistoryItem } from "./history-item.js";

/** How far back the pattern detectors read: two years catch a yearly charge twice; anomalies need one. */
export const HISTORY_DAYS = 731;

/** The user's incomes and expenses as the pattern detectors read them: in the base currency (lines without a rate left out). */
export class HistoryService {
  constructor(private readonly transactions: TransactionStore) {}

  async until(userId: string, today: string, days = HISTORY_DAYS, manager?: EntityManager): Promise<HistoryItem[]> {
    const rows = await this.transactions.between(userId, addDays(today, -days), today, manager);
    const items: HistoryItem[] = [];
    for (const t of rows) {
      if (t.baseAmountMinor === null || t.kind === "TRANSFER") continue;
      items.push({
        transactionId: t.id,
        accountId: t.accountId,
        date: t.date,
        payee: t.payee,
        merchantKey: t.merchantKey,
        categoryId: t.categoryId,
        amountMinor: t.baseAmountMinor,
        kind: t.kind,
      });
    }
    return items;
  }
}
