import type { EntityManager } from "typeorm";

import type { Outbox } from "../../../platform/events/index.js";
import { LEDGER_TRANSACTION_TOPIC, TRANSACTION_UPDATED } from "../../../schema/events/ledger.js";
import { BaseAmounts } from "../currency/base-amounts.js";
import type { ExchangeRateQueries } from "../currency/exchange-rate-query.service.js";
import type { TransactionEvent } from "./transaction.events.js";

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

  async emit(manager: EntityManager, traceId: string, userId: string, event: TransactionEvent): Promise<void> {
    await this.emitMany(manager, traceId, userId, [event]);
  }

  /** Every `ledger.transaction.v1` event goes out here, with base-currency amounts filled in, in one outbox statement. */
  async emitMany(manager: EntityManager, traceId: string, userId: string, events: readonly TransactionEvent[]): Promise<void> {
    if (events.length === 0) return;
    const snapshots = events.flatMap((e) => (e.type === TRANSACTION_UPDATED ? [e.data.before, e.data.after] : [e.data]));
    await this.baseAmounts.fill(manager, userId, snapshots);
    // Object.assign, not a spread: an import publishes 50,000 of these.
    await this.outbox.add(
      manager,
      traceId,
      events.map((e) => Object.assign({ topic: LEDGER_TRANSACTION_TOPIC, key: userId }, e)),
    );
  }
}
