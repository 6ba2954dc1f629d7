import type { Logger } from "pino";
import type { DataSource, EntityManager } from "typeorm";

import { isClientError } from "../../../platform/errors/index.js";
import type { Outbox } from "../../../platform/events/index.js";
import { repeatEvery, type Repeating } from "../../../platform/jobs/index.js";
import type { Clock } from "../../../platform/time/index.js";
import { TAX_ESTIMATE_CHANGED, TAX_SUMMARY_TOPIC } from "../../../schema/events/tax.js";
import type { ComputedSummary, TaxSummaryService } from "../summary/summary.service.js";
import type { EstimateStore, StoredEstimate } from "./estimate.store.js";

/** Trace id of the events the job writes (no request behind them). */
const TRACE = "tax-estimate-job";

export const estimateId = (userId: string, year: number) => `${userId}:${year}`;

/**
 * Recomputes each year marked dirty, once however many changes marked it, and announces
 * `TaxEstimateChanged` when the estimate, the withholding or the revision moved. Each year is
 * claimed with SKIP LOCKED in its own transaction, so instances share the work and a consumer
 * marking the year again while it is computed gets it recomputed on the next pass.
 */
export class EstimateJob {
  private repeating: Repeating | undefined;
  private previousPass: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly store: EstimateStore,
    private readonly summaries: TaxSummaryService,
    private readonly outbox: Outbox,
    private readonly logger: Logger,
  ) {}

  start(everyMs: number): void {
    this.repeating = repeatEvery(everyMs, () => this.runPending(), this.logger, "tax estimate job");
  }

  async stop(): Promise<void> {
    await this.repeating?.stop();
  }

  /**
   * Recomputes dirty years until none is left (or `max` were done); returns how many. Passes of
   * one instance run one after another: a pass started while the timer's is still computing a
   * year would skip that locked year and return before its estimate is stored, so a caller
   * (a test, a shutdown) could not rely on "every year dirty when I called is now settled".
   */
  runPending(max = 1_000): Promise<number> {
    const pass = this.previousPass.then(() => this.drain(max));
    this.previousPass = pass.catch(() => undefined);
    return pass;
  }

  private async drain(max: number): Promise<number> {
    let done = 0;
    while (done < max && (await this.dataSource.transaction((manager) => this.recomputeOne(manager)))) done++;
    return done;
  }

  private async recomputeOne(manager: EntityManager): Promise<boolean> {
    const claimed = await this.store.claimDirty(manager);
    if (!claimed) return false;
    let computed: ComputedSummary;
    try {
      computed = await this.summaries.compute(claimed.userId, claimed.year, manager);
    } catch (err) {
      // A year without tables for the profile's jurisdiction has no estimate. Anything else is a
      // bug: logged, and the year left as it was so it cannot hold up the others.
      if (!isClientError(err)) this.logger.error({ err, userId: claimed.userId, year: claimed.year }, "tax estimate failed");
      await this.store.settle(manager, { ...claimed, currency: null }, this.clock.now());
      return true;
    }
    const s = computed.summary;
    const next: StoredEstimate & { currency: string } = {
      userId: claimed.userId,
      year: claimed.year,
      revision: s.revision,
      currency: s.currency,
      estimatedTaxMinor: s.estimatedTaxMinor,
      withheldMinor: s.withheld.totalMinor,
      leftToPayMinor: s.leftToPayMinor,
    };
    await this.store.settle(manager, next, this.clock.now());
    const changed =
      claimed.estimatedTaxMinor !== next.estimatedTaxMinor ||
      claimed.withheldMinor !== next.withheldMinor ||
      claimed.leftToPayMinor !== next.leftToPayMinor ||
      claimed.revision !== next.revision;
    if (changed) {
      await this.outbox.add(manager, TRACE, [
        {
          topic: TAX_SUMMARY_TOPIC,
          type: TAX_ESTIMATE_CHANGED,
          key: claimed.userId,
          data: {
            estimateId: estimateId(claimed.userId, claimed.year),
            userId: claimed.userId,
            year: claimed.year,
            jurisdiction: s.jurisdiction,
            revision: s.revision,
            currency: s.currency,
            estimatedTaxMinor: s.estimatedTaxMinor.toString(),
            withheldMinor: s.withheld.totalMinor.toString(),
            leftToPayMinor: s.leftToPayMinor.toString(),
            previousEstimatedTaxMinor: claimed.estimatedTaxMinor?.toString() ?? null,
          },
        },
      ]);
    }
    return true;
  }
}
