import type { DataSource, EntityManager } from "typeorm";

import type { EventBus } from "../../../platform/events/index.js";
import { type ConsumerDefinition, replayForUser } from "../../../platform/events/index.js";

/**
 * Rebuilds one user's read models from the topics: clears them, then applies the user's retained
 * events again through the same handlers, consumer by consumer in dependency order (preferences
 * and categories before the transactions that name them). What insights found or was told
 * (anomalies, suggestions made, dismissals, forecast warnings) is kept. Events the user writes
 * while it runs may be overwritten by older ones replayed after them: run it while they are not.
 */
export class ReadModelRebuild {
  constructor(
    private readonly dataSource: DataSource,
    private readonly log: Pick<EventBus, "replay">,
    private readonly consumers: readonly ConsumerDefinition[],
    private readonly purge: (manager: EntityManager, userId: string) => Promise<void>,
  ) {}

  /** Returns how many events were applied. */
  async user(userId: string): Promise<number> {
    await this.dataSource.transaction((manager) => this.purge(manager, userId));
    let applied = 0;
    for (const consumer of this.consumers) applied += await replayForUser(this.log, this.dataSource, consumer, userId);
    return applied;
  }
}
