import type { EntityManager } from "typeorm";

import { TRANSACTION_UPDATED } from "../../../schema/events/ledger.js";
import { PostingEntity } from "../transactions/posting.entity.js";
import { TransactionEntity } from "../transactions/transaction.entity.js";
import { transactionSnapshot } from "../transactions/transaction.events.js";
import type { TransactionEventPublisher } from "../transactions/transaction-events.publisher.js";

/** Transactions one rate change may re-announce; beyond it, consumers keep the older figures. */
export const MAX_REPRICED = 20_000;
const CHUNK = 1000;

/**
 * When a user sets a day's rate, the income and expenses of that day in that currency get a new
 * base-currency amount: each is announced again as `TransactionUpdated` (before and after carry
 * the same transaction, newly priced), so read models such as budgets re-price them instead of
 * leaving them unconverted. Runs inside the rate write's transaction.
 */
export class Repricing {
  constructor(private readonly events: TransactionEventPublisher) {}

  async afterRatesSet(
    manager: EntityManager,
    userId: string,
    rates: ReadonlyArray<{ date: string; from: string; to: string }>,
    traceId: string,
  ): Promise<number> {
    const [settings] = await manager.query(`SELECT base_currency FROM ledger.user_settings WHERE user_id = $1`, [userId]);
    const base: string | undefined = settings?.base_currency;
    if (!base) return 0;
    const days = rates
      .filter((r) => r.from === base || r.to === base)
      .map((r) => ({ date: r.date, currency: r.from === base ? r.to : r.from }));
    if (days.length === 0) return 0;
    const rows: TransactionEntity[] = await manager
      .getRepository(TransactionEntity)
      .createQueryBuilder("t")
      .where("t.user_id = :userId AND t.deleted_at IS NULL AND t.kind <> 'TRANSFER'", { userId })
      .andWhere("(t.date, t.currency) IN (SELECT * FROM unnest(CAST(:dates AS date[]), CAST(:currencies AS text[])))", {
        dates: days.map((d) => d.date),
        currencies: days.map((d) => d.currency),
      })
      .orderBy("t.date")
      .addOrderBy("t.id")
      .limit(MAX_REPRICED)
      .getMany();
    for (let i = 0; i < rows.length; i += CHUNK) {
      const chunk = rows.slice(i, i + CHUNK);
      const legs = await manager
        .getRepository(PostingEntity)
        .createQueryBuilder("p")
        .where("p.transaction_id IN (:...ids)", { ids: chunk.map((t) => t.id) })
        .orderBy("p.position")
        .getMany();
      const events = chunk.map((t) => {
        const mine = legs.filter((l) => l.transactionId === t.id);
        return {
          type: TRANSACTION_UPDATED,
          data: { transactionId: t.id, userId, before: transactionSnapshot(t, mine), after: transactionSnapshot(t, mine) },
        };
      });
      await this.events.emitMany(manager, traceId, userId, events);
    }
    return rows.length;
  }
}
