import type { EntityManager } from "typeorm";

import type { Outbox } from "../../../platform/events/index.js";
import { INVESTMENTS_PRICE_TOPIC, PRICES_UPDATED } from "../../../schema/events/investments.js";

/** Announces changed closes in the transaction that writes them (`investments.price.v1`). */
export class PriceEvents {
  constructor(private readonly outbox: Outbox) {}

  /** One event for the lot; nothing when nothing changed. `userId` null: shared (a feed's) prices. */
  async updated(
    manager: EntityManager,
    traceId: string,
    userId: string | null,
    prices: ReadonlyArray<{ securityId: string; date: string }>,
  ): Promise<void> {
    if (prices.length === 0) return;
    const securityIds = [...new Set(prices.map((p) => p.securityId))];
    const dates = prices.map((p) => p.date).sort();
    await this.outbox.add(manager, traceId, [
      {
        topic: INVESTMENTS_PRICE_TOPIC,
        type: PRICES_UPDATED,
        key: userId ?? securityIds[0]!,
        data: { securityIds, userId, dates: { from: dates[0]!, to: dates.at(-1)! } },
      },
    ]);
  }
}
