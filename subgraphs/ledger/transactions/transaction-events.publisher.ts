import type { EntityManager } from "typeorm";
import type { Outbox } from "../../../platform/events/index.js";
import { BaseAmounts } from "../currency/base-amounts.js";
import type { ExchangeRateQueries } from "../currency/exchange-rate-query.service.js";
import { TRANSACTION_TOPIC, type TransactionSnapshotV1, type TransactionUpdatedV1 } from "./transaction.events.js";

/**
 * The only way a `ledger.transaction.v1` event reaches the outbox. It owns the base-currency
 * enrichment, so no event can leave without it: budgets count spending by these base amounts.
 * Commands, imports, recurring posting, rules and repricing all publish through it.
 */
export class TransactionEventPublisher {
  private readonly baseAmounts: BaseAmounts;

  constructor(
    private readonly outbox: Outbox,
    rates: ExchangeRateQueries,
  ) {
    this.baseAmounts = new BaseAmounts(rates);
  }

  async emit(manager: EntityManager, traceId: string, userId: string, type: string, data: TransactionSnapshotV1 | TransactionUpdatedV1): Promise<void> {
    await this.emitMany(manager, traceId, userId, [{ type, data }]);
  }

  /** Every `ledger.transaction.v1` event goes out here, with base-currency amounts filled in, in one outbox statement. */
  async emitMany(manager: EntityManager, traceId: string, userId: string, events: Array<{ type: string; data: TransactionSnapshotV1 | TransactionUpdatedV1 }>): Promise<void> {
    if (events.length === 0) return;
    const snapshots = events.flatMap(({ data }) => ("before" in data ? [data.before, data.after] : [data]));
    await this.baseAmounts.fill(manager, userId, snapshots);
    await this.outbox.add(manager, traceId, events.map(({ type, data }) => ({ topic: TRANSACTION_TOPIC, type, key: userId, data })));
  }
}
