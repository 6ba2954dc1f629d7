import type { EntityManager } from "typeorm";

import type { Outbox, OutboxWrite } from "../../../platform/events/index.js";
import { LEDGER_TRANSACTION_TOPIC, TRANSACTION_UPDATED } from "../../../schema/events/ledger.js";
import { BaseAmounts } from "../currency/base-amounts.js";
import type { ExchangeRateQueries, ToBase } from "../currency/exchange-rate-query.service.js";
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
    await this.outbox.add(manager, traceId, await this.enrich(manager, userId, events));
  }

  /**
   * The outbox rows of `events`, base amounts filled in, for a write that inserts them in its own
   * statement (TransactionWriter.insertEntries): one round trip for the rows and their events.
   * `toBase`: the base currency and rates, when the write has read them already.
   */
  async prepare(
    manager: EntityManager,
    traceId: string,
    userId: string,
    events: readonly TransactionEvent[],
    toBase?: ToBase,
  ): Promise<OutboxWrite> {
    return this.outbox.prepare(traceId, await this.enrich(manager, userId, events, toBase));
  }

  private async enrich(manager: EntityManager, userId: string, events: readonly TransactionEvent[], toBase?: ToBase) {
    const snapshots = events.flatMap((e) => (e.type === TRANSACTION_UPDATED ? [e.data.before, e.data.after] : [e.data]));
    if (toBase) this.baseAmounts.fillWith(toBase, snapshots);
    else await this.baseAmounts.fill(manager, userId, snapshots);
    // Object.assign, not a spread: an import publishes 50,000 of these.
    return events.map((e) => Object.assign({ topic: LEDGER_TRANSACTION_TOPIC, key: userId }, e));
  }
}
