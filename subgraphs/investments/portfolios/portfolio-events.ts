import type { EntityManager } from "typeorm";

import type { Outbox } from "../../../platform/events/index.js";
import { INVESTMENTS_PORTFOLIO_TOPIC, PORTFOLIO_UPDATED, type PortfolioChangeV1 } from "../../../schema/events/investments.js";

/** Announces portfolio changes through the outbox, in the writer's transaction; key = user id. */
export class PortfolioEvents {
  constructor(private readonly outbox: Outbox) {}

  async updated(manager: EntityManager, traceId: string, userId: string, portfolioIds: readonly string[], change: PortfolioChangeV1) {
    await this.outbox.add(
      manager,
      traceId,
      portfolioIds.map((portfolioId) => ({
        topic: INVESTMENTS_PORTFOLIO_TOPIC,
        type: PORTFOLIO_UPDATED,
        key: userId,
        data: { portfolioId, userId, change },
      })),
    );
  }
}
