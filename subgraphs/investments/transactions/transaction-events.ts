import type { EntityManager } from "typeorm";

import type { Outbox } from "../../../platform/events/index.js";
import {
  INVESTMENT_TRANSACTION_DELETED,
  INVESTMENT_TRANSACTION_RECORDED,
  INVESTMENT_TRANSACTION_UPDATED,
  INVESTMENTS_TRANSACTION_TOPIC,
  type InvestmentTransactionSnapshotV1,
  REALIZED_GAINS_RESTATED,
  type RealizedLotV1,
  type RestatedSaleV1,
} from "../../../schema/events/investments.js";
import type { PositionState, RealizedLot } from "../lots/index.js";
import { formatQuantity } from "../quantities/index.js";
import type { ActivityRecord } from "./activity-record.js";

/** A written activity and its symbol, for an event. */
export interface Announced {
  record: ActivityRecord;
  symbol: string | null;
}

/** A security whose sales a write may have restated, replayed as it now stands. */
export interface Replayed {
  securityId: string;
  currency: string;
  /** The earliest date the write touched. */
  from: string;
  state: PositionState;
}

export function snapshotOf({ record, symbol }: Announced, userId: string): InvestmentTransactionSnapshotV1 {
  const text = (value: bigint | null) => (value === null ? null : value.toString());
  return {
    transactionId: record.id,
    portfolioId: record.portfolioId,
    userId,
    type: record.type,
    securityId: record.securityId,
    symbol,
    date: record.date,
    currency: record.currency,
    quantity: record.quantity === null ? null : formatQuantity(record.quantity),
    priceMinor: text(record.priceMinor),
    feeMinor: record.feeMinor.toString(),
    amountMinor: text(record.amountMinor),
    splitRatio: record.splitRatio === null ? null : formatQuantity(record.splitRatio),
  };
}

export function realizedLotV1(lot: RealizedLot): RealizedLotV1 {
  return {
    openedBy: lot.openedBy,
    acquiredOn: lot.acquiredOn,
    soldOn: lot.soldOn,
    quantity: formatQuantity(lot.quantity),
    costMinor: lot.costMinor.toString(),
    proceedsMinor: lot.proceedsMinor.toString(),
    gainMinor: lot.gainMinor.toString(),
    term: lot.term,
  };
}

const lotsOf = (state: PositionState | undefined, saleId: string) =>
  (state?.realized ?? []).filter((lot) => lot.activityId === saleId).map(realizedLotV1);

/**
 * Publishes activity changes through the outbox in the writer's transaction (key = user id): each
 * entry, edit and deletion, with the lots a SELL closed, and a restatement of later sales whose
 * lots the change moved, so a tax consumer never keeps stale realized gains.
 */
export class TransactionEvents {
  constructor(private readonly outbox: Outbox) {}

  async recorded(
    manager: EntityManager,
    traceId: string,
    userId: string,
    entries: readonly Announced[],
    states: Map<string, PositionState>,
  ) {
    await this.outbox.add(
      manager,
      traceId,
      entries.map((entry) => ({
        topic: INVESTMENTS_TRANSACTION_TOPIC,
        type: INVESTMENT_TRANSACTION_RECORDED,
        key: userId,
        data: {
          transaction: snapshotOf(entry, userId),
          realizedLots: entry.record.type === "SELL" ? lotsOf(states.get(entry.record.securityId ?? ""), entry.record.id) : [],
        },
      })),
    );
  }

  async updated(manager: EntityManager, traceId: string, userId: string, before: Announced, after: Announced, state?: PositionState) {
    await this.outbox.add(manager, traceId, [
      {
        topic: INVESTMENTS_TRANSACTION_TOPIC,
        type: INVESTMENT_TRANSACTION_UPDATED,
        key: userId,
        data: {
          before: snapshotOf(before, userId),
          after: snapshotOf(after, userId),
          realizedLots: after.record.type === "SELL" ? lotsOf(state, after.record.id) : [],
        },
      },
    ]);
  }

  async deleted(manager: EntityManager, traceId: string, userId: string, entry: Announced) {
    await this.outbox.add(manager, traceId, [
      {
        topic: INVESTMENTS_TRANSACTION_TOPIC,
        type: INVESTMENT_TRANSACTION_DELETED,
        key: userId,
        data: { transaction: snapshotOf(entry, userId) },
      },
    ]);
  }

  /** Every SELL on or after `from` in each replayed security, except those the write announces itself. */
  async restated(
    manager: EntityManager,
    traceId: string,
    userId: string,
    portfolioId: string,
    replayed: readonly Replayed[],
    announced: ReadonlySet<string>,
  ) {
    const events = [];
    for (const { securityId, currency, from, state } of replayed) {
      const sales = new Map<string, RestatedSaleV1>();
      for (const lot of state.realized) {
        if (lot.soldOn < from || announced.has(lot.activityId)) continue;
        const sale = sales.get(lot.activityId) ?? { transactionId: lot.activityId, date: lot.soldOn, realizedLots: [] };
        sale.realizedLots.push(realizedLotV1(lot));
        sales.set(lot.activityId, sale);
      }
      if (sales.size === 0) continue;
      events.push({
        topic: INVESTMENTS_TRANSACTION_TOPIC,
        type: REALIZED_GAINS_RESTATED,
        key: userId,
        data: { userId, portfolioId, securityId, currency, from, sales: [...sales.values()] },
      });
    }
    if (events.length > 0) await this.outbox.add(manager, traceId, events);
  }
}
