import type { FxService } from "../fx/fx.service.js";
import { convertAtRate } from "../fx/fx-rate.js";
import type { PriceService } from "../prices/price.service.js";
import { dayNumber, dayString } from "./day-numbers.js";
import type { PriceHistory, RateHistory } from "./value-series.js";

/**
 * Market data for a valuation walk, read in bulk through market data's services: every security's
 * closes for the range in one statement (with the latest close before it), and each foreign
 * currency's rates into the portfolio's currency in one statement per currency.
 */
export class MarketHistories {
  constructor(
    private readonly prices: PriceService,
    private readonly fx: FxService,
  ) {}

  async priceHistories(
    userId: string,
    securityIds: readonly string[],
    firstDay: number,
    lastDay: number,
  ): Promise<Map<string, PriceHistory>> {
    const series = await this.prices.pricesBetween(userId, securityIds, dayString(firstDay), dayString(lastDay));
    const out = new Map<string, PriceHistory>();
    for (const [securityId, s] of series) out.set(securityId, { days: daysOf(s.dates), closes: s.closesMinor });
    return out;
  }

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
