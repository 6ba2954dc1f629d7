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
  ): Promise<Map<string, RateHistory>> {
    const foreign = [...currencies].filter((c) => c !== into);
    const histories = await Promise.all(
      foreign.map(async (currency): Promise<[string, RateHistory]> => {
        const series = await this.fx.fxBetween(userId, currency, into, dayString(firstDay), dayString(lastDay));
        return [
          currency,
          {
            days: daysOf(series.dates),
            converters: series.rates.map((rate) => (minor: bigint) => convertAtRate({ amountMinor: minor, currency }, rate).amountMinor),
          },
        ];
      }),
    );
    return new Map(histories);
  }
}

const daysOf = (dates: readonly string[]): number[] => dates.map(dayNumber);
