import type { EntityManager } from "typeorm";

import type { FxService } from "../fx/fx.service.js";
import { convertAtRate } from "../fx/fx-rate.js";
import { dayNumber, dayString } from "./day-numbers.js";
import type { RateHistory } from "./value-series.js";

/**
 * Exchange rates for a valuation walk, through market data's FX service: each foreign currency's
 * rates into the portfolio's currency over the range (with the latest before it), one statement
 * per currency.
 */
export class RateHistories {
  constructor(private readonly fx: FxService) {}

  async rateHistories(
    userId: string,
    currencies: Iterable<string>,
    into: string,
    firstDay: number,
    lastDay: number,
    manager?: EntityManager,
  ): Promise<Map<string, RateHistory>> {
    const foreign = [...currencies].filter((c) => c !== into);
    // One at a time inside a transaction: never several statements at once on one transaction's connection.
    const histories: Array<[string, RateHistory]> = [];
    const historyOf = async (currency: string): Promise<[string, RateHistory]> => {
      const series = await this.fx.fxBetween(userId, currency, into, dayString(firstDay), dayString(lastDay), manager);
      return [
        currency,
        {
          days: daysOf(series.dates),
          converters: series.rates.map((rate) => (minor: bigint) => convertAtRate({ amountMinor: minor, currency }, rate).amountMinor),
        },
      ];
    };
    if (manager) for (const currency of foreign) histories.push(await historyOf(currency));
    else histories.push(...(await Promise.all(foreign.map(historyOf))));
    return new Map(histories);
  }
}

const daysOf = (dates: readonly string[]): number[] => dates.map(dayNumber);
