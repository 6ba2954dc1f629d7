import type { EntityManager } from "typeorm";

import type { ConsumerDefinition } from "../../../platform/events/index.js";
import { INVESTMENTS_PRICE_TOPIC, type InvestmentsPriceEvents, PRICES_UPDATED } from "../../../schema/events/investments.js";
import type { PortfolioEvents } from "../portfolios/portfolio-events.js";

/**
 * New prices change the value of every portfolio with activity in those securities: each gets a
 * PortfolioUpdated (keyed by its owner) so live dashboards re-read it. A user's own prices reach
 * only their portfolios; shared ones every holder's. Archived portfolios still move with prices.
 */
export function pricesConsumer(events: PortfolioEvents): ConsumerDefinition<InvestmentsPriceEvents> {
  return {
    name: "portfolio-prices",
    topics: [INVESTMENTS_PRICE_TOPIC],
    handlers: {
      [PRICES_UPDATED]: async (event, manager) => {
        const { securityIds, userId } = event.data;
        for (const [owner, portfolioIds] of await affected(manager, securityIds, userId))
          await events.updated(manager, event.traceId, owner, portfolioIds, "PRICES");
      },
    },
  };
}

async function affected(manager: EntityManager, securityIds: readonly string[], userId: string | null): Promise<Map<string, string[]>> {
  const rows: Array<{ user_id: string; portfolio_id: string }> = await manager.query(
    `SELECT DISTINCT user_id, portfolio_id FROM investments.transactions
     WHERE security_id = ANY($1::uuid[]) AND ($2::uuid IS NULL OR user_id = $2::uuid)`,
    [securityIds, userId],
  );
  const byOwner = new Map<string, string[]>();
  for (const row of rows) byOwner.set(row.user_id, [...(byOwner.get(row.user_id) ?? []), row.portfolio_id]);
  return byOwner;
}
