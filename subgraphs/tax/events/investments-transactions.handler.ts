import type { EntityManager } from "typeorm";

import type { ConsumerDefinition } from "../../../platform/events/index.js";
import {
  INVESTMENT_TRANSACTION_DELETED,
  INVESTMENT_TRANSACTION_RECORDED,
  INVESTMENT_TRANSACTION_UPDATED,
  INVESTMENTS_TRANSACTION_TOPIC,
  type InvestmentsTransactionEvents,
  type InvestmentTransactionSnapshotV1,
  REALIZED_GAINS_RESTATED,
  type RealizedLotV1,
} from "../../../schema/events/investments.js";
import type { EstimateStore } from "../estimates/estimate.store.js";
import type { InvestmentActivityStore } from "../investment-activity/investment-activity.store.js";

/**
 * Dividends, interest and the lots each sale realized, from investments' activity. Every event
 * states a transaction (or, for a restatement, every later sale of a security) as it now is, so
 * each is applied as a replacement; the years touched before and after get a new estimate.
 */
export function investmentsTransactionsConsumer(
  activity: InvestmentActivityStore,
  estimates: EstimateStore,
): ConsumerDefinition<InvestmentsTransactionEvents> {
  const apply = async (
    manager: EntityManager,
    before: InvestmentTransactionSnapshotV1,
    now: InvestmentTransactionSnapshotV1 | null,
    lots: RealizedLotV1[],
  ) => {
    const { userId, transactionId } = before;
    const touched = await activity.replaceIncome(manager, userId, transactionId, now);
    const sale = now ?? before;
    touched.push(
      ...(await activity.replaceSale(
        manager,
        { transactionId, userId, portfolioId: sale.portfolioId, securityId: sale.securityId, symbol: sale.symbol, currency: sale.currency },
        now?.type === "SELL" ? lots : [],
      )),
    );
    await estimates.markDirty(manager, userId, touched);
  };
  return {
    name: "tax-investment-activity",
    topics: [INVESTMENTS_TRANSACTION_TOPIC],
    handlers: {
      [INVESTMENT_TRANSACTION_RECORDED]: (event, manager) =>
        apply(manager, event.data.transaction, event.data.transaction, event.data.realizedLots),
      [INVESTMENT_TRANSACTION_UPDATED]: (event, manager) => apply(manager, event.data.before, event.data.after, event.data.realizedLots),
      [INVESTMENT_TRANSACTION_DELETED]: (event, manager) => apply(manager, event.data.transaction, null, []),
      [REALIZED_GAINS_RESTATED]: async (event, manager) => {
        const { userId, portfolioId, securityId, currency, from, sales } = event.data;
        const touched = await activity.restate(manager, { userId, portfolioId, securityId, symbol: null, currency }, from, sales);
        await estimates.markDirty(manager, userId, touched);
      },
    },
  };
}
