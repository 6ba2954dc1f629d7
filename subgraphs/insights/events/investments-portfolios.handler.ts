import type { ConsumerDefinition } from "../../../platform/events/index.js";
import { INVESTMENTS_PORTFOLIO_TOPIC, type InvestmentsPortfolioEvents, PORTFOLIO_UPDATED } from "../../../schema/events/investments.js";
import type { PortfolioValueStore } from "../networth/portfolio-value.store.js";

/**
 * Portfolio values for net worth. An event without a value (a price or rate was missing, the
 * portfolio's owner was deleted, or it was written before investments sent values) changes
 * nothing: the last known value carries on. A deletion's is also the one that could arrive after
 * insights purged the user.
 */
export function investmentsPortfoliosConsumer(values: PortfolioValueStore): ConsumerDefinition<InvestmentsPortfolioEvents> {
  return {
    name: "insights-investments-portfolios",
    topics: [INVESTMENTS_PORTFOLIO_TOPIC],
    handlers: {
      [PORTFOLIO_UPDATED]: async (event, manager) => {
        const { portfolioId, userId, change, valueMinor, currency, valuedOn } = event.data;
        if (change === "USER_DELETED" || valueMinor === undefined || currency === undefined || valuedOn === undefined) return;
        await values.record(manager, userId, { portfolioId, date: valuedOn, currency, valueMinor: BigInt(valueMinor) });
      },
    },
  };
}
