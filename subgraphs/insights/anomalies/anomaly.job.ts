import type { Logger } from "pino";
import type { DataSource, EntityManager } from "typeorm";

import type { Outbox } from "../../../platform/events/index.js";
import { repeatEvery, type Repeating } from "../../../platform/jobs/index.js";
import type { LedgerCategoryTree } from "../../../platform/read-models/index.js";
import { addDays, type Clock } from "../../../platform/time/index.js";
import { ANOMALY_DETECTED, INSIGHTS_ANOMALY_TOPIC } from "../../../schema/events/insights.js";
import type { TracedChange, TransactionChange, TransactionReaction } from "../events/ledger-transactions.handler.js";
import type { HistoryService } from "../history/history.service.js";
import type { UserSettingsStore } from "../settings/user-settings.store.js";
import type { AnomalyStore } from "./anomaly.store.js";
import { scan } from "./index.js";

const TRACE = "insights-anomaly-job";
/** Anomalies older than this when first found (a first scan of a long history) are kept, not announced. */
export const ANNOUNCE_WITHIN_DAYS = 30;

/**
 * Looks for anomalies once per user whatever the number of changes: consumers only mark the user
 * (cheap inside an import of thousands of transactions); this job scans the user's last two
 * years, stores what it had not found before and announces the recent ones. Users are claimed
 * with SKIP LOCKED, so instances share the work.
 */
export class AnomalyJob implements TransactionReaction {
  private repeating: Repeating | undefined;
  private previousPass: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly store: AnomalyStore,
    private readonly history: HistoryService,
    private readonly settings: UserSettingsStore,
    private readonly tree: LedgerCategoryTree,
    private readonly outbox: Outbox,
    private readonly logger: Logger,
  ) {}

  async react(manager: EntityManager, change: TransactionChange): Promise<void> {
    if (change.now?.kind === "EXPENSE" || change.before?.kind === "EXPENSE")
      await this.store.markDirty(manager, (change.now ?? change.before)!.userId);
  }

  /** {@link react} on each change: marking a user twice is marking it once, so each user of the batch once, in one statement. */
  async reactMany(manager: EntityManager, changes: readonly TracedChange[]): Promise<void> {
    const users = new Set<string>();
    for (const { change } of changes)
      if (change.now?.kind === "EXPENSE" || change.before?.kind === "EXPENSE") users.add((change.now ?? change.before)!.userId);
    await this.store.markManyDirty(manager, [...users]);
  }

  start(everyMs: number): void {
    this.repeating = repeatEvery(everyMs, () => this.runPending(), this.logger, "anomaly job");
  }

  async stop(): Promise<void> {
    await this.repeating?.stop();
  }

  /** Scans every user waiting for it; passes of one instance run one after another, so a caller can rely on "done when it returns". */
  runPending(): Promise<number> {
    const pass = this.previousPass.then(() => this.drain());
    this.previousPass = pass.catch(() => undefined);
    return pass;
  }

  private async drain(): Promise<number> {
    let scanned = 0;
    for (let userId = await this.store.claimDirty(); userId; userId = await this.store.claimDirty()) {
      try {
        await this.dataSource.transaction((manager) => this.scanUser(manager, userId!));
      } catch (error) {
        // Marked again for the next pass, so a failure delays the user's scan without losing it.
        await this.dataSource.transaction((manager) => this.store.markDirty(manager, userId!));
        throw error;
      }
      scanned++;
    }
    return scanned;
  }

  private async scanUser(manager: EntityManager, userId: string): Promise<void> {
    const { baseCurrency } = await this.settings.get(userId, manager);
    const today = await this.settings.today(userId, manager);
    const names = new Map((await this.tree.list(userId, manager)).map((c) => [c.id, c.name]));
    const found = scan(await this.history.until(userId, today, undefined, manager), {
      currency: baseCurrency,
      categoryName: (id) => names.get(id) ?? "a category",
    });
    const now = this.clock.now();
    const fresh = await this.store.addNew(manager, userId, found, now);
    const recent = fresh.filter((a) => a.date >= addDays(today, -ANNOUNCE_WITHIN_DAYS));
    if (recent.length > 0) {
      await this.outbox.add(
        manager,
        TRACE,
        recent.map((a) => ({
          topic: INSIGHTS_ANOMALY_TOPIC,
          type: ANOMALY_DETECTED,
          key: userId,
          data: { anomalyId: a.id, userId, kind: a.kind, explanation: a.explanation, transactionIds: [...a.transactionIds] },
        })),
      );
    }
    await this.store.scanned(manager, userId, now);
  }
}
