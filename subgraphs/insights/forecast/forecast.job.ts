import type { Logger } from "pino";
import type { DataSource } from "typeorm";

import { isClientError } from "../../../platform/errors/index.js";
import type { Outbox } from "../../../platform/events/index.js";
import { repeatEvery, type Repeating } from "../../../platform/jobs/index.js";
import { addDays, type Clock, utcDay } from "../../../platform/time/index.js";
import { INSIGHTS_FORECAST_TOPIC, NEGATIVE_BALANCE_PROJECTED } from "../../../schema/events/insights.js";
import type { ForecastService } from "./forecast.service.js";
import type { ForecastWarningStore } from "./forecast-warning.store.js";
import { DEFAULT_AVERAGE_WEEKS } from "./index.js";

/** Days ahead the daily pass looks for a balance going below zero. */
export const FORECAST_WARNING_DAYS = 30;
/** Users read per page. */
const BATCH = 100;
const TRACE = "insights-forecast-job";

/**
 * The daily forecast pass: projects the next 30 days for every user with a schedule or recent
 * transactions, and announces `NegativeBalanceProjected` for each account going below zero,
 * once per (account, first day below zero): a later pass that finds the same day says nothing,
 * one that finds another day (the outlook moved) announces that. Each user's warnings are claimed
 * and announced in one transaction, so a concurrent pass of another instance cannot announce
 * them again, and a user whose projection fails is logged and does not hold up the others.
 */
export class ForecastJob {
  private repeating: Repeating | undefined;

  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly forecasts: ForecastService,
    private readonly warnings: ForecastWarningStore,
    private readonly outbox: Outbox,
    private readonly logger: Logger,
  ) {}

  start(everyMs: number): void {
    this.repeating = repeatEvery(everyMs, () => this.run(), this.logger, "forecast job");
  }

  async stop(): Promise<void> {
    await this.repeating?.stop();
  }

  /** One pass over every user worth projecting; answers how many warnings it announced. */
  async run(): Promise<number> {
    const day = utcDay(this.clock.now());
    // A user's own day is at most a day either side of UTC's: a day's margin both ways.
    await this.warnings.forgetBefore(addDays(day, -2));
    const since = addDays(day, -7 * DEFAULT_AVERAGE_WEEKS - 1);
    let announced = 0;
    let after: string | null = null;
    for (;;) {
      const users = await this.warnings.usersToProject(since, after, BATCH);
      for (const userId of users) announced += await this.forUser(userId);
      if (users.length < BATCH) return announced;
      after = users.at(-1)!;
    }
  }

  private async forUser(userId: string): Promise<number> {
    try {
      const { projection } = await this.forecasts.project(userId, FORECAST_WARNING_DAYS);
      if (projection.warnings.length === 0) return 0;
      return await this.dataSource.transaction(async (manager) => {
        let announced = 0;
        for (const w of projection.warnings) {
          if (!(await this.warnings.claim(manager, userId, w, this.clock.now()))) continue;
          await this.outbox.add(manager, TRACE, [
            {
              topic: INSIGHTS_FORECAST_TOPIC,
              type: NEGATIVE_BALANCE_PROJECTED,
              key: userId,
              data: {
                userId,
                accountId: w.accountId,
                currency: w.currency,
                firstDate: w.firstDate,
                lowestBalanceMinor: w.lowest.balanceMinor.toString(),
                lowestDate: w.lowest.date,
              },
            },
          ]);
          announced++;
        }
        return announced;
      });
    } catch (err) {
      // A schedule or a setting the projection cannot read is the user's data, not a fault: noted, not alarmed.
      this.logger[isClientError(err) ? "warn" : "error"]({ err, userId }, "cash-flow forecast failed");
      return 0;
    }
  }
}
