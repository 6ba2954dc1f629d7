import type { EntityManager } from "typeorm";

import type { Outbox } from "../../../platform/events/index.js";
import { INVESTMENTS_PORTFOLIO_TOPIC, PORTFOLIO_UPDATED, type PortfolioChangeV1 } from "../../../schema/events/investments.js";
import type { PortfolioValuer } from "./portfolio-value.js";

/**
 * Announces portfolio changes through the outbox, in the writer's transaction; key = user id.
 * Each carries the portfolio's value after the change (see PortfolioValuer), except a deletion's.
 */
export class PortfolioEvents {
  constructor(
    private readonly outbox: Outbox,
    private readonly valuer: PortfolioValuer,
  ) {}

  async updated(manager: EntityManager, traceId: string, userId: string, portfolioIds: readonly string[], change: PortfolioChangeV1) {
    const values = change === "USER_DELETED" ? new Map() : await this.valuer.of(manager, userId, portfolioIds);
    await this.outbox.add(
      manager,
      traceId,
      portfolioIds.map((portfolioId) => ({
        topic: INVESTMENTS_PORTFOLIO_TOPIC,
        type: PORTFOLIO_UPDATED,
        key: userId,
        data: { portfolioId, userId, change, ...values.get(portfolioId) },
      })),
    );
  }
}
